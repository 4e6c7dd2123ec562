package org.recsys.interfaces.users.rest;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "UserPage")
public record UserPage(
        List<UserResponse> items,
        @Schema(description = "Pass as `cursor` to get the next page; absent on the last page") String nextCursor) {
}
