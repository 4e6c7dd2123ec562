package org.recsys.ml.rating;

import org.junit.jupiter.api.Test;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.regression.Regressor;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class NeighbourhoodAndBlendTest {

    private final SyntheticRatings data = new SyntheticRatings(300, 100, 40, 5);

    private double rmse(Model<Regressor> model) {
        return SyntheticRatings.rmse(RatingModel.of(RatingRecipe.BLEND, model, SideInformation.none(),
                RatingScale.FIVE_STARS, null), data.test);
    }

    @Test
    void neighbourhoodModelBeatsBiasesAndRoundTrips() {
        MutableDataset<Regressor> dataset = RatingFeatures.dataset(data.train, SideInformation.none(), false, "s");
        NeighbourhoodModel knn = new NeighbourhoodTrainer(30, 50).train(dataset);
        double bias = rmse(FactorizationTrainer.biasBaseline(1).train(dataset));
        assertThat(rmse(knn)).isLessThan(bias - 0.05);
        NeighbourhoodModel copy = (NeighbourhoodModel) Model.deserialize(knn.serialize());
        assertThat(copy.score("u4", "i9")).isCloseTo(knn.score("u4", "i9"), within(1e-9));
        assertThat(knn.score("stranger", "i9")).isCloseTo(knn.score("nobody", "i9"), within(1e-9));
    }

    @Test
    void blendIsAtLeastAsGoodAsItsBestMemberAndSelectionPicksTheBetterCandidate() {
        MutableDataset<Regressor> dataset = RatingFeatures.dataset(data.train, SideInformation.none(), false, "s");
        FactorizationTrainer mf = new FactorizationTrainer(8, false, false, 80, 0.02, 0.05, 0.02, 2);
        NeighbourhoodTrainer knn = new NeighbourhoodTrainer();
        BlendTrainer blendTrainer = new BlendTrainer(List.of(mf, knn, FactorizationTrainer.biasBaseline(3)), 0.15, 9);
        BlendModel blend = blendTrainer.train(dataset);
        double best = Math.min(rmse(mf.train(dataset)), rmse(knn.train(dataset)));
        assertThat(rmse(blend)).isLessThan(best + 0.01);
        assertThat(blendTrainer.lastWeights()).hasSize(4);
        assertThat(((BlendModel) Model.deserialize(blend.serialize())).weights()).containsExactly(blend.weights());

        SelectingTrainer selecting = new SelectingTrainer(List.of(FactorizationTrainer.biasBaseline(1), mf), 0.1, 4);
        selecting.train(dataset);
        assertThat(selecting.lastChoice()).isEqualTo(1);
        assertThat(selecting.lastValidationRmse()[1]).isLessThan(selecting.lastValidationRmse()[0]);
    }
}
