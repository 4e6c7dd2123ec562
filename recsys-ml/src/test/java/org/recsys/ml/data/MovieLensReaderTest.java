package org.recsys.ml.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recsys.ml.testing.RealData;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MovieLensReaderTest {

    @TempDir
    Path dir;

    @Test
    void ratingsAreParsedAndMalformedLinesRejectedWithTheirLineNumbers() throws Exception {
        Path file = dir.resolve("u.data");
        Files.writeString(file, "1\t10\t4\t881250949\n2\t20\tx\t1\n\n3\t30\t9\t1\n4\t40\t5\n5\t50\t1\t5\n");
        List<MovieLensRating> ratings = new ArrayList<>();
        List<RejectedRecord> rejected = new ArrayList<>();
        RecordCursor.ReadSummary summary = MovieLensReader.ratings(file, 0).forEach(ratings::add, rejected::add);

        assertThat(ratings).extracting(MovieLensRating::userId).containsExactly("1", "5");
        assertThat(ratings.get(0)).isEqualTo(new MovieLensRating(1, "1", "10", 4f, 881250949L));
        assertThat(ratings.get(1).lineNumber()).isEqualTo(6);
        assertThat(rejected).extracting(RejectedRecord::lineNumber).containsExactly(2L, 4L, 5L);
        assertThat(rejected.get(1).reason()).contains("outside 1..5");
        assertThat(rejected.get(2).rawText()).isEqualTo("4\t40\t5");
        assertThat(summary).isEqualTo(new RecordCursor.ReadSummary(2, 3, 6));
    }

    @Test
    void resumesAfterTheCheckpointedLine() throws Exception {
        Path file = dir.resolve("u.data");
        Files.writeString(file, "1\t1\t1\t1\n2\t2\t2\t2\n3\t3\t3\t3\n");
        List<MovieLensRating> resumed = MovieLensReader.ratings(file, 2).readAll();
        assertThat(resumed).singleElement().satisfies(r -> {
            assertThat(r.userId()).isEqualTo("3");
            assertThat(r.lineNumber()).isEqualTo(3);
        });
    }

    @Test
    void moviesAreReadAsLatin1WithGenreNames() throws Exception {
        Path file = dir.resolve("u.item");
        String flags = "|0|0|0|1|1|1|0|0|0|0|0|0|0|0|0|0|0|0|0";
        Files.write(file, ("1|Toy Story (1995)|01-Jan-1995||http://x" + flags + "\n"
                + "2|Caf\u00e9 (1996)|01-Jan-1996||" + flags.replace("1", "0") + "\n"
                + "3|Broken|||\n").getBytes(StandardCharsets.ISO_8859_1));
        List<MovieLensMovie> movies = new ArrayList<>();
        List<RejectedRecord> rejected = new ArrayList<>();
        MovieLensReader.movies(file, MovieLensReader.DEFAULT_GENRES, 0).forEach(movies::add, rejected::add);

        assertThat(movies.get(0).genres()).containsExactly("Animation", "Children's", "Comedy");
        assertThat(movies.get(0).describe()).isEqualTo("Toy Story (1995). Genres: Animation, Children's, Comedy.");
        assertThat(movies.get(1).title()).isEqualTo("Caf\u00e9 (1996)");
        assertThat(movies.get(1).genres()).isEmpty();
        assertThat(rejected).singleElement().extracting(RejectedRecord::lineNumber).isEqualTo(3L);
    }

    @Test
    void genreFileGivesNamesInIndexOrder() throws Exception {
        Path file = dir.resolve("u.genre");
        Files.writeString(file, "unknown|0\nAction|1\nWestern|2\n\n");
        assertThat(MovieLensReader.readGenres(file)).containsExactly("unknown", "Action", "Western");
        assertThat(MovieLensReader.readGenres(dir.resolve("missing"))).isEqualTo(MovieLensReader.DEFAULT_GENRES);
    }

    @Test
    void usersAreParsed() throws Exception {
        Path file = dir.resolve("u.user");
        Files.writeString(file, "1|24|M|technician|85711\n2|x|F|other|1\n");
        List<RejectedRecord> rejected = new ArrayList<>();
        List<MovieLensUser> users = new ArrayList<>();
        MovieLensReader.users(file, 0).forEach(users::add, rejected::add);
        assertThat(users).singleElement().satisfies(u -> assertThat(u.describe()).isEqualTo("age 24, male, technician"));
        assertThat(rejected).hasSize(1);
    }

    @Test
    void realMovieLensFilesParseCompletely() throws Exception {
        Path uData = RealData.require("movielens-100k/u.data");
        List<RejectedRecord> rejected = new ArrayList<>();
        long[] count = {0};
        MovieLensReader.ratings(uData, 0).forEach(r -> count[0]++, rejected::add);
        assertThat(count[0]).isEqualTo(100_000);
        assertThat(rejected).isEmpty();

        Path folder = uData.getParent();
        List<String> genres = MovieLensReader.readGenres(folder.resolve("u.genre"));
        List<MovieLensMovie> movies = MovieLensReader.movies(folder.resolve("u.item"), genres, 0).readAll();
        assertThat(movies).hasSize(1682);
        assertThat(movies).anySatisfy(m -> assertThat(m.title()).contains("\u00e9"));
        assertThat(MovieLensReader.users(folder.resolve("u.user"), 0).readAll()).hasSize(943);
    }
}
