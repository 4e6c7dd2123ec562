package org.recsys.ml.rating;

import org.tribuo.Model;
import org.tribuo.protos.core.ModelProto;
import org.tribuo.provenance.ModelProvenance;
import org.tribuo.regression.Regressor;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A trained rating model ready to serve: the Tribuo model, the text side information it was trained with, the
 * rating scale and its hold-out metrics. Predictions are clamped to the scale; unknown users and items are
 * scored from their text vectors when given, else from the biases (cold start). Immutable and thread-safe.
 */
public final class RatingModel {

    private static final int MAGIC = 0x52534D31; // "RSM1"

    private final RatingRecipe recipe;
    private final Model<Regressor> model;
    private final SideInformation side;
    private final RatingScale scale;
    private final RatingMetrics holdout;
    /** Each user's training items, kept only for models that read the {@code rated=} features. */
    private final Map<String, List<String>> ratedItems;

    RatingModel(RatingRecipe recipe, Model<Regressor> model, SideInformation side, RatingScale scale,
                RatingMetrics holdout, Map<String, List<String>> ratedItems) {
        this.ratedItems = ratedItems;
        this.recipe = recipe;
        this.model = model;
        this.side = side;
        this.scale = scale;
        this.holdout = holdout;
    }

    /**
     * Wraps an already trained Tribuo model (e.g. one trained by an evaluation harness on its own folds).
     *
     * @param ratedItems each user's training items, needed only by {@link RatingRecipe#TRIBUO_FM} models
     */
    public static RatingModel of(RatingRecipe recipe, Model<Regressor> model, SideInformation side, RatingScale scale,
                                 Map<String, List<String>> ratedItems) {
        return new RatingModel(recipe, model, side, scale, null, ratedItems == null ? Map.of() : ratedItems);
    }

    /** Predicted rating of a known or unknown user for a known or unknown item. */
    public double predict(String userId, String itemId) {
        return predict(userId, itemId, null, null);
    }

    /**
     * Predicted rating, using text vectors for users or items the model has not seen.
     *
     * @param userTextVector raw encoder vector of the user (profile or own text), or {@code null}
     * @param itemTextVector raw encoder vector of the item, or {@code null}
     */
    public double predict(String userId, String itemId, float[] userTextVector, float[] itemTextVector) {
        return scorerFor(userId, userTextVector).score(itemId, itemTextVector);
    }

    /**
     * Scores many items for one user (the serving path: no Tribuo example per item for the models of this
     * library). The returned scorer is confined to the calling thread.
     */
    public ItemRater scorerFor(String userId, float[] userTextVector) {
        float[] userSide = side.user(userId);
        if (userSide == null) {
            userSide = side.projectUser(userTextVector);
        }
        float[] finalUserSide = userSide;
        if (model instanceof RatingScorer scorer) {
            RatingScorer.ItemScorer itemScorer = scorer.forUser(userId, userSide);
            return (itemId, itemTextVector) -> scale.clamp(itemScorer.score(itemId, itemSide(itemId, itemTextVector)));
        }
        List<String> rated = ratedItems.get(userId);
        return (itemId, itemTextVector) -> scale.clamp(model.predict(RatingFeatures.example(userId, itemId,
                Double.NaN, finalUserSide, itemSide(itemId, itemTextVector), rated)).getOutput().getValues()[0]);
    }

    private float[] itemSide(String itemId, float[] itemTextVector) {
        float[] known = side.item(itemId);
        return known != null ? known : side.projectItem(itemTextVector);
    }

    /** Rates items for one prepared user. */
    @FunctionalInterface
    public interface ItemRater {
        /**
         * @param itemTextVector raw encoder vector for an item the model has not seen, or {@code null}
         */
        double rate(String itemId, float[] itemTextVector);

        /** Rating of a known item. */
        default double rate(String itemId) {
            return rate(itemId, null);
        }

        /** Alias of {@link #rate(String, float[])}. */
        default double score(String itemId, float[] itemTextVector) {
            return rate(itemId, itemTextVector);
        }
    }

    /** The recipe the model was trained with. */
    public RatingRecipe recipe() {
        return recipe;
    }

    /** The underlying Tribuo model. */
    public Model<Regressor> tribuoModel() {
        return model;
    }

    /** Tribuo provenance: trainer configuration, data source, training time, versions. */
    public ModelProvenance provenance() {
        return model.getProvenance();
    }

    /** The rating scale predictions are clamped to. */
    public RatingScale scale() {
        return scale;
    }

    /** The side information (text features) the model uses. */
    public SideInformation sideInformation() {
        return side;
    }

    /** Metrics on the hold-out split, if one was used. */
    public Optional<RatingMetrics> holdoutMetrics() {
        return Optional.ofNullable(holdout);
    }

    /** Serialises model, side information, scale and metrics (the model as Tribuo protobuf). */
    public byte[] toBytes() {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeInt(MAGIC);
            out.writeUTF(recipe.name());
            out.writeFloat(scale.min());
            out.writeFloat(scale.max());
            out.writeBoolean(holdout != null);
            if (holdout != null) {
                out.writeDouble(holdout.rmse());
                out.writeDouble(holdout.mae());
                out.writeLong(holdout.count());
            }
            side.write(out);
            out.writeInt(ratedItems.size());
            for (Map.Entry<String, List<String>> entry : ratedItems.entrySet()) {
                out.writeUTF(entry.getKey());
                ModelPayload.writeStrings(out, entry.getValue());
            }
            byte[] proto = model.serialize().toByteArray();
            out.writeInt(proto.length);
            out.write(proto);
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a model written by {@link #toBytes()}. */
    public static RatingModel fromBytes(byte[] bytes) {
        try {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
            if (in.readInt() != MAGIC) {
                throw new IllegalArgumentException("not a serialised RatingModel");
            }
            RatingRecipe recipe = RatingRecipe.valueOf(in.readUTF());
            RatingScale scale = new RatingScale(in.readFloat(), in.readFloat());
            RatingMetrics holdout = in.readBoolean() ? new RatingMetrics(in.readDouble(), in.readDouble(),
                    in.readLong()) : null;
            SideInformation side = SideInformation.read(in);
            int users = in.readInt();
            Map<String, List<String>> rated = new HashMap<>(users * 2);
            for (int u = 0; u < users; u++) {
                rated.put(in.readUTF(), ModelPayload.readStrings(in));
            }
            byte[] proto = new byte[in.readInt()];
            in.readFully(proto);
            Model<Regressor> model = Model.deserialize(ModelProto.parseFrom(proto)).castModel(Regressor.class);
            return new RatingModel(recipe, model, side, scale, holdout, rated);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes {@link #toBytes()} to a file. */
    public void save(Path file) throws IOException {
        Files.write(file, toBytes());
    }

    /** Reads a file written by {@link #save(Path)}. */
    public static RatingModel load(Path file) throws IOException {
        return fromBytes(Files.readAllBytes(file));
    }
}
