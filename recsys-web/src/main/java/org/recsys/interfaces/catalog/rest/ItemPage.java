package org.recsys.interfaces.catalog.rest;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ItemPage")
public record ItemPage(
        List<ItemResponse> items,
        @Schema(description = "Pass as `cursor` to get the next page; absent on the last page") String nextCursor) {
}
