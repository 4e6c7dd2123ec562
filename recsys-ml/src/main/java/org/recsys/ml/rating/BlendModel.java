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

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A linear blend of rating models learned by {@link BlendTrainer}: intercept plus weighted, clamped member
 * predictions. Immutable and thread-safe when its members are.
 */
public final class BlendModel extends Model<Regressor> implements RatingScorer {

    private static final long serialVersionUID = 1L;
    /** Protobuf payload version. */
    public static final int CURRENT_VERSION = 0;

    private final List<Model<Regressor>> members;
    private final double[] weights;
    private final float minRating;
    private final float maxRating;

    BlendModel(String name, ModelProvenance provenance, ImmutableFeatureMap featureIDMap,
               ImmutableOutputInfo<Regressor> outputIDInfo, List<Model<Regressor>> members, double[] weights,
               float minRating, float maxRating) {
        super(name, provenance, featureIDMap, outputIDInfo, false);
        this.members = List.copyOf(members);
        this.weights = weights;
        this.minRating = minRating;
        this.maxRating = maxRating;
    }

    /** The blended models. */
    public List<Model<Regressor>> members() {
        return members;
    }

    /** Intercept followed by one weight per member. */
    public double[] weights() {
        return weights.clone();
    }

    private double clamp(double value) {
        return value < minRating ? minRating : Math.min(value, maxRating);
    }

    @Override
    public ItemScorer forUser(String userId, float[] userSide) {
        ItemScorer[] scorers = new ItemScorer[members.size()];
        for (int m = 0; m < scorers.length; m++) {
            Model<Regressor> member = members.get(m);
            scorers[m] = member instanceof RatingScorer scorer ? scorer.forUser(userId, userSide)
                    : (itemId, itemSide) -> member.predict(RatingFeatures.example(userId, itemId, Double.NaN,
                    userSide, itemSide, null)).getOutput().getValues()[0];
        }
        return (itemId, itemSide) -> {
            double score = weights[0];
            for (int m = 0; m < scorers.length; m++) {
                score += weights[m + 1] * clamp(scorers[m].score(itemId, itemSide));
            }
            return score;
        };
    }

    @Override
    public Prediction<Regressor> predict(Example<Regressor> example) {
        double score = weights[0];
        for (int m = 0; m < members.size(); m++) {
            score += weights[m + 1] * clamp(members.get(m).predict(example).getOutput().getValues()[0]);
        }
        return new Prediction<>(new Regressor(RatingFeatures.OUTPUT_NAME, score), example.size(), example);
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
    protected BlendModel copy(String newName, ModelProvenance newProvenance) {
        List<Model<Regressor>> copies = new ArrayList<>();
        members.forEach(member -> copies.add(member.copy()));
        return new BlendModel(newName, newProvenance, featureIDMap, outputIDInfo, copies, weights.clone(), minRating,
                maxRating);
    }

    @Override
    public ModelProto serialize() {
        ModelDataCarrier<Regressor> carrier = createDataCarrier();
        return ModelPayload.pack(carrier, BlendModel.class, CURRENT_VERSION, out -> {
            out.writeFloat(minRating);
            out.writeFloat(maxRating);
            out.writeInt(members.size());
            for (int m = 0; m < members.size(); m++) {
                byte[] bytes = members.get(m).serialize().toByteArray();
                out.writeInt(bytes.length);
                out.write(bytes);
            }
            out.writeInt(weights.length);
            for (double w : weights) {
                out.writeDouble(w);
            }
        });
    }

    /** Tribuo's protobuf deserialisation entry point. */
    @SuppressWarnings("unchecked")
    public static BlendModel deserializeFromProto(int version, String className, Any message) throws IOException {
        if (version != CURRENT_VERSION) {
            throw new IllegalArgumentException("unknown version " + version);
        }
        return ModelPayload.unpack(message, (carrier, in) -> {
            ModelDataCarrier<Regressor> c = (ModelDataCarrier<Regressor>) carrier;
            float min = in.readFloat();
            float max = in.readFloat();
            int count = in.readInt();
            List<Model<Regressor>> members = new ArrayList<>(count);
            for (int m = 0; m < count; m++) {
                byte[] bytes = new byte[in.readInt()];
                in.readFully(bytes);
                members.add(Model.deserialize(ModelProto.parseFrom(bytes)).castModel(Regressor.class));
            }
            double[] weights = new double[in.readInt()];
            for (int w = 0; w < weights.length; w++) {
                weights[w] = in.readDouble();
            }
            return new BlendModel(c.name(), c.provenance(), c.featureDomain(), c.outputDomain(), members, weights,
                    min, max);
        });
    }
}
