package org.recsys.domain.model.experiment;

import java.util.List;

/** Strategy counters, advanced in the transactions that show lists and record feedback. */
public interface StrategyStatsRepository {

    List<StrategyStats> findAll();

    /** Adds to a strategy's counters, creating its row on first use. */
    void add(String strategy, long impressions, long positives);
}
