package org.recsys.domain.model.erasure;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import org.recsys.domain.model.shared.Timestamps;

/**
 * A user was erased whose star ratings stored rating models may hold (as per-user factors). Complete once a rating
 * model trained after it serves and every older rating version's payload is deleted. Names no user.
 */
@Entity
@Table(name = "erasure_request")
public class ErasureRequest {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "erasure_request_seq")
    @SequenceGenerator(name = "erasure_request_seq", sequenceName = "erasure_request_seq", allocationSize = 1)
    private Long id;

    @Column(name = "requested_at", nullable = false)
    private Instant requestedAt;

    @Column(name = "completed_at")
    private Instant completedAt;

    protected ErasureRequest() {
    }

    public ErasureRequest(Instant requestedAt) {
        this.requestedAt = Timestamps.stored(Objects.requireNonNull(requestedAt));
    }

    public Long id() {
        return id;
    }

    public Instant requestedAt() {
        return requestedAt;
    }

    public Instant completedAt() {
        return completedAt;
    }

    public void complete(Instant at) {
        completedAt = Timestamps.stored(at);
    }
}
