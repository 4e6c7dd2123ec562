package org.recsys.ml.data;

import java.util.List;

/**
 * One line of MovieLens {@code u.item}.
 *
 * @param lineNumber  1-based line number
 * @param itemId      movie id
 * @param title       title with the year in brackets, as in the file
 * @param releaseDate release date text, may be empty
 * @param imdbUrl     IMDb URL, may be empty
 * @param genres      names of the genres flagged 1, in {@code u.genre} order
 */
public record MovieLensMovie(long lineNumber, String itemId, String title, String releaseDate, String imdbUrl,
                             List<String> genres) {

    /** A short text describing the movie, used as its item text for the encoder. */
    public String describe() {
        return genres.isEmpty() ? title : title + ". Genres: " + String.join(", ", genres) + ".";
    }
}
