package org.recsys.ml.rating;

import org.tribuo.Example;
import org.tribuo.MutableDataset;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How a rating becomes a Tribuo {@link Example}: the factorization-machine encoding of Rendle ("Factorization
 * Machines with libFM", ACM TIST 2012). Every model in this package, Tribuo's own
 * {@code FMRegressionTrainer} included, reads the same examples:
 * <ul>
 *   <li>{@code user=<id>} = 1 and {@code item=<id>} = 1 (one-hot ids);</li>
 *   <li>optionally {@code rated=<id>} = |N(u)|<sup>-1/2</sup> for every item the user rated in the training data
 *       (implicit feedback as in SVD++, Koren KDD 2008); only Tribuo's FM needs these spelled out, the trainers of
 *       this package derive N(u) from the ids;</li>
 *   <li>{@code itemSide.<k>} and {@code userSide.<k>}: the projected text vectors of the item and the user
 *       ({@link SideInformation}).</li>
 * </ul>
 */
public final class RatingFeatures {

    /** Name of the single regression output. */
    public static final String OUTPUT_NAME = "rating";
    public static final String USER_PREFIX = "user=";
    public static final String ITEM_PREFIX = "item=";
    public static final String RATED_PREFIX = "rated=";
    public static final String USER_SIDE_PREFIX = "userSide.";
    public static final String ITEM_SIDE_PREFIX = "itemSide.";

    private static final RegressionFactory FACTORY = new RegressionFactory();
    private static final int NAME_CACHE = 256;
    private static final String[] USER_SIDE_NAMES = names(USER_SIDE_PREFIX);
    private static final String[] ITEM_SIDE_NAMES = names(ITEM_SIDE_PREFIX);

    private RatingFeatures() {
    }

    private static String[] names(String prefix) {
        String[] names = new String[NAME_CACHE];
        for (int i = 0; i < NAME_CACHE; i++) {
            names[i] = prefix + (i < 10 ? "00" : i < 100 ? "0" : "") + i; // zero-padded: Tribuo sorts by name
        }
        return names;
    }

    /** Tribuo's regression output factory used for all rating datasets. */
    public static RegressionFactory outputFactory() {
        return FACTORY;
    }

    /**
     * One example.
     *
     * @param rating     the target, or {@code Double.NaN} for a query (Tribuo's unknown output)
     * @param userSide   projected user side vector, or {@code null}
     * @param itemSide   projected item side vector, or {@code null}
     * @param ratedItems items for the implicit-feedback features, or {@code null} to leave them out
     */
    public static Example<Regressor> example(String userId, String itemId, double rating, float[] userSide,
                                             float[] itemSide, List<String> ratedItems) {
        int size = 2 + (userSide == null ? 0 : userSide.length) + (itemSide == null ? 0 : itemSide.length)
                + (ratedItems == null ? 0 : ratedItems.size());
        String[] names = new String[size];
        double[] values = new double[size];
        int n = 0;
        if (userId != null) {
            names[n] = USER_PREFIX + userId;
            values[n++] = 1;
        }
        if (itemId != null) {
            names[n] = ITEM_PREFIX + itemId;
            values[n++] = 1;
        }
        n = addSide(names, values, n, USER_SIDE_NAMES, userSide);
        n = addSide(names, values, n, ITEM_SIDE_NAMES, itemSide);
        if (ratedItems != null && !ratedItems.isEmpty()) {
            double weight = 1 / Math.sqrt(ratedItems.size());
            for (String rated : ratedItems) {
                names[n] = RATED_PREFIX + rated;
                values[n++] = weight;
            }
        }
        if (n < size) {
            names = java.util.Arrays.copyOf(names, n);
            values = java.util.Arrays.copyOf(values, n);
        }
        Regressor output = Double.isNaN(rating) ? RegressionFactory.UNKNOWN_REGRESSOR
                : new Regressor(OUTPUT_NAME, rating);
        return new ArrayExample<>(output, names, values);
    }

    private static int addSide(String[] names, double[] values, int n, String[] sideNames, float[] side) {
        if (side == null) {
            return n;
        }
        if (side.length > NAME_CACHE) {
            throw new IllegalArgumentException("at most " + NAME_CACHE + " side features");
        }
        for (int k = 0; k < side.length; k++) {
            if (side[k] != 0) { // Tribuo drops zero-valued features anyway
                names[n] = sideNames[k];
                values[n++] = side[k];
            }
        }
        return n;
    }

    /**
     * Builds a Tribuo dataset from rating records.
     *
     * @param records          the ratings
     * @param side             side information ({@link SideInformation#none()} for ids only)
     * @param implicitFeedback add the {@code rated=} features (needed by Tribuo's FM only)
     * @param description      data source description recorded in the provenance
     */
    public static MutableDataset<Regressor> dataset(List<RatingRecord> records, SideInformation side,
                                                    boolean implicitFeedback, String description) {
        return dataset(records, side, null, implicitFeedback, description);
    }

    /**
     * Builds a Tribuo dataset from rating records, taking each record's side vectors from {@code training} when
     * given (e.g. {@link ReviewTextVectors}, which leaves the record's own review out).
     */
    public static MutableDataset<Regressor> dataset(List<RatingRecord> records, SideInformation side,
                                                    TrainingTextVectors training, boolean implicitFeedback,
                                                    String description) {
        Map<String, List<String>> ratedByUser = implicitFeedback ? ratedItems(records) : Map.of();
        MutableDataset<Regressor> dataset = new MutableDataset<>(new SimpleDataSourceProvenance(description,
                FACTORY), FACTORY);
        List<Example<Regressor>> examples = new ArrayList<>(records.size());
        for (RatingRecord record : records) {
            float[] userSide = training == null ? side.user(record.userId())
                    : side.projectUser(training.userVector(record));
            float[] itemSide = training == null ? side.item(record.itemId())
                    : side.projectItem(training.itemVector(record));
            examples.add(example(record.userId(), record.itemId(), record.rating(), userSide, itemSide,
                    implicitFeedback ? ratedByUser.get(record.userId()) : null));
        }
        dataset.addAll(examples);
        return dataset;
    }

    /** The items each user rated, in record order. */
    public static Map<String, List<String>> ratedItems(List<RatingRecord> records) {
        Map<String, List<String>> rated = new HashMap<>();
        for (RatingRecord record : records) {
            rated.computeIfAbsent(record.userId(), u -> new ArrayList<>()).add(record.itemId());
        }
        return rated;
    }

    /** Parses the side-feature index from a feature name with the given prefix. */
    static int sideIndex(String name, int prefixLength) {
        return Integer.parseInt(name, prefixLength, name.length(), 10);
    }
}
