package org.recsys.ml.profile;

/**
 * The online profile update {@code e_u <- e_u + alpha * w * (e_i - e_u)} (an exponential moving average towards
 * the item for positive {@code w}, away from it for negative {@code w}), and its interest-point variant that moves
 * only the interest point nearest to the item. Updates work in place on the caller's arrays and allocate nothing,
 * since the server calls them on every feedback event; callers serialise updates of one user (e.g. per-user lock
 * or a compare-and-set on a copied vector).
 * <p>
 * After the step the vector is re-normalised to unit length, so that cosine similarity stays a dot product and a
 * long run of negative feedback cannot blow the vector up. {@code alpha * |w|} is capped at {@link #MAX_STEP} so
 * that no single event can replace a profile.
 */
public final class ProfileUpdater {

    /** Largest effective step {@code alpha * |w|}. */
    public static final double MAX_STEP = 0.5;

    private final double alpha;

    /** @param alpha learning rate of the update, e.g. 0.1 */
    public ProfileUpdater(double alpha) {
        if (!(alpha > 0 && alpha <= 1)) {
            throw new IllegalArgumentException("alpha must be in (0, 1]");
        }
        this.alpha = alpha;
    }

    /** The learning rate. */
    public double alpha() {
        return alpha;
    }

    /**
     * Moves {@code profile} towards ({@code weight > 0}) or away from ({@code weight < 0}) {@code item}, in place.
     *
     * @param profile unit-length (or zero) profile vector; updated in place
     * @param item    item vector
     * @param weight  signed feedback weight, see {@link FeedbackWeights}
     * @return the effective step {@code alpha * w} applied (after capping)
     */
    public double update(float[] profile, float[] item, double weight) {
        if (profile.length != item.length) {
            throw new IllegalArgumentException("dimension mismatch: " + profile.length + " vs " + item.length);
        }
        double step = Math.max(-MAX_STEP, Math.min(MAX_STEP, alpha * weight));
        if (step == 0) {
            return 0;
        }
        boolean empty = true;
        for (float v : profile) {
            if (v != 0) {
                empty = false;
                break;
            }
        }
        if (empty) {
            if (step < 0) {
                return 0; // "not this" says nothing about where an empty profile should point
            }
            // A user with no profile yet starts at the first item they liked.
            System.arraycopy(item, 0, profile, 0, item.length);
            normalise(profile);
            return step;
        }
        float s = (float) step;
        for (int d = 0; d < profile.length; d++) {
            profile[d] += s * (item[d] - profile[d]);
        }
        normalise(profile);
        return step;
    }

    /**
     * Interest-point variant: moves only the interest point whose centroid is most similar to the item, and
     * shifts a little of the interest weights towards it for positive feedback (away for negative).
     *
     * @param centroids unit-length centroids, updated in place
     * @param weights   interest weights summing to 1, updated in place (may be {@code null})
     * @param item      item vector
     * @param weight    signed feedback weight
     * @return index of the moved interest point, or -1 when there are none
     */
    public int updateNearest(float[][] centroids, float[] weights, float[] item, double weight) {
        int nearest = -1;
        float best = -Float.MAX_VALUE;
        for (int c = 0; c < centroids.length; c++) {
            float dot = 0;
            float[] centroid = centroids[c];
            for (int d = 0; d < item.length; d++) {
                dot += centroid[d] * item[d];
            }
            if (dot > best) {
                best = dot;
                nearest = c;
            }
        }
        if (nearest < 0) {
            return -1;
        }
        double step = update(centroids[nearest], item, weight);
        if (weights != null && weights.length == centroids.length) {
            // Reinforce (or weaken) the interest by a share of the step, then renormalise to sum 1.
            weights[nearest] = (float) Math.max(1e-4, weights[nearest] * (1 + step));
            float sum = 0;
            for (float w : weights) {
                sum += w;
            }
            for (int c = 0; c < weights.length; c++) {
                weights[c] /= sum;
            }
        }
        return nearest;
    }

    private static void normalise(float[] vector) {
        double sum = 0;
        for (float v : vector) {
            sum += v * v;
        }
        if (sum > 0) {
            float inverse = (float) (1 / Math.sqrt(sum));
            for (int d = 0; d < vector.length; d++) {
                vector[d] *= inverse;
            }
        }
    }
}
