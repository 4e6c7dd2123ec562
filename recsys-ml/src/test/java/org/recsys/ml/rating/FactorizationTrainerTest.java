package org.recsys.ml.rating;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.regression.Regressor;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class FactorizationTrainerTest {

    private final SyntheticRatings data = new SyntheticRatings(300, 120, 40, 7);

    private RatingModel train(org.tribuo.Trainer<Regressor> trainer, SideInformation side) {
        MutableDataset<Regressor> dataset = RatingFeatures.dataset(data.train, side, false, "synthetic");
        return RatingModel.of(RatingRecipe.BLEND, trainer.train(dataset), side, RatingScale.FIVE_STARS, null);
    }

    @Test
    void latentFactorsBeatBiasesWhichBeatTheMean() {
        double mean = SyntheticRatings.rmse(train(RatingRecipe.GLOBAL_MEAN.trainer(1), SideInformation.none()),
                data.test);
        double bias = SyntheticRatings.rmse(train(FactorizationTrainer.biasBaseline(1), SideInformation.none()),
                data.test);
        double mf = SyntheticRatings.rmse(train(new FactorizationTrainer(8, false, false, 100, 0.02, 0.05, 0.02, 1),
                SideInformation.none()), data.test);
        double svdpp = SyntheticRatings.rmse(train(new FactorizationTrainer(8, true, false, 100, 0.02, 0.05, 0.02, 1),
                SideInformation.none()), data.test);
        assertThat(bias).isLessThan(mean - 0.05);
        assertThat(mf).isLessThan(bias - 0.1);
        assertThat(svdpp).isLessThan(bias - 0.1);
    }

    @Test
    void earlyStoppingPicksAnEpochCountAndFixedEpochsReproduceIt() {
        FactorizationTrainer trainer = new FactorizationTrainer(8, false, false, 200, 0.02, 0.05, 0.02, 3);
        trainer.train(RatingFeatures.dataset(data.train, SideInformation.none(), false, "synthetic"));
        assertThat(trainer.lastBestEpochs()).isBetween(1, 199);
        FactorizationTrainer fixed = trainer.withFixedEpochs(5);
        fixed.train(RatingFeatures.dataset(data.train, SideInformation.none(), false, "synthetic"));
        assertThat(fixed.lastBestEpochs()).isEqualTo(5);
    }

    @Test
    void textSideFeaturesScoreUnseenItemsBetterThanBiasesAlone() {
        // Hold out every rating of 20 items: they are new items with only a text vector.
        List<RatingRecord> train = data.train.stream().filter(r -> Integer.parseInt(r.itemId().substring(1)) >= 20)
                .toList();
        List<RatingRecord> coldItems = data.test.stream().filter(r -> Integer.parseInt(r.itemId().substring(1)) < 20)
                .toList();
        Map<String, float[]> trainItemVectors = new java.util.HashMap<>(data.itemVectors);
        trainItemVectors.keySet().removeIf(id -> Integer.parseInt(id.substring(1)) < 20);
        RatedItemProfiles profiles = new RatedItemProfiles(train, trainItemVectors);
        SideInformation side = SideInformation.fit(trainItemVectors, profiles.userVectors(), 8, train, profiles);
        MutableDataset<Regressor> dataset = RatingFeatures.dataset(train, side, profiles, false, "warm items");
        FactorizationTrainer textAware = new FactorizationTrainer(8, false, true, 100, 0.02, 0.05, 0.02, 1)
                .withSideRates(0.002, 0.2, 0.001);
        RatingModel withText = RatingModel.of(RatingRecipe.TEXT_AWARE, textAware.train(dataset), side,
                RatingScale.FIVE_STARS, null);
        RatingModel idsOnly = RatingModel.of(RatingRecipe.MATRIX_FACTORIZATION,
                new FactorizationTrainer(8, false, false, 100, 0.02, 0.05, 0.02, 1).train(dataset), side,
                RatingScale.FIVE_STARS, null);
        double textError = 0;
        double idError = 0;
        for (RatingRecord record : coldItems) {
            float[] itemText = data.itemVectors.get(record.itemId());
            textError += Math.pow(withText.predict(record.userId(), record.itemId(), null, itemText)
                    - record.rating(), 2);
            idError += Math.pow(idsOnly.predict(record.userId(), record.itemId(), null, itemText) - record.rating(), 2);
        }
        assertThat(Math.sqrt(textError / coldItems.size())).isLessThan(Math.sqrt(idError / coldItems.size()) - 0.05);
    }

    @Test
    void modelsRoundTripThroughTribuoProtobufWithProvenance(@TempDir Path dir) throws Exception {
        MutableDataset<Regressor> dataset = RatingFeatures.dataset(data.train, SideInformation.none(), false,
                "synthetic");
        FactorizationModel model = new FactorizationTrainer(4, true, false, 20, 0.02, 0.05, 0.02, 1).train(dataset);
        Path file = dir.resolve("model.tribuo");
        model.serializeToFile(file);
        Model<?> loaded = Model.deserializeFromFile(file);
        assertThat(loaded).isInstanceOf(FactorizationModel.class);
        FactorizationModel copy = (FactorizationModel) loaded;
        assertThat(copy.score("u1", "i3", null, null)).isCloseTo(model.score("u1", "i3", null, null), within(1e-6));
        assertThat(copy.getProvenance().getTrainerProvenance().getClassName())
                .isEqualTo(FactorizationTrainer.class.getName());
        assertThat(copy.getProvenance().getTrainerProvenance().getConfiguredParameters()).containsKey("factors");
        assertThat(copy.getProvenance()).isEqualTo(model.getProvenance());
    }
}
