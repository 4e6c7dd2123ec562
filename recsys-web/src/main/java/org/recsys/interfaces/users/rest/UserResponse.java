package org.recsys.interfaces.users.rest;

import java.time.Instant;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.recsys.domain.model.user.User;

@Schema(name = "User")
public record UserResponse(
        @Schema(example = "u-1001") String id,
        Map<String, String> attributes,
        String preferenceText,
        @Schema(description = "Where the user came from: api, demo-synthetic or import:<format>", example = "api")
        String source,
        Instant createdAt,
        Instant updatedAt) {

    public static UserResponse of(User user) {
        return new UserResponse(user.id(), user.attributes(), user.preferenceText(), user.source(),
                user.createdAt(), user.updatedAt());
    }
}
