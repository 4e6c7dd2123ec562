package org.recsys.ml.text;

import java.util.List;

/**
 * Decides whether a text is Chinese (or another CJK script) by the share of CJK code points among its letters.
 * Deliberately simple: the only decision needed is which of two encoders reads the text.
 */
public final class LanguageDetector {

    /** Share of CJK letters above which a text counts as CJK. */
    public static final double CJK_SHARE = 0.3;

    private LanguageDetector() {
    }

    /** True when at least {@link #CJK_SHARE} of the letters are CJK ideographs, kana or hangul. */
    public static boolean isCjk(String text) {
        if (text == null) {
            return false;
        }
        int letters = 0;
        int cjk = 0;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            i += Character.charCount(codePoint);
            if (Character.isLetter(codePoint)) {
                letters++;
                if (isCjkCodePoint(codePoint)) {
                    cjk++;
                }
            }
        }
        return letters > 0 && cjk >= CJK_SHARE * letters;
    }

    /** True when most texts of a sample are CJK; used to pick one encoder for a whole corpus. */
    public static boolean mostlyCjk(List<String> sample) {
        int cjk = 0;
        for (String text : sample) {
            if (isCjk(text)) {
                cjk++;
            }
        }
        return cjk * 2 > sample.size();
    }

    static boolean isCjkCodePoint(int codePoint) {
        Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL;
    }
}
