package org.recsys.ml.rating;

/**
 * Ridge regression with an unpenalised intercept, solved by the normal equations with Gaussian elimination and
 * partial pivoting; meant for a handful of columns (blend weights).
 */
final class RidgeSolver {

    private RidgeSolver() {
    }

    /** Returns intercept followed by one weight per column. */
    static double[] fit(double[][] x, double[] y, double penalty) {
        int p = x.length == 0 ? 0 : x[0].length;
        int size = p + 1;
        double[][] a = new double[size][size + 1];
        for (int r = 0; r < x.length; r++) {
            double[] row = new double[size];
            row[0] = 1;
            System.arraycopy(x[r], 0, row, 1, p);
            for (int i = 0; i < size; i++) {
                for (int j = 0; j < size; j++) {
                    a[i][j] += row[i] * row[j];
                }
                a[i][size] += row[i] * y[r];
            }
        }
        for (int i = 1; i < size; i++) {
            a[i][i] += penalty;
        }
        for (int col = 0; col < size; col++) {
            int pivot = col;
            for (int r = col + 1; r < size; r++) {
                if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) {
                    pivot = r;
                }
            }
            double[] tmp = a[col];
            a[col] = a[pivot];
            a[pivot] = tmp;
            if (Math.abs(a[col][col]) < 1e-12) {
                continue;
            }
            for (int r = 0; r < size; r++) {
                if (r != col) {
                    double factor = a[r][col] / a[col][col];
                    for (int c = col; c <= size; c++) {
                        a[r][c] -= factor * a[col][c];
                    }
                }
            }
        }
        double[] w = new double[size];
        for (int i = 0; i < size; i++) {
            w[i] = Math.abs(a[i][i]) < 1e-12 ? 0 : a[i][size] / a[i][i];
        }
        return w;
    }
}
