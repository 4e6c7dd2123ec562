package org.recsys.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.recsys.domain.model.experiment.StrategyStats;
import org.recsys.domain.model.experiment.StrategyStatsRepository;

@ApplicationScoped
public class JpaStrategyStatsRepository implements StrategyStatsRepository {

    @PersistenceContext(unitName = "recsys")
    EntityManager em;

    protected JpaStrategyStatsRepository() {
    }

    /** For use outside the container. */
    public JpaStrategyStatsRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public List<StrategyStats> findAll() {
        return em.createQuery("select s from StrategyStats s order by s.strategy", StrategyStats.class)
                .getResultList();
    }

    @Override
    public void add(String strategy, long impressions, long positives) {
        int updated = em.createQuery("update StrategyStats s set s.impressions = s.impressions + :impressions, "
                        + "s.positives = s.positives + :positives where s.strategy = :strategy")
                .setParameter("impressions", impressions).setParameter("positives", positives)
                .setParameter("strategy", strategy).executeUpdate();
        if (updated == 0) {
            em.persist(new StrategyStats(strategy, impressions, positives));
            em.flush();
        }
    }
}
