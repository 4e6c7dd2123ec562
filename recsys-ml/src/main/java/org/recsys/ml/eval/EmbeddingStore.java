package org.recsys.ml.eval;

import org.recsys.ml.text.TextEncoder;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Disk cache of text embeddings for the evaluation harness: one append-only file per encoder (named after its
 * tag), holding (64-bit text hash, vector) records, so that re-running an evaluation does not re-encode
 * thousands of reviews. Not for the server (which stores vectors in its database).
 */
public final class EmbeddingStore {

    private final TextEncoder encoder;
    private final Path file;
    private final Map<Long, float[]> vectors = new HashMap<>();

    /**
     * @param encoder   the encoder whose vectors are cached
     * @param directory folder for the cache file, created when missing
     */
    public EmbeddingStore(TextEncoder encoder, Path directory) {
        this.encoder = encoder;
        try {
            Files.createDirectories(directory);
            this.file = directory.resolve(encoder.tag().toString().replaceAll("[^A-Za-z0-9._-]", "_") + ".vec");
            load();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void load() throws IOException {
        if (!Files.exists(file)) {
            return;
        }
        int dimension = encoder.dimension();
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            while (true) {
                long hash;
                try {
                    hash = in.readLong();
                } catch (EOFException end) {
                    break;
                }
                float[] vector = new float[dimension];
                try {
                    for (int d = 0; d < dimension; d++) {
                        vector[d] = in.readFloat();
                    }
                } catch (EOFException truncated) {
                    break; // an interrupted write leaves a partial record at the end
                }
                vectors.put(hash, vector);
            }
        }
    }

    /** 64-bit FNV-1a hash of the text. */
    public static long hash(String text) {
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < text.length(); i++) {
            hash ^= text.charAt(i);
            hash *= 0x100000001b3L;
        }
        return hash ^ ((long) text.length() << 48);
    }

    /** Vectors for all texts, encoding (in batches) and persisting only those not cached yet. */
    public synchronized List<float[]> encodeAll(List<String> texts) {
        List<String> missing = new ArrayList<>();
        Map<Long, Boolean> queued = new HashMap<>();
        for (String text : texts) {
            long h = hash(text);
            if (!vectors.containsKey(h) && queued.putIfAbsent(h, Boolean.TRUE) == null) {
                missing.add(text);
            }
        }
        int batch = 256;
        for (int from = 0; from < missing.size(); from += batch) {
            List<String> part = missing.subList(from, Math.min(missing.size(), from + batch));
            List<float[]> encoded = encoder.encodeAll(part);
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND), 1 << 16))) {
                for (int j = 0; j < part.size(); j++) {
                    long h = hash(part.get(j));
                    vectors.put(h, encoded.get(j));
                    out.writeLong(h);
                    for (float v : encoded.get(j)) {
                        out.writeFloat(v);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        List<float[]> out = new ArrayList<>(texts.size());
        for (String text : texts) {
            out.add(vectors.get(hash(text)));
        }
        return out;
    }

    /** Number of vectors found on disk or encoded so far. */
    public synchronized int size() {
        return vectors.size();
    }

    /** The encoder behind the store. */
    public TextEncoder encoder() {
        return encoder;
    }
}
