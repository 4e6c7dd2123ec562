package org.recsys.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.List;
import java.util.Optional;
import org.recsys.domain.model.registry.ModelKind;
import org.recsys.domain.model.registry.ModelStatus;
import org.recsys.domain.model.registry.ModelVersion;
import org.recsys.domain.model.registry.ModelVersionRepository;

@ApplicationScoped
public class JpaModelVersionRepository implements ModelVersionRepository {

    @PersistenceContext(unitName = "recsys")
    EntityManager em;

    protected JpaModelVersionRepository() {
    }

    /** For use outside the container. */
    public JpaModelVersionRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public void store(ModelVersion version, byte[] artifact) {
        em.persist(version);
        em.flush();
        em.createNativeQuery("insert into model_artifact (version, payload) values (?1, ?2)")
                .setParameter(1, version.version()).setParameter(2, artifact).executeUpdate();
    }

    @Override
    public Optional<ModelVersion> find(String version) {
        return Optional.ofNullable(em.find(ModelVersion.class, version));
    }

    @Override
    public Optional<ModelVersion> activeForUpdate(ModelKind kind) {
        return activeQuery(kind).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultStream().findFirst();
    }

    @Override
    public void retire(ModelVersion active, String why) {
        active.retire(why);
        em.flush();
    }

    @Override
    public Optional<ModelVersion> active(ModelKind kind) {
        return activeQuery(kind).getResultStream().findFirst();
    }

    private TypedQuery<ModelVersion> activeQuery(ModelKind kind) {
        return em.createQuery("select v from ModelVersion v where v.kind = :kind and v.status = :status",
                        ModelVersion.class)
                .setParameter("kind", kind).setParameter("status", ModelStatus.ACTIVE);
    }

    @Override
    public List<ModelVersion> list(ModelKind kind, int limit) {
        TypedQuery<ModelVersion> query = kind == null
                ? em.createQuery("select v from ModelVersion v order by v.trainedAt desc, v.version desc",
                        ModelVersion.class)
                : em.createQuery("select v from ModelVersion v where v.kind = :kind "
                        + "order by v.trainedAt desc, v.version desc", ModelVersion.class).setParameter("kind", kind);
        return query.setMaxResults(limit).getResultList();
    }

    @Override
    public Optional<ModelVersion> previouslyActive(ModelKind kind) {
        return em.createQuery("select v from ModelVersion v where v.kind = :kind and v.status = :status "
                        + "and v.activatedAt is not null order by v.activatedAt desc", ModelVersion.class)
                .setParameter("kind", kind).setParameter("status", ModelStatus.RETIRED)
                .setMaxResults(1).getResultStream().findFirst();
    }

    @Override
    public Optional<byte[]> artifact(String version) {
        List<?> rows = em.createNativeQuery("select payload from model_artifact where version = ?1")
                .setParameter(1, version).getResultList();
        return rows.stream().findFirst().map(byte[].class::cast);
    }

    @Override
    public List<ModelVersion> withArtifact(ModelKind kind) {
        return em.createQuery("select v from ModelVersion v where v.kind = :kind and v.status <> :purged "
                        + "order by v.trainedAt, v.version", ModelVersion.class)
                .setParameter("kind", kind).setParameter("purged", ModelStatus.PURGED).getResultList();
    }

    @Override
    public void deleteArtifact(String version) {
        em.createNativeQuery("delete from model_artifact where version = ?1").setParameter(1, version)
                .executeUpdate();
    }
}
