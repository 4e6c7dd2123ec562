package org.recsys.ml.topn;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What {@link TopNTrainer} learns and {@link TwoStageRecommender} serves: the item-item models (EASE^R when the
 * catalogue is small enough for a dense fit, RP3beta and ItemKNN always), per item a trending score and an age, the ranker's
 * weights over {@link RankingFeatures}, and the MMR trade-off chosen for the diversifying strategy. All item-item
 * models of one TopNModel are fitted to the same interactions, so they share item positions. Immutable.
 */
public final class TopNModel {

    /** 2 adds the popularity scale; format 1 models (without it) scale popularity by the live catalogue. */
    private static final int FORMAT = 2;

    private final ItemItemModel ease;
    private final ItemItemModel rp3;
    private final ItemItemModel knn;
    private final float[] trending;
    private final float[] freshness;
    private final int[] trendingOrder;
    private final double[][] rankerWeights;
    private final double diversityLambda;
    private final double popularityScale;
    private final Map<String, String> provenance;

    TopNModel(ItemItemModel ease, ItemItemModel rp3, ItemItemModel knn, float[] trending, float[] freshness, double[][] rankerWeights,
              double diversityLambda, double popularityScale, Map<String, String> provenance) {
        this.ease = ease;
        this.rp3 = rp3;
        this.knn = knn;
        this.trending = trending;
        this.freshness = freshness;
        this.rankerWeights = rankerWeights;
        this.diversityLambda = diversityLambda;
        this.popularityScale = popularityScale;
        this.provenance = Map.copyOf(provenance);
        Integer[] order = new Integer[trending.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Float.compare(trending[b], trending[a]));
        this.trendingOrder = java.util.Arrays.stream(order).mapToInt(Integer::intValue).toArray();
    }

    /** The dense EASE^R model, or null when the catalogue was too large for it. */
    public ItemItemModel ease() {
        return ease;
    }

    /** The RP3beta model. */
    public ItemItemModel rp3() {
        return rp3;
    }

    /** The ItemKNN model. */
    public ItemItemModel knn() {
        return knn;
    }

    /** The collaborative sources in feature order; EASE^R may be null. */
    ItemItemModel[] sources() {
        return new ItemItemModel[] {ease, rp3, knn};
    }

    /** Items the model knows (positions shared by its item-item models). */
    public ItemItemModel positions() {
        return rp3;
    }

    float trending(int position) {
        return position < 0 ? 0 : trending[position];
    }

    float freshness(int position) {
        return position < 0 ? 1 : freshness[position];
    }

    int trendingOrder(int rank) {
        return trendingOrder[rank];
    }

    float[] trendingScores() {
        return trending;
    }

    float[] freshnessScores() {
        return freshness;
    }

    /** log(1 + the top interaction count) of the catalogue the ranker learnt on; NaN for a format 1 model. */
    double popularityScale() {
        return popularityScale;
    }

    /**
     * The popularity feature on the scale the ranker learnt it: log count over the log of the training catalogue's
     * top count. Scaled by the live catalogue's top count instead, a catalogue that grows after training (another
     * shop's data imported, one new blockbuster) would lower every other item's feature, and weights the ranker
     * learnt with either sign would reorder items whose own counts never changed.
     */
    double popularity(org.recsys.ml.rank.ItemCatalogue catalogue, int position) {
        if (!(popularityScale > 0)) {
            return catalogue.popularityScore(position);
        }
        return Math.min(1, Math.log1p(Math.max(0, catalogue.popularity(position))) / popularityScale);
    }

    /** log(1 + top count) of a catalogue: the popularity scale of a ranker learnt on it. */
    static double popularityScale(org.recsys.ml.rank.ItemCatalogue catalogue) {
        return Math.log1p(catalogue.maxPopularity());
    }

    /** Users with at most this many history items are ranked by the new-user ranker. */
    public static final int NEW_USER_HISTORY = 5;

    /** Regimes of {@link #rankerWeights(int, boolean)}: known users, new users who stated a preference, others. */
    static final int KNOWN = 0;
    static final int NEW_STATED = 1;
    static final int NEW_UNSTATED = 2;

    /**
     * The ranking weights for a user, one per {@link RankingFeatures} feature then the bias: one for known users, and
     * for new users (at most {@link #NEW_USER_HISTORY} history items) one for those whose profile holds their own
     * preference text (the learnt ranker, the only ranking that reads it) and one for those whose does not
     * (popularity, unless another ranking beat it on validation by a margin a bootstrap supports). A user with no
     * history who stated a preference is ranked by {@link #STATED_WORDS}; one with neither history nor text by the
     * weights of new users without a text, or popularity where those read only collaborative scores. Models saved with two regimes serve every
     * new user with the second.
     */
    double[] rankerWeights(int historyLength, boolean statedPreference) {
        if (historyLength > NEW_USER_HISTORY) {
            return rankerWeights[KNOWN];
        }
        if (historyLength == 0) {
            if (statedPreference) {
                return STATED_WORDS;
            }
            // Collaborative scores say nothing about a user with no history; a ranking that reads nothing else
            // (one source, a sum of sources) would score every candidate zero, so popularity ranks them instead.
            double[] unstated = rankerWeights[Math.min(NEW_UNSTATED, rankerWeights.length - 1)];
            return collaborativeOnly(unstated) ? POPULARITY_ONLY : unstated;
        }
        return statedPreference || rankerWeights.length <= NEW_UNSTATED
                ? rankerWeights[NEW_STATED] : rankerWeights[NEW_UNSTATED];
    }

    private static final double[] POPULARITY_ONLY = new double[RankingFeatures.COUNT + 1];

    /**
     * A user who has said what they want and done nothing yet: the items nearest their words first, popularity
     * breaking near ties. Fixed rather than learnt: no training data holds such a text without history, and a
     * ranker learnt on profiles built from histories can weigh text against itself (the demo data's did), which
     * would keep a new item described in the user's very words out of their list.
     */
    static final double[] STATED_WORDS = new double[RankingFeatures.COUNT + 1];

    static {
        POPULARITY_ONLY[RankingFeatures.POPULARITY_RANK] = 1;
        STATED_WORDS[RankingFeatures.TEXT_SIMILARITY] = 1;
        STATED_WORDS[RankingFeatures.POPULARITY_RANK] = 0.1;
    }

    private static boolean collaborativeOnly(double[] weights) {
        for (int f = 0; f < RankingFeatures.COUNT; f++) {
            boolean collaborative = f < RankingFeatures.TEXT_SIMILARITY || f == RankingFeatures.COLD_COLLABORATIVE;
            if (!collaborative && weights[f] != 0) {
                return false;
            }
        }
        return true;
    }

    /** The ranker's score of one candidate's features. */
    static double rank(double[] weights, double[] features) {
        double score = weights[features.length];
        for (int f = 0; f < features.length; f++) {
            score += weights[f] * features[f];
        }
        return score;
    }

    /** MMR trade-off for diversified lists: the most diverse whose validation NDCG cost stays within the bound. */
    public double diversityLambda() {
        return diversityLambda;
    }

    /** How it was made: sources and their settings, ranker trainer, validation metrics. */
    public Map<String, String> provenance() {
        return provenance;
    }

    /** The same sources with other ranker weights and MMR trade-off. */
    TopNModel withRanker(double[][] weights, double lambda) {
        return new TopNModel(ease, rp3, knn, trending, freshness, weights, lambda, popularityScale, provenance);
    }

    /**
     * The same model with its item-item models refitted to more interactions (settings and ranker kept); the item
     * vectors give EASE^R's text similarities when it was chosen with a text weight.
     */
    public TopNModel refit(Interactions interactions, Map<String, float[]> itemVectors, int dimension,
                           TopNSettings settings) {
        ItemItemModel newEase = null;
        if (ease != null && EaseTrainer.fits(interactions)) {
            double textWeight = EaseTrainer.textWeight(ease);
            ItemTextGram text = textWeight > 0 ? ItemTextGram.of(interactions, itemVectors, dimension) : null;
            newEase = new EaseTrainer(Double.parseDouble(ease.settings().get("lambda")), text == null ? 0 : textWeight,
                    text, settings.neighbours()).fit(interactions);
        }
        ItemItemModel newRp3 = new Rp3BetaTrainer(Double.parseDouble(rp3.settings().get("alpha")),
                Double.parseDouble(rp3.settings().get("beta")), settings.neighbours()).fit(interactions);
        ItemItemModel newKnn = new ItemKnnTrainer(settings.neighbours(), Double.parseDouble(knn.settings().get("shrink")))
                .fit(interactions);
        Map<String, String> refitted = new LinkedHashMap<>(provenance);
        refitted.put("refittedOn", interactions.size() + " interactions");
        double[][] weights = rankerWeights;
        if (ease != null && newEase == null) {
            // Too many items for a dense EASE^R now: its part of every ranking passes to RP3beta, so that a ranking
            // by EASE^R alone does not score every candidate zero.
            weights = new double[rankerWeights.length][];
            for (int r = 0; r < weights.length; r++) {
                weights[r] = rankerWeights[r].clone();
                for (int[] pair : new int[][] {{RankingFeatures.score(0), RankingFeatures.score(1)},
                        {RankingFeatures.rank(0), RankingFeatures.rank(1)},
                        {RankingFeatures.recent(0), RankingFeatures.recent(1)}}) {
                    weights[r][pair[1]] += weights[r][pair[0]];
                    weights[r][pair[0]] = 0;
                }
            }
            refitted.put("ease", "left out at refit: " + interactions.items() + " items, dense fit only up to "
                    + EaseTrainer.MAX_ITEMS + "; its ranking weights passed to RP3beta");
        }
        return new TopNModel(newEase, newRp3, newKnn,
                TopNTrainer.trending(interactions, settings.trendingHalfLifeDays()),
                TopNTrainer.freshness(interactions), weights, diversityLambda, popularityScale, refitted);
    }

    public byte[] toBytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 20);
        try (DataOutputStream out = new DataOutputStream(new java.util.zip.DeflaterOutputStream(bytes))) {
            out.writeByte(FORMAT);
            out.writeBoolean(ease != null);
            if (ease != null) {
                ease.write(out);
            }
            rp3.write(out);
            knn.write(out);
            out.writeInt(trending.length);
            for (int i = 0; i < trending.length; i++) {
                out.writeFloat(trending[i]);
                out.writeFloat(freshness[i]);
            }
            out.writeInt(rankerWeights.length);
            for (double[] regime : rankerWeights) {
                out.writeInt(regime.length);
                for (double w : regime) {
                    out.writeDouble(w);
                }
            }
            out.writeDouble(diversityLambda);
            out.writeDouble(popularityScale);
            out.writeInt(provenance.size());
            for (Map.Entry<String, String> e : new java.util.TreeMap<>(provenance).entrySet()) {
                out.writeUTF(e.getKey());
                out.writeUTF(e.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static TopNModel fromBytes(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new java.util.zip.InflaterInputStream(
                new ByteArrayInputStream(bytes)))) {
            int format = in.readByte();
            if (format != FORMAT && format != 1) {
                throw new IOException("unknown top-N model format " + format);
            }
            ItemItemModel ease = in.readBoolean() ? ItemItemModel.read(in) : null;
            ItemItemModel rp3 = ItemItemModel.read(in);
            ItemItemModel knn = ItemItemModel.read(in);
            int n = in.readInt();
            float[] trending = new float[n];
            float[] freshness = new float[n];
            for (int i = 0; i < n; i++) {
                trending[i] = in.readFloat();
                freshness[i] = in.readFloat();
            }
            double[][] weights = new double[in.readInt()][];
            for (int r = 0; r < weights.length; r++) {
                weights[r] = new double[in.readInt()];
                for (int w = 0; w < weights[r].length; w++) {
                    weights[r][w] = in.readDouble();
                }
            }
            double lambda = in.readDouble();
            double popularityScale = format >= 2 ? in.readDouble() : Double.NaN;
            int entries = in.readInt();
            Map<String, String> provenance = new LinkedHashMap<>();
            for (int e = 0; e < entries; e++) {
                provenance.put(in.readUTF(), in.readUTF());
            }
            return new TopNModel(ease, rp3, knn, trending, freshness, weights, lambda, popularityScale, provenance);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
