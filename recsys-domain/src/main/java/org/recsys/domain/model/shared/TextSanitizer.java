package org.recsys.domain.model.shared;

import java.util.regex.Pattern;

/**
 * Cleans user-written text for storage and encoding: the common HTML entities decoded, HTML tags out, control
 * characters (other than line breaks and tabs) out, runs of spaces collapsed. Applying it twice changes nothing.
 */
public final class TextSanitizer {

    /** A tag starts with a letter, '/' or '!' after '<', so that "I <3 it" and "a < b" survive. */
    private static final Pattern TAG = Pattern.compile("<[/!]?[a-zA-Z][^<>]{0,500}>");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\n\\t]]|[\\u200B\\uFEFF]");
    private static final Pattern SPACES = Pattern.compile("[ \\t]{2,}");

    private TextSanitizer() {
    }

    /** The cleaned text; null stays null. */
    public static String clean(String text) {
        if (text == null) {
            return null;
        }
        // Entities first, so that escaped markup goes too and a second pass finds nothing to do.
        String cleaned = text.replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&apos;", "'").replace("&amp;", "&");
        cleaned = TAG.matcher(cleaned).replaceAll(" ");
        cleaned = CONTROL.matcher(cleaned).replaceAll("");
        return SPACES.matcher(cleaned).replaceAll(" ").strip();
    }
}
