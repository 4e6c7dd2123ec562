package org.recsys.interfaces.catalog.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.recsys.application.ItemDraft;
import org.recsys.domain.model.item.ItemDescription;
import org.recsys.domain.model.shared.Identifiers;

/** An item as a partner sends it. In {@code PUT /items/{id}} the id comes from the path and may be left out here. */
@Schema(name = "ItemBody")
public record ItemBody(
        @Pattern(regexp = Identifiers.PATTERN, message = "must be " + Identifiers.RULE)
        @Schema(description = "The partner's own id; required in batches", example = "sku-778") String id,
        @NotBlank @Size(max = 500)
        @Schema(example = "Hollow-body jazz guitar, sunburst") String title,
        @Size(max = 20000)
        @Schema(description = "Free text; the encoder reads title and description",
                example = "Warm, round tone for jazz and blues; two humbuckers, maple top.") String description,
        @Size(max = 20, message = "may hold at most 20 categories")
        @Schema(example = "[\"guitars\", \"jazz\"]")
        List<@NotBlank @Size(max = 100) String> categories,
        @Size(max = 50, message = "may hold at most 50 attributes")
        @Schema(example = "{\"brand\": \"Acme\", \"price\": \"899\"}")
        Map<@NotNull @Size(min = 1, max = 64) String, @NotNull @Size(max = 1000) String> attributes) {

    ItemDraft toDraft(String itemId) {
        return new ItemDraft(itemId, new ItemDescription(title, description, categories, attributes));
    }
}
