package org.recsys.ml.rating;

import com.google.protobuf.Any;
import com.oracle.labs.mlrg.olcut.util.Pair;
import org.tribuo.Example;
import org.tribuo.Excuse;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.impl.ModelDataCarrier;
import org.tribuo.protos.core.ModelProto;
import org.tribuo.provenance.ModelProvenance;
import org.tribuo.regression.Regressor;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A trained item-based neighbourhood model with baseline predictors ({@link NeighbourhoodTrainer}):
 * <pre>
 *   r = b_ui + sum_{j in S^k(i;u)} s_ij (r_uj - b_uj) / sum_{j in S^k(i;u)} s_ij
 * </pre>
 * where S^k(i;u) are the k items most similar to i that u rated. Unknown users and items fall back to the
 * baselines. Immutable and thread-safe.
 */
public final class NeighbourhoodModel extends Model<Regressor> implements RatingScorer {

    private static final long serialVersionUID = 1L;
    /** Protobuf payload version. */
    public static final int CURRENT_VERSION = 0;

    private final List<String> userIds;
    private final List<String> itemIds;
    private final transient Map<String, Integer> userIndex;
    private final transient Map<String, Integer> itemIndex;
    private final int neighbours;
    private final float mean;
    private final float[] userBias;
    private final float[] itemBias;
    /** Each user's rated items (sorted) and the baseline residuals of those ratings, CSR. */
    private final int[] userStart;
    private final int[] userItems;
    private final float[] userResiduals;
    /** Each item's neighbours by decreasing similarity, CSR. */
    private final int[] neighbourStart;
    private final int[] neighbourItems;
    private final float[] neighbourSimilarities;

    NeighbourhoodModel(String name, ModelProvenance provenance, ImmutableFeatureMap featureIDMap,
                       ImmutableOutputInfo<Regressor> outputIDInfo, List<String> userIds, List<String> itemIds,
                       int neighbours, float mean, float[] userBias, float[] itemBias, int[] userStart,
                       int[] userItems, float[] userResiduals, int[] neighbourStart, int[] neighbourItems,
                       float[] neighbourSimilarities) {
        super(name, provenance, featureIDMap, outputIDInfo, false);
        this.userIds = List.copyOf(userIds);
        this.itemIds = List.copyOf(itemIds);
        this.userIndex = index(userIds);
        this.itemIndex = index(itemIds);
        this.neighbours = neighbours;
        this.mean = mean;
        this.userBias = userBias;
        this.itemBias = itemBias;
        this.userStart = userStart;
        this.userItems = userItems;
        this.userResiduals = userResiduals;
        this.neighbourStart = neighbourStart;
        this.neighbourItems = neighbourItems;
        this.neighbourSimilarities = neighbourSimilarities;
    }

    private static Map<String, Integer> index(List<String> ids) {
        Map<String, Integer> index = new HashMap<>(ids.size() * 2);
        for (int i = 0; i < ids.size(); i++) {
            index.put(ids.get(i), i);
        }
        return Collections.unmodifiableMap(index);
    }

    /** Raw score of one pair. */
    public double score(String userId, String itemId) {
        Integer u = userId == null ? null : userIndex.get(userId);
        Integer i = itemId == null ? null : itemIndex.get(itemId);
        return score(u == null ? -1 : u, i == null ? -1 : i);
    }

    private double score(int u, int i) {
        double baseline = mean + (u >= 0 ? userBias[u] : 0) + (i >= 0 ? itemBias[i] : 0);
        if (u < 0 || i < 0) {
            return baseline;
        }
        double weighted = 0;
        double total = 0;
        int used = 0;
        int from = userStart[u];
        int to = userStart[u + 1];
        for (int n = neighbourStart[i]; n < neighbourStart[i + 1] && used < neighbours; n++) {
            int position = Arrays.binarySearch(userItems, from, to, neighbourItems[n]);
            if (position >= 0) {
                float similarity = neighbourSimilarities[n];
                weighted += similarity * userResiduals[position];
                total += similarity;
                used++;
            }
        }
        return total > 0 ? baseline + weighted / total : baseline;
    }

    @Override
    public ItemScorer forUser(String userId, float[] userSide) {
        Integer u = userId == null ? null : userIndex.get(userId);
        int user = u == null ? -1 : u;
        return (itemId, itemSide) -> {
            Integer i = itemId == null ? null : itemIndex.get(itemId);
            return score(user, i == null ? -1 : i);
        };
    }

    @Override
    public Prediction<Regressor> predict(Example<Regressor> example) {
        RatingTable.ParsedExample parsed = RatingTable.ParsedExample.parse(example, 0);
        return new Prediction<>(new Regressor(RatingFeatures.OUTPUT_NAME, score(parsed.userId, parsed.itemId)),
                example.size(), example);
    }

    @Override
    public Map<String, List<Pair<String, Double>>> getTopFeatures(int n) {
        return Collections.emptyMap();
    }

    @Override
    public Optional<Excuse<Regressor>> getExcuse(Example<Regressor> example) {
        return Optional.empty();
    }

    @Override
    protected NeighbourhoodModel copy(String newName, ModelProvenance newProvenance) {
        return new NeighbourhoodModel(newName, newProvenance, featureIDMap, outputIDInfo, userIds, itemIds,
                neighbours, mean, userBias.clone(), itemBias.clone(), userStart.clone(), userItems.clone(),
                userResiduals.clone(), neighbourStart.clone(), neighbourItems.clone(), neighbourSimilarities.clone());
    }

    @Override
    public ModelProto serialize() {
        ModelDataCarrier<Regressor> carrier = createDataCarrier();
        return ModelPayload.pack(carrier, NeighbourhoodModel.class, CURRENT_VERSION, out -> {
            ModelPayload.writeStrings(out, userIds);
            ModelPayload.writeStrings(out, itemIds);
            out.writeInt(neighbours);
            out.writeFloat(mean);
            ModelPayload.writeFloats(out, userBias);
            ModelPayload.writeFloats(out, itemBias);
            writeInts(out, userStart);
            writeInts(out, userItems);
            ModelPayload.writeFloats(out, userResiduals);
            writeInts(out, neighbourStart);
            writeInts(out, neighbourItems);
            ModelPayload.writeFloats(out, neighbourSimilarities);
        });
    }

    /** Tribuo's protobuf deserialisation entry point. */
    @SuppressWarnings("unchecked")
    public static NeighbourhoodModel deserializeFromProto(int version, String className, Any message)
            throws IOException {
        if (version != CURRENT_VERSION) {
            throw new IllegalArgumentException("unknown version " + version);
        }
        return ModelPayload.unpack(message, (carrier, in) -> {
            ModelDataCarrier<Regressor> c = (ModelDataCarrier<Regressor>) carrier;
            List<String> users = ModelPayload.readStrings(in);
            List<String> items = ModelPayload.readStrings(in);
            int k = in.readInt();
            float mean = in.readFloat();
            return new NeighbourhoodModel(c.name(), c.provenance(), c.featureDomain(), c.outputDomain(), users, items,
                    k, mean, ModelPayload.readFloats(in), ModelPayload.readFloats(in), readInts(in), readInts(in),
                    ModelPayload.readFloats(in), readInts(in), readInts(in), ModelPayload.readFloats(in));
        });
    }

    static void writeInts(DataOutputStream out, int[] values) throws IOException {
        out.writeInt(values.length);
        for (int v : values) {
            out.writeInt(v);
        }
    }

    static int[] readInts(DataInputStream in) throws IOException {
        int[] values = new int[in.readInt()];
        for (int i = 0; i < values.length; i++) {
            values[i] = in.readInt();
        }
        return values;
    }

    private Object readResolve() {
        return copy(name, provenance);
    }
}
