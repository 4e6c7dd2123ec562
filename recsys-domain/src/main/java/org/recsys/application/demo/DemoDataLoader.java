package org.recsys.application.demo;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.recsys.application.FeedbackService;
import org.recsys.application.ItemDraft;
import org.recsys.application.ItemService;
import org.recsys.application.Transactions;
import org.recsys.application.UserService;
import org.recsys.application.serving.LiveCatalogue;
import org.recsys.domain.model.feedback.NewFeedback;
import org.recsys.domain.model.shared.RecordSource;

/**
 * Loads the demo catalogue into an empty database when {@code recsys.demo.enabled} is true (the default for the
 * embedded H2 database; off for PostgreSQL). Everything loaded is marked {@code demo-synthetic}.
 */
@ApplicationScoped
public class DemoDataLoader {

    private static final Logger LOG = Logger.getLogger(DemoDataLoader.class.getName());

    @Inject
    @ConfigProperty(name = "recsys.demo.enabled", defaultValue = "false")
    boolean enabled;

    @Inject
    ItemService items;
    @Inject
    UserService users;
    @Inject
    FeedbackService feedback;
    @Inject
    Transactions transactions;
    @Inject
    LiveCatalogue catalogue;

    /** @return whether demo data was loaded now */
    public boolean loadIfEmpty() {
        if (!enabled) {
            LOG.info("Demo data is switched off (recsys.demo.enabled=false)");
            return false;
        }
        if (items.count() > 0 || users.count() > 0) {
            return false;
        }
        DemoCatalogue.Contents demo = DemoCatalogue.generate();
        transactions.inNewTransaction(() -> items.putAll(demo.items(), RecordSource.DEMO));
        // Feedback moves profiles only where items have vectors: embed the demo items first.
        catalogue.embed(demo.items().stream().map(ItemDraft::id).toList());
        transactions.inNewTransaction(() -> {
            users.putAll(demo.users(), RecordSource.DEMO);
            List<NewFeedback> events = demo.feedback();
            return feedback.record(events, RecordSource.DEMO);
        });
        LOG.info(() -> "Loaded the synthetic demo catalogue: " + demo.items().size() + " items, "
                + demo.users().size() + " users, " + demo.feedback().size() + " feedback events "
                + "(switch off with RECSYS_DEMO_ENABLED=false)");
        return true;
    }
}
