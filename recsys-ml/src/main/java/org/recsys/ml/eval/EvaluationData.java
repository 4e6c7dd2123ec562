package org.recsys.ml.eval;

import org.recsys.ml.data.AmazonReview;
import org.recsys.ml.data.AmazonReviewReader;
import org.recsys.ml.data.ChnSentiCorpReader;
import org.recsys.ml.data.DoubanReader;
import org.recsys.ml.data.DoubanReview;
import org.recsys.ml.data.LabelledText;
import org.recsys.ml.data.MovieLensMovie;
import org.recsys.ml.data.MovieLensReader;
import org.recsys.ml.data.RecordCursor;
import org.recsys.ml.rating.RatingRecord;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A dataset loaded for evaluation: ratings (with the review text behind each, when there is one), item texts,
 * or labelled texts; plus how many input records were rejected.
 */
final class EvaluationData {

    final String name;
    final List<RatingRecord> ratings = new ArrayList<>();
    /** Review text of each rating (same order), or empty when the dataset has none. */
    final List<String> reviewTexts = new ArrayList<>();
    /** Item id to descriptive text (e.g. MovieLens title and genres), may be empty. */
    final Map<String, String> itemTexts = new HashMap<>();
    /** Item id to category (e.g. first genre), may be empty. */
    final Map<String, String> itemCategories = new HashMap<>();
    final List<LabelledText> labelledTexts = new ArrayList<>();
    long rejected;

    private EvaluationData(String name) {
        this.name = name;
    }

    /**
     * Loads a dataset.
     *
     * @param dataset    {@code movielens-100k}, {@code amazon-reviews}, {@code chnsenticorp} or {@code douban}
     * @param path       the file, or the folder holding it
     * @param maxRecords stop after this many accepted records (0 = all)
     */
    static EvaluationData load(String dataset, Path path, long maxRecords) throws IOException {
        EvaluationData data = new EvaluationData(dataset);
        switch (dataset) {
            case "movielens-100k" -> {
                Path folder = Files.isDirectory(path) ? path : path.getParent();
                List<String> genres = MovieLensReader.readGenres(folder.resolve("u.genre"));
                data.drain(MovieLensReader.movies(folder.resolve("u.item"), genres, 0), maxRecords, (MovieLensMovie m) -> {
                    data.itemTexts.put(m.itemId(), m.describe());
                    data.itemCategories.put(m.itemId(), m.genres().isEmpty() ? "unknown" : m.genres().get(0));
                });
                data.drain(MovieLensReader.ratings(folder.resolve("u.data"), 0), maxRecords, r -> data.ratings.add(
                        new RatingRecord(r.userId(), r.itemId(), r.rating(), r.timestamp())));
            }
            case "amazon-reviews" -> {
                Path file = Files.isDirectory(path) ? firstMatching(path, ".json.gz", ".json") : path;
                data.drain(AmazonReviewReader.open(file, 0, true), maxRecords, (AmazonReview r) -> {
                    data.ratings.add(new RatingRecord(r.reviewerId(), r.asin(), r.overall(), r.unixReviewTime()));
                    data.reviewTexts.add(r.fullText());
                });
            }
            case "chnsenticorp" -> {
                Path file = Files.isDirectory(path) ? firstMatching(path, ".csv") : path;
                data.drain(ChnSentiCorpReader.open(file, 0), maxRecords, data.labelledTexts::add);
            }
            case "douban" -> {
                Path file = Files.isDirectory(path) ? path.resolve("reviews.json") : path;
                data.drain(DoubanReader.reviews(file, 0), maxRecords, (DoubanReview r) -> {
                    if (r.fromHistory()) {
                        data.ratings.add(new RatingRecord(r.userId(), r.movieId(), r.stars(), 0));
                        data.reviewTexts.add(r.text());
                    }
                });
            }
            default -> throw new IllegalArgumentException("unknown dataset '" + dataset
                    + "'; expected movielens-100k, amazon-reviews, chnsenticorp or douban");
        }
        return data;
    }

    private <T> void drain(RecordCursor<T> cursor, long maxRecords, java.util.function.Consumer<T> sink)
            throws IOException {
        long accepted = 0;
        try (cursor) {
            var line = cursor.next();
            while (line != null && (maxRecords <= 0 || accepted < maxRecords)) {
                if (line.isAccepted()) {
                    sink.accept(line.record());
                    accepted++;
                } else {
                    rejected++;
                }
                line = cursor.next();
            }
        }
    }

    private static Path firstMatching(Path folder, String... suffixes) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> all = files.sorted().toList();
            for (String suffix : suffixes) {
                for (Path file : all) {
                    if (file.getFileName().toString().endsWith(suffix)) {
                        return file;
                    }
                }
            }
        }
        throw new IOException("no " + String.join(" or ", suffixes) + " file in " + folder);
    }
}
