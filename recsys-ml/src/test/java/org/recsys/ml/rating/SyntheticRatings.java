package org.recsys.ml.rating;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Generated ratings with known structure: users and items have latent tastes in 3 dimensions, item "text"
 * vectors are a noisy view of the item's taste, and ratings are a clamped noisy dot product plus biases.
 */
final class SyntheticRatings {

    final List<RatingRecord> train = new ArrayList<>();
    final List<RatingRecord> test = new ArrayList<>();
    final Map<String, float[]> itemVectors = new HashMap<>();
    final Map<String, float[]> itemTaste = new HashMap<>();
    final Map<String, float[]> userTaste = new HashMap<>();

    SyntheticRatings(int users, int items, int perUser, long seed) {
        Random random = new Random(seed);
        for (int i = 0; i < items; i++) {
            float[] taste = gaussian(random, 3);
            itemTaste.put("i" + i, taste);
            float[] text = new float[12];
            for (int d = 0; d < 12; d++) {
                text[d] = taste[d % 3] + 0.2f * (float) random.nextGaussian();
            }
            itemVectors.put("i" + i, text);
        }
        for (int u = 0; u < users; u++) {
            float[] taste = gaussian(random, 3);
            userTaste.put("u" + u, taste);
            float bias = (float) (0.5 * random.nextGaussian());
            for (int n = 0; n < perUser; n++) {
                String item = "i" + random.nextInt(items);
                float[] it = itemTaste.get(item);
                double value = 3.4 + bias + 0.9 * (taste[0] * it[0] + taste[1] * it[1] + taste[2] * it[2])
                        + 0.3 * random.nextGaussian();
                RatingRecord record = new RatingRecord("u" + u, item, (float) Math.max(1, Math.min(5,
                        Math.round(value))), n);
                (random.nextDouble() < 0.2 ? test : train).add(record);
            }
        }
    }

    private static float[] gaussian(Random random, int dimension) {
        float[] v = new float[dimension];
        for (int d = 0; d < dimension; d++) {
            v[d] = (float) random.nextGaussian();
        }
        return v;
    }

    static double rmse(RatingModel model, List<RatingRecord> records) {
        double squared = 0;
        for (RatingRecord record : records) {
            double error = model.predict(record.userId(), record.itemId()) - record.rating();
            squared += error * error;
        }
        return Math.sqrt(squared / records.size());
    }
}
