package org.recsys.ml.topn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The binary user-item matrix of a set of interactions, in compressed sparse rows both ways (by user and by item),
 * with dense positions for the users and items that occur. Repeated interactions of a user with an item count once.
 */
public final class Interactions {

    final String[] userIds;
    final String[] itemIds;
    final Map<String, Integer> itemPositions;
    /** Items of user u: {@code userItems[userStart[u] .. userStart[u + 1])}. */
    final int[] userStart;
    final int[] userItems;
    /** Users of item i: {@code itemUsers[itemStart[i] .. itemStart[i + 1])}. */
    final int[] itemStart;
    final int[] itemUsers;
    /** Newest timestamp per item, and over all interactions. */
    final long[] itemNewest;
    final long[] itemFirst;
    final long newest;

    private Interactions(String[] userIds, String[] itemIds, Map<String, Integer> itemPositions, int[] userStart,
                         int[] userItems, long[] itemNewest, long[] itemFirst, long newest) {
        this.userIds = userIds;
        this.itemIds = itemIds;
        this.itemPositions = itemPositions;
        this.userStart = userStart;
        this.userItems = userItems;
        this.itemNewest = itemNewest;
        this.itemFirst = itemFirst;
        this.newest = newest;
        int items = itemIds.length;
        itemStart = new int[items + 1];
        for (int item : userItems) {
            itemStart[item + 1]++;
        }
        for (int i = 0; i < items; i++) {
            itemStart[i + 1] += itemStart[i];
        }
        itemUsers = new int[userItems.length];
        int[] fill = Arrays.copyOf(itemStart, items);
        for (int u = 0; u < userIds.length; u++) {
            for (int x = userStart[u]; x < userStart[u + 1]; x++) {
                itemUsers[fill[userItems[x]]++] = u;
            }
        }
    }

    /** The matrix of these interactions. */
    public static Interactions of(Collection<Interaction> interactions) {
        Map<String, Integer> users = new HashMap<>();
        Map<String, Integer> items = new HashMap<>();
        List<String> userIds = new ArrayList<>();
        List<String> itemIds = new ArrayList<>();
        List<java.util.Set<Integer>> byUser = new ArrayList<>();
        Map<Integer, long[]> itemTimes = new HashMap<>();
        long newest = Long.MIN_VALUE;
        for (Interaction interaction : interactions) {
            int user = users.computeIfAbsent(interaction.userId(), id -> {
                userIds.add(id);
                byUser.add(new java.util.LinkedHashSet<>());
                return userIds.size() - 1;
            });
            int item = items.computeIfAbsent(interaction.itemId(), id -> {
                itemIds.add(id);
                return itemIds.size() - 1;
            });
            byUser.get(user).add(item);
            long[] times = itemTimes.computeIfAbsent(item, i -> new long[] {Long.MAX_VALUE, Long.MIN_VALUE});
            times[0] = Math.min(times[0], interaction.timestamp());
            times[1] = Math.max(times[1], interaction.timestamp());
            newest = Math.max(newest, interaction.timestamp());
        }
        int[] userStart = new int[userIds.size() + 1];
        for (int u = 0; u < userIds.size(); u++) {
            userStart[u + 1] = userStart[u] + byUser.get(u).size();
        }
        int[] userItems = new int[userStart[userIds.size()]];
        for (int u = 0; u < userIds.size(); u++) {
            int x = userStart[u];
            int[] sorted = byUser.get(u).stream().mapToInt(Integer::intValue).sorted().toArray();
            System.arraycopy(sorted, 0, userItems, x, sorted.length);
        }
        long[] first = new long[itemIds.size()];
        long[] last = new long[itemIds.size()];
        itemTimes.forEach((item, times) -> {
            first[item] = times[0];
            last[item] = times[1];
        });
        return new Interactions(userIds.toArray(String[]::new), itemIds.toArray(String[]::new), items, userStart,
                userItems, last, first, interactions.isEmpty() ? 0 : newest);
    }

    public int users() {
        return userIds.length;
    }

    public int items() {
        return itemIds.length;
    }

    /** Distinct (user, item) pairs. */
    public int size() {
        return userItems.length;
    }

    /** How many users interacted with item i. */
    int itemDegree(int item) {
        return itemStart[item + 1] - itemStart[item];
    }

    int userDegree(int user) {
        return userStart[user + 1] - userStart[user];
    }

    /** Position of an item, or -1. */
    int itemPosition(String itemId) {
        Integer position = itemPositions.get(itemId);
        return position == null ? -1 : position;
    }
}
