package org.recsys.application.profile;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Splits what a user writes about their taste into statements that move the profile towards something ("more jazz
 * guitar") or away from it ("no cables", "fewer books"). The clause keeps its words; the encoder reads it.
 */
final class PreferenceText {

    /** One clause and the direction it pulls: +1 towards, -1 away. */
    record Clause(String text, double weight) {
    }

    private static final Pattern SPLIT = Pattern.compile("[,;.!?\\n]+|\\s+(?:but|and not|except)\\s+");
    private static final Pattern NEGATIVE = Pattern.compile("^(?:no|not|none|less|fewer|without|never|stop|"
            + "don'?t|do not|hate|avoid|dislike|nothing)\\b.*");
    private static final Pattern LEADING_POSITIVE = Pattern.compile("^(?:more|some|lots of|i (?:love|like|want))\\s+");
    private static final Pattern LEADING_NEGATIVE = Pattern.compile("^(?:no|not|none|less|fewer|without|never|stop|"
            + "don'?t|do not|hate|avoid|dislike|nothing)(?:\\s+(?:more|any|like|want))?\\s+");

    private PreferenceText() {
    }

    static List<Clause> clauses(String text) {
        List<Clause> clauses = new ArrayList<>();
        for (String part : SPLIT.split(text)) {
            String clause = part.strip().toLowerCase(Locale.ROOT);
            if (clause.isEmpty()) {
                continue;
            }
            boolean negative = NEGATIVE.matcher(clause).matches();
            String subject = negative ? LEADING_NEGATIVE.matcher(clause).replaceFirst("")
                    : LEADING_POSITIVE.matcher(clause).replaceFirst("");
            if (!subject.isBlank()) {
                clauses.add(new Clause(subject, negative ? -1 : 1));
            }
        }
        return clauses;
    }
}
