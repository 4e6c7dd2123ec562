package org.recsys.application.event;

import java.util.List;
import org.recsys.domain.model.feedback.FeedbackEvent;

/** New feedback events were stored (duplicates excluded). */
public record FeedbackRecorded(List<FeedbackEvent> events) {
}
