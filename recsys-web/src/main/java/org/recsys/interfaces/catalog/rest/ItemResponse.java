package org.recsys.interfaces.catalog.rest;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.recsys.domain.model.item.Item;

@Schema(name = "Item")
public record ItemResponse(
        @Schema(example = "sku-778") String id,
        String title,
        String description,
        List<String> categories,
        Map<String, String> attributes,
        @Schema(description = "Where the item came from: api, demo-synthetic or import:<format>", example = "api")
        String source,
        Instant createdAt,
        Instant updatedAt) {

    public static ItemResponse of(Item item) {
        return new ItemResponse(item.id(), item.title(), item.descriptionText(), item.categories(), item.attributes(),
                item.source(), item.createdAt(), item.updatedAt());
    }
}
