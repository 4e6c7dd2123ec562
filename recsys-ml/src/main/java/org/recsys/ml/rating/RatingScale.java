package org.recsys.ml.rating;

/**
 * The range predictions are clamped to, e.g. 1 to 5 stars.
 *
 * @param min lowest rating
 * @param max highest rating
 */
public record RatingScale(float min, float max) {

    /** One to five stars. */
    public static final RatingScale FIVE_STARS = new RatingScale(1, 5);

    public RatingScale {
        if (!(min < max)) {
            throw new IllegalArgumentException("min must be below max");
        }
    }

    /** Clamps a raw prediction into the scale. */
    public double clamp(double value) {
        return value < min ? min : Math.min(value, max);
    }
}
