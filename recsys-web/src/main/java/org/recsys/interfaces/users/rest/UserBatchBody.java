package org.recsys.interfaces.users.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Up to 10,000 users, created or replaced together or not at all. */
@Schema(name = "UserBatchBody")
public record UserBatchBody(
        @NotEmpty @Size(max = MAX_USERS, message = "may hold at most 10000 users per request")
        List<@NotNull @Valid UserBody> users) {

    /** The most elements one request may hold. */
    public static final int MAX_USERS = 10_000;
}
