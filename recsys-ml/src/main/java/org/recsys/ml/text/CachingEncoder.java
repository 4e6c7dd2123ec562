package org.recsys.ml.text;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A bounded least-recently-used cache in front of another encoder, keyed by a 64-bit hash of the text (not the
 * text itself, so long reviews cost 8 bytes of key). Two different texts sharing a 64-bit hash is not a practical
 * concern at cache sizes below billions. Thread-safe; the lock is held only for map operations, never while
 * encoding. Returned arrays are copies, so callers may modify them.
 */
public final class CachingEncoder implements TextEncoder {

    private final TextEncoder delegate;
    private final int capacity;
    private final LinkedHashMap<Long, float[]> cache;
    private long hits;
    private long misses;

    /**
     * @param delegate encoder doing the work
     * @param capacity maximum number of cached vectors (each about {@code 4 * dimension + 80} bytes)
     */
    public CachingEncoder(TextEncoder delegate, int capacity) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        this.delegate = delegate;
        this.capacity = capacity;
        this.cache = new LinkedHashMap<>(Math.min(capacity, 1 << 16), 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, float[]> eldest) {
                return size() > CachingEncoder.this.capacity;
            }
        };
    }

    /** 64-bit FNV-1a over the UTF-16 code units, mixed with the length. */
    static long hash(String text) {
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < text.length(); i++) {
            hash ^= text.charAt(i);
            hash *= 0x100000001b3L;
        }
        return hash ^ ((long) text.length() << 48);
    }

    @Override
    public String modelId() {
        return delegate.modelId();
    }

    @Override
    public String modelVersion() {
        return delegate.modelVersion();
    }

    @Override
    public int dimension() {
        return delegate.dimension();
    }

    @Override
    public float[] encode(String text) {
        String key = text == null ? "" : text;
        long hash = hash(key);
        float[] cached = lookup(hash);
        if (cached != null) {
            return cached.clone();
        }
        float[] vector = delegate.encode(key);
        store(hash, vector);
        return vector.clone();
    }

    @Override
    public List<float[]> encodeAll(List<String> texts) {
        float[][] result = new float[texts.size()][];
        List<String> missing = new ArrayList<>();
        List<Integer> missingAt = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            String text = texts.get(i) == null ? "" : texts.get(i);
            float[] cached = lookup(hash(text));
            if (cached != null) {
                result[i] = cached.clone();
            } else {
                missing.add(text);
                missingAt.add(i);
            }
        }
        if (!missing.isEmpty()) {
            List<float[]> encoded = delegate.encodeAll(missing);
            for (int j = 0; j < missing.size(); j++) {
                store(hash(missing.get(j)), encoded.get(j));
                result[missingAt.get(j)] = encoded.get(j).clone();
            }
        }
        return List.of(result);
    }

    private synchronized float[] lookup(long hash) {
        float[] vector = cache.get(hash);
        if (vector != null) {
            hits++;
        } else {
            misses++;
        }
        return vector;
    }

    private synchronized void store(long hash, float[] vector) {
        cache.put(hash, vector.clone());
    }

    /** Number of cached vectors. */
    public synchronized int size() {
        return cache.size();
    }

    /** Lookups answered from the cache. */
    public synchronized long hits() {
        return hits;
    }

    /** Lookups that had to encode. */
    public synchronized long misses() {
        return misses;
    }
}
