package org.recsys.ml.rank;

import org.recsys.ml.interest.InterestPoint;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What the recommender knows about one user for one request.
 *
 * @param userId          user id (for the rating model), may be {@code null}
 * @param profileVector   unit-length profile vector, or {@code null}
 * @param interests       interest points with weights, may be empty
 * @param likedItemIds    items the user liked, most recent first (for "because you liked ..." explanations)
 * @param excludedItemIds items never to return: consumed, disliked, not interested, excluded by the request
 * @param categories      allowed categories, or empty for all
 * @param history         items the user consumed or liked (not rejected), most recent first: the input of the
 *                        collaborative-filtering sources
 * @param statedPreference whether the profile vector holds the user's own preference text (which only the
 *                         new-user ranker reads)
 */
public record UserState(String userId, float[] profileVector, List<InterestPoint> interests,
                        List<String> likedItemIds, Set<String> excludedItemIds, Set<String> categories,
                        List<String> history, boolean statedPreference) {

    /**
     * The items this user may be shown from a catalogue snapshot: active, not excluded, in an allowed category, and
     * accepted by the extra filter (or {@code null}).
     */
    public ItemFilter allowedIn(ItemCatalogue catalogue, ItemFilter extra) {
        int n = catalogue.size();
        long[] excluded = new long[(n + 63) >>> 6];
        for (String id : excludedItemIds) {
            int position = catalogue.position(id);
            if (position >= 0) {
                excluded[position >>> 6] |= 1L << position;
            }
        }
        boolean[] allowedCategory = null;
        if (!categories.isEmpty()) {
            allowedCategory = new boolean[catalogue.categoryCount()];
            for (String name : categories) {
                int category = catalogue.categoryIndex(name);
                if (category >= 0) {
                    allowedCategory[category] = true;
                }
            }
        }
        boolean[] allowed = allowedCategory;
        return item -> (excluded[item >>> 6] & (1L << item)) == 0 && catalogue.isActive(item)
                && (allowed == null || (catalogue.categories[item] >= 0 && allowed[catalogue.categories[item]]))
                && (extra == null || extra.accept(item));
    }

    /** Starts a user state. */
    public static Builder builder(String userId) {
        return new Builder(userId);
    }

    /** True when there is nothing personal to go on (popularity fallback). */
    public boolean isEmpty() {
        return interests.isEmpty() && (profileVector == null || org.recsys.ml.vector.Vectors.norm(profileVector) == 0);
    }

    /** Collects a user state; every exclusion list ends up in {@link #excludedItemIds()}. */
    public static final class Builder {
        private final String userId;
        private float[] profileVector;
        private List<InterestPoint> interests = List.of();
        private final List<String> liked = new ArrayList<>();
        private final java.util.LinkedHashSet<String> history = new java.util.LinkedHashSet<>();
        private final Set<String> excluded = new HashSet<>();
        private final Set<String> categories = new HashSet<>();
        private boolean statedPreference;

        Builder(String userId) {
            this.userId = userId;
        }

        /** Profile vector (e.g. from the user's own text for a new user). */
        public Builder profile(float[] vector) {
            this.profileVector = vector;
            return this;
        }

        /** Marks the profile as holding the user's own preference text. */
        public Builder statedPreference(boolean stated) {
            this.statedPreference = stated;
            return this;
        }

        /** Interest points. */
        public Builder interests(List<InterestPoint> points) {
            this.interests = List.copyOf(points);
            return this;
        }

        /** Liked items, most recent first; also excluded from results. */
        public Builder liked(Collection<String> itemIds) {
            liked.addAll(itemIds);
            history.addAll(itemIds);
            excluded.addAll(itemIds);
            return this;
        }

        /** Items already consumed (viewed, bought, rated), most recent first: excluded, and the user's history. */
        public Builder consumed(Collection<String> itemIds) {
            history.addAll(itemIds);
            excluded.addAll(itemIds);
            return this;
        }

        /** Disliked items: excluded. */
        public Builder disliked(Collection<String> itemIds) {
            excluded.addAll(itemIds);
            return this;
        }

        /** Items marked "not interested": excluded. */
        public Builder notInterested(Collection<String> itemIds) {
            excluded.addAll(itemIds);
            return this;
        }

        /** Items the caller excludes for this request only. */
        public Builder excludeForRequest(Collection<String> itemIds) {
            excluded.addAll(itemIds);
            return this;
        }

        /** Restricts results to these categories. */
        public Builder categories(Collection<String> names) {
            categories.addAll(names);
            return this;
        }

        public UserState build() {
            return new UserState(userId, profileVector, interests, List.copyOf(liked), Set.copyOf(excluded),
                    Set.copyOf(categories), List.copyOf(history), statedPreference);
        }
    }
}
