package org.recsys.ml.interest;

import org.junit.jupiter.api.Test;
import org.recsys.ml.text.FakeEncoder;
import org.recsys.ml.vector.Vectors;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class InterestClustererTest {

    /** Members around three well separated directions, with texts naming their topic. */
    private static List<InterestMember> threeTopics(int perTopic, long seed) {
        Random random = new Random(seed);
        String[][] texts = {
            {"jazz guitar records", "smooth jazz guitar", "jazz guitar live album"},
            {"guitar cable noise", "cheap cable broke", "patch cable quality"},
            {"drum sticks grip", "maple drum sticks", "drum sticks for rock"},
        };
        List<InterestMember> members = new ArrayList<>();
        for (int topic = 0; topic < 3; topic++) {
            for (int m = 0; m < perTopic; m++) {
                float[] v = new float[12];
                v[topic * 4] = 1;
                for (int d = 0; d < 12; d++) {
                    v[d] += (float) (0.15 * random.nextGaussian());
                }
                members.add(new InterestMember("t" + topic + "-" + m, Vectors.normalized(v),
                        texts[topic][m % 3], topic == 0 ? 2 : 1));
            }
        }
        return members;
    }

    @Test
    void findsTheThreeTopicsWithWeightsMembersAndTags() {
        List<InterestPoint> points = new InterestClusterer(null).withSeed(1).cluster(threeTopics(6, 1));
        assertThat(points).hasSize(3);
        assertThat(points.stream().mapToDouble(InterestPoint::weight).sum()).isCloseTo(1.0, within(1e-9));
        InterestPoint heaviest = points.get(0);
        assertThat(heaviest.weight()).isCloseTo(0.5, within(1e-9)); // topic 0 members weigh 2, the others 1
        assertThat(heaviest.memberItemIds()).allMatch(id -> id.startsWith("t0-")).hasSize(6);
        assertThat(heaviest.tags()).contains("jazz guitar").hasSizeBetween(3, 5);
        assertThat(Vectors.norm(heaviest.centroid())).isCloseTo(1f, within(1e-5f));
        for (InterestPoint point : points) {
            assertThat(point.tags()).doesNotContain("for", "the");
        }
    }

    @Test
    void isDeterministicAndFallsBackToOneInterestWithoutStructure() {
        List<InterestMember> members = threeTopics(5, 2);
        List<InterestPoint> first = new InterestClusterer(null).withSeed(3).cluster(members);
        List<InterestPoint> second = new InterestClusterer(null).withSeed(3).cluster(members);
        assertThat(first).hasSameSizeAs(second);
        for (int p = 0; p < first.size(); p++) {
            assertThat(first.get(p).memberItemIds()).isEqualTo(second.get(p).memberItemIds());
        }
        // Too few members for more than one interest.
        assertThat(new InterestClusterer(null).cluster(members.subList(0, 4))).hasSize(1);
        assertThat(new InterestClusterer(null).cluster(List.of())).isEmpty();
    }

    @Test
    void tagsAreTheCandidatesNearestTheCentroidWhenAnEncoderIsGiven() {
        FakeEncoder encoder = new FakeEncoder("fake", 64);
        List<InterestMember> members = new ArrayList<>();
        String[] texts = {"acoustic guitar strings", "guitar strings bright", "strings for acoustic guitar",
            "acoustic guitar strings review"};
        for (int i = 0; i < texts.length; i++) {
            members.add(new InterestMember("i" + i, encoder.encode(texts[i]), texts[i], 1));
        }
        List<InterestPoint> points = new InterestClusterer(encoder).cluster(members);
        assertThat(points).hasSize(1);
        assertThat(points.get(0).tags()).hasSizeBetween(3, 5).allMatch(tag -> tag.contains("guitar")
                || tag.contains("strings") || tag.contains("acoustic") || tag.contains("bright"));
    }

    @Test
    void chineseTextsGiveCharacterNGramTags() {
        List<String> candidates = KeywordCandidates.extract(List.of("\u623f\u95f4\u5f88\u5e72\u51c0\uff0c\u65e9\u9910\u4e0d\u9519",
                "\u65e9\u9910\u4e30\u5bcc\uff0c\u623f\u95f4\u5b89\u9759"), 10);
        assertThat(candidates).contains("\u623f\u95f4", "\u65e9\u9910");
        assertThat(candidates).noneMatch(c -> c.startsWith("\u5f88") || c.endsWith("\u7684"));
        List<String> english = KeywordCandidates.extract(List.of("The strings are GREAT and the strings last"), 10);
        assertThat(english.get(0)).isEqualTo("strings");
        assertThat(english).doesNotContain("the", "are", "and", "great");
    }

    @Test
    void silhouetteIsHighForSeparatedClusters() {
        float[][] vectors = {{1, 0}, {0.99f, 0.14f}, {0, 1}, {0.14f, 0.99f}};
        assertThat(InterestClusterer.silhouette(vectors, new int[] {0, 0, 1, 1}, 2)).isGreaterThan(0.8);
        assertThat(InterestClusterer.silhouette(vectors, new int[] {0, 1, 0, 1}, 2)).isLessThan(0);
    }
}
