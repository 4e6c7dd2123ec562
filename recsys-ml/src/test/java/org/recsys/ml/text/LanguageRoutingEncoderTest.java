package org.recsys.ml.text;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LanguageRoutingEncoderTest {

    @Test
    void detectsCjkByShareOfLetters() {
        assertThat(LanguageDetector.isCjk("\u623f\u95f4\u5f88\u5e72\u51c0")).isTrue();
        assertThat(LanguageDetector.isCjk("Great hotel, \u5f88\u597d")).isFalse();
        assertThat(LanguageDetector.isCjk("iPhone \u624b\u673a\u5f88\u597d\u7528")).isTrue();
        assertThat(LanguageDetector.isCjk("12345 !!")).isFalse();
        assertThat(LanguageDetector.isCjk(null)).isFalse();
        assertThat(LanguageDetector.mostlyCjk(List.of("\u597d\u7684", "\u4e0d\u9519", "fine"))).isTrue();
    }

    @Test
    void routesEachTextAndTagsItWithItsEncoder() {
        FakeEncoder english = new FakeEncoder("en", 8);
        FakeEncoder chinese = new FakeEncoder("zh", 12);
        LanguageRoutingEncoder router = new LanguageRoutingEncoder(english, chinese);

        assertThat(router.encodeTagged("nice strings").tag().modelId()).isEqualTo("en");
        assertThat(router.encodeTagged("\u97f3\u8272\u5f88\u597d").vector()).hasSize(12);
        List<TaggedVector> batch = router.encodeAllTagged(List.of("a guitar", "\u5409\u4ed6", "drums"));
        assertThat(batch).extracting(t -> t.tag().modelId()).containsExactly("en", "zh", "en");
        assertThat(router.encodeAll(List.of("\u5409\u4ed6", "drums"))).extracting(v -> v.length)
                .containsExactly(12, 8);
        assertThat(router.dimension()).isEqualTo(8);
    }
}
