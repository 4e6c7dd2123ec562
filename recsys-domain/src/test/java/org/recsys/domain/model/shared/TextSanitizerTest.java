package org.recsys.domain.model.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextSanitizerTest {

    @Test
    void stripsTagsEntitiesAndControlCharacters() {
        assertThat(TextSanitizer.clean("<p>Great <b>strings</b>&nbsp;&amp; tuners</p>\u0007<br/>"))
                .isEqualTo("Great strings & tuners");
        assertThat(TextSanitizer.clean("Line one\r\nline\u0000 two")).isEqualTo("Line one\nline two");
    }

    @Test
    void keepsTextThatOnlyLooksLikeMarkup() {
        assertThat(TextSanitizer.clean("I <3 this amp, 3 < 5")).isEqualTo("I <3 this amp, 3 < 5");
        assertThat(TextSanitizer.clean(null)).isNull();
    }

    @Test
    void isIdempotent() {
        String once = TextSanitizer.clean("  <div>Too   loud &lt;b&gt;really&lt;/b&gt;</div>  ");
        assertThat(once).isEqualTo("Too loud really");
        assertThat(TextSanitizer.clean(once)).isEqualTo(once);
    }
}
