package org.recsys.ml.interest;

import org.recsys.ml.text.LanguageDetector;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Extracts tag candidates from texts: English words (3+ letters) and adjacent word pairs with no stop word;
 * for CJK text, character bigrams and trigrams not starting or ending with a function character. Candidates
 * are ranked by how many texts contain them, then by total count.
 */
final class KeywordCandidates {

    private static final Set<String> ENGLISH_STOP_WORDS = Set.of(("a about above after again against all also am an "
            + "and any are aren as at be because been before being below between both but by can cannot could did "
            + "didn do does doesn doing don down during each even ever every few for from further get gets got had "
            + "has have having he her here hers herself him himself his how however i if in into is isn it its itself "
            + "just let like made make makes many me might more most much must my myself no nor not now of off on "
            + "once one only or other ought our ours ourselves out over own really same she should so some such than "
            + "that the their theirs them themselves then there these they thing things this those through to too "
            + "under until up upon us use used using very was wasn we well were weren what when where which while who "
            + "whom why will with without would wouldn yet you your yours yourself yourselves it's i'm i've don't "
            + "doesn't didn't can't won't isn't that's there's genres genre great good nice bought buy product "
            + "item amazon works work worked review stars star").split(" "));

    /** Characters that rarely start or end a meaningful Chinese phrase. */
    private static final String CJK_FUNCTION_CHARACTERS = "的了是在我有和就不人都一上也很到说要去你会着没看好这那他她它们"
            + "吧吗呢啊呀哦嘛么个之与及或而且但还又被把让给从对为以于其所些每该此些得地";

    private KeywordCandidates() {
    }

    /** Up to {@code limit} candidates from the texts, most widespread first. */
    static List<String> extract(List<String> texts, int limit) {
        Map<String, int[]> stats = new LinkedHashMap<>(); // candidate -> {documents, occurrences}
        for (String text : texts) {
            if (text == null || text.isBlank()) {
                continue;
            }
            Map<String, Integer> inThisText = new HashMap<>();
            if (LanguageDetector.isCjk(text)) {
                cjkCandidates(text, inThisText);
            } else {
                englishCandidates(text, inThisText);
            }
            inThisText.forEach((candidate, count) -> {
                int[] s = stats.computeIfAbsent(candidate, c -> new int[2]);
                s[0]++;
                s[1] += count;
            });
        }
        List<Map.Entry<String, int[]>> ranked = new ArrayList<>(stats.entrySet());
        ranked.sort((x, y) -> x.getValue()[0] != y.getValue()[0] ? y.getValue()[0] - x.getValue()[0]
                : y.getValue()[1] - x.getValue()[1]);
        List<String> out = new ArrayList<>(Math.min(limit, ranked.size()));
        for (int c = 0; c < ranked.size() && out.size() < limit; c++) {
            out.add(ranked.get(c).getKey());
        }
        return out;
    }

    private static void englishCandidates(String text, Map<String, Integer> out) {
        String[] words = text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}'-]+");
        String previous = null;
        for (String raw : words) {
            String word = strip(raw);
            boolean usable = word.length() >= 3 && !ENGLISH_STOP_WORDS.contains(word) && !isNumber(word);
            if (usable) {
                out.merge(word, 1, Integer::sum);
                if (previous != null) {
                    out.merge(previous + " " + word, 1, Integer::sum);
                }
                previous = word;
            } else {
                previous = null;
            }
        }
    }

    private static String strip(String word) {
        int from = 0;
        int to = word.length();
        while (from < to && (word.charAt(from) == '\'' || word.charAt(from) == '-')) {
            from++;
        }
        while (to > from && (word.charAt(to - 1) == '\'' || word.charAt(to - 1) == '-')) {
            to--;
        }
        String stripped = word.substring(from, to);
        return stripped.endsWith("'s") ? stripped.substring(0, stripped.length() - 2) : stripped;
    }

    private static boolean isNumber(String word) {
        for (int i = 0; i < word.length(); i++) {
            if (!Character.isDigit(word.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static void cjkCandidates(String text, Map<String, Integer> out) {
        StringBuilder run = new StringBuilder();
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : ' ';
            if (Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN) {
                run.append(c);
                continue;
            }
            for (int n = 2; n <= 3; n++) {
                for (int start = 0; start + n <= run.length(); start++) {
                    String gram = run.substring(start, start + n);
                    if (CJK_FUNCTION_CHARACTERS.indexOf(gram.charAt(0)) < 0
                            && CJK_FUNCTION_CHARACTERS.indexOf(gram.charAt(n - 1)) < 0) {
                        out.merge(gram, 1, Integer::sum);
                    }
                }
            }
            run.setLength(0);
        }
    }
}
