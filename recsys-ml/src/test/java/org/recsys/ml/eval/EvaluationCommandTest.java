package org.recsys.ml.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class EvaluationCommandTest {

    @TempDir
    Path dir;

    /** A tiny MovieLens-format folder: 60 users, 40 movies in two genres, users preferring one genre. */
    private Path movieLensFolder() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("ml"));
        Files.writeString(folder.resolve("u.genre"), "unknown|0\nComedy|1\nHorror|2\n\n");
        StringBuilder items = new StringBuilder();
        String[] comedies = {"Laugh", "Giggle", "Prank", "Joke", "Farce"};
        String[] horrors = {"Blood", "Scream", "Ghost", "Fear", "Crypt"};
        for (int i = 1; i <= 40; i++) {
            boolean comedy = i % 2 == 0;
            String title = (comedy ? comedies[i % 5] : horrors[i % 5]) + " " + i + " (1990)";
            items.append(i).append('|').append(title).append("|01-Jan-1990||http://x|0|")
                    .append(comedy ? "1|0" : "0|1").append('\n');
        }
        Files.write(folder.resolve("u.item"), items.toString().getBytes(StandardCharsets.ISO_8859_1));
        StringBuilder ratings = new StringBuilder();
        Random random = new Random(1);
        for (int u = 1; u <= 60; u++) {
            boolean likesComedy = u % 2 == 0;
            for (int n = 0; n < 20; n++) {
                int item = 1 + random.nextInt(40);
                boolean comedy = item % 2 == 0;
                // genre match matters most; items divisible by 4 are better for everyone (an item bias)
                int stars = Math.min(5, (comedy == likesComedy ? 4 : 1) + (item % 4 == 0 ? 1 : 0)
                        + (random.nextInt(4) == 0 ? 1 : 0));
                ratings.append(u).append('\t').append(item).append('\t').append(stars).append('\t')
                        .append(880000000 + n * 1000 + u).append('\n');
            }
        }
        ratings.append("bad line\n");
        Files.writeString(folder.resolve("u.data"), ratings.toString());
        return folder;
    }

    @Test
    void runsRatingAndTopNTasksAndWritesJsonAndCharts() throws Exception {
        Path out = dir.resolve("out");
        EvaluationCommand.main(new String[] {"--dataset", "movielens-100k", "--path",
            movieLensFolder().toString(), "--folds", "3", "--out", out.toString(), "--tasks", "rating,topn",
            "--models", "GLOBAL_MEAN,BIAS,MATRIX_FACTORIZATION,TEXT_AWARE"});

        JsonNode json = new ObjectMapper().readTree(out.resolve("movielens-100k.json").toFile());
        double mean = rmse(json, "GLOBAL_MEAN");
        assertThat(rmse(json, "BIAS")).isLessThan(mean);
        assertThat(rmse(json, "TEXT_AWARE")).isLessThan(rmse(json, "BIAS"));
        assertThat(json.get("notes").get("command").asText()).contains("--folds 3");
        // Which items a user rated is random here (only the stars follow the genre), so the rows are checked for
        // presence and range; TwoStageRecommenderTest checks ranking quality on data with structure.
        for (String row : List.of("POPULARITY", "ITEM_KNN", "EASE", "RP3BETA", "SERVED_RELEVANCE", "SERVED_DIVERSITY",
            "COLD_SERVED")) {
            assertThat(ndcg(json, row)).as(row).isBetween(0.0, 1.0);
        }
        assertThat(find(json, "topn", "SERVED_RELEVANCE").get("details").get("model").has("knownUserRanking"))
                .isTrue();
        assertThat(out.resolve("movielens-100k-rating.svg")).content().startsWith("<svg").contains("BIAS");
        assertThat(out.resolve("movielens-100k-topn.svg")).exists();
        assertThat(Files.list(out.resolve("embeddings")).toList()).hasSize(1);
    }

    private static double ndcg(JsonNode json, String model) {
        return find(json, "topn", model).get("metrics").get("NDCG@10").asDouble();
    }

    private static double rmse(JsonNode json, String model) {
        return find(json, "rating", model).get("metrics").get("RMSE").asDouble();
    }

    private static JsonNode find(JsonNode json, String task, String model) {
        for (JsonNode result : json.get("results")) {
            if (result.get("task").asText().equals(task) && result.get("model").asText().equals(model)) {
                return result;
            }
        }
        throw new AssertionError("no result " + task + "/" + model);
    }

    @Test
    void chartsAndArgumentErrors() {
        String svg = SvgBarChart.render("t <x>", "u", List.of(new SvgBarChart.Bar("a", 2), new SvgBarChart.Bar("b",
                1), new SvgBarChart.Bar("c", Double.NaN)));
        assertThat(svg).contains("t &lt;x&gt; (u)").contains("width=\"420\"").contains("width=\"210\"")
                .contains("n/a");
        assertThatThrownBy(() -> EvaluationCommand.main(new String[] {"--dataset", "movielens-100k"}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EvaluationCommand.parse(new String[] {"stray"}))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
