package org.recsys.application;

import java.util.List;
import org.recsys.domain.model.feedback.FeedbackEvent;

/**
 * What recording a batch of feedback did: how many events were new, and how many repeated an idempotency key that
 * was already stored (or appeared earlier in the same batch).
 */
public record RecordOutcome(int received, int stored, int duplicates, int usersCreated,
                            List<FeedbackEvent> storedEvents) {
}
