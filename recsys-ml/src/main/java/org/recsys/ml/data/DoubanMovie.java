package org.recsys.ml.data;

import java.util.List;

/**
 * A movie from the DMR sample's {@code movies.json}.
 *
 * @param lineNumber   1-based ordinal of the movie in the file
 * @param movieId      Douban movie id
 * @param name         title
 * @param genres       genre names
 * @param directors    director names
 * @param actors       actor names
 * @param regions      producing regions
 * @param averageStars Douban average (0 to 10), {@code NaN} when missing
 */
public record DoubanMovie(long lineNumber, String movieId, String name, List<String> genres, List<String> directors,
                          List<String> actors, List<String> regions, float averageStars) {

    /** A short text describing the movie, used as its item text for the encoder. */
    public String describe() {
        StringBuilder text = new StringBuilder(name);
        if (!genres.isEmpty()) {
            text.append("。类型：").append(String.join("、", genres));
        }
        if (!directors.isEmpty()) {
            text.append("。导演：").append(String.join("、", directors));
        }
        if (!actors.isEmpty()) {
            text.append("。主演：").append(String.join("、", actors.subList(0, Math.min(3, actors.size()))));
        }
        return text.toString();
    }
}
