package org.recsys.ml.topn;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A time-ordered hold-out per user: each user's newest {@code share} of interactions (at least one, and only users
 * with at least two) are held out, and every held-out item counts as relevant, as a user's next choices would. Ties
 * in time keep input order.
 *
 * @param train    interactions before the cut
 * @param heldOut  per user, the held-out items
 */
public record TimeSplit(List<Interaction> train, Map<String, Set<String>> heldOut) {

    public static TimeSplit newestPerUser(List<Interaction> interactions, double share) {
        Map<String, List<Integer>> byUser = new LinkedHashMap<>();
        for (int r = 0; r < interactions.size(); r++) {
            byUser.computeIfAbsent(interactions.get(r).userId(), u -> new ArrayList<>()).add(r);
        }
        List<Interaction> train = new ArrayList<>();
        Map<String, Set<String>> heldOut = new LinkedHashMap<>();
        for (Map.Entry<String, List<Integer>> user : byUser.entrySet()) {
            List<Integer> rows = user.getValue();
            rows.sort(Comparator.<Integer>comparingLong(r -> interactions.get(r).timestamp()).thenComparing(r -> r));
            int test = rows.size() < 2 ? 0 : Math.max(1, (int) Math.round(rows.size() * share));
            Set<String> before = new HashSet<>();
            for (int x = 0; x < rows.size() - test; x++) {
                Interaction interaction = interactions.get(rows.get(x));
                train.add(interaction);
                before.add(interaction.itemId());
            }
            Set<String> held = new HashSet<>();
            for (int x = rows.size() - test; x < rows.size(); x++) {
                String item = interactions.get(rows.get(x)).itemId();
                if (!before.contains(item)) {
                    held.add(item);
                }
            }
            if (!held.isEmpty()) {
                heldOut.put(user.getKey(), held);
            }
        }
        return new TimeSplit(train, heldOut);
    }

    /** Per user and training item, the profile weight of its newest interaction. */
    public Map<String, Map<String, Double>> profileWeights() {
        Map<String, Map<String, Double>> weights = new LinkedHashMap<>();
        List<Interaction> ordered = new ArrayList<>(train);
        ordered.sort(Comparator.comparingLong(Interaction::timestamp));
        for (Interaction interaction : ordered) {
            weights.computeIfAbsent(interaction.userId(), u -> new java.util.HashMap<>())
                    .put(interaction.itemId(), interaction.profileWeight());
        }
        return weights;
    }

    /** Each user's training items, newest first. */
    public Map<String, List<String>> historiesNewestFirst() {
        Map<String, List<String>> histories = new LinkedHashMap<>();
        List<Interaction> ordered = new ArrayList<>(train);
        ordered.sort(Comparator.comparingLong(Interaction::timestamp).reversed());
        for (Interaction interaction : ordered) {
            histories.computeIfAbsent(interaction.userId(), u -> new ArrayList<>()).add(interaction.itemId());
        }
        return histories;
    }
}
