package org.recsys.ml.rating;

import org.junit.jupiter.api.Test;
import org.recsys.ml.data.MovieLensReader;
import org.recsys.ml.testing.RealData;
import org.tribuo.MutableDataset;
import org.tribuo.regression.Regressor;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Quality floor on one 80/20 fold of MovieLens 100K (the 5-fold numbers come from the harness). */
class MovieLensRatingQualityTest {

    @Test
    void blendStaysWellBelowTheFloorAndTheBiasBaseline() throws Exception {
        Path uData = RealData.require("movielens-100k/u.data");
        List<RatingRecord> all = new ArrayList<>();
        MovieLensReader.ratings(uData, 0).forEach(r -> all.add(new RatingRecord(r.userId(), r.itemId(), r.rating(),
                r.timestamp())), rejected -> { });
        Collections.shuffle(all, new Random(42));
        List<RatingRecord> train = all.subList(0, 80_000);
        List<RatingRecord> test = all.subList(80_000, all.size());
        MutableDataset<Regressor> dataset = RatingFeatures.dataset(train, SideInformation.none(), false, "ml-100k");

        double bias = SyntheticRatings.rmse(RatingModel.of(RatingRecipe.BIAS, RatingRecipe.BIAS.trainer(1)
                .train(dataset), SideInformation.none(), RatingScale.FIVE_STARS, null), test);
        double blend = SyntheticRatings.rmse(RatingModel.of(RatingRecipe.BLEND, RatingRecipe.BLEND.trainer(1)
                .train(dataset), SideInformation.none(), RatingScale.FIVE_STARS, null), test);
        assertThat(bias).isLessThan(0.96);
        assertThat(blend).isLessThan(0.92).isLessThan(bias - 0.03);
    }
}
