package org.recsys.interfaces.feedback.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Up to 10,000 events, stored together or not at all. */
@Schema(name = "FeedbackBatchBody")
public record FeedbackBatchBody(
        @NotEmpty @Size(max = MAX_EVENTS, message = "may hold at most 10000 events per request")
        List<@NotNull @Valid FeedbackBody> events) {

    /** The most elements one request may hold. */
    public static final int MAX_EVENTS = 10_000;
}
