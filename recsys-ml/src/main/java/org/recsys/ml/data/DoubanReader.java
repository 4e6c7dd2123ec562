package org.recsys.ml.data;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Streams the Douban DMR sample ({@code reviews.json}, {@code movies.json}). Both files are one big JSON object,
 * so the parser walks its members one at a time with Jackson's streaming API and never holds the whole file.
 * Record positions are 1-based ordinals (see {@link DoubanReview#lineNumber()}).
 */
public final class DoubanReader {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private DoubanReader() {
    }

    /**
     * Opens {@code reviews.json}: each top-level review is followed by the reviews in that user's history.
     *
     * @param resumeAfterRecord records up to and including this ordinal are skipped
     */
    public static RecordCursor<DoubanReview> reviews(Path reviewsJson, long resumeAfterRecord) throws IOException {
        return new ObjectMemberCursor<>(reviewsJson, resumeAfterRecord, DoubanReader::parseReviewEntry);
    }

    /** Opens {@code movies.json}. */
    public static RecordCursor<DoubanMovie> movies(Path moviesJson, long resumeAfterRecord) throws IOException {
        return new ObjectMemberCursor<>(moviesJson, resumeAfterRecord, (key, node) -> List.of(parseMovie(key, node)));
    }

    /** One member of a top-level object expands to one or more pending records (ordinal is set later). */
    private interface Pending<T> {
        ParsedLine<T> at(long ordinal);
    }

    private static List<Pending<DoubanReview>> parseReviewEntry(String key, JsonNode node) {
        List<Pending<DoubanReview>> out = new ArrayList<>();
        String userId = node.path("user_id").asText("");
        out.add(review(key, userId, node, node.path("label").isNumber() ? node.get("label").asInt() : null, false));
        JsonNode history = node.get("user_reviews");
        if (history != null && history.isObject()) {
            for (Iterator<java.util.Map.Entry<String, JsonNode>> it = history.fields(); it.hasNext(); ) {
                var entry = it.next();
                out.add(review(key + "/" + entry.getKey(), userId, entry.getValue(), null, true));
            }
        }
        return out;
    }

    private static Pending<DoubanReview> review(String key, String userId, JsonNode node, Integer spamLabel,
                                                boolean fromHistory) {
        return ordinal -> {
            String raw = key + ": " + node;
            if (userId.isBlank()) {
                return ParsedLine.rejected(ordinal, "missing user_id", raw);
            }
            JsonNode movie = node.get("movie_id");
            JsonNode stars = node.get("stars");
            if (movie == null || movie.asText().isBlank()) {
                return ParsedLine.rejected(ordinal, "missing movie_id", raw);
            }
            if (stars == null || !stars.isNumber() || stars.floatValue() < 1 || stars.floatValue() > 5) {
                return ParsedLine.rejected(ordinal, "stars missing or outside 1..5", raw);
            }
            return ParsedLine.accepted(ordinal, new DoubanReview(ordinal, userId, movie.asText(),
                    node.path("text").asText(""), node.path("date").asText(""), stars.floatValue(),
                    node.path("useful").asInt(0), spamLabel, fromHistory));
        };
    }

    private static Pending<DoubanMovie> parseMovie(String key, JsonNode node) {
        return ordinal -> {
            if (!node.isObject() || node.path("movie_name").asText("").isBlank()) {
                return ParsedLine.rejected(ordinal, "missing movie_name", key + ": " + node);
            }
            float average;
            try {
                average = Float.parseFloat(node.path("average_stars").asText(""));
            } catch (NumberFormatException e) {
                average = Float.NaN;
            }
            return ParsedLine.accepted(ordinal, new DoubanMovie(ordinal, key, node.get("movie_name").asText(),
                    values(node.get("genres")), values(node.get("directors")), values(node.get("actors")),
                    values(node.get("producing_regions")), average));
        };
    }

    /** Values of a JSON array, or of an object's members (the file stores people as {url: name}). */
    private static List<String> values(JsonNode node) {
        if (node == null || node.isNull()) {
            return Collections.emptyList();
        }
        List<String> values = new ArrayList<>();
        if (node.isArray() || node.isObject()) {
            node.elements().forEachRemaining(value -> values.add(value.asText()));
        } else {
            values.add(node.asText());
        }
        return Collections.unmodifiableList(values);
    }

    private static final class ObjectMemberCursor<T> implements RecordCursor<T> {
        private final JsonParser parser;
        private final BiFunction<String, JsonNode, List<Pending<T>>> expand;
        private final Deque<Pending<T>> pending = new ArrayDeque<>();
        private final long resumeAfter;
        private long ordinal;
        private boolean started;
        private boolean failed;

        ObjectMemberCursor(Path path, long resumeAfter, BiFunction<String, JsonNode, List<Pending<T>>> expand)
                throws IOException {
            this.parser = new JsonFactory(MAPPER).createParser(LineCursor.openMaybeGzipped(path));
            this.expand = expand;
            this.resumeAfter = resumeAfter;
        }

        @Override
        public ParsedLine<T> next() throws IOException {
            while (true) {
                if (!pending.isEmpty()) {
                    ParsedLine<T> line = pending.poll().at(++ordinal);
                    if (ordinal > resumeAfter) {
                        return line;
                    }
                    continue;
                }
                if (failed) {
                    return null;
                }
                try {
                    if (!started) {
                        started = true;
                        if (parser.nextToken() != JsonToken.START_OBJECT) {
                            failed = true;
                            return ParsedLine.rejected(1, "file is not a JSON object", "");
                        }
                    }
                    JsonToken token = parser.nextToken();
                    if (token != JsonToken.FIELD_NAME) {
                        return null; // END_OBJECT or end of input
                    }
                    String key = parser.currentName();
                    parser.nextToken();
                    JsonNode value = MAPPER.readTree(parser);
                    pending.addAll(expand.apply(key, value));
                } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                    failed = true; // a syntax error leaves the stream position unknown: stop here
                    return ParsedLine.rejected(ordinal + 1, "malformed JSON: " + e.getOriginalMessage(), "");
                }
            }
        }

        @Override
        public long lineNumber() {
            return ordinal;
        }

        @Override
        public void close() throws IOException {
            parser.close();
        }
    }
}
