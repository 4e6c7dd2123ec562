package org.recsys.interfaces.feedback.rest;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "FeedbackPage")
public record FeedbackPage(
        List<FeedbackResponse> items,
        @Schema(description = "Pass as `cursor` to get the next page; absent on the last page") String nextCursor) {
}
