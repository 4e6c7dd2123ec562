package org.recsys.ml.rating;

import org.tribuo.Dataset;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.regression.Regressor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Primitive-array view of a rating dataset that the trainers iterate over: dense user and item indices, the
 * ratings, and the side vectors found in the examples.
 */
final class RatingTable {

    final List<String> userIds = new ArrayList<>();
    final List<String> itemIds = new ArrayList<>();
    final Map<String, Integer> userIndex = new HashMap<>();
    final Map<String, Integer> itemIndex = new HashMap<>();
    final int[] users;
    final int[] items;
    final float[] ratings;
    final int sideDimensions;
    /** Per-example side vectors, {@code size x sideDimensions} (may leave the example's own review out). */
    final float[] exampleItemSide;
    final float[] exampleUserSide;
    /** Per-entity mean of its examples' side vectors, {@code count x sideDimensions}; used when serving. */
    float[] itemSide;
    float[] userSide;
    /** True when every example of an entity carries the same side vector (no leave-one-out texts). */
    boolean itemSideConstant;
    boolean userSideConstant;

    private RatingTable(int size, int sideDimensions) {
        this.users = new int[size];
        this.items = new int[size];
        this.ratings = new float[size];
        this.sideDimensions = sideDimensions;
        this.exampleItemSide = new float[size * sideDimensions];
        this.exampleUserSide = new float[size * sideDimensions];
    }

    int userCount() {
        return userIds.size();
    }

    int itemCount() {
        return itemIds.size();
    }

    int size() {
        return ratings.length;
    }

    static RatingTable from(Dataset<Regressor> dataset) {
        int dims = 0;
        for (Example<Regressor> example : dataset) {
            for (Feature feature : example) {
                String name = feature.getName();
                if (name.startsWith(RatingFeatures.ITEM_SIDE_PREFIX)) {
                    dims = Math.max(dims, RatingFeatures.sideIndex(name, RatingFeatures.ITEM_SIDE_PREFIX.length()) + 1);
                } else if (name.startsWith(RatingFeatures.USER_SIDE_PREFIX)) {
                    dims = Math.max(dims, RatingFeatures.sideIndex(name, RatingFeatures.USER_SIDE_PREFIX.length()) + 1);
                }
            }
        }
        RatingTable table = new RatingTable(dataset.size(), dims);
        int row = 0;
        for (Example<Regressor> example : dataset) {
            ParsedExample parsed = ParsedExample.parse(example, dims);
            if (parsed.userId == null || parsed.itemId == null) {
                throw new IllegalArgumentException("example without user= or item= feature: " + example);
            }
            int user = table.userIndex.computeIfAbsent(parsed.userId, id -> {
                table.userIds.add(id);
                return table.userIds.size() - 1;
            });
            int item = table.itemIndex.computeIfAbsent(parsed.itemId, id -> {
                table.itemIds.add(id);
                return table.itemIds.size() - 1;
            });
            if (parsed.userSide != null) {
                System.arraycopy(parsed.userSide, 0, table.exampleUserSide, row * dims, dims);
            }
            if (parsed.itemSide != null) {
                System.arraycopy(parsed.itemSide, 0, table.exampleItemSide, row * dims, dims);
            }
            table.users[row] = user;
            table.items[row] = item;
            table.ratings[row] = (float) example.getOutput().getValues()[0];
            row++;
        }
        table.itemSide = entityMeans(table.items, table.itemCount(), table.exampleItemSide, dims);
        table.userSide = entityMeans(table.users, table.userCount(), table.exampleUserSide, dims);
        table.itemSideConstant = constantPerEntity(table.items, table.itemSide, table.exampleItemSide, dims);
        table.userSideConstant = constantPerEntity(table.users, table.userSide, table.exampleUserSide, dims);
        return table;
    }

    private static float[] entityMeans(int[] entityOfRow, int entities, float[] perRow, int dims) {
        double[] sums = new double[entities * dims];
        int[] counts = new int[entities];
        for (int r = 0; r < entityOfRow.length; r++) {
            int e = entityOfRow[r];
            counts[e]++;
            for (int s = 0; s < dims; s++) {
                sums[e * dims + s] += perRow[r * dims + s];
            }
        }
        float[] means = new float[entities * dims];
        for (int e = 0; e < entities; e++) {
            for (int s = 0; s < dims; s++) {
                means[e * dims + s] = counts[e] == 0 ? 0 : (float) (sums[e * dims + s] / counts[e]);
            }
        }
        return means;
    }

    private static boolean constantPerEntity(int[] entityOfRow, float[] means, float[] perRow, int dims) {
        for (int r = 0; r < entityOfRow.length; r++) {
            int e = entityOfRow[r];
            for (int s = 0; s < dims; s++) {
                float value = perRow[r * dims + s];
                if (Math.abs(value - means[e * dims + s]) > 1e-5f * Math.max(1, Math.abs(value))) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The parts of one example the models read. */
    static final class ParsedExample {
        String userId;
        String itemId;
        float[] userSide;
        float[] itemSide;

        static ParsedExample parse(Example<Regressor> example, int sideDimensions) {
            ParsedExample parsed = new ParsedExample();
            for (Feature feature : example) {
                String name = feature.getName();
                if (name.startsWith(RatingFeatures.USER_PREFIX)) {
                    parsed.userId = name.substring(RatingFeatures.USER_PREFIX.length());
                } else if (name.startsWith(RatingFeatures.ITEM_PREFIX)) {
                    parsed.itemId = name.substring(RatingFeatures.ITEM_PREFIX.length());
                } else if (sideDimensions > 0 && name.startsWith(RatingFeatures.ITEM_SIDE_PREFIX)) {
                    int k = RatingFeatures.sideIndex(name, RatingFeatures.ITEM_SIDE_PREFIX.length());
                    if (k < sideDimensions) {
                        if (parsed.itemSide == null) {
                            parsed.itemSide = new float[sideDimensions];
                        }
                        parsed.itemSide[k] = (float) feature.getValue();
                    }
                } else if (sideDimensions > 0 && name.startsWith(RatingFeatures.USER_SIDE_PREFIX)) {
                    int k = RatingFeatures.sideIndex(name, RatingFeatures.USER_SIDE_PREFIX.length());
                    if (k < sideDimensions) {
                        if (parsed.userSide == null) {
                            parsed.userSide = new float[sideDimensions];
                        }
                        parsed.userSide[k] = (float) feature.getValue();
                    }
                }
            }
            return parsed;
        }
    }
}
