package org.recsys.application.serving;

import java.util.List;

/** One answer: its id (quote it in feedback), the strategy that made it, and the items. */
public record RecommendationList(String recommendationId, String userId, Strategy strategy,
                                 List<RecommendedItem> items) {
}
