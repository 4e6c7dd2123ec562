package org.recsys.domain.model.dataimport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Which files make up a dataset on disk. Both the API (to refuse a wrong path before a job starts) and the import
 * jobs (to read the files) ask here.
 */
public final class DatasetFiles {

    public static final String MOVIELENS_RATINGS = "u.data";
    public static final String MOVIELENS_ITEMS = "u.item";
    public static final String MOVIELENS_USERS = "u.user";
    public static final String MOVIELENS_GENRES = "u.genre";

    private DatasetFiles() {
    }

    /** The MovieLens folder: the path itself, or the folder of a file given inside it. */
    public static Path movieLensFolder(Path path) {
        return Files.isDirectory(path) ? path : path.getParent();
    }

    /** Optional MovieLens files are absent from the answer when missing; u.data and u.item are required. */
    public static Optional<Path> movieLensFile(Path path, String name) {
        Path file = movieLensFolder(path).resolve(name);
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    /** Amazon review files: the file itself, or every *.json, *.jsonl and *.json.gz in the folder, by name. */
    public static List<Path> amazonReviewFiles(Path path) {
        if (!Files.isDirectory(path)) {
            return List.of(path);
        }
        try (Stream<Path> children = Files.list(path)) {
            return children.filter(Files::isRegularFile).filter(DatasetFiles::looksLikeJsonLines).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What is wrong with the path for this format, or empty when an import can start. */
    public static Optional<String> problemWith(ImportFormat format, Path path) {
        return switch (format) {
            case MOVIELENS_100K -> movieLensFile(path, MOVIELENS_RATINGS).isEmpty()
                    || movieLensFile(path, MOVIELENS_ITEMS).isEmpty()
                    ? Optional.of("a MovieLens 100K folder must hold u.data and u.item (u.user and u.genre are "
                    + "optional); none found in '" + movieLensFolder(path) + "'")
                    : Optional.empty();
            case AMAZON_REVIEWS -> amazonReviewFiles(path).isEmpty()
                    ? Optional.of("no *.json, *.jsonl or *.json.gz review file in '" + path + "'")
                    : Optional.empty();
        };
    }

    private static boolean looksLikeJsonLines(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".json") || name.endsWith(".jsonl") || name.endsWith(".json.gz")
                || name.endsWith(".jsonl.gz");
    }
}
