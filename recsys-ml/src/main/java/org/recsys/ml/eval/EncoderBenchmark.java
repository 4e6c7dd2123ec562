package org.recsys.ml.eval;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import org.recsys.ml.text.InProcessEncoder;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Encoder throughput: the library's {@link InProcessEncoder#encodeAll} against a bare loop over the same
 * LangChain4j model ({@code embedAll} on the same texts). Both run in one JVM after a warm-up, interleaved in
 * chunks of 100 texts (which goes first alternates) so that both see the same machine load; the totals over all
 * chunks and rounds are compared.
 */
final class EncoderBenchmark {

    private static final int CHUNK = 100;

    private EncoderBenchmark() {
    }

    /**
     * @param label names the corpus in the result rows (e.g. "reviews", "sentences")
     */
    static void run(InProcessEncoder encoder, String label, List<String> corpus, int sentences, int rounds,
                    ResultTable table, PrintStream log) {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < corpus.size() && texts.size() < sentences; i++) {
            if (!corpus.get(i).isBlank()) {
                texts.add(corpus.get(i));
            }
        }
        EmbeddingModel bare = encoder.languageModel();
        List<TextSegment> warmup = new ArrayList<>();
        texts.subList(0, Math.min(200, texts.size())).forEach(text -> warmup.add(TextSegment.from(text)));
        bare.embedAll(warmup); // JIT, ONNX session, tokenizer
        encoder.encodeAll(texts.subList(0, Math.min(200, texts.size())));
        long bareNanos = 0;
        long oursNanos = 0;
        int chunkIndex = 0;
        for (int round = 0; round < rounds; round++) {
            for (int from = 0; from < texts.size(); from += CHUNK) {
                List<String> chunk = texts.subList(from, Math.min(texts.size(), from + CHUNK));
                List<TextSegment> segments = new ArrayList<>(chunk.size());
                chunk.forEach(text -> segments.add(TextSegment.from(text)));
                boolean bareFirst = chunkIndex++ % 2 == 0;
                if (bareFirst) {
                    bareNanos += time(() -> bare.embedAll(segments));
                    oursNanos += time(() -> encoder.encodeAll(chunk));
                } else {
                    oursNanos += time(() -> encoder.encodeAll(chunk));
                    bareNanos += time(() -> bare.embedAll(segments));
                }
            }
            log.printf("  round %d: bare %.1f s, encoder %.1f s so far%n", round, bareNanos / 1e9, oursNanos / 1e9);
        }
        double total = (double) texts.size() * rounds;
        double averageChars = texts.stream().mapToInt(String::length).average().orElse(0);
        table.add("encoder", "LANGCHAIN4J_BARE_LOOP (" + label + ")").put("sentences_per_s", total / (bareNanos / 1e9))
                .put("seconds", bareNanos / 1e9).detail("texts", total).detail("mean_chars", averageChars);
        table.add("encoder", encoder.modelId() + " (" + label + ")").put("sentences_per_s", total / (oursNanos / 1e9))
                .put("seconds", oursNanos / 1e9).put("ratio_to_bare", (double) bareNanos / oursNanos)
                .detail("texts", total).detail("mean_chars", averageChars)
                .detail("threads", Runtime.getRuntime().availableProcessors());
    }

    /** First sentence of each text (split at . ! ? or their CJK forms), at least 3 characters. */
    static List<String> firstSentences(List<String> texts) {
        List<String> sentences = new ArrayList<>();
        for (String text : texts) {
            String[] parts = text.split("(?<=[.!?\u3002\uff01\uff1f])\\s*");
            if (parts.length > 0 && parts[0].strip().length() >= 3) {
                sentences.add(parts[0].strip());
            }
        }
        return sentences;
    }

    private static long time(Runnable task) {
        long start = System.nanoTime();
        task.run();
        return System.nanoTime() - start;
    }
}
