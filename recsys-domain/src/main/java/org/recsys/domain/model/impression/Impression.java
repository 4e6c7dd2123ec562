package org.recsys.domain.model.impression;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.recsys.domain.model.shared.StringListConverter;
import org.recsys.domain.model.shared.Timestamps;

/** One answer to a recommendation request: which items, in which order, from which strategy. */
@Entity
@Table(name = "impression")
public class Impression {

    @Id
    @Column(name = "recommendation_id")
    private String recommendationId;

    @Column(name = "user_id", nullable = false)
    private String userId;

    @Convert(converter = StringListConverter.class)
    @Column(name = "item_ids")
    private List<String> itemIds = new ArrayList<>();

    @Column(nullable = false)
    private String strategy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Impression() {
    }

    public Impression(String recommendationId, String userId, List<String> itemIds, String strategy,
                      Instant createdAt) {
        this.recommendationId = Objects.requireNonNull(recommendationId);
        this.userId = Objects.requireNonNull(userId);
        this.itemIds = new ArrayList<>(itemIds);
        this.strategy = Objects.requireNonNull(strategy);
        this.createdAt = Timestamps.stored(Objects.requireNonNull(createdAt));
    }

    public String recommendationId() {
        return recommendationId;
    }

    public String userId() {
        return userId;
    }

    public List<String> itemIds() {
        return List.copyOf(itemIds);
    }

    /** 1-based position of the item in what was shown, or 0 when it was not shown. */
    public int positionOf(String itemId) {
        return itemIds.indexOf(itemId) + 1;
    }

    public String strategy() {
        return strategy;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
