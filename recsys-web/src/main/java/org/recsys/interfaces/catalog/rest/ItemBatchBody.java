package org.recsys.interfaces.catalog.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Up to 10,000 items, created or replaced together or not at all. */
@Schema(name = "ItemBatchBody")
public record ItemBatchBody(
        @NotEmpty @Size(max = MAX_ITEMS, message = "may hold at most 10000 items per request")
        List<@NotNull @Valid ItemBody> items) {

    /** The most elements one request may hold. */
    public static final int MAX_ITEMS = 10_000;
}
