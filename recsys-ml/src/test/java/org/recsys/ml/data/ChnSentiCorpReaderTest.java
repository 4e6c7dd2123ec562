package org.recsys.ml.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recsys.ml.testing.RealData;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ChnSentiCorpReaderTest {

    @TempDir
    Path dir;

    @Test
    void parsesQuotedFieldsWithCommasDoubledQuotesAndLineBreaks() throws Exception {
        Path file = dir.resolve("reviews.csv");
        Files.writeString(file, "label,review\n1,\"\u623f\u95f4\u5f88\u5927,\u5f88\u5e72\u51c0\"\n"
                + "0,\"he said \"\"no\"\"\"\n1,\"two\nlines\"\n0,\n1,\"never closed\n");
        List<LabelledText> texts = new ArrayList<>();
        List<RejectedRecord> rejected = new ArrayList<>();
        ChnSentiCorpReader.open(file, 0).forEach(texts::add, rejected::add);

        assertThat(texts).extracting(LabelledText::text)
                .containsExactly("\u623f\u95f4\u5f88\u5927,\u5f88\u5e72\u51c0", "he said \"no\"", "two\nlines");
        assertThat(texts).extracting(LabelledText::lineNumber).containsExactly(2L, 3L, 4L);
        assertThat(rejected).extracting(RejectedRecord::reason)
                .containsExactly("empty review", "unterminated quoted field");
        assertThat(rejected.get(0).lineNumber()).isEqualTo(6);
    }

    @Test
    void realFileHasOneEmptyReview() throws Exception {
        Path file = RealData.require("chnsenticorp-htl/ChnSentiCorp_htl_all.csv");
        List<LabelledText> texts = new ArrayList<>();
        List<RejectedRecord> rejected = new ArrayList<>();
        ChnSentiCorpReader.open(file, 0).forEach(texts::add, rejected::add);
        assertThat(texts).hasSize(7765);
        assertThat(rejected).singleElement().extracting(RejectedRecord::reason).isEqualTo("empty review");
        assertThat(texts.stream().filter(t -> t.label().equals("1")).count()).isEqualTo(5322);
    }
}
