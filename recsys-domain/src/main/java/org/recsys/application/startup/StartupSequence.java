package org.recsys.application.startup;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.recsys.application.demo.DemoDataLoader;
import org.recsys.application.models.ModelTraining;
import org.recsys.application.jobs.JobScheduler;
import org.recsys.application.security.SecurityBootstrap;
import org.recsys.application.models.ModelRegistry;
import org.recsys.domain.model.registry.ModelKind;
import org.recsys.application.serving.Experiments;
import org.recsys.application.serving.LiveCatalogue;
import org.recsys.infrastructure.cluster.RecsysCluster;
import org.recsys.infrastructure.persistence.DatabaseMigration;

/**
 * Migrates the schema before anything else reads or writes, then lets the steps that need a current schema run. It
 * runs in the background so that the server starts listening at once; health checks report it as starting until it
 * is done. A failure is kept and reported instead of leaving a half-started server that looks healthy.
 */
@ApplicationScoped
public class StartupSequence {

    private static final Logger LOG = Logger.getLogger(StartupSequence.class.getName());

    /** Where the sequence is; read by the health checks. */
    public enum State { STARTING, READY, FAILED }

    @Inject
    DatabaseMigration migration;
    @Inject
    DemoDataLoader demoData;
    @Inject
    RecsysCluster cluster;
    @Inject
    LiveCatalogue catalogue;
    @Inject
    Experiments experiments;
    @Inject
    ModelTraining training;
    @Inject
    ModelRegistry registry;
    @Inject
    JobScheduler scheduler;
    @Inject
    SecurityBootstrap security;

    private volatile State state = State.STARTING;
    private volatile String failure;

    /** Container-managed, so that the work runs with the transaction and naming context that JPA needs. */
    @Resource
    ManagedExecutorService executor;

    void onStartup(@Observes Startup event) {
        executor.execute(this::run);
    }

    void run() {
        try {
            migration.migrate();
            security.bootstrap();
            cluster.start();
            catalogue.load();
            experiments.prepare();
            demoData.loadIfEmpty();
            state = State.READY;
            scheduler.start();
            trainMissingModels();
        } catch (RuntimeException e) {
            failure = e.getClass().getSimpleName() + ": " + e.getMessage();
            state = State.FAILED;
            LOG.log(Level.SEVERE, "Start-up failed; the server reports not ready", e);
        }
    }

    /**
     * The registry's active models serve; a kind that has none is trained in the background after start-up (serving
     * works without it until it is ready).
     */
    private void trainMissingModels() {
        try {
            for (ModelKind kind : registry.serveActiveVersions()) {
                training.train(kind).ifPresent(registry::register);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Training the first models failed; serving goes on without them", e);
        }
    }

    public State state() {
        return state;
    }

    public String failure() {
        return failure;
    }
}
