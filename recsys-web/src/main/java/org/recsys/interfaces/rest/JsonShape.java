package org.recsys.interfaces.rest;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.io.ByteArrayInputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.recsys.application.FieldError;

/**
 * Checks a JSON body against the record type it should bind to and lists what does not fit: malformed JSON with its
 * position, unknown fields, and wrong types, each with the path of the field at fault ({@code events[3].value}).
 * JSON-B would report only the first failure, without array indexes, and would quietly turn numbers into strings;
 * partners sending ten thousand events need to know which ones are wrong.
 */
final class JsonShape {

    private static final int MAX_ERRORS = 100;

    private JsonShape() {
    }

    /**
     * What the check found: the errors, and the document as parsed ({@code null} when it could not be read), so that
     * the rest of it can still be checked.
     */
    record Checked(List<FieldError> errors, JsonValue document) {

        /**
         * The document without the fields at fault (an element of the wrong type becomes {@code null}), for binding
         * and checking the rest; {@code null} when the document as a whole is at fault.
         */
        JsonValue withoutFaults() {
            Set<String> faults = errors.stream().map(FieldError::field).collect(Collectors.toSet());
            return document == null || faults.contains("body") ? null : without(document, faults, "");
        }

        /** Whether a field lies at or under a field at fault (its errors would only repeat the fault). */
        boolean covers(String field) {
            return errors.stream().map(FieldError::field).anyMatch(fault -> field.equals(fault)
                    || field.startsWith(fault + ".") || field.startsWith(fault + "["));
        }
    }

    static Checked check(byte[] body, Type target) {
        Optional<FieldError> encoding = notUtf8(body);
        if (encoding.isPresent()) {
            return new Checked(List.of(encoding.get()), null);
        }
        JsonValue value;
        try (var parser = Json.createParser(new ByteArrayInputStream(body))) {
            parser.next();
            value = parser.getValue();
            // One document per body: anything after it would be silently dropped.
            boolean trailing;
            try {
                trailing = parser.hasNext();
            } catch (JsonParsingException e) {
                trailing = true;
            }
            if (trailing) {
                var at = parser.getLocation();
                return new Checked(List.of(new FieldError("body", "has more after the JSON document"
                        + (at == null ? "" : " (line " + at.getLineNumber() + ", column " + at.getColumnNumber()
                        + ")") + "; send one document")), null);
            }
        } catch (JsonParsingException e) {
            var at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNumber() + ", column " + at.getColumnNumber();
            return new Checked(List.of(new FieldError("body", "is not valid JSON" + where)), null);
        } catch (RuntimeException e) {
            return new Checked(List.of(new FieldError("body", "is not valid JSON")), null);
        }
        List<FieldError> errors = new ArrayList<>();
        unpairedSurrogates(value, "", errors);
        if (!errors.isEmpty()) {
            return new Checked(errors, null);
        }
        walk(value, target, "", errors);
        return new Checked(errors, value);
    }

    private static JsonValue without(JsonValue value, Set<String> faults, String path) {
        if (value instanceof JsonObject object) {
            var kept = Json.createObjectBuilder();
            object.forEach((key, child) -> {
                String at = path.isEmpty() ? key : path + "." + key;
                if (!faults.contains(at)) {
                    kept.add(key, without(child, faults, at));
                }
            });
            return kept.build();
        }
        if (value instanceof JsonArray array) {
            var kept = Json.createArrayBuilder();
            for (int i = 0; i < array.size(); i++) {
                String at = path + "[" + i + "]";
                kept.add(faults.contains(at) ? JsonValue.NULL : without(array.get(i), faults, at));
            }
            return kept.build();
        }
        return value;
    }

    /** The body as strict UTF-8: a malformed byte is an error naming its offset, never a replacement character. */
    private static Optional<FieldError> notUtf8(byte[] body) {
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(body);
        CharBuffer out = CharBuffer.allocate(Math.max(16, body.length));
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            return Optional.of(new FieldError("body", "is not valid UTF-8 (byte " + in.position() + ")"));
        }
        return Optional.empty();
    }

    /** Strings (names and values) with half of a surrogate pair, e.g. an escaped lone \\uD800, cannot be stored. */
    private static void unpairedSurrogates(JsonValue value, String path, List<FieldError> errors) {
        if (errors.size() >= MAX_ERRORS) {
            return;
        }
        if (value instanceof JsonString text && !wellFormed(text.getString())) {
            errors.add(new FieldError(path.isEmpty() ? "body" : path, "contains half of a UTF-16 surrogate pair"));
        } else if (value instanceof JsonString text && text.getString().indexOf('\u0000') >= 0) {
            // No database stores a NUL in text (PostgreSQL refuses it): refused here rather than failing there.
            errors.add(new FieldError(path.isEmpty() ? "body" : path, "contains a NUL character (\\u0000)"));
        } else if (value instanceof JsonObject object) {
            object.forEach((key, child) -> {
                String at = path.isEmpty() ? key : path + "." + key;
                if (!wellFormed(key) || key.indexOf('\u0000') >= 0) {
                    errors.add(new FieldError(path.isEmpty() ? "body" : path,
                            "has a field name with half of a UTF-16 surrogate pair"));
                } else {
                    unpairedSurrogates(child, at, errors);
                }
            });
        } else if (value instanceof JsonArray array) {
            for (int i = 0; i < array.size(); i++) {
                unpairedSurrogates(array.get(i), path + "[" + i + "]", errors);
            }
        }
    }

    static boolean wellFormed(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    private static void walk(JsonValue value, Type type, String path, List<FieldError> errors) {
        if (errors.size() >= MAX_ERRORS || value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return;
        }
        Class<?> raw = rawClass(type);
        if (raw.isRecord()) {
            if (!(value instanceof JsonObject object)) {
                errors.add(error(path, "expected an object, got " + describe(value)));
                return;
            }
            Map<String, RecordComponent> components = Arrays.stream(raw.getRecordComponents())
                    .collect(Collectors.toMap(RecordComponent::getName, c -> c));
            for (var entry : object.entrySet()) {
                RecordComponent component = components.get(entry.getKey());
                String child = path.isEmpty() ? entry.getKey() : path + "." + entry.getKey();
                if (component == null) {
                    errors.add(new FieldError(child, "is not a known field; known fields: "
                            + components.keySet().stream().sorted().toList()));
                } else {
                    walk(entry.getValue(), component.getGenericType(), child, errors);
                }
            }
        } else if (List.class.isAssignableFrom(raw) || Set.class.isAssignableFrom(raw)) {
            if (!(value instanceof JsonArray array)) {
                errors.add(error(path, "expected an array, got " + describe(value)));
                return;
            }
            Type element = typeArgument(type, 0);
            for (int i = 0; i < array.size(); i++) {
                walk(array.get(i), element, path + "[" + i + "]", errors);
            }
        } else if (Map.class.isAssignableFrom(raw)) {
            if (!(value instanceof JsonObject object)) {
                errors.add(error(path, "expected an object, got " + describe(value)));
                return;
            }
            Type element = typeArgument(type, 1);
            object.forEach((key, v) -> walk(v, element, path + "." + key, errors));
        } else if (raw == String.class) {
            expect(value, JsonValue.ValueType.STRING, "a string", path, errors);
        } else if (raw == Boolean.class || raw == boolean.class) {
            if (value != JsonValue.TRUE && value != JsonValue.FALSE) {
                errors.add(error(path, "expected true or false, got " + describe(value)));
            }
        } else if (Number.class.isAssignableFrom(raw) || raw.isPrimitive()) {
            checkNumber(value, raw, path, errors);
        } else if (raw.isEnum()) {
            List<String> names = Arrays.stream(raw.getEnumConstants()).map(c -> ((Enum<?>) c).name()).toList();
            if (!(value instanceof JsonString text) || !names.contains(text.getString())) {
                errors.add(error(path, "must be one of " + names + ", got " + describe(value)));
            }
        } else if (raw == Instant.class) {
            checkInstant(value, path, errors);
        }
    }

    private static void checkNumber(JsonValue value, Class<?> raw, String path, List<FieldError> errors) {
        if (!(value instanceof JsonNumber number)) {
            errors.add(error(path, "expected a number, got " + describe(value)));
            return;
        }
        boolean integral = raw == Integer.class || raw == int.class || raw == Long.class || raw == long.class;
        if (integral && !number.isIntegral()) {
            errors.add(error(path, "expected a whole number, got " + number));
        }
    }

    private static void checkInstant(JsonValue value, String path, List<FieldError> errors) {
        if (!(value instanceof JsonString text)) {
            errors.add(error(path, "expected an ISO-8601 instant such as 2026-01-31T12:00:00Z, got "
                    + describe(value)));
            return;
        }
        try {
            Instant.parse(text.getString());
        } catch (DateTimeParseException e) {
            errors.add(error(path, "expected an ISO-8601 instant such as 2026-01-31T12:00:00Z, got "
                    + describe(value)));
        }
    }

    private static void expect(JsonValue value, JsonValue.ValueType expected, String name, String path,
                               List<FieldError> errors) {
        if (value.getValueType() != expected) {
            errors.add(error(path, "expected " + name + ", got " + describe(value)));
        }
    }

    private static FieldError error(String path, String message) {
        return new FieldError(path.isEmpty() ? "body" : path, message);
    }

    private static String describe(JsonValue value) {
        return switch (value.getValueType()) {
            case OBJECT -> "an object";
            case ARRAY -> "an array";
            case STRING -> "the string " + quoted(((JsonString) value).getString());
            case NUMBER -> "a number";
            case TRUE, FALSE -> "a boolean";
            case NULL -> "null";
        };
    }

    private static String quoted(String text) {
        return "\"" + (text.length() > 40 ? text.substring(0, 40) + "..." : text) + "\"";
    }

    private static Class<?> rawClass(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        return Object.class;
    }

    private static Type typeArgument(Type type, int index) {
        return type instanceof ParameterizedType p ? p.getActualTypeArguments()[index] : Object.class;
    }
}
