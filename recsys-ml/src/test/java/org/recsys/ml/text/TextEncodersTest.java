package org.recsys.ml.text;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TextEncodersTest {

    @Test
    void defaultIsCachedMiniLm() {
        TextEncoder encoder = TextEncoders.fromConfig(Map.of());
        assertThat(encoder).isInstanceOf(CachingEncoder.class);
        assertThat(encoder.tag()).isEqualTo(new EncoderTag(InProcessEncoder.MINILM_ID, InProcessEncoder.ARTEFACT_VERSION,
                384));
    }

    @Test
    void propertiesSelectModelsAndCache() {
        Properties properties = new Properties();
        properties.setProperty(TextEncoders.MODEL, "auto");
        assertThat(TextEncoders.fromProperties(properties)).isInstanceOf(LanguageRoutingEncoder.class);
        assertThat(TextEncoders.fromConfig(Map.of(TextEncoders.MODEL, "bge-small-zh-v15-q",
                TextEncoders.CACHE_SIZE, "0"))).isInstanceOf(InProcessEncoder.class)
                .extracting(TextEncoder::dimension).isEqualTo(512);
        assertThat(TextEncoders.forCorpus(List.of("\u5f88\u597d", "\u4e0d\u9519"), Map.of(), null).modelId())
                .isEqualTo(InProcessEncoder.BGE_ZH_ID);
    }

    @Test
    void rejectsUnknownModelsAndMissingUrls() {
        assertThatThrownBy(() -> TextEncoders.fromConfig(Map.of(TextEncoders.MODEL, "gpt-9")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("gpt-9");
        assertThatThrownBy(() -> TextEncoders.fromConfig(Map.of(TextEncoders.MODEL, "openai")))
                .hasMessageContaining(TextEncoders.OPENAI_URL);
    }
}
