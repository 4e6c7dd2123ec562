package org.recsys.interfaces.rest;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.recsys.application.InvalidInputException;

/**
 * Reads query parameters kept as strings, so that a bad value is a 400 naming the parameter rather than the 404 that
 * JAX-RS gives when it cannot convert one.
 */
public final class QueryParameters {

    private QueryParameters() {
    }

    public static int count(String text, int defaultValue, int max, String name) {
        if (text == null || text.isBlank()) {
            return defaultValue;
        }
        try {
            int value = Integer.parseInt(text.strip());
            if (value >= 1 && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidInputException(name, "must be a whole number between 1 and " + max);
    }

    public static boolean flag(String text, boolean defaultValue, String name) {
        if (text == null || text.isBlank()) {
            return defaultValue;
        }
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default -> throw new InvalidInputException(name, "must be true or false");
        };
    }

    /** Repeated parameters and comma-separated values alike ({@code ?x=a,b&x=c}). */
    public static Set<String> list(List<String> values, int max, String name) {
        Set<String> all = new LinkedHashSet<>();
        if (values != null) {
            for (String value : values) {
                for (String part : value.split(",")) {
                    if (!part.isBlank()) {
                        all.add(part.strip());
                    }
                }
            }
        }
        if (all.size() > max) {
            throw new InvalidInputException(name, "may list at most " + max + " values");
        }
        return all;
    }
}
