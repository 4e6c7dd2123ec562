package org.recsys.interfaces.rest;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.recsys.application.InvalidInputException;

/**
 * Opaque cursors for keyset pagination: the position after the last element of a page and a check of it,
 * base64url-encoded so that clients treat it as a token rather than something to build. A cursor that was edited
 * or built by hand fails the check and is a 400 on {@code cursor}, never a page from somewhere else. The check
 * detects tampering and accidents; it is not a secret (positions are ids the caller may read anyway).
 */
public final class Cursors {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 1000;

    private Cursors() {
    }

    private static final char SEPARATOR = '\n';
    private static final int CHECK_CHARACTERS = 12;

    public static String encode(String position) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((position + SEPARATOR + check(position))
                .getBytes(StandardCharsets.UTF_8));
    }

    private static String check(String position) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(("recsys-cursor/1" + SEPARATOR + position).getBytes(StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest).substring(0, CHECK_CHARACTERS);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** The position in a cursor, or null for none. */
    public static String decode(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        String decoded;
        try {
            decoded = new String(Base64.getUrlDecoder().decode(cursor.strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw notOurs();
        }
        int split = decoded.lastIndexOf(SEPARATOR);
        if (split < 0 || !decoded.substring(split + 1).equals(check(decoded.substring(0, split)))) {
            throw notOurs();
        }
        return decoded.substring(0, split);
    }

    private static InvalidInputException notOurs() {
        return new InvalidInputException("cursor", "is not a cursor returned by this API; start without one and "
                + "follow each page's nextCursor");
    }

    /** The page size from a query parameter (kept a string so that "abc" is a 400, not JAX-RS's 404). */
    public static int limit(String text) {
        if (text == null || text.isBlank()) {
            return DEFAULT_LIMIT;
        }
        int limit;
        try {
            limit = Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("limit", "must be a whole number between 1 and " + MAX_LIMIT);
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidInputException("limit", "must be between 1 and " + MAX_LIMIT);
        }
        return limit;
    }
}
