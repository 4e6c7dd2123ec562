package org.recsys.application;

/**
 * One problem with one field of a request. {@code field} is a path such as {@code events[3].itemId}.
 */
public record FieldError(String field, String message) {

    public FieldError withPrefix(String prefix) {
        return new FieldError(prefix + (field.isEmpty() || field.startsWith("[") ? "" : ".") + field, message);
    }
}
