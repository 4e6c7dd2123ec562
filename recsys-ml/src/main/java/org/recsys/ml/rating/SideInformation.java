package org.recsys.ml.rating;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The text side of the rating models: item and user text vectors reduced to a few dense side features. A
 * {@link SideProjection} maps a text vector to its leading principal components; the first {@code dimensions}
 * of them become side features, and, when training ratings are given, one more feature is appended: a ridge
 * regression of the rating on the (leave-one-out) text vector, fitted separately for items and users. Principal
 * components keep the directions in which texts differ most (topic, genre), which are not the ones that predict
 * stars; the supervised feature adds that direction explicitly.
 * <p>
 * Holds only projected vectors (a few floats per entity), so it travels with the model. Immutable, thread-safe.
 */
public final class SideInformation {

    /** Principal components the supervised scores are fitted on. */
    static final int SUPERVISED_BASIS = 64;
    private static final double RIDGE = 10;
    private static final SideInformation NONE = new SideInformation(null, 0, null, null, Map.of(), Map.of());

    private final SideProjection projection;
    private final int dimensions;
    private final float[] itemWeights;
    private final float[] userWeights;
    private final Map<String, float[]> itemSide;
    private final Map<String, float[]> userSide;

    private SideInformation(SideProjection projection, int dimensions, float[] itemWeights, float[] userWeights,
                            Map<String, float[]> itemSide, Map<String, float[]> userSide) {
        this.projection = projection;
        this.dimensions = dimensions;
        this.itemWeights = itemWeights;
        this.userWeights = userWeights;
        this.itemSide = itemSide;
        this.userSide = userSide;
    }

    /** No text side information: models use ids only. */
    public static SideInformation none() {
        return NONE;
    }

    /**
     * Unsupervised side information: the leading {@code dimensions} principal components of the text vectors.
     *
     * @param itemVectors item id to text vector, may be empty
     * @param userVectors user id to text/profile vector (same encoder), may be empty
     * @param dimensions  side features kept (e.g. 16)
     */
    public static SideInformation fit(Map<String, float[]> itemVectors, Map<String, float[]> userVectors,
                                      int dimensions) {
        return fit(itemVectors, userVectors, dimensions, List.of(), null);
    }

    /**
     * Side information with the supervised rating-direction feature appended.
     *
     * @param records  training ratings the supervised features are fitted on
     * @param training per-record text vectors (leave-one-out), or {@code null} to use the serving vectors
     */
    public static SideInformation fit(Map<String, float[]> itemVectors, Map<String, float[]> userVectors,
                                      int dimensions, List<RatingRecord> records, TrainingTextVectors training) {
        List<float[]> all = new ArrayList<>(itemVectors.size() + userVectors.size());
        all.addAll(itemVectors.values());
        all.addAll(userVectors.values());
        if (all.isEmpty() || dimensions <= 0) {
            return NONE;
        }
        SideProjection projection = SideProjection.fit(all, Math.max(dimensions, SUPERVISED_BASIS));
        int kept = Math.min(dimensions, projection.outputDimension());
        float[] itemWeights = null;
        float[] userWeights = null;
        if (!records.isEmpty()) {
            itemWeights = fitRatingDirection(projection, records, record -> training == null
                    ? itemVectors.get(record.itemId()) : training.itemVector(record));
            userWeights = fitRatingDirection(projection, records, record -> training == null
                    ? userVectors.get(record.userId()) : training.userVector(record));
        }
        SideInformation shell = new SideInformation(projection, kept, itemWeights, userWeights, Map.of(), Map.of());
        Map<String, float[]> items = new HashMap<>(itemVectors.size() * 2);
        itemVectors.forEach((id, vector) -> items.put(id, shell.projectItem(vector)));
        Map<String, float[]> users = new HashMap<>(userVectors.size() * 2);
        userVectors.forEach((id, vector) -> users.put(id, shell.projectUser(vector)));
        return new SideInformation(projection, kept, itemWeights, userWeights, Collections.unmodifiableMap(items),
                Collections.unmodifiableMap(users));
    }

    private static float[] fitRatingDirection(SideProjection projection, List<RatingRecord> records,
                                              java.util.function.Function<RatingRecord, float[]> vectorOf) {
        List<double[]> rows = new ArrayList<>();
        List<Double> targets = new ArrayList<>();
        for (RatingRecord record : records) {
            float[] vector = vectorOf.apply(record);
            if (vector == null) {
                continue;
            }
            float[] projected = projection.project(vector);
            double[] row = new double[projected.length];
            for (int j = 0; j < row.length; j++) {
                row[j] = projected[j];
            }
            rows.add(row);
            targets.add((double) record.rating());
        }
        if (rows.size() < 10) {
            return null;
        }
        double[] y = new double[targets.size()];
        for (int r = 0; r < y.length; r++) {
            y[r] = targets.get(r);
        }
        double[] weights = RidgeSolver.fit(rows.toArray(new double[0][]), y, RIDGE);
        float[] direction = new float[weights.length - 1];
        for (int j = 0; j < direction.length; j++) {
            direction[j] = (float) weights[j + 1]; // intercept dropped: the models have their own mean
        }
        return direction;
    }

    /** Number of side features; 0 when there is no side information. */
    public int dimensions() {
        return projection == null ? 0 : dimensions + (itemWeights != null || userWeights != null ? 1 : 0);
    }

    /** Length of the raw text vectors this side information projects, 0 when none. */
    public int textDimension() {
        return projection == null ? 0 : projection.inputDimension();
    }

    /** Projected side vector of a known item, or {@code null}. */
    public float[] item(String itemId) {
        return itemSide.get(itemId);
    }

    /** Projected side vector of a known user, or {@code null}. */
    public float[] user(String userId) {
        return userSide.get(userId);
    }

    /** Side vector of an item from its raw text vector; {@code null} without side information or vector. */
    public float[] projectItem(float[] textVector) {
        return project(textVector, itemWeights);
    }

    /** Side vector of a user from their raw text/profile vector. */
    public float[] projectUser(float[] textVector) {
        return project(textVector, userWeights);
    }

    private float[] project(float[] textVector, float[] weights) {
        if (projection == null || textVector == null) {
            return null;
        }
        float[] components = projection.project(textVector);
        float[] side = new float[dimensions()];
        System.arraycopy(components, 0, side, 0, dimensions);
        if (side.length > dimensions && weights != null) {
            float score = 0;
            for (int j = 0; j < weights.length; j++) {
                score += weights[j] * components[j];
            }
            side[dimensions] = score;
        }
        return side;
    }

    void write(DataOutputStream out) throws IOException {
        out.writeBoolean(projection != null);
        if (projection == null) {
            return;
        }
        projection.write(out);
        out.writeInt(dimensions);
        writeOptional(out, itemWeights);
        writeOptional(out, userWeights);
        writeMap(out, itemSide);
        writeMap(out, userSide);
    }

    static SideInformation read(DataInputStream in) throws IOException {
        if (!in.readBoolean()) {
            return NONE;
        }
        SideProjection projection = SideProjection.read(in);
        int dimensions = in.readInt();
        float[] itemWeights = readOptional(in);
        float[] userWeights = readOptional(in);
        return new SideInformation(projection, dimensions, itemWeights, userWeights, readMap(in), readMap(in));
    }

    private static void writeOptional(DataOutputStream out, float[] values) throws IOException {
        out.writeBoolean(values != null);
        if (values != null) {
            ModelPayload.writeFloats(out, values);
        }
    }

    private static float[] readOptional(DataInputStream in) throws IOException {
        return in.readBoolean() ? ModelPayload.readFloats(in) : null;
    }

    private static void writeMap(DataOutputStream out, Map<String, float[]> map) throws IOException {
        out.writeInt(map.size());
        for (Map.Entry<String, float[]> entry : map.entrySet()) {
            out.writeUTF(entry.getKey());
            ModelPayload.writeFloats(out, entry.getValue());
        }
    }

    private static Map<String, float[]> readMap(DataInputStream in) throws IOException {
        int n = in.readInt();
        Map<String, float[]> map = new HashMap<>(n * 2);
        for (int i = 0; i < n; i++) {
            map.put(in.readUTF(), ModelPayload.readFloats(in));
        }
        return Collections.unmodifiableMap(map);
    }
}
