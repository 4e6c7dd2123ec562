package org.recsys.interfaces.users.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.recsys.application.UserDraft;
import org.recsys.domain.model.shared.Identifiers;

/** A user as a partner sends it. In {@code PUT /users/{id}} the id comes from the path and may be left out here. */
@Schema(name = "UserBody")
public record UserBody(
        @Pattern(regexp = Identifiers.PATTERN, message = "must be " + Identifiers.RULE)
        @Schema(description = "The partner's own id; required in batches", example = "u-1001") String id,
        @Size(max = 50, message = "may hold at most 50 attributes")
        @Schema(description = "Free-form attributes", example = "{\"country\": \"DE\", \"plan\": \"pro\"}")
        Map<@NotNull @Size(min = 1, max = 64) String, @NotNull @Size(max = 1000) String> attributes,
        @Size(max = 10000)
        @Schema(description = "What the user likes, in their own words; gives new users personal results at once",
                example = "Jazz guitar, vintage amplifiers and home recording")
        String preferenceText) {

    UserDraft toDraft(String userId) {
        return new UserDraft(userId, attributes, preferenceText);
    }
}
