package org.recsys.ml.sentiment;

/**
 * The three sentiment classes of a review.
 */
public enum Sentiment {
    NEGATIVE, NEUTRAL, POSITIVE;

    /** Class of a star rating on a 1-5 scale: 1-2 negative, 3 neutral, 4-5 positive. */
    public static Sentiment fromStars(double stars) {
        if (stars < 2.5) {
            return NEGATIVE;
        }
        return stars < 3.5 ? NEUTRAL : POSITIVE;
    }

    /** Label string used in Tribuo datasets. */
    public String label() {
        return name();
    }
}
