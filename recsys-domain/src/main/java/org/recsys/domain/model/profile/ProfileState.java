package org.recsys.domain.model.profile;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Everything the recommender keeps about a user, as one immutable value: the profile vector (null until something
 * moved it), interest points, the most recent liked items, consumed items (never recommended again by default) and
 * rejected items (disliked or not interested: never recommended again), and how many events shaped it.
 *
 * @param vector            unit-length profile vector in the encoder's space, or null
 * @param interests         interest points, weights summing to 1
 * @param liked             items the user liked, most recent first, at most {@link #MAX_LIKED}
 * @param consumed          items the user viewed, clicked, rated, reviewed or bought, most recent first
 * @param rejected          items the user disliked or marked not interested, most recent first
 * @param events             feedback events folded in
 * @param positives          positive events (likes, purchases, good ratings and reviews) folded in
 * @param positivesAtCluster positive events when the interest points were last computed
 * @param statedPreference   whether the user's own preference text moved the vector: the new-user ranker, which
 *                           reads the profile's text similarity, serves such users; others with few events get the
 *                           ranking that did best on validation
 */
public record ProfileState(float[] vector, List<Interest> interests, List<String> liked, List<String> consumed,
                           List<String> rejected, int events, int positives, int positivesAtCluster,
                           boolean statedPreference) {

    public static final int MAX_LIKED = 50;
    public static final int MAX_CONSUMED = 2000;
    public static final int MAX_REJECTED = 2000;

    public static final ProfileState EMPTY = new ProfileState(null, List.of(), List.of(), List.of(), List.of(), 0, 0,
            0, false);

    public ProfileState {
        interests = List.copyOf(interests);
        liked = List.copyOf(liked);
        consumed = List.copyOf(consumed);
        rejected = List.copyOf(rejected);
    }

    public boolean isEmpty() {
        return vector == null && interests.isEmpty() && events == 0;
    }

    /** Positive events since the interest points were last computed. */
    public int positivesSinceClustering() {
        return positives - positivesAtCluster;
    }

    /** The same profile with new interest points, computed when it had {@code positives} positive events. */
    public ProfileState withInterests(List<Interest> newInterests) {
        return new ProfileState(vector, newInterests, liked, consumed, rejected, events, positives, positives,
                statedPreference);
    }

    /**
     * The same state with the liked and consumed lists in the order of the given items, newest first (items not
     * named keep their relative order at the end): feedback imported in file order rather than time order gets its
     * true recency back, which the recent-history part of the ranking reads.
     */
    public ProfileState orderedLike(List<String> newestFirst) {
        java.util.Map<String, Integer> rank = new java.util.HashMap<>();
        for (int i = 0; i < newestFirst.size(); i++) {
            rank.putIfAbsent(newestFirst.get(i), i);
        }
        java.util.Comparator<String> byRecency = java.util.Comparator.comparingInt(
                id -> rank.getOrDefault(id, Integer.MAX_VALUE));
        List<String> newLiked = new ArrayList<>(liked);
        newLiked.sort(byRecency);
        List<String> newConsumed = new ArrayList<>(consumed);
        newConsumed.sort(byRecency);
        return new ProfileState(vector, interests, newLiked, newConsumed, rejected, events, positives,
                positivesAtCluster, statedPreference);
    }

    /** Items never to recommend to this user unless consumed ones are asked for. */
    public List<String> rejectedAndConsumed() {
        List<String> all = new ArrayList<>(rejected);
        all.addAll(consumed);
        return all;
    }

    /** A list with the given ids in front, without repeats, cut to a maximum length. */
    static List<String> prepend(List<String> current, Collection<String> newest, int max) {
        LinkedHashSet<String> merged = new LinkedHashSet<>(newest);
        merged.addAll(current);
        List<String> list = new ArrayList<>(merged);
        return list.size() > max ? list.subList(0, max) : list;
    }
}
