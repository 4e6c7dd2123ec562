package org.recsys.ml.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.recsys.ml.rating.RatingRecipe;
import org.recsys.ml.text.InProcessEncoder;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The evaluation harness:
 * <pre>
 * evaluate --dataset movielens-100k|amazon-reviews|chnsenticorp|douban --path FILE_OR_FOLDER
 *          [--folds 5] [--out DIR] [--seed 42] [--tasks rating,topn,sentiment,encoder,latency,index]
 *          [--models GLOBAL_MEAN,BIAS,...] [--max-records N]
 * </pre>
 * Prints a table per task and writes {@code DIR/DATASET.json} and one SVG bar chart per task. Text embeddings are
 * cached under {@code DIR/embeddings} (keyed by encoder tag and text hash), so a second run does not re-encode.
 * Run from the repository root with
 * {@code ./mvnw -q -pl recsys-ml compile exec:java -Dexec.args="--dataset ... --path ..."}.
 */
public final class EvaluationCommand {

    /** Held so the level sticks: Tribuo logs every K-Means and SGD iteration at INFO. */
    private static final java.util.logging.Logger TRIBUO_LOG = java.util.logging.Logger.getLogger("org.tribuo");

    private EvaluationCommand() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = parse(args);
        TRIBUO_LOG.setLevel(java.util.logging.Level.WARNING);
        String dataset = options.get("dataset");
        String path = options.get("path");
        if (dataset == null || path == null) {
            System.err.println("usage: evaluate --dataset movielens-100k|amazon-reviews|chnsenticorp|douban "
                    + "--path FILE_OR_FOLDER [--folds 5] [--out DIR] [--seed 42] [--tasks ...] [--models ...] "
                    + "[--max-records N]");
            throw new IllegalArgumentException("--dataset and --path are required");
        }
        int folds = Integer.parseInt(options.getOrDefault("folds", "5"));
        long seed = Long.parseLong(options.getOrDefault("seed", "42"));
        Path out = Path.of(options.getOrDefault("out", "recsys-ml/target/evaluation"));
        long maxRecords = Long.parseLong(options.getOrDefault("max-records", "0"));
        List<String> tasks = Arrays.asList(options.getOrDefault("tasks", defaultTasks(dataset)).split(","));
        Files.createDirectories(out);
        PrintStream log = System.out;

        long start = System.nanoTime();
        EvaluationData data = EvaluationData.load(dataset, Path.of(path), maxRecords);
        log.printf("loaded %s: %d ratings, %d item texts, %d labelled texts, %d rejected records (%.1fs)%n", dataset,
                data.ratings.size(), data.itemTexts.size(), data.labelledTexts.size(), data.rejected,
                (System.nanoTime() - start) / 1e9);
        boolean chinese = dataset.equals("chnsenticorp") || dataset.equals("douban");
        InProcessEncoder encoder = chinese ? InProcessEncoder.bgeSmallZh(null) : InProcessEncoder.allMiniLmL6V2(null);
        EmbeddingStore store = new EmbeddingStore(encoder, out.resolve("embeddings"));
        ResultTable table = new ResultTable();
        table.notes.put("dataset", dataset + " (" + path + ")");
        table.notes.put("command", "evaluate " + String.join(" ", args));
        table.notes.put("encoder", encoder.tag().toString());
        table.notes.put("started", OffsetDateTime.now().toString());
        table.notes.put("cores", Integer.toString(Runtime.getRuntime().availableProcessors()));

        for (String task : tasks) {
            long taskStart = System.nanoTime();
            log.println("task " + task + " ...");
            switch (task.strip()) {
                case "rating" -> RatingEvaluation.run(data, store, folds, seed, recipes(options, dataset), table, log);
                case "topn" -> TopNEvaluation.run(data, store, seed, table, log);
                case "sentiment" -> SentimentEvaluation.run(data, store, folds, seed, table, log);
                case "encoder" -> {
                    EncoderBenchmark.run(encoder, "texts", corpus(data), 1000, 2, table, log);
                    EncoderBenchmark.run(encoder, "first sentences", EncoderBenchmark.firstSentences(corpus(data)),
                            2000, 2, table, log);
                }
                case "latency" -> LatencyBenchmark.run(store.encodeAll(corpus(data)), 10_000, seed, table, log);
                case "index" -> IndexBenchmark.run(store.encodeAll(corpus(data)), seed, table, log);
                default -> throw new IllegalArgumentException("unknown task " + task);
            }
            table.notes.put("task_seconds_" + task, String.format("%.1f", (System.nanoTime() - taskStart) / 1e9));
        }
        table.print(log);
        write(out, dataset, table);
        log.printf("wrote %s%n", out.toAbsolutePath());
    }

    private static List<String> corpus(EvaluationData data) {
        if (!data.reviewTexts.isEmpty()) {
            return data.reviewTexts;
        }
        if (!data.labelledTexts.isEmpty()) {
            List<String> texts = new ArrayList<>();
            data.labelledTexts.forEach(t -> texts.add(t.text()));
            return texts;
        }
        return new ArrayList<>(data.itemTexts.values());
    }

    private static String defaultTasks(String dataset) {
        return switch (dataset) {
            case "movielens-100k" -> "rating,topn";
            case "amazon-reviews" -> "rating,sentiment,topn,encoder,latency";
            case "chnsenticorp" -> "sentiment";
            default -> "sentiment,rating";
        };
    }

    private static List<RatingRecipe> recipes(Map<String, String> options, String dataset) {
        String models = options.get("models");
        if (models == null) {
            return Arrays.asList(RatingRecipe.values());
        }
        List<RatingRecipe> recipes = new ArrayList<>();
        for (String name : models.split(",")) {
            recipes.add(RatingRecipe.valueOf(name.strip()));
        }
        return recipes;
    }

    private static void write(Path out, String dataset, ResultTable table) throws IOException {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode json = table.toJson(mapper);
        Files.writeString(out.resolve(dataset + ".json"), mapper.writeValueAsString(json), StandardCharsets.UTF_8);
        Map<String, String[]> charts = new LinkedHashMap<>();
        charts.put("rating", new String[] {"RMSE", "5-fold RMSE (lower is better)"});
        charts.put("sentiment", new String[] {"macro_F1", "Sentiment macro-F1"});
        charts.put("topn", new String[] {"NDCG@10", "Top-10 NDCG, time-ordered hold-out"});
        charts.put("encoder", new String[] {"sentences_per_s", "Encoder throughput"});
        charts.put("latency", new String[] {"us_per_request", "Per-request CPU time"});
        for (Map.Entry<String, String[]> chart : charts.entrySet()) {
            List<SvgBarChart.Bar> bars = new ArrayList<>();
            for (ResultTable.Row row : table.task(chart.getKey())) {
                bars.add(new SvgBarChart.Bar(row.model, row.get(chart.getValue()[0])));
            }
            if (!bars.isEmpty()) {
                Files.writeString(out.resolve(dataset + "-" + chart.getKey() + ".svg"),
                        SvgBarChart.render(dataset + ": " + chart.getValue()[1], chart.getValue()[0], bars),
                        StandardCharsets.UTF_8);
            }
        }
    }

    static Map<String, String> parse(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument " + args[i]);
            }
            String key = args[i].substring(2);
            String value = i + 1 < args.length && !args[i + 1].startsWith("--") ? args[++i] : "true";
            options.put(key, value);
        }
        return options;
    }
}
