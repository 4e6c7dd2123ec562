package org.recsys.domain.model.shared;

import java.util.regex.Pattern;

/**
 * Rules for the ids that partner systems choose for users and items. Ids travel in URL paths, so they are limited to
 * characters that need no escaping there.
 */
public final class Identifiers {

    public static final int MAX_LENGTH = 128;
    public static final String PATTERN = "[A-Za-z0-9._:@+-]{1," + MAX_LENGTH + "}";
    public static final String RULE = "1-" + MAX_LENGTH + " characters from A-Z a-z 0-9 . _ : @ + -";

    private static final Pattern COMPILED = Pattern.compile(PATTERN);

    private Identifiers() {
    }

    /** Valid ids match {@link #PATTERN} and are not the path segments {@code .} or {@code ..}. */
    public static boolean isValid(String id) {
        return id != null && COMPILED.matcher(id).matches() && !id.equals(".") && !id.equals("..");
    }
}
