package org.recsys.ml.sentiment;

import org.junit.jupiter.api.Test;
import org.recsys.ml.data.AmazonReview;
import org.recsys.ml.data.AmazonReviewReader;
import org.recsys.ml.data.ChnSentiCorpReader;
import org.recsys.ml.data.LabelledText;
import org.recsys.ml.testing.RealData;
import org.recsys.ml.text.InProcessEncoder;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Quality floors on subsets of the real review data (encoding is the slow part: about 250 English or 140 Chinese
 * texts per second here; the full 5-fold numbers come from the harness).
 */
class RealSentimentQualityTest {

    private static double[] accuracyAndMacroF1(SentimentModel model, List<LabelledVector> test, List<String> classes) {
        int correct = 0;
        double f1 = 0;
        for (String c : classes) {
            int truePositive = 0;
            int predicted = 0;
            int actual = 0;
            for (LabelledVector example : test) {
                String label = model.predict(example.vector()).label();
                if (label.equals(c)) {
                    predicted++;
                }
                if (example.label().equals(c)) {
                    actual++;
                    if (label.equals(c)) {
                        truePositive++;
                    }
                }
            }
            correct += truePositive;
            double precision = predicted == 0 ? 0 : (double) truePositive / predicted;
            double recall = actual == 0 ? 0 : (double) truePositive / actual;
            f1 += precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        }
        return new double[] {(double) correct / test.size(), f1 / classes.size()};
    }

    @Test
    void amazonThreeClassSentimentBeatsTheMajorityBaselineClearly() throws Exception {
        Path file = RealData.require("amazon-musical-instruments-5core/reviews_Musical_Instruments_5.json.gz");
        List<AmazonReview> reviews = AmazonReviewReader.open(file, 0, false).readAll();
        Collections.shuffle(reviews, new Random(1));
        List<AmazonReview> subset = reviews.subList(0, 2000);
        InProcessEncoder encoder = InProcessEncoder.allMiniLmL6V2(null);
        List<String> texts = new ArrayList<>();
        subset.forEach(r -> texts.add(r.fullText()));
        List<float[]> vectors = encoder.encodeAll(texts);
        List<LabelledVector> train = new ArrayList<>();
        List<LabelledVector> test = new ArrayList<>();
        for (int i = 0; i < subset.size(); i++) {
            LabelledVector example = new LabelledVector(Sentiment.fromStars(subset.get(i).overall()).label(),
                    vectors.get(i));
            (i < 1500 ? train : test).add(example);
        }
        SentimentModel model = new SentimentTrainer().configure(30, 0.2, true, 1).train(train, encoder.tag());
        List<String> classes = List.of("NEGATIVE", "NEUTRAL", "POSITIVE");
        double[] scores = accuracyAndMacroF1(model, test, classes);
        // Majority class (POSITIVE, ~88%): macro-F1 = F1(POSITIVE) / 3, about 0.31.
        long positives = test.stream().filter(e -> e.label().equals("POSITIVE")).count();
        double majorityF1 = 2.0 * positives / (positives + test.size()) / 3;
        assertThat(scores[1]).isGreaterThan(majorityF1 + 0.08);
    }

    @Test
    void chnSentiCorpSubsetReachesTheAccuracyFloor() throws Exception {
        Path file = RealData.require("chnsenticorp-htl/ChnSentiCorp_htl_all.csv");
        List<LabelledText> texts = ChnSentiCorpReader.open(file, 0).readAll();
        Collections.shuffle(texts, new Random(2));
        List<LabelledText> subset = texts.subList(0, 1000);
        InProcessEncoder encoder = InProcessEncoder.bgeSmallZh(null);
        List<String> raw = new ArrayList<>();
        subset.forEach(t -> raw.add(t.text().length() > 200 ? t.text().substring(0, 200) : t.text()));
        List<float[]> vectors = encoder.encodeAll(raw);
        List<LabelledVector> train = new ArrayList<>();
        List<LabelledVector> test = new ArrayList<>();
        for (int i = 0; i < subset.size(); i++) {
            (i < 750 ? train : test).add(new LabelledVector(subset.get(i).label(), vectors.get(i)));
        }
        SentimentModel model = new SentimentTrainer().configure(30, 0.2, false, 1).train(train, encoder.tag());
        double accuracy = accuracyAndMacroF1(model, test, List.of("0", "1"))[0];
        long majority = Math.max(test.stream().filter(e -> e.label().equals("1")).count(),
                test.stream().filter(e -> e.label().equals("0")).count());
        assertThat(accuracy).isGreaterThan(0.82).isGreaterThan((double) majority / test.size() + 0.1);
    }
}
