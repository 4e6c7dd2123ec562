package org.recsys.ml.rating;

/**
 * Error of rating predictions on a hold-out set.
 *
 * @param rmse  root mean squared error
 * @param mae   mean absolute error
 * @param count number of predictions
 */
public record RatingMetrics(double rmse, double mae, long count) {

    /** Mean squared error. */
    public double mse() {
        return rmse * rmse;
    }

    /** Metrics of predictions against truth. */
    public static RatingMetrics of(double[] predicted, double[] actual) {
        double squared = 0;
        double absolute = 0;
        for (int i = 0; i < predicted.length; i++) {
            double error = predicted[i] - actual[i];
            squared += error * error;
            absolute += Math.abs(error);
        }
        int n = Math.max(1, predicted.length);
        return new RatingMetrics(Math.sqrt(squared / n), absolute / n, predicted.length);
    }
}
