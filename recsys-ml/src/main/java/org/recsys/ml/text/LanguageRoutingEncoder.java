package org.recsys.ml.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Sends CJK text to one encoder and everything else to another. The two encoders usually differ in dimension and
 * always in vector space, so use {@link #encodeTagged(String)} and keep vectors apart by tag; {@link #encode}
 * alone suits callers that only compare texts of one language. {@link #dimension()}, {@link #modelId()} and
 * {@link #modelVersion()} describe the default (non-CJK) encoder.
 */
public final class LanguageRoutingEncoder implements TextEncoder {

    private final TextEncoder defaultEncoder;
    private final TextEncoder cjkEncoder;

    /**
     * @param defaultEncoder encoder for non-CJK text
     * @param cjkEncoder     encoder for Chinese, Japanese or Korean text
     */
    public LanguageRoutingEncoder(TextEncoder defaultEncoder, TextEncoder cjkEncoder) {
        this.defaultEncoder = defaultEncoder;
        this.cjkEncoder = cjkEncoder;
    }

    /** The encoder that reads this text. */
    public TextEncoder route(String text) {
        return LanguageDetector.isCjk(text) ? cjkEncoder : defaultEncoder;
    }

    @Override
    public String modelId() {
        return defaultEncoder.modelId();
    }

    @Override
    public String modelVersion() {
        return defaultEncoder.modelVersion();
    }

    @Override
    public int dimension() {
        return defaultEncoder.dimension();
    }

    @Override
    public float[] encode(String text) {
        return route(text).encode(text);
    }

    @Override
    public TaggedVector encodeTagged(String text) {
        return route(text).encodeTagged(text);
    }

    /** Encodes and tags many texts, batching each language through its own encoder. */
    public List<TaggedVector> encodeAllTagged(List<String> texts) {
        List<String> cjk = new ArrayList<>();
        List<String> other = new ArrayList<>();
        boolean[] isCjk = new boolean[texts.size()];
        for (int i = 0; i < texts.size(); i++) {
            isCjk[i] = LanguageDetector.isCjk(texts.get(i));
            (isCjk[i] ? cjk : other).add(texts.get(i));
        }
        List<float[]> cjkVectors = cjk.isEmpty() ? List.of() : cjkEncoder.encodeAll(cjk);
        List<float[]> otherVectors = other.isEmpty() ? List.of() : defaultEncoder.encodeAll(other);
        List<TaggedVector> out = new ArrayList<>(texts.size());
        int c = 0;
        int o = 0;
        for (int i = 0; i < texts.size(); i++) {
            out.add(isCjk[i] ? new TaggedVector(cjkEncoder.tag(), cjkVectors.get(c++))
                    : new TaggedVector(defaultEncoder.tag(), otherVectors.get(o++)));
        }
        return out;
    }

    @Override
    public List<float[]> encodeAll(List<String> texts) {
        List<float[]> out = new ArrayList<>(texts.size());
        for (TaggedVector tagged : encodeAllTagged(texts)) {
            out.add(tagged.vector());
        }
        return out;
    }
}
