package org.recsys.domain.model.feedback;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import org.recsys.domain.model.shared.Timestamps;

/**
 * One piece of feedback. Immutable once stored: corrections are new events. References user and item by id so that
 * bulk ingestion never loads either.
 */
@Entity
@Table(name = "feedback_event")
public class FeedbackEvent {

    /** Matches the migration's INCREMENT BY so that ids come from memory between sequence calls. */
    static final int ID_ALLOCATION = 500;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "feedback_event_seq")
    @SequenceGenerator(name = "feedback_event_seq", sequenceName = "feedback_event_seq",
            allocationSize = ID_ALLOCATION)
    private Long id;

    @Column(name = "user_id", nullable = false)
    private String userId;

    @Column(name = "item_id", nullable = false)
    private String itemId;

    @Enumerated(EnumType.STRING)
    @Column(name = "feedback_type", nullable = false)
    private FeedbackType type;

    @Column(name = "event_value")
    private Double value;

    @Column(name = "event_text")
    private String text;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Column(name = "received_at", nullable = false)
    private Instant receivedAt;

    @Column(name = "recommendation_id")
    private String recommendationId;

    @Column(name = "idempotency_key")
    private String idempotencyKey;

    @Column(nullable = false)
    private String source;

    /** Whose idempotency key this is: the id of the API key that sent the event, '' for imports. */
    @Column(name = "key_owner", nullable = false)
    private String keyOwner;

    protected FeedbackEvent() {
    }

    public FeedbackEvent(NewFeedback feedback, String source, Instant receivedAt) {
        this(feedback, source, "", receivedAt);
    }

    public FeedbackEvent(NewFeedback feedback, String source, String keyOwner, Instant receivedAt) {
        this.userId = Objects.requireNonNull(feedback.userId());
        this.itemId = Objects.requireNonNull(feedback.itemId());
        this.type = Objects.requireNonNull(feedback.type());
        this.value = feedback.value();
        this.text = feedback.text();
        this.occurredAt = Timestamps.stored(feedback.occurredAt() == null ? receivedAt : feedback.occurredAt());
        this.receivedAt = Timestamps.stored(receivedAt);
        this.recommendationId = feedback.recommendationId();
        this.idempotencyKey = feedback.idempotencyKey();
        this.source = Objects.requireNonNull(source);
        this.keyOwner = Objects.requireNonNull(keyOwner);
    }

    public String keyOwner() {
        return keyOwner;
    }

    public Long id() {
        return id;
    }

    public String userId() {
        return userId;
    }

    public String itemId() {
        return itemId;
    }

    public FeedbackType type() {
        return type;
    }

    public Double value() {
        return value;
    }

    public String text() {
        return text;
    }

    public Instant occurredAt() {
        return occurredAt;
    }

    public Instant receivedAt() {
        return receivedAt;
    }

    public String recommendationId() {
        return recommendationId;
    }

    public String idempotencyKey() {
        return idempotencyKey;
    }

    public String source() {
        return source;
    }
}
