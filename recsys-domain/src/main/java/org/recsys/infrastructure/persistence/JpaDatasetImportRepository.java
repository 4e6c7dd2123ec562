package org.recsys.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import org.recsys.domain.model.dataimport.DatasetImport;
import org.recsys.domain.model.dataimport.DatasetImportRepository;
import org.recsys.domain.model.dataimport.RejectedLine;

@ApplicationScoped
public class JpaDatasetImportRepository implements DatasetImportRepository {

    @PersistenceContext(unitName = "recsys")
    EntityManager em;

    protected JpaDatasetImportRepository() {
    }

    /** For use outside the container. */
    public JpaDatasetImportRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public Optional<DatasetImport> find(long id) {
        return Optional.ofNullable(em.find(DatasetImport.class, id));
    }

    @Override
    public void store(DatasetImport datasetImport) {
        if (!em.contains(datasetImport)) {
            em.persist(datasetImport);
        }
    }

    @Override
    public void addCounts(long importId, long read, long stored, long rejected) {
        em.createQuery("update DatasetImport d set d.rowsRead = d.rowsRead + :read, "
                        + "d.rowsStored = d.rowsStored + :stored, d.rowsRejected = d.rowsRejected + :rejected "
                        + "where d.id = :id")
                .setParameter("read", read).setParameter("stored", stored).setParameter("rejected", rejected)
                .setParameter("id", importId).executeUpdate();
    }

    @Override
    public void keepRejected(long importId, List<RejectedLine> lines) {
        long kept = em.createQuery("select count(r) from RejectedLine r where r.importId = :id", Long.class)
                .setParameter("id", importId).getSingleResult();
        for (RejectedLine line : lines) {
            if (kept++ >= RejectedLine.KEPT_PER_IMPORT) {
                return;
            }
            em.persist(line);
        }
    }

    @Override
    public List<RejectedLine> rejectedLines(long importId, int limit) {
        return em.createQuery("select r from RejectedLine r where r.importId = :id order by r.id", RejectedLine.class)
                .setParameter("id", importId).setMaxResults(limit).getResultList();
    }
}
