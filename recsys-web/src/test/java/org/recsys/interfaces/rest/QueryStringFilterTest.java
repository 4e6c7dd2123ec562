package org.recsys.interfaces.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class QueryStringFilterTest {

    @Test
    void wellEncodedQueriesPass() {
        assertThat(QueryStringFilter.problem("limit=10&q=jazz%20guitar&cursor=abc-_")).isEmpty();
        assertThat(QueryStringFilter.problem("q=caf%C3%A9+au+lait&exclude=a,b")).isEmpty();
        // Raw UTF-8 bytes as the container hands them on (each byte one ISO-8859-1 character).
        String raw = new String("q=café".getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
        assertThat(QueryStringFilter.problem(raw)).isEmpty();
    }

    @Test
    void brokenEscapesBadBytesAndControlCharactersAreNamed() {
        assertThat(QueryStringFilter.problem("limit=%ZZ")).hasValueSatisfying(p -> assertThat(p).contains("%25"));
        assertThat(QueryStringFilter.problem("q=100%")).isPresent();
        assertThat(QueryStringFilter.problem("q=%4")).isPresent();
        assertThat(QueryStringFilter.problem("q=%C3%28")).hasValue("does not decode to UTF-8 text");
        assertThat(QueryStringFilter.problem("q=a%00b")).hasValueSatisfying(p -> assertThat(p).contains("%00"));
        assertThat(QueryStringFilter.problem("q=a%0Ab")).isPresent();
        assertThat(QueryStringFilter.problem("q=\u0001")).isPresent();
    }
}
