package org.recsys.ml.data;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads Amazon review dumps: JSON lines, plain or gzipped, in the 2014 field set ({@code helpful: [a, b]}) or the
 * 2018 one ({@code vote: "1,341"}, {@code verified}, {@code style}, {@code image}). Rows without reviewer, product
 * or a 1..5 rating are rejected; a missing text or name is not an error. With duplicate detection on, a row that
 * repeats an earlier (reviewer, product, time) is rejected as a duplicate (the 2018 dumps contain such rows).
 */
public final class AmazonReviewReader {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private AmazonReviewReader() {
    }

    /**
     * Opens a review file.
     *
     * @param path             {@code .json} or {@code .json.gz}; compression is detected from the content
     * @param resumeAfterLine  lines up to and including this one are skipped
     * @param rejectDuplicates keep a hash of every (reviewer, product, time) seen (about 50 bytes per row) and
     *                         reject repeats
     */
    public static RecordCursor<AmazonReview> open(Path path, long resumeAfterLine, boolean rejectDuplicates)
            throws IOException {
        Map<Long, Long> firstLineByKey = rejectDuplicates ? new HashMap<>() : null;
        return new LineCursor<>(path, StandardCharsets.UTF_8, resumeAfterLine) {
            @Override
            protected ParsedLine<AmazonReview> parse(long lineNumber, String line) {
                ParsedLine<AmazonReview> parsed = parseLine(lineNumber, line);
                if (firstLineByKey != null && parsed.isAccepted()) {
                    AmazonReview review = parsed.record();
                    long key = duplicateKey(review);
                    Long first = firstLineByKey.putIfAbsent(key, lineNumber);
                    if (first != null) {
                        return ParsedLine.rejected(lineNumber, "duplicate of line " + first, line);
                    }
                }
                return parsed;
            }
        };
    }

    private static long duplicateKey(AmazonReview review) {
        long hash = 1125899906842597L;
        for (String part : new String[] {review.reviewerId(), review.asin(), Long.toString(review.unixReviewTime())}) {
            for (int i = 0; i < part.length(); i++) {
                hash = 31 * hash + part.charAt(i);
            }
            hash = 31 * hash + 0x1F;
        }
        return hash;
    }

    /** Parses one JSON line; never throws. */
    public static ParsedLine<AmazonReview> parseLine(long lineNumber, String line) {
        JsonNode node;
        try {
            node = MAPPER.readTree(line);
        } catch (JsonProcessingException e) {
            return ParsedLine.rejected(lineNumber, "not valid JSON: " + e.getOriginalMessage(), line);
        }
        if (node == null || !node.isObject()) {
            return ParsedLine.rejected(lineNumber, "not a JSON object", line);
        }
        String reviewer = text(node, "reviewerID");
        String asin = text(node, "asin");
        if (reviewer == null || reviewer.isBlank() || asin == null || asin.isBlank()) {
            return ParsedLine.rejected(lineNumber, "missing reviewerID or asin", line);
        }
        JsonNode overallNode = node.get("overall");
        if (overallNode == null || !(overallNode.isNumber() || overallNode.isTextual())) {
            return ParsedLine.rejected(lineNumber, "missing overall rating", line);
        }
        float overall;
        try {
            overall = overallNode.isNumber() ? overallNode.floatValue() : Float.parseFloat(overallNode.asText());
        } catch (NumberFormatException e) {
            return ParsedLine.rejected(lineNumber, "overall rating is not a number", line);
        }
        if (!(overall >= 1 && overall <= 5)) {
            return ParsedLine.rejected(lineNumber, "overall rating outside 1..5", line);
        }
        long time = node.path("unixReviewTime").asLong(0);
        int helpful = 0;
        Integer total = null;
        JsonNode helpfulNode = node.get("helpful");
        if (helpfulNode != null && helpfulNode.isArray() && helpfulNode.size() == 2) {
            helpful = helpfulNode.get(0).asInt();
            total = helpfulNode.get(1).asInt();
        }
        JsonNode vote = node.get("vote");
        if (vote != null && !vote.isNull()) {
            try {
                helpful = vote.isNumber() ? vote.asInt() : Integer.parseInt(vote.asText().replace(",", "").strip());
            } catch (NumberFormatException e) {
                return ParsedLine.rejected(lineNumber, "vote is not a number: " + vote.asText(), line);
            }
        }
        JsonNode verifiedNode = node.get("verified");
        Boolean verified = verifiedNode == null || verifiedNode.isNull() ? null : verifiedNode.asBoolean();
        Map<String, String> style = Collections.emptyMap();
        JsonNode styleNode = node.get("style");
        if (styleNode != null && styleNode.isObject()) {
            Map<String, String> values = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = styleNode.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                values.put(field.getKey(), field.getValue().asText().strip());
            }
            style = Collections.unmodifiableMap(values);
        }
        List<String> images = Collections.emptyList();
        JsonNode imageNode = node.get("image");
        if (imageNode != null && imageNode.isArray()) {
            List<String> urls = new ArrayList<>(imageNode.size());
            imageNode.forEach(url -> urls.add(url.asText()));
            images = Collections.unmodifiableList(urls);
        }
        String reviewText = text(node, "reviewText");
        String summary = text(node, "summary");
        return ParsedLine.accepted(lineNumber, new AmazonReview(lineNumber, reviewer, asin,
                text(node, "reviewerName"), reviewText == null ? "" : reviewText, summary == null ? "" : summary,
                overall, time, helpful, total, verified, style, images));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
