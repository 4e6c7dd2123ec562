package org.recsys.ml.rating;

import com.oracle.labs.mlrg.olcut.config.Config;
import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import org.tribuo.Dataset;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Trainer;
import org.tribuo.provenance.ModelProvenance;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.provenance.TrainerProvenance;
import org.tribuo.provenance.impl.TrainerProvenanceImpl;
import org.tribuo.regression.Regressor;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Linear blending of several rating models, as done by the Netflix Prize teams (Töscher, Jahrer and Bell, "The
 * BigChaos Solution to the Netflix Grand Prize", 2009; Koren, "The BellKor Solution to the Netflix Grand Prize",
 * 2009): every member is trained on the data minus a seeded validation split, a ridge regression of the true
 * ratings on the members' clamped validation predictions gives the blend weights, and then every member is
 * retrained on all the data (factor models for the epoch count they chose on the first pass) and combined with
 * those weights.
 */
public final class BlendTrainer implements Trainer<Regressor> {

    @Config(mandatory = true, description = "The member trainers.")
    private List<Trainer<Regressor>> members;
    @Config(description = "Share of ratings held out to learn the blend weights.")
    private double validationFraction = 0.1;
    @Config(description = "Ridge penalty on the member weights.")
    private double ridge = 1.0;
    @Config(description = "Seed of the validation split.")
    private long seed = Trainer.DEFAULT_SEED;

    private int trainInvocationCounter;
    private double[] lastWeights;

    /** For OLCUT configuration. */
    private BlendTrainer() {
    }

    /**
     * @param members            member trainers
     * @param validationFraction share held out for the weights
     * @param seed               seed of the split
     */
    public BlendTrainer(List<Trainer<Regressor>> members, double validationFraction, long seed) {
        this.members = List.copyOf(members);
        this.validationFraction = validationFraction;
        this.seed = seed;
    }

    /** Weights (intercept first) learned by the last {@code train} call. */
    public double[] lastWeights() {
        return lastWeights == null ? null : lastWeights.clone();
    }

    @Override
    public BlendModel train(Dataset<Regressor> examples) {
        return train(examples, Collections.emptyMap());
    }

    @Override
    public BlendModel train(Dataset<Regressor> examples, Map<String, Provenance> runProvenance) {
        return train(examples, runProvenance, INCREMENT_INVOCATION_COUNT);
    }

    @Override
    public synchronized BlendModel train(Dataset<Regressor> examples, Map<String, Provenance> runProvenance,
                                         int invocationCount) {
        if (invocationCount != INCREMENT_INVOCATION_COUNT) {
            setInvocationCount(invocationCount);
        }
        TrainerProvenance trainerProvenance = getProvenance();
        SplittableRandom random = new SplittableRandom(seed + trainInvocationCounter);
        trainInvocationCounter++;

        MutableDataset<Regressor> fitPart = new MutableDataset<>(new SimpleDataSourceProvenance("blend fit split",
                examples.getOutputFactory()), examples.getOutputFactory());
        List<Example<Regressor>> validation = new ArrayList<>();
        float min = Float.MAX_VALUE;
        float max = -Float.MAX_VALUE;
        for (Example<Regressor> example : examples) {
            float rating = (float) example.getOutput().getValues()[0];
            min = Math.min(min, rating);
            max = Math.max(max, rating);
            if (random.nextDouble() < validationFraction) {
                validation.add(example);
            } else {
                fitPart.add(example);
            }
        }
        int m = members.size();
        double[][] features = new double[validation.size()][m];
        double[] targets = new double[validation.size()];
        List<Trainer<Regressor>> refitTrainers = new ArrayList<>(m);
        for (int j = 0; j < m; j++) {
            Trainer<Regressor> trainer = members.get(j);
            // First pass: only validation predictions are needed, so factor models skip their own refit.
            Trainer<Regressor> firstPass = trainer instanceof FactorizationTrainer factorization
                    ? factorization.withoutRefit() : trainer;
            Model<Regressor> model = firstPass.train(fitPart);
            for (int v = 0; v < validation.size(); v++) {
                double prediction = model.predict(validation.get(v)).getOutput().getValues()[0];
                features[v][j] = Math.max(min, Math.min(max, prediction));
            }
            refitTrainers.add(firstPass instanceof FactorizationTrainer factorization
                    ? factorization.withFixedEpochs(Math.max(1, factorization.lastBestEpochs())) : trainer);
        }
        for (int v = 0; v < validation.size(); v++) {
            targets[v] = validation.get(v).getOutput().getValues()[0];
        }
        double[] weights = RidgeSolver.fit(features, targets, ridge);
        lastWeights = weights.clone();
        List<Model<Regressor>> fitted = new ArrayList<>(m);
        for (Trainer<Regressor> trainer : refitTrainers) {
            fitted.add(trainer.train(examples));
        }
        ModelProvenance provenance = new ModelProvenance(BlendModel.class.getName(), OffsetDateTime.now(),
                examples.getProvenance(), trainerProvenance, runProvenance);
        return new BlendModel("blend", provenance, examples.getFeatureIDMap(), examples.getOutputIDInfo(), fitted,
                weights, min, max);
    }

    @Override
    public int getInvocationCount() {
        return trainInvocationCounter;
    }

    @Override
    public synchronized void setInvocationCount(int invocationCount) {
        this.trainInvocationCounter = invocationCount;
    }

    @Override
    public TrainerProvenance getProvenance() {
        return new TrainerProvenanceImpl(this);
    }

    @Override
    public String toString() {
        return "BlendTrainer(members=" + members + ",validationFraction=" + validationFraction + ")";
    }
}
