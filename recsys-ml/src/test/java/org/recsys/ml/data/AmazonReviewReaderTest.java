package org.recsys.ml.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recsys.ml.testing.RealData;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

class AmazonReviewReaderTest {

    private static final String REVIEW_2014 = "{\"reviewerID\": \"A1\", \"asin\": \"B1\", \"reviewerName\": \"Ann\", "
            + "\"helpful\": [3, 5], \"reviewText\": \"Great strings.\", \"overall\": 5.0, \"summary\": \"good\", "
            + "\"unixReviewTime\": 1393545600, \"reviewTime\": \"02 28, 2014\"}";
    private static final String REVIEW_2018 = "{\"overall\": 2.0, \"vote\": \"1,341\", \"verified\": true, "
            + "\"reviewTime\": \"01 1, 2018\", \"reviewerID\": \"A2\", \"asin\": \"B2\", "
            + "\"style\": {\"Format:\": \" Hardcover\"}, \"summary\": \"meh\", \"unixReviewTime\": 1514764800, "
            + "\"image\": [\"https://example.org/a.jpg\"]}";

    @TempDir
    Path dir;

    @Test
    void readsBoth2014And2018FieldSets() {
        AmazonReview old = AmazonReviewReader.parseLine(1, REVIEW_2014).record();
        assertThat(old.helpfulVotes()).isEqualTo(3);
        assertThat(old.totalVotes()).isEqualTo(5);
        assertThat(old.verified()).isNull();
        assertThat(old.fullText()).isEqualTo("good. Great strings.");

        AmazonReview recent = AmazonReviewReader.parseLine(2, REVIEW_2018).record();
        assertThat(recent.helpfulVotes()).isEqualTo(1341);
        assertThat(recent.totalVotes()).isNull();
        assertThat(recent.verified()).isTrue();
        assertThat(recent.style()).containsEntry("Format:", "Hardcover");
        assertThat(recent.imageUrls()).containsExactly("https://example.org/a.jpg");
        assertThat(recent.reviewText()).isEmpty();
        assertThat(recent.reviewerName()).isNull();
        assertThat(recent.fullText()).isEqualTo("meh");
    }

    @Test
    void malformedLinesAreRejectedNotThrown() {
        assertThat(AmazonReviewReader.parseLine(7, "{not json").rejected().reason()).startsWith("not valid JSON");
        assertThat(AmazonReviewReader.parseLine(8, "{\"asin\": \"B\", \"overall\": 5}").rejected().reason())
                .contains("reviewerID");
        assertThat(AmazonReviewReader.parseLine(9, "{\"reviewerID\": \"A\", \"asin\": \"B\", \"overall\": 7}")
                .rejected().lineNumber()).isEqualTo(9);
        assertThat(AmazonReviewReader.parseLine(10, "[1, 2]").isAccepted()).isFalse();
    }

    @Test
    void gzippedFilesWithDuplicatesAreStreamedAndResumable() throws Exception {
        Path file = dir.resolve("reviews.json.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write((REVIEW_2014 + "\n" + REVIEW_2018 + "\n" + REVIEW_2014 + "\n").getBytes(StandardCharsets.UTF_8));
        }
        List<AmazonReview> accepted = new ArrayList<>();
        List<RejectedRecord> rejected = new ArrayList<>();
        AmazonReviewReader.open(file, 0, true).forEach(accepted::add, rejected::add);
        assertThat(accepted).extracting(AmazonReview::asin).containsExactly("B1", "B2");
        assertThat(rejected).singleElement().satisfies(r -> {
            assertThat(r.lineNumber()).isEqualTo(3);
            assertThat(r.reason()).isEqualTo("duplicate of line 1");
        });

        assertThat(AmazonReviewReader.open(file, 0, false).readAll()).hasSize(3);
        assertThat(AmazonReviewReader.open(file, 1, false).readAll()).extracting(AmazonReview::lineNumber)
                .containsExactly(2L, 3L);
    }

    @Test
    void realMusicalInstrumentsFileParsesCompletely() throws Exception {
        Path file = RealData.require("amazon-musical-instruments-5core/reviews_Musical_Instruments_5.json.gz");
        List<RejectedRecord> rejected = new ArrayList<>();
        Set<String> users = new HashSet<>();
        Set<String> items = new HashSet<>();
        long[] missingNames = {0};
        AmazonReviewReader.open(file, 0, true).forEach(review -> {
            users.add(review.reviewerId());
            items.add(review.asin());
            if (review.reviewerName() == null) {
                missingNames[0]++;
            }
        }, rejected::add);
        assertThat(rejected).isEmpty();
        assertThat(users).hasSize(1429);
        assertThat(items).hasSize(900);
        assertThat(missingNames[0]).isEqualTo(27);
    }
}
