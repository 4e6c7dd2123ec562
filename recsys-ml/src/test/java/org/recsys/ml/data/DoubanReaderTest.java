package org.recsys.ml.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recsys.ml.testing.RealData;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DoubanReaderTest {

    @TempDir
    Path dir;

    @Test
    void expandsTopLevelReviewsAndUserHistories() throws Exception {
        Path file = dir.resolve("reviews.json");
        Files.writeString(file, "{\"review0\": {\"user_id\": \"u1\", \"movie_id\": \"m1\", \"text\": \"\u597d\", "
                + "\"date\": \"2021-03-31 22:11:01\", \"stars\": 5, \"useful\": 2, \"label\": 1, "
                + "\"user_reviews\": {\"review0\": {\"movie_id\": 7, \"text\": \"\u4e00\u822c\", \"date\": \"2021-01-01\", "
                + "\"stars\": 3.0, \"useful\": 0}, \"review1\": {\"movie_id\": 8, \"stars\": 9.0}}}}");
        List<DoubanReview> reviews = new ArrayList<>();
        List<RejectedRecord> rejected = new ArrayList<>();
        DoubanReader.reviews(file, 0).forEach(reviews::add, rejected::add);

        assertThat(reviews).hasSize(2);
        assertThat(reviews.get(0).spamLabel()).isEqualTo(1);
        assertThat(reviews.get(0).fromHistory()).isFalse();
        assertThat(reviews.get(1)).satisfies(r -> {
            assertThat(r.movieId()).isEqualTo("7");
            assertThat(r.stars()).isEqualTo(3f);
            assertThat(r.fromHistory()).isTrue();
            assertThat(r.lineNumber()).isEqualTo(2);
        });
        assertThat(rejected).singleElement().satisfies(r -> {
            assertThat(r.lineNumber()).isEqualTo(3);
            assertThat(r.reason()).contains("stars");
        });
        assertThat(DoubanReader.reviews(file, 2).readAll()).isEmpty();
    }

    @Test
    void truncatedFileEndsWithARejection() throws Exception {
        Path file = dir.resolve("broken.json");
        Files.writeString(file, "{\"1\": {\"movie_name\": \"A\", \"genres\": [\"\u5267\u60c5\"]}, \"2\": {\"movie_na");
        List<DoubanMovie> movies = new ArrayList<>();
        List<RejectedRecord> rejected = new ArrayList<>();
        DoubanReader.movies(file, 0).forEach(movies::add, rejected::add);
        assertThat(movies).singleElement().satisfies(m -> assertThat(m.describe()).startsWith("A\u3002"));
        assertThat(rejected).singleElement().extracting(RejectedRecord::reason).asString().startsWith("malformed JSON");
    }

    @Test
    void realSampleHasTheDocumentedCounts() throws Exception {
        Path reviewsFile = RealData.require("douban-dmr-sample/reviews.json");
        List<DoubanReview> reviews = DoubanReader.reviews(reviewsFile, 0).readAll();
        assertThat(reviews.stream().filter(r -> !r.fromHistory()).count()).isEqualTo(44);
        assertThat(reviews.stream().filter(DoubanReview::fromHistory).count()).isEqualTo(1583);
        assertThat(DoubanReader.movies(reviewsFile.resolveSibling("movies.json"), 0).readAll()).hasSize(980);
    }
}
