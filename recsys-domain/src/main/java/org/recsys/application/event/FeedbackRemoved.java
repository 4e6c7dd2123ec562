package org.recsys.application.event;

import java.util.List;
import org.recsys.domain.model.feedback.FeedbackEvent;

/** Stored feedback events were deleted (a user erased, or older than the retention period). */
public record FeedbackRemoved(List<FeedbackEvent> events) {
}
