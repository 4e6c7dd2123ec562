package org.recsys.ml.interest;

import org.recsys.ml.text.TextEncoder;
import org.recsys.ml.vector.Vectors;
import org.tribuo.Example;
import org.tribuo.MutableDataset;
import org.tribuo.clustering.ClusterID;
import org.tribuo.clustering.ClusteringFactory;
import org.tribuo.clustering.kmeans.KMeansModel;
import org.tribuo.clustering.kmeans.KMeansTrainer;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.distance.DistanceType;
import org.tribuo.provenance.SimpleDataSourceProvenance;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Finds one user's interest points. For k = 2 .. {@code maxInterests} (and at most one cluster per
 * {@code minMembersPerInterest} members) it runs Tribuo K-Means with cosine distance and k-means++ seeding, and
 * keeps the k with the highest mean silhouette; when no k reaches {@code minSilhouette} (no real structure) the
 * user has a single interest. Everything is seeded, so the same members give the same interests. Thread-safe:
 * each call builds its own Tribuo trainer.
 */
public final class InterestClusterer {

    private static final String[] FEATURE_NAMES = new String[4096];

    static {
        for (int d = 0; d < FEATURE_NAMES.length; d++) {
            FEATURE_NAMES[d] = String.format("e.%04d", d);
        }
    }

    private final TextEncoder encoder;
    private int maxInterests = 5;
    private int minMembersPerInterest = 3;
    private double minSilhouette = 0.05;
    private int iterations = 30;
    private int tagCount = 4;
    private int tagCandidates = 40;
    private long seed = 12345L;

    /**
     * @param encoder encoder used to embed tag candidates; must be the one that produced the member vectors.
     *                {@code null} names interests by candidate frequency instead.
     */
    public InterestClusterer(TextEncoder encoder) {
        this.encoder = encoder;
    }

    /** Upper bound on interests per user (default 5). */
    public InterestClusterer withMaxInterests(int maxInterests) {
        this.maxInterests = maxInterests;
        return this;
    }

    /** Fewest members an interest should have on average (default 3). */
    public InterestClusterer withMinMembersPerInterest(int minMembersPerInterest) {
        this.minMembersPerInterest = minMembersPerInterest;
        return this;
    }

    /** Tags per interest, 3 to 5 (default 4). */
    public InterestClusterer withTagCount(int tagCount) {
        this.tagCount = Math.max(3, Math.min(5, tagCount));
        return this;
    }

    /** Seed of K-Means. */
    public InterestClusterer withSeed(long seed) {
        this.seed = seed;
        return this;
    }

    /** The interest points of one user, heaviest first; empty when there are no members. */
    public List<InterestPoint> cluster(List<InterestMember> members) {
        List<InterestMember> usable = new ArrayList<>();
        for (InterestMember member : members) {
            if (member.vector() != null && Vectors.norm(member.vector()) > 0 && member.weight() > 0) {
                usable.add(member);
            }
        }
        if (usable.isEmpty()) {
            return List.of();
        }
        int n = usable.size();
        float[][] vectors = new float[n][];
        for (int m = 0; m < n; m++) {
            vectors[m] = Vectors.normalized(usable.get(m).vector());
        }
        int[] best = new int[n]; // all zeros: one interest
        int bestK = 1;
        int upper = Math.min(maxInterests, n / Math.max(1, minMembersPerInterest));
        double bestSilhouette = minSilhouette;
        for (int k = 2; k <= upper; k++) {
            int[] assignment = kMeans(usable, vectors, k);
            int used = countClusters(assignment, k);
            if (used < 2) {
                continue;
            }
            double silhouette = silhouette(vectors, assignment, k);
            if (silhouette > bestSilhouette) {
                bestSilhouette = silhouette;
                best = assignment;
                bestK = k;
            }
        }
        return describe(usable, vectors, best, bestK);
    }

    private int[] kMeans(List<InterestMember> members, float[][] vectors, int k) {
        ClusteringFactory factory = new ClusteringFactory();
        MutableDataset<ClusterID> dataset = new MutableDataset<>(new SimpleDataSourceProvenance("interest members",
                factory), factory);
        int dimension = vectors[0].length;
        String[] names = new String[dimension];
        System.arraycopy(FEATURE_NAMES, 0, names, 0, dimension);
        List<Example<ClusterID>> examples = new ArrayList<>(vectors.length);
        for (int m = 0; m < vectors.length; m++) {
            double[] values = Vectors.toDouble(vectors[m]);
            ArrayExample<ClusterID> example = new ArrayExample<>(ClusteringFactory.UNASSIGNED_CLUSTER_ID,
                    names.clone(), values);
            example.setWeight((float) members.get(m).weight());
            examples.add(example);
        }
        dataset.addAll(examples);
        KMeansTrainer trainer = new KMeansTrainer(k, iterations, DistanceType.COSINE.getDistance(),
                KMeansTrainer.Initialisation.PLUSPLUS, 1, seed);
        KMeansModel model = trainer.train(dataset);
        int[] assignment = new int[vectors.length];
        for (int m = 0; m < vectors.length; m++) {
            assignment[m] = model.predict(examples.get(m)).getOutput().getID();
        }
        return assignment;
    }

    private static int countClusters(int[] assignment, int k) {
        boolean[] seen = new boolean[k];
        int count = 0;
        for (int a : assignment) {
            if (!seen[a]) {
                seen[a] = true;
                count++;
            }
        }
        return count;
    }

    /** Mean silhouette with cosine distance (Rousseeuw 1987); singleton clusters score 0. */
    static double silhouette(float[][] vectors, int[] assignment, int k) {
        int n = vectors.length;
        double total = 0;
        int[] sizes = new int[k];
        for (int a : assignment) {
            sizes[a]++;
        }
        double[] meanDistance = new double[k];
        for (int i = 0; i < n; i++) {
            java.util.Arrays.fill(meanDistance, 0);
            for (int j = 0; j < n; j++) {
                if (i != j) {
                    meanDistance[assignment[j]] += 1 - Vectors.dot(vectors[i], vectors[j]);
                }
            }
            int own = assignment[i];
            if (sizes[own] <= 1) {
                continue;
            }
            double a = meanDistance[own] / (sizes[own] - 1);
            double b = Double.MAX_VALUE;
            for (int c = 0; c < k; c++) {
                if (c != own && sizes[c] > 0) {
                    b = Math.min(b, meanDistance[c] / sizes[c]);
                }
            }
            if (b == Double.MAX_VALUE) {
                continue;
            }
            total += (b - a) / Math.max(a, b);
        }
        return total / n;
    }

    private List<InterestPoint> describe(List<InterestMember> members, float[][] vectors, int[] assignment, int k) {
        double totalWeight = 0;
        for (InterestMember member : members) {
            totalWeight += member.weight();
        }
        List<InterestPoint> points = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            float[] centroid = new float[vectors[0].length];
            double weight = 0;
            List<String> itemIds = new ArrayList<>();
            List<String> texts = new ArrayList<>();
            int count = 0;
            for (int m = 0; m < members.size(); m++) {
                if (assignment[m] != c) {
                    continue;
                }
                InterestMember member = members.get(m);
                Vectors.addScaled(centroid, vectors[m], (float) member.weight());
                weight += member.weight();
                count++;
                if (member.itemId() != null) {
                    itemIds.add(member.itemId());
                }
                texts.add(member.text());
            }
            if (count == 0) {
                continue;
            }
            Vectors.normalizeInPlace(centroid);
            points.add(new InterestPoint(centroid, weight / totalWeight, List.copyOf(itemIds), count,
                    tags(centroid, texts)));
        }
        points.sort(Comparator.comparingDouble(InterestPoint::weight).reversed());
        return List.copyOf(points);
    }

    /** Candidates whose embeddings are closest to the centroid, skipping near-duplicates of chosen tags. */
    private List<String> tags(float[] centroid, List<String> texts) {
        List<String> candidates = KeywordCandidates.extract(texts, tagCandidates);
        if (candidates.isEmpty()) {
            return List.of();
        }
        if (encoder == null) {
            return List.copyOf(candidates.subList(0, Math.min(tagCount, candidates.size())));
        }
        List<float[]> embedded = encoder.encodeAll(candidates);
        Integer[] order = new Integer[candidates.size()];
        float[] similarity = new float[candidates.size()];
        for (int c = 0; c < order.length; c++) {
            order[c] = c;
            similarity[c] = Vectors.dot(centroid, embedded.get(c));
        }
        java.util.Arrays.sort(order, (x, y) -> Float.compare(similarity[y], similarity[x]));
        List<String> chosen = new ArrayList<>();
        List<float[]> chosenVectors = new ArrayList<>();
        for (int c : order) {
            if (chosen.size() >= tagCount) {
                break;
            }
            String candidate = candidates.get(c);
            boolean redundant = false;
            for (int t = 0; t < chosen.size() && !redundant; t++) {
                redundant = chosen.get(t).contains(candidate) || candidate.contains(chosen.get(t))
                        || Vectors.dot(chosenVectors.get(t), embedded.get(c)) > 0.85f;
            }
            if (!redundant) {
                chosen.add(candidate);
                chosenVectors.add(embedded.get(c));
            }
        }
        return List.copyOf(chosen);
    }
}
