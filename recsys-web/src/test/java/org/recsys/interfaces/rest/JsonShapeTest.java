package org.recsys.interfaces.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.recsys.application.FieldError;

class JsonShapeTest {

    enum Colour { RED, GREEN }

    record Inner(String name, Integer count, Map<String, String> tags) {
    }

    record Outer(List<Inner> inners, Colour colour, Instant at, Double value, Boolean flag) {
    }

    private static List<String> fields(String json) {
        return JsonShape.check(json.getBytes(StandardCharsets.UTF_8), Outer.class).errors().stream()
                .map(FieldError::field).toList();
    }

    @Test
    void aWellShapedDocumentHasNoErrors() {
        assertThat(fields("{\"inners\": [{\"name\": \"a\", \"count\": 2, \"tags\": {\"k\": \"v\"}}], "
                + "\"colour\": \"RED\", \"at\": \"2026-01-01T00:00:00Z\", \"value\": 1.5, \"flag\": true, "
                + "\"inners\": null}")).isEmpty();
    }

    @Test
    void oneDocumentOfValidUtf8WithWholeCharactersOnly() {
        List<FieldError> trailing = JsonShape.check("{\"flag\": true} {\"flag\": false}"
                .getBytes(StandardCharsets.UTF_8), Outer.class).errors();
        assertThat(trailing).extracting(FieldError::message).singleElement().asString()
                .contains("more after the JSON document");
        assertThat(JsonShape.check("{\"flag\": true} x".getBytes(StandardCharsets.UTF_8), Outer.class).errors())
                .extracting(FieldError::field).containsExactly("body");
        assertThat(fields("{\"flag\": true}  \n")).as("whitespace after the document is fine").isEmpty();

        byte[] latin1 = "{\"inners\": [{\"name\": \"caf\u00e9\"}]}".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(JsonShape.check(latin1, Outer.class).errors()).extracting(FieldError::message).singleElement()
                .asString().contains("not valid UTF-8").contains("byte 25");

        assertThat(fields("{\"inners\": [{\"name\": \"a\\uD800b\"}]}")).containsExactly("inners[0].name");
        assertThat(fields("{\"inners\": [{\"name\": \"\\uDE00\"}]}")).containsExactly("inners[0].name");
        assertThat(fields("{\"inners\": [{\"name\": \"\\uD83C\\uDFB8 guitar\"}]}")).isEmpty();
        assertThat(fields("{\"inners\": [{\"name\": \"a\\u0000b\"}]}")).containsExactly("inners[0].name");
    }

    @Test
    void everyMisfitIsNamedWithItsPath() {
        assertThat(fields("{\"inners\": [{\"name\": 1}, {\"count\": 2.5}, {\"tags\": {\"k\": 3}}, {\"x\": 1}], "
                + "\"colour\": \"BLUE\", \"at\": \"tomorrow\", \"value\": \"1\", \"flag\": \"yes\", \"extra\": 0}"))
                .containsExactly("inners[0].name", "inners[1].count", "inners[2].tags.k", "inners[3].x",
                        "colour", "at", "value", "flag", "extra");
    }

    @Test
    void theRestOfADocumentStaysCheckableWithoutItsFaults() {
        JsonShape.Checked checked = JsonShape.check(("{\"inners\": [{\"name\": 1, \"count\": 2}, 7, {\"name\": \"b\"}], "
                + "\"value\": \"x\", \"flag\": true}").getBytes(StandardCharsets.UTF_8), Outer.class);

        assertThat(checked.errors()).extracting(FieldError::field)
                .containsExactly("inners[0].name", "inners[1]", "value");
        assertThat(checked.withoutFaults()).hasToString(
                "{\"inners\":[{\"count\":2},null,{\"name\":\"b\"}],\"flag\":true}");
        assertThat(checked.covers("inners[1].name")).isTrue();
        assertThat(checked.covers("inners[0].name")).isTrue();
        assertThat(checked.covers("inners[0].count")).isFalse();
        assertThat(checked.covers("inners[10]")).isFalse();
        assertThat(JsonShape.check("[1".getBytes(StandardCharsets.UTF_8), Outer.class).withoutFaults()).isNull();
    }

    @Test
    void malformedJsonGivesItsPosition() {
        List<FieldError> errors = JsonShape.check("{\"a\": \n [1, }".getBytes(StandardCharsets.UTF_8),
                Outer.class).errors();

        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("body");
            assertThat(e.message()).contains("line 2");
        });
    }

    @Test
    void theWrongTopLevelKindIsNamed() {
        assertThat(JsonShape.check("[1, 2]".getBytes(StandardCharsets.UTF_8), Outer.class).errors())
                .singleElement().satisfies(e -> assertThat(e.message()).isEqualTo("expected an object, got an array"));
    }
}
