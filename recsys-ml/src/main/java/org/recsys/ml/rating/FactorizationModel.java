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
import java.io.IOException;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A trained {@link FactorizationTrainer} model: biases, latent factors with the implicit-feedback and side-feature
 * terms folded into one user vector and one item vector, plus the side weights needed to score users and items
 * that were not in the training data (cold start). Prediction for user u and item i:
 * <pre>
 *   r = mu + b_u + b_i + a_u.s_u + a_i.s_i + (q_i + W_i s_i) . (p_u + |N(u)|^-1/2 sum_j y_j + W_u s_u)
 * </pre>
 * Immutable and thread-safe.
 */
public final class FactorizationModel extends Model<Regressor> implements RatingScorer {

    private static final long serialVersionUID = 1L;
    /** Protobuf payload version. */
    public static final int CURRENT_VERSION = 0;

    private final List<String> userIds;
    private final List<String> itemIds;
    private final transient Map<String, Integer> userIndex;
    private final transient Map<String, Integer> itemIndex;
    private final int factors;
    private final int sideDimensions;
    private final float mean;
    /** b_u + a_u.s_u per known user. */
    private final float[] userBias;
    private final float[] itemBias;
    /** Folded user vectors, {@code users x factors}. */
    private final float[] userVectors;
    private final float[] itemVectors;
    /** Side weights for unknown entities. */
    private final float[] userSideLinear;
    private final float[] itemSideLinear;
    private final float[] userSideProjection;
    private final float[] itemSideProjection;

    FactorizationModel(String name, ModelProvenance provenance, ImmutableFeatureMap featureIDMap,
                       ImmutableOutputInfo<Regressor> outputIDInfo, List<String> userIds, List<String> itemIds,
                       int factors, int sideDimensions, float mean, float[] userBias, float[] itemBias,
                       float[] userVectors, float[] itemVectors, float[] userSideLinear, float[] itemSideLinear,
                       float[] userSideProjection, float[] itemSideProjection) {
        super(name, provenance, featureIDMap, outputIDInfo, false);
        this.userIds = List.copyOf(userIds);
        this.itemIds = List.copyOf(itemIds);
        this.userIndex = index(userIds);
        this.itemIndex = index(itemIds);
        this.factors = factors;
        this.sideDimensions = sideDimensions;
        this.mean = mean;
        this.userBias = userBias;
        this.itemBias = itemBias;
        this.userVectors = userVectors;
        this.itemVectors = itemVectors;
        this.userSideLinear = userSideLinear;
        this.itemSideLinear = itemSideLinear;
        this.userSideProjection = userSideProjection;
        this.itemSideProjection = itemSideProjection;
    }

    private static Map<String, Integer> index(List<String> ids) {
        Map<String, Integer> index = new HashMap<>(ids.size() * 2);
        for (int i = 0; i < ids.size(); i++) {
            index.put(ids.get(i), i);
        }
        return Collections.unmodifiableMap(index);
    }

    /** Number of latent factors (0 for the bias-only baseline). */
    public int factors() {
        return factors;
    }

    /** Global mean rating of the training data. */
    public float mean() {
        return mean;
    }

    /** Users seen in training. */
    public List<String> userIds() {
        return userIds;
    }

    /** Items seen in training. */
    public List<String> itemIds() {
        return itemIds;
    }

    @Override
    public ItemScorer forUser(String userId, float[] userSide) {
        Integer u = userId == null ? null : userIndex.get(userId);
        float bias;
        float[] vector = new float[factors];
        if (u != null) {
            bias = userBias[u];
            System.arraycopy(userVectors, u * factors, vector, 0, factors);
        } else {
            bias = linear(userSideLinear, userSide);
            project(userSideProjection, userSide, vector);
        }
        float[] itemScratch = new float[factors];
        float userPart = mean + bias;
        return (itemId, itemSide) -> {
            Integer i = itemId == null ? null : itemIndex.get(itemId);
            double score = userPart;
            if (i != null) {
                score += itemBias[i];
                int offset = i * factors;
                for (int f = 0; f < factors; f++) {
                    score += vector[f] * itemVectors[offset + f];
                }
            } else {
                score += linear(itemSideLinear, itemSide);
                project(itemSideProjection, itemSide, itemScratch);
                for (int f = 0; f < factors; f++) {
                    score += vector[f] * itemScratch[f];
                }
            }
            return score;
        };
    }

    private float linear(float[] weights, float[] side) {
        if (side == null || sideDimensions == 0) {
            return 0;
        }
        float sum = 0;
        for (int d = 0; d < sideDimensions; d++) {
            sum += weights[d] * side[d];
        }
        return sum;
    }

    private void project(float[] projection, float[] side, float[] out) {
        java.util.Arrays.fill(out, 0);
        if (side == null || sideDimensions == 0) {
            return;
        }
        for (int f = 0; f < factors; f++) {
            float sum = 0;
            int offset = f * sideDimensions;
            for (int d = 0; d < sideDimensions; d++) {
                sum += projection[offset + d] * side[d];
            }
            out[f] = sum;
        }
    }

    /** Raw score of one pair. */
    public double score(String userId, String itemId, float[] userSide, float[] itemSide) {
        return forUser(userId, userSide).score(itemId, itemSide);
    }

    @Override
    public Prediction<Regressor> predict(Example<Regressor> example) {
        RatingTable.ParsedExample parsed = RatingTable.ParsedExample.parse(example, sideDimensions);
        double score = score(parsed.userId, parsed.itemId, parsed.userSide, parsed.itemSide);
        return new Prediction<>(new Regressor(RatingFeatures.OUTPUT_NAME, score), example.size(), example);
    }

    @Override
    public Map<String, List<Pair<String, Double>>> getTopFeatures(int n) {
        return Collections.emptyMap(); // latent factors have no per-feature weights to rank
    }

    @Override
    public Optional<Excuse<Regressor>> getExcuse(Example<Regressor> example) {
        return Optional.empty();
    }

    @Override
    protected FactorizationModel copy(String newName, ModelProvenance newProvenance) {
        return new FactorizationModel(newName, newProvenance, featureIDMap, outputIDInfo, userIds, itemIds, factors,
                sideDimensions, mean, userBias.clone(), itemBias.clone(), userVectors.clone(), itemVectors.clone(),
                userSideLinear.clone(), itemSideLinear.clone(), userSideProjection.clone(),
                itemSideProjection.clone());
    }

    @Override
    public ModelProto serialize() {
        ModelDataCarrier<Regressor> carrier = createDataCarrier();
        return ModelPayload.pack(carrier, FactorizationModel.class, CURRENT_VERSION, out -> {
            ModelPayload.writeStrings(out, userIds);
            ModelPayload.writeStrings(out, itemIds);
            out.writeInt(factors);
            out.writeInt(sideDimensions);
            out.writeFloat(mean);
            for (float[] array : new float[][] {userBias, itemBias, userVectors, itemVectors, userSideLinear,
                    itemSideLinear, userSideProjection, itemSideProjection}) {
                ModelPayload.writeFloats(out, array);
            }
        });
    }

    /** Tribuo's protobuf deserialisation entry point. */
    @SuppressWarnings("unchecked")
    public static FactorizationModel deserializeFromProto(int version, String className, Any message)
            throws IOException {
        if (version != CURRENT_VERSION) {
            throw new IllegalArgumentException("unknown version " + version);
        }
        return ModelPayload.unpack(message, (carrier, in) -> read((ModelDataCarrier<Regressor>) carrier, in));
    }

    private static FactorizationModel read(ModelDataCarrier<Regressor> carrier, DataInputStream in)
            throws IOException {
        List<String> users = ModelPayload.readStrings(in);
        List<String> items = ModelPayload.readStrings(in);
        int factors = in.readInt();
        int side = in.readInt();
        float mean = in.readFloat();
        float[][] arrays = new float[8][];
        for (int a = 0; a < arrays.length; a++) {
            arrays[a] = ModelPayload.readFloats(in);
        }
        return new FactorizationModel(carrier.name(), carrier.provenance(), carrier.featureDomain(),
                carrier.outputDomain(), users, items, factors, side, mean, arrays[0], arrays[1], arrays[2],
                arrays[3], arrays[4], arrays[5], arrays[6], arrays[7]);
    }

    // Java serialisation (Tribuo's legacy path) must rebuild the transient id indices.
    private Object readResolve() {
        return new FactorizationModel(name, provenance, featureIDMap, outputIDInfo, userIds, itemIds, factors,
                sideDimensions, mean, userBias, itemBias, userVectors, itemVectors, userSideLinear, itemSideLinear,
                userSideProjection, itemSideProjection);
    }
}
