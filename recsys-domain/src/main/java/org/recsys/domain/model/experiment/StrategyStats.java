package org.recsys.domain.model.experiment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** What one ranking strategy has shown and earned so far. */
@Entity
@Table(name = "strategy_stats")
public class StrategyStats {

    @Id
    private String strategy;

    @Column(nullable = false)
    private long impressions;

    @Column(nullable = false)
    private long positives;

    protected StrategyStats() {
    }

    public StrategyStats(String strategy, long impressions, long positives) {
        this.strategy = strategy;
        this.impressions = impressions;
        this.positives = positives;
    }

    public String strategy() {
        return strategy;
    }

    public long impressions() {
        return impressions;
    }

    public long positives() {
        return positives;
    }
}
