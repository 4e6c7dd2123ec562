package org.recsys.application.models;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.recsys.application.ConflictException;
import org.recsys.application.Transactions;
import org.recsys.application.UnknownEntityException;
import org.recsys.domain.model.registry.ModelKind;
import org.recsys.domain.model.registry.ModelStatus;
import org.recsys.domain.model.registry.ModelVersion;
import org.recsys.domain.model.registry.ModelVersionRepository;
import org.recsys.infrastructure.cluster.ClusterCatchUp;
import org.recsys.infrastructure.cluster.ClusterMessage;
import org.recsys.infrastructure.cluster.RecsysCluster;
import org.recsys.ml.rating.RatingModel;
import org.recsys.ml.sentiment.SentimentModel;
import org.recsys.ml.topn.TopNModel;

/**
 * Keeps every trained model as a version and decides which one serves. A candidate goes live by itself only when it
 * beats the serving model on the same hold-out by the configured margin; operators can promote any version and roll
 * back to the one that served before. Every change of the active version reaches every member of the cluster, which
 * then loads that version from the database and serves it without a restart.
 */
@ApplicationScoped
public class ModelRegistry {

    private static final Logger LOG = Logger.getLogger(ModelRegistry.class.getName());

    /** Cluster message kind: the active version of a model kind changed. */
    static final String MODEL_ACTIVATED = "model-activated";

    @Inject
    ModelVersionRepository versions;
    @Inject
    ServingModels serving;
    @Inject
    Transactions transactions;
    @Inject
    RecsysCluster cluster;
    @Inject
    Event<ModelActivated> activated;
    /** One thread (server.xml): versions other members announced are loaded here, off the delivery thread. */
    @Resource(lookup = "concurrent/model-loading")
    ManagedExecutorService loader;

    /** Loads of one kind run one at a time, whoever starts them. */
    private final Map<ModelKind, Object> loading = new java.util.EnumMap<>(Map.of(ModelKind.RATING, new Object(),
            ModelKind.SENTIMENT, new Object(), ModelKind.TOPN, new Object()));

    /** Least hold-out RMSE gain (stars) for a rating candidate to replace the serving model by itself. */
    @Inject
    @ConfigProperty(name = "recsys.models.promotion-margin.rating", defaultValue = "0.005")
    double ratingMargin;
    /** Least hold-out macro-F1 gain for a sentiment candidate to replace the serving model by itself. */
    @Inject
    @ConfigProperty(name = "recsys.models.promotion-margin.sentiment", defaultValue = "0.005")
    double sentimentMargin;
    /** Least hold-out NDCG@10 gain for a top-N candidate to replace the serving model by itself. */
    @Inject
    @ConfigProperty(name = "recsys.models.promotion-margin.topn", defaultValue = "0.002")
    double topNMargin;

    Clock clock = Clock.systemUTC();

    /** A version whose activation was committed; observed after commit to tell the cluster. */
    public record ModelActivated(ModelKind kind, String version) {
    }

    /** What happened to a registered candidate, and why. */
    public record Registration(ModelVersion version, boolean promoted, String reason) {
    }

    /**
     * Stores a trained model as a new version and promotes it if it clearly beats the serving model. When no version
     * of the kind served, there is no row to lock: two members may then activate one each, the database takes the
     * first (one ACTIVE per kind) and the other is decided again against it.
     */
    public Registration register(TrainedModel<?> trained) {
        java.util.concurrent.atomic.AtomicBoolean retried = new java.util.concurrent.atomic.AtomicBoolean();
        return Transactions.retryingConcurrentInserts(transactions, () -> registerOnce(trained,
                retried.getAndSet(true)));
    }

    private Registration registerOnce(TrainedModel<?> trained, boolean retried) {
        ModelVersion version = stored(trained);
        Optional<ModelVersion> active = versions.activeForUpdate(trained.kind());
        // A retry means another member's first version went live meanwhile, measured against nothing, as this one
        // was: neither is known to be better, so the one serving stays.
        Decision decision = retried && active.isPresent()
                ? new Decision(false, "another " + trained.kind().id() + " model (" + active.get().version()
                        + ") went live while this one was registered; promote this one by hand to serve it")
                : decide(trained.kind(), trained.candidate().metrics(), active.map(ModelVersion::version),
                        trained.servingMetrics(), trained.holdoutSize(), margin(trained.kind()));
        if (decision.promote()) {
            active.ifPresent(previous -> versions.retire(previous, "replaced by " + version.version() + ": "
                    + decision.reason()));
            version.activate(clock.instant(), decision.reason());
            activated.fire(new ModelActivated(trained.kind(), version.version()));
        } else {
            version.keepAsCandidate(decision.reason());
        }
        LOG.info(() -> version.version() + (decision.promote() ? " promoted: " : " kept as candidate: ")
                + decision.reason());
        return new Registration(version, decision.promote(), decision.reason());
    }

    private ModelVersion stored(TrainedModel<?> trained) {
        ActiveModel<?> candidate = trained.candidate();
        ModelVersion version = new ModelVersion(candidate.version(), trained.kind(), candidate.trainedAt(),
                candidate.examples(), candidate.metrics(), trained.provenance());
        versions.store(version, trained.artifact());
        return version;
    }

    /**
     * Stores a model trained after erasures and makes it serve whatever its metrics: forgetting comes before
     * accuracy. Every member loads it after commit, as after any promotion.
     */
    public Registration registerAfterErasure(TrainedModel<?> trained, String why) {
        return Transactions.retryingConcurrentInserts(transactions, () -> activateAfterErasure(trained, why));
    }

    private Registration activateAfterErasure(TrainedModel<?> trained, String why) {
        ModelVersion version = stored(trained);
        versions.activeForUpdate(trained.kind()).ifPresent(previous -> versions.retire(previous, "replaced by "
                + version.version() + ": " + why));
        version.activate(clock.instant(), why);
        activated.fire(new ModelActivated(trained.kind(), version.version()));
        LOG.info(() -> version.version() + " promoted: " + why);
        return new Registration(version, true, why);
    }

    /** Deletes the payload of every version of a kind except {@code keep}; the versions stay listed as PURGED. */
    @Transactional
    public List<String> purgeAllBut(ModelKind kind, String keep, String why) {
        List<String> purged = new ArrayList<>();
        for (ModelVersion version : versions.withArtifact(kind)) {
            if (!version.version().equals(keep)) {
                version.purge(why);
                versions.deleteArtifact(version.version());
                purged.add(version.version());
            }
        }
        return purged;
    }

    /**
     * Makes a version the active one of its kind (an operator's decision; no margin applies). What an operator got
     * wrong is thrown after the transaction, which it leaves unchanged (see {@code Transactions}).
     */
    public ModelVersion promote(String versionId) {
        ModelVersion promoted = Transactions.retryingConcurrentInserts(transactions,
                () -> promoteIfPresent(versionId)).orElseThrow(() -> new UnknownEntityException("model", versionId));
        if (promoted.status() == ModelStatus.PURGED) {
            throw new ConflictException(versionId + " was purged (" + promoted.decision() + ") and cannot serve");
        }
        return promoted;
    }

    private Optional<ModelVersion> promoteIfPresent(String versionId) {
        Optional<ModelVersion> found = versions.find(versionId);
        if (found.isEmpty() || found.get().status() == ModelStatus.ACTIVE
                || found.get().status() == ModelStatus.PURGED) {
            return found;
        }
        ModelVersion version = found.get();
        versions.activeForUpdate(version.kind()).ifPresent(previous -> versions.retire(previous, "replaced by "
                + versionId + " (promoted by an operator)"));
        version.activate(clock.instant(), "promoted by an operator");
        activated.fire(new ModelActivated(version.kind(), versionId));
        return Optional.of(version);
    }

    /** Retires the active version of a kind and brings back the one that served before it. */
    public ModelVersion rollback(ModelKind kind) {
        RolledBack outcome = transactions.inTransaction(() -> rollbackIfPossible(kind));
        if (outcome.refusal() != null) {
            throw new ConflictException(outcome.refusal());
        }
        return outcome.restored();
    }

    /** What a rollback did: the version restored, or why there was none to restore (nothing changed then). */
    private record RolledBack(ModelVersion restored, String refusal) {
    }

    private RolledBack rollbackIfPossible(ModelKind kind) {
        Optional<ModelVersion> active = versions.activeForUpdate(kind);
        if (active.isEmpty()) {
            return new RolledBack(null, "no " + kind.id() + " model is active, so there is nothing to roll back");
        }
        Optional<ModelVersion> previous = versions.previouslyActive(kind);
        if (previous.isEmpty()) {
            return new RolledBack(null, active.get().version() + " is the only " + kind.id()
                    + " model that ever served; nothing to roll back to");
        }
        versions.retire(active.get(), "rolled back to " + previous.get().version() + " by an operator");
        previous.get().activate(clock.instant(), "restored by rolling back " + active.get().version());
        activated.fire(new ModelActivated(kind, previous.get().version()));
        return new RolledBack(previous.get(), null);
    }

    @Transactional
    public List<ModelVersion> list(ModelKind kind, int limit) {
        return versions.list(kind, limit);
    }

    public ModelVersion find(String versionId) {
        return transactions.inTransaction(() -> versions.find(versionId))
                .orElseThrow(() -> new UnknownEntityException("model", versionId));
    }

    /** Loads and serves the active version of every kind; returns the kinds that have none yet. */
    public List<ModelKind> serveActiveVersions() {
        return java.util.Arrays.stream(ModelKind.values()).filter(kind -> {
            synchronized (loading.get(kind)) {
                Optional<ModelVersion> active = transactions.inNewTransaction(() -> versions.active(kind));
                active.ifPresent(version -> load(version.version()));
                return active.isEmpty();
            }
        }).toList();
    }

    /**
     * The promotion rule, kept pure so that it can be tested alone: promote when nothing serves, when the serving
     * model cannot be measured on this hold-out, or when the candidate's deciding metric is better by the margin.
     */
    static Decision decide(ModelKind kind, Map<String, Double> candidate, Optional<String> activeVersion,
                           Optional<Map<String, Double>> servingMetrics, int holdoutSize, double margin) {
        if (activeVersion.isEmpty()) {
            return new Decision(true, "first " + kind.id() + " model");
        }
        String metric = kind.decidingMetric();
        Double mine = candidate.get(metric);
        Double theirs = servingMetrics.map(m -> m.get(metric)).orElse(null);
        if (mine == null || mine.isNaN()) {
            return new Decision(false, "the candidate has no hold-out " + metric);
        }
        if (theirs == null || theirs.isNaN()) {
            return new Decision(true, "the serving model " + activeVersion.get() + " cannot be measured on this "
                    + "hold-out (not loaded here, or made for another encoder)");
        }
        double gain = kind.improvement(mine, theirs);
        String comparison = String.format(Locale.ROOT, "%s %.4f vs %.4f of %s on the same %d-example hold-out",
                metric, mine, theirs, activeVersion.get(), holdoutSize);
        if (gain >= margin) {
            return new Decision(true, String.format(Locale.ROOT, "%s: better by %.4f (margin %.4f)", comparison,
                    gain, margin));
        }
        return new Decision(false, String.format(Locale.ROOT, "%s: %s by %.4f, below the margin %.4f", comparison,
                gain >= 0 ? "better only" : "worse", Math.abs(gain), margin));
    }

    /** A promotion decision. */
    record Decision(boolean promote, String reason) {
    }

    private double margin(ModelKind kind) {
        return switch (kind) {
            case RATING -> ratingMargin;
            case SENTIMENT -> sentimentMargin;
            case TOPN -> topNMargin;
        };
    }

    void onActivated(@Observes(during = TransactionPhase.AFTER_SUCCESS) ModelActivated event) {
        cluster.publish(MODEL_ACTIVATED, Map.of("kind", event.kind().id(), "version", event.version()));
    }

    /**
     * Every member, the one that changed it included, serves the new active version: the member that committed it
     * at once, in the committing thread (the promote request, the training job); the others in the background.
     */
    void onClusterMessage(@Observes ClusterMessage message) {
        if (MODEL_ACTIVATED.equals(message.kind())) {
            ModelKind.byId(message.field("kind")).ifPresent(kind -> {
                if (message.origin().equals(cluster.nodeName())) {
                    serveActive(kind, "activated here");
                } else {
                    serveActiveLater(kind, "announced by " + message.origin());
                }
            });
        }
    }

    /**
     * Off the cluster's delivery thread: reading and inflating a large top-N model takes seconds, and the profile and
     * catalogue messages behind it would wait. If the loader refuses (shutting down), loads here instead.
     */
    private void serveActiveLater(ModelKind kind, String why) {
        try {
            loader.submit(() -> serveActive(kind, why));
        } catch (RuntimeException refused) {
            serveActive(kind, why);
        }
    }

    /**
     * Serves the version the registry holds active now, if this member serves another. Reading the registry inside
     * the lock, rather than trusting the version a message named, makes the newest committed activation win whatever
     * order announcements, catch-ups and start-up run in.
     */
    private void serveActive(ModelKind kind, String why) {
        synchronized (loading.get(kind)) {
            try {
                Optional<String> active = transactions.inNewTransaction(() -> versions.active(kind))
                        .map(ModelVersion::version);
                Optional<String> served = servedVersion(kind);
                if (active.isPresent() && !active.equals(served)) {
                    LOG.info(() -> "The registry's active " + kind.id() + " model is " + active.get() + " (" + why
                            + "); this member served " + served.orElse("none"));
                    load(active.get());
                }
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "Could not load the active " + kind.id() + " model (" + why + "); this member "
                        + "keeps serving its previous one", e);
            }
        }
    }

    private Optional<String> servedVersion(ModelKind kind) {
        return (switch (kind) {
            case RATING -> serving.rating();
            case SENTIMENT -> serving.sentiment();
            case TOPN -> serving.topN();
        }).map(ActiveModel::version);
    }

    /**
     * A promotion announced while this member was away (paused, cut off) never reaches it as a message: serve what the
     * registry says is active wherever that differs from what this member serves.
     */
    void onCatchUp(@Observes ClusterCatchUp event) {
        for (ModelKind kind : ModelKind.values()) {
            serveActiveLater(kind, "catching up: " + event.why());
        }
    }

    private void load(String versionId) {
        ModelVersion version = transactions.inNewTransaction(() -> versions.find(versionId)).orElseThrow(
                () -> new UnknownEntityException("model", versionId));
        byte[] artifact = transactions.inNewTransaction(() -> versions.artifact(versionId)).orElseThrow(
                () -> new IllegalStateException("model " + versionId + " has no stored artifact"));
        switch (version.kind()) {
            case RATING -> serving.serveRating(new ActiveModel<>(RatingModel.fromBytes(artifact), versionId,
                    version.trainedAt(), version.metrics(), version.examples()));
            case SENTIMENT -> serving.serveSentiment(new ActiveModel<>(SentimentModel.fromBytes(artifact), versionId,
                    version.trainedAt(), version.metrics(), version.examples()));
            case TOPN -> serving.serveTopN(new ActiveModel<>(TopNModel.fromBytes(artifact), versionId,
                    version.trainedAt(), version.metrics(), version.examples()));
        }
        LOG.info(() -> "Serving " + version.kind().id() + " model " + versionId);
    }
}
