package org.recsys.ml.topn;

import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * EASE^R (Steck, "Embarrassingly Shallow Autoencoders for Sparse Data", WWW 2019): the item-item matrix
 * {@code B = I - P diag(1 / diag(P))}, {@code P = (X^T X + lambda I)^-1}, the closed-form least-squares
 * reconstruction of the user-item matrix with a zero diagonal. Dense: the Gram matrix and its inverse are
 * {@code n x n}, so it is fitted only up to {@link #MAX_ITEMS} items (above that {@link TopNTrainer} uses the sparse
 * sources alone). The inverse comes from EJML's Cholesky solver, since the Gram matrix plus the ridge is symmetric
 * positive definite. Each row keeps its {@code neighbours} largest weights for serving.
 * <p>
 * With a text weight {@code beta > 0} the items' text similarities join the Gram matrix as side information,
 * {@code P = (X^T X + beta T + lambda I)^-1} with {@link ItemTextGram} {@code T}: the closed form of EASE^R fitted to
 * the user-item matrix stacked on the items' text features (Jeunen, Van Balen and Goethals, "Closed-Form Models for
 * Collaborative Filtering with Side-Information", RecSys 2020). Items that are seldom chosen together but read alike
 * then lend each other weight, which matters most in sparse catalogues. {@link TopNTrainer} picks beta on validation,
 * zero included.
 */
public final class EaseTrainer implements ItemItemTrainer {

    /**
     * Largest catalogue (items with interactions) fitted densely: 4,000 items is a 128 MB Gram matrix and about
     * 10 s of Cholesky inversion on two cores; cost grows with the cube of the item count.
     */
    public static final int MAX_ITEMS = 4000;

    /** L2 penalty on the weights. */
    private final double lambda;
    private final int neighbours;
    /** Weight of the text similarities in the Gram matrix; 0 for plain EASE^R. */
    private final double textWeight;
    private final ItemTextGram text;

    public EaseTrainer(double lambda, int neighbours) {
        this(lambda, 0, null, neighbours);
    }

    /**
     * EASE^R with text side information.
     *
     * @param text the text Gram matrix of the matrix this trainer will fit; may be null when textWeight is 0
     */
    public EaseTrainer(double lambda, double textWeight, ItemTextGram text, int neighbours) {
        if (textWeight < 0 || textWeight > 0 && text == null) {
            throw new IllegalArgumentException("text weight " + textWeight + " needs a non-negative weight and, "
                    + "above zero, the items' text similarities");
        }
        this.lambda = lambda;
        this.neighbours = neighbours;
        this.textWeight = textWeight;
        this.text = textWeight > 0 ? text : null;
    }

    /** The text weight a fitted model was trained with (0 for models saved before text side information). */
    static double textWeight(ItemItemModel model) {
        return Double.parseDouble(model.settings().getOrDefault("textWeight", "0"));
    }

    /** True when the matrix is small enough for a dense fit. */
    public static boolean fits(Interactions matrix) {
        return matrix.items() > 1 && matrix.items() <= MAX_ITEMS;
    }

    @Override
    public ItemItemModel fit(Interactions matrix) {
        int n = matrix.items();
        if (!fits(matrix)) {
            throw new IllegalArgumentException("EASE fits at most " + MAX_ITEMS + " items densely, got " + n);
        }
        DMatrixRMaj gram = new DMatrixRMaj(n, n);
        double[] g = gram.data;
        for (int u = 0; u < matrix.users(); u++) {
            int start = matrix.userStart[u];
            int end = matrix.userStart[u + 1];
            for (int a = start; a < end; a++) {
                int row = matrix.userItems[a] * n;
                for (int b = start; b < end; b++) {
                    g[row + matrix.userItems[b]] += 1;
                }
            }
        }
        if (text != null) {
            if (text.items() != n) {
                throw new IllegalArgumentException("text similarities of " + text.items() + " items for a matrix of "
                        + n);
            }
            text.addTo(g, textWeight);
        }
        for (int i = 0; i < n; i++) {
            g[i * n + i] += lambda;
        }
        DMatrixRMaj inverse = new DMatrixRMaj(n, n);
        if (!CommonOps_DDRM.invertSPD(gram, inverse)) {
            throw new IllegalStateException("the Gram matrix is not positive definite (lambda " + lambda + ")");
        }
        double[] p = inverse.data;
        double[] b = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                b[i * n + j] = i == j ? 0 : -p[i * n + j] / p[j * n + j];
            }
        }
        return ItemItemModel.fromDense("EASE", Map.of("lambda", Double.toString(lambda),
                "textWeight", Double.toString(textWeight), "neighbours", Integer.toString(neighbours)),
                matrix.itemIds, b, neighbours);
    }

    @Override
    public String describe() {
        return "EASE(lambda=" + lambda + (textWeight > 0 ? ", textWeight=" + textWeight : "") + ", neighbours="
                + neighbours + ")";
    }
}
