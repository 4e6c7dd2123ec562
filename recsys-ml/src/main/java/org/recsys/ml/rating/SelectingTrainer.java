package org.recsys.ml.rating;

import com.oracle.labs.mlrg.olcut.config.Config;
import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import org.tribuo.Dataset;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Trainer;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.provenance.TrainerProvenance;
import org.tribuo.provenance.impl.TrainerProvenanceImpl;
import org.tribuo.regression.Regressor;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Hyper-parameter selection on a validation split: trains every candidate on the data minus a seeded
 * validation share, keeps the one with the lowest validation RMSE, and retrains it on all the data. This is how
 * the "tuned" baselines are tuned, and how early stopping is applied to trainers that cannot stop by themselves
 * (Tribuo's {@code FMRegressionTrainer}: candidates differing in epochs).
 */
public final class SelectingTrainer implements Trainer<Regressor> {

    @Config(mandatory = true, description = "Candidate trainers.")
    private List<Trainer<Regressor>> candidates;
    @Config(description = "Share of ratings held out for the selection.")
    private double validationFraction = 0.1;
    @Config(description = "Seed of the validation split.")
    private long seed = Trainer.DEFAULT_SEED;

    private int trainInvocationCounter;
    private int lastChoice = -1;
    private double[] lastValidationRmse;

    /** For OLCUT configuration. */
    private SelectingTrainer() {
    }

    /**
     * @param candidates         trainers to choose from
     * @param validationFraction share held out
     * @param seed               seed of the split
     */
    public SelectingTrainer(List<Trainer<Regressor>> candidates, double validationFraction, long seed) {
        this.candidates = List.copyOf(candidates);
        this.validationFraction = validationFraction;
        this.seed = seed;
    }

    /** Index of the candidate chosen by the last {@code train} call. */
    public int lastChoice() {
        return lastChoice;
    }

    /** The candidate chosen by the last {@code train} call. */
    public Trainer<Regressor> lastChosenTrainer() {
        return lastChoice < 0 ? null : candidates.get(lastChoice);
    }

    /** Validation RMSE of every candidate in the last call. */
    public double[] lastValidationRmse() {
        return lastValidationRmse == null ? null : lastValidationRmse.clone();
    }

    @Override
    public Model<Regressor> train(Dataset<Regressor> examples, Map<String, Provenance> runProvenance) {
        return train(examples, runProvenance, INCREMENT_INVOCATION_COUNT);
    }

    @Override
    public synchronized Model<Regressor> train(Dataset<Regressor> examples, Map<String, Provenance> runProvenance,
                                               int invocationCount) {
        if (invocationCount != INCREMENT_INVOCATION_COUNT) {
            setInvocationCount(invocationCount);
        }
        SplittableRandom random = new SplittableRandom(seed + trainInvocationCounter);
        trainInvocationCounter++;
        MutableDataset<Regressor> fitPart = new MutableDataset<>(new SimpleDataSourceProvenance("selection split",
                examples.getOutputFactory()), examples.getOutputFactory());
        List<Example<Regressor>> validation = new ArrayList<>();
        for (Example<Regressor> example : examples) {
            if (random.nextDouble() < validationFraction) {
                validation.add(example);
            } else {
                fitPart.add(example);
            }
        }
        double[] rmse = new double[candidates.size()];
        int best = 0;
        List<Trainer<Regressor>> finalTrainers = new ArrayList<>();
        for (int c = 0; c < candidates.size(); c++) {
            Trainer<Regressor> candidate = candidates.get(c);
            // Factor models stop early inside the first pass and are retrained once, for the epochs they chose.
            Trainer<Regressor> firstPass = candidate instanceof FactorizationTrainer factorization
                    ? factorization.withoutRefit() : candidate;
            Model<Regressor> model = firstPass.train(fitPart);
            finalTrainers.add(firstPass instanceof FactorizationTrainer factorization
                    ? factorization.withFixedEpochs(Math.max(1, factorization.lastBestEpochs())) : candidate);
            double squared = 0;
            for (Example<Regressor> example : validation) {
                double error = model.predict(example).getOutput().getValues()[0]
                        - example.getOutput().getValues()[0];
                squared += error * error;
            }
            rmse[c] = Math.sqrt(squared / Math.max(1, validation.size()));
            if (rmse[c] < rmse[best]) {
                best = c;
            }
        }
        lastChoice = best;
        lastValidationRmse = rmse;
        // The chosen trainer's own provenance describes the returned model.
        return finalTrainers.get(best).train(examples, runProvenance);
    }

    @Override
    public Model<Regressor> train(Dataset<Regressor> examples) {
        return train(examples, Collections.emptyMap());
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
        return "SelectingTrainer(candidates=" + candidates + ")";
    }
}
