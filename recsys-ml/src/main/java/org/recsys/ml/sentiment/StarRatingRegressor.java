package org.recsys.ml.sentiment;

import org.recsys.ml.text.EncoderTag;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.protos.core.ModelProto;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.sgd.linear.LinearSGDTrainer;
import org.tribuo.regression.sgd.objectives.SquaredLoss;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Review text to star rating: Tribuo's linear SGD regression (squared loss, AdaGrad) on text vectors, clamped to
 * the rating scale. Immutable and thread-safe once trained.
 */
public final class StarRatingRegressor {

    private final Model<Regressor> model;
    private final EncoderTag encoder;
    private final float min;
    private final float max;

    private StarRatingRegressor(Model<Regressor> model, EncoderTag encoder, float min, float max) {
        this.model = model;
        this.encoder = encoder;
        this.min = min;
        this.max = max;
    }

    /**
     * Trains on text vectors with their stars.
     *
     * @param vectors text vectors
     * @param stars   star rating of each text
     * @param encoder encoder identity
     * @param epochs  SGD epochs (e.g. 10)
     * @param seed    seed
     */
    public static StarRatingRegressor train(List<float[]> vectors, List<Float> stars, EncoderTag encoder, int epochs,
                                            long seed) {
        RegressionFactory factory = new RegressionFactory();
        MutableDataset<Regressor> dataset = new MutableDataset<>(new SimpleDataSourceProvenance(
                "review vectors from " + encoder, factory), factory);
        float min = Float.MAX_VALUE;
        float max = -Float.MAX_VALUE;
        for (int i = 0; i < vectors.size(); i++) {
            float value = stars.get(i);
            min = Math.min(min, value);
            max = Math.max(max, value);
            dataset.add(EmbeddingFeatures.example(new Regressor("stars", value), vectors.get(i)));
        }
        LinearSGDTrainer trainer = new LinearSGDTrainer(new SquaredLoss(), new AdaGrad(0.1, 0.1), epochs,
                Math.max(1, epochs * vectors.size()), 1, seed);
        return new StarRatingRegressor(trainer.train(dataset), encoder, min, max);
    }

    /** Predicted stars, clamped to the range seen in training. */
    public double predict(float[] vector) {
        double value = model.predict(EmbeddingFeatures.example(RegressionFactory.UNKNOWN_REGRESSOR, vector))
                .getOutput().getValues()[0];
        return Math.max(min, Math.min(max, value));
    }

    /** Identity of the encoder the model reads. */
    public EncoderTag encoder() {
        return encoder;
    }

    /** The underlying Tribuo model. */
    public Model<Regressor> tribuoModel() {
        return model;
    }

    /** Tribuo protobuf bytes of the model (range and encoder tag are not included). */
    public byte[] modelBytes() {
        return model.serialize().toByteArray();
    }

    /** Rebuilds a regressor from {@link #modelBytes()}. */
    public static StarRatingRegressor fromModelBytes(byte[] bytes, EncoderTag encoder, float min, float max) {
        try {
            Model<Regressor> model = Model.deserialize(ModelProto.parseFrom(bytes)).castModel(Regressor.class);
            return new StarRatingRegressor(model, encoder, min, max);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
