package org.recsys.ml.data;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Readers for the MovieLens 100K files (Harper and Konstan, "The MovieLens Datasets: History and Context",
 * ACM TiiS 2015). {@code u.item} is Latin-1; the other files are ASCII, so Latin-1 reads all of them.
 */
public final class MovieLensReader {

    /** Genre names in {@code u.genre} order, used when no {@code u.genre} file is at hand. */
    public static final List<String> DEFAULT_GENRES = List.of("unknown", "Action", "Adventure", "Animation",
            "Children's", "Comedy", "Crime", "Documentary", "Drama", "Fantasy", "Film-Noir", "Horror", "Musical",
            "Mystery", "Romance", "Sci-Fi", "Thriller", "War", "Western");

    private static final Charset LATIN_1 = StandardCharsets.ISO_8859_1;
    private static final Pattern PIPE = Pattern.compile("|", Pattern.LITERAL);
    private static final Pattern TAB = Pattern.compile("\t");

    private MovieLensReader() {
    }

    /** Opens {@code u.data}: user, item, rating, timestamp separated by tabs. */
    public static RecordCursor<MovieLensRating> ratings(Path uData, long resumeAfterLine) throws IOException {
        return new LineCursor<>(uData, LATIN_1, resumeAfterLine) {
            @Override
            protected ParsedLine<MovieLensRating> parse(long lineNumber, String line) {
                String[] fields = TAB.split(line.strip(), -1);
                if (fields.length != 4) {
                    return ParsedLine.rejected(lineNumber, "expected 4 tab-separated fields, found "
                            + fields.length, line);
                }
                if (fields[0].isBlank() || fields[1].isBlank()) {
                    return ParsedLine.rejected(lineNumber, "empty user or item id", line);
                }
                try {
                    float rating = Float.parseFloat(fields[2]);
                    if (!(rating >= 1 && rating <= 5)) {
                        return ParsedLine.rejected(lineNumber, "rating outside 1..5: " + fields[2], line);
                    }
                    long timestamp = Long.parseLong(fields[3].strip());
                    return ParsedLine.accepted(lineNumber, new MovieLensRating(lineNumber, fields[0].strip(),
                            fields[1].strip(), rating, timestamp));
                } catch (NumberFormatException e) {
                    return ParsedLine.rejected(lineNumber, "not a number: " + e.getMessage(), line);
                }
            }
        };
    }

    /** Opens {@code u.item} with the given genre names (see {@link #readGenres(Path)}). */
    public static RecordCursor<MovieLensMovie> movies(Path uItem, List<String> genreNames, long resumeAfterLine)
            throws IOException {
        List<String> genres = List.copyOf(genreNames);
        return new LineCursor<>(uItem, LATIN_1, resumeAfterLine) {
            @Override
            protected ParsedLine<MovieLensMovie> parse(long lineNumber, String line) {
                String[] fields = PIPE.split(line, -1);
                if (fields.length != 5 + genres.size()) {
                    return ParsedLine.rejected(lineNumber, "expected " + (5 + genres.size())
                            + " '|'-separated fields, found " + fields.length, line);
                }
                if (fields[0].isBlank()) {
                    return ParsedLine.rejected(lineNumber, "empty movie id", line);
                }
                List<String> flagged = new ArrayList<>(3);
                for (int g = 0; g < genres.size(); g++) {
                    String flag = fields[5 + g].strip();
                    if ("1".equals(flag)) {
                        flagged.add(genres.get(g));
                    } else if (!"0".equals(flag)) {
                        return ParsedLine.rejected(lineNumber, "genre flag " + (g + 1) + " is not 0 or 1", line);
                    }
                }
                return ParsedLine.accepted(lineNumber, new MovieLensMovie(lineNumber, fields[0].strip(),
                        fields[1].strip(), fields[2].strip(), fields[4].strip(), Collections.unmodifiableList(flagged)));
            }
        };
    }

    /** Opens {@code u.user}: id, age, gender, occupation, zip separated by pipes. */
    public static RecordCursor<MovieLensUser> users(Path uUser, long resumeAfterLine) throws IOException {
        return new LineCursor<>(uUser, LATIN_1, resumeAfterLine) {
            @Override
            protected ParsedLine<MovieLensUser> parse(long lineNumber, String line) {
                String[] fields = PIPE.split(line.strip(), -1);
                if (fields.length != 5) {
                    return ParsedLine.rejected(lineNumber, "expected 5 '|'-separated fields, found "
                            + fields.length, line);
                }
                try {
                    return ParsedLine.accepted(lineNumber, new MovieLensUser(lineNumber, fields[0],
                            Integer.parseInt(fields[1]), fields[2], fields[3], fields[4]));
                } catch (NumberFormatException e) {
                    return ParsedLine.rejected(lineNumber, "age is not a number", line);
                }
            }
        };
    }

    /**
     * Reads {@code u.genre} ({@code name|index} lines) into names ordered by index; falls back to
     * {@link #DEFAULT_GENRES} when the file is missing.
     */
    public static List<String> readGenres(Path uGenre) throws IOException {
        if (!Files.isRegularFile(uGenre)) {
            return DEFAULT_GENRES;
        }
        List<String> names = new ArrayList<>();
        for (String line : Files.readAllLines(uGenre, LATIN_1)) {
            String[] fields = PIPE.split(line.strip(), -1);
            if (fields.length == 2 && !fields[0].isEmpty()) {
                int index = Integer.parseInt(fields[1].strip());
                while (names.size() <= index) {
                    names.add("");
                }
                names.set(index, fields[0]);
            }
        }
        return List.copyOf(names);
    }
}
