package org.recsys.application.serving;

import java.util.Set;

/**
 * What a partner asks for.
 *
 * @param userId          the user
 * @param count           how many items
 * @param categories      only items in one of these categories (empty: all)
 * @param excluded        items not to return this time
 * @param includeConsumed whether items the user already viewed, bought or rated may come back
 */
public record RecommendationRequest(String userId, int count, Set<String> categories, Set<String> excluded,
                                    boolean includeConsumed) {

    public RecommendationRequest {
        categories = Set.copyOf(categories);
        excluded = Set.copyOf(excluded);
    }
}
