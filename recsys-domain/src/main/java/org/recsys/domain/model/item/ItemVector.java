package org.recsys.domain.model.item;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import org.recsys.domain.model.shared.Timestamps;
import org.recsys.domain.model.shared.VectorBytes;

/**
 * An item's text as a vector of one encoder. The hash of the text it was made from tells whether it is still
 * current; the encoder tag tells whether a change of encoder needs it made again.
 */
@Entity
@Table(name = "item_vector")
public class ItemVector {

    @Id
    @Column(name = "item_id")
    private String itemId;

    @Column(nullable = false)
    private String encoder;

    @Column(name = "text_hash", nullable = false)
    private String textHash;

    @Column(nullable = false)
    private byte[] vector;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected ItemVector() {
    }

    public ItemVector(String itemId, String encoder, String textHash, float[] vector, Instant now) {
        this.itemId = Objects.requireNonNull(itemId);
        replace(encoder, textHash, vector, now);
    }

    public final void replace(String newEncoder, String newTextHash, float[] newVector, Instant now) {
        this.encoder = Objects.requireNonNull(newEncoder);
        this.textHash = Objects.requireNonNull(newTextHash);
        this.vector = VectorBytes.encode(newVector);
        this.updatedAt = Timestamps.stored(now);
    }

    /** SHA-256 of a text, hex. */
    public static String hash(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public boolean isCurrent(String activeEncoder, String currentTextHash) {
        return encoder.equals(activeEncoder) && textHash.equals(currentTextHash);
    }

    public String itemId() {
        return itemId;
    }

    public String encoder() {
        return encoder;
    }

    public String textHash() {
        return textHash;
    }

    public float[] vector() {
        return VectorBytes.decode(vector);
    }
}
