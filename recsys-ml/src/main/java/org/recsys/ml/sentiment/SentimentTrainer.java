package org.recsys.ml.sentiment;

import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.recsys.ml.text.EncoderTag;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Trains a {@link SentimentModel}: Tribuo's linear SGD classifier with the multinomial logistic loss (softmax
 * regression) on text vectors, with AdaGrad (Duchi, Hazan and Singer, JMLR 2011). With class weighting on, each
 * example weighs {@code n / (classes * n_class)}, so that a rare class (negative reviews are 5% of Amazon Musical
 * Instruments) counts as much as a frequent one.
 */
public final class SentimentTrainer {

    private int epochs = 30;
    private double learningRate = 0.2;
    private boolean classWeighting = true;
    private long seed = 12345L;

    /**
     * Defaults: 30 epochs, AdaGrad rate 0.2, class weighting on (best macro-F1 for imbalanced star classes; turn
     * it off when accuracy matters more, as for the balanced-enough binary ChnSentiCorp).
     */
    public SentimentTrainer() {
    }

    /** Sets epochs, AdaGrad learning rate, class weighting and seed; returns this trainer. */
    public SentimentTrainer configure(int epochs, double learningRate, boolean classWeighting, long seed) {
        this.epochs = epochs;
        this.learningRate = learningRate;
        this.classWeighting = classWeighting;
        this.seed = seed;
        return this;
    }

    /**
     * Trains on labelled vectors.
     *
     * @param examples vectors with labels
     * @param encoder  identity of the encoder that produced the vectors (stored with the model)
     */
    public SentimentModel train(List<LabelledVector> examples, EncoderTag encoder) {
        LabelFactory factory = new LabelFactory();
        MutableDataset<Label> dataset = new MutableDataset<>(new SimpleDataSourceProvenance(
                "review vectors from " + encoder, factory), factory);
        Map<String, Integer> counts = new HashMap<>();
        for (LabelledVector example : examples) {
            counts.merge(example.label(), 1, Integer::sum);
        }
        for (LabelledVector example : examples) {
            Example<Label> tribuoExample = EmbeddingFeatures.example(new Label(example.label()), example.vector());
            if (classWeighting) {
                tribuoExample.setWeight((float) examples.size() / (counts.size() * counts.get(example.label())));
            }
            dataset.add(tribuoExample);
        }
        LinearSGDTrainer trainer = new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(learningRate, 0.1), epochs,
                Math.max(1, epochs * examples.size()), 1, seed);
        Model<Label> model = trainer.train(dataset);
        return new SentimentModel(model, encoder);
    }
}
