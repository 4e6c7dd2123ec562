package org.recsys.application.privacy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.recsys.application.Transactions;
import org.recsys.application.models.ModelRegistry;
import org.recsys.application.models.ModelTraining;
import org.recsys.application.models.TrainedModel;
import org.recsys.domain.model.erasure.ErasureRequest;
import org.recsys.domain.model.erasure.ErasureRequestRepository;
import org.recsys.domain.model.registry.ModelKind;
import org.recsys.ml.rating.RatingModel;

/**
 * Completes erasures in the trained models. A rating model keeps per-user factors keyed by user id, and taking one
 * user out of a trained factorisation is not exact, so the rating model is retrained from what is stored (the erased
 * users are gone from it), made to serve whatever its metrics, and every older rating version's payload is deleted.
 * Sentiment and top-N models hold no user ids: the first learns from review vectors, the second keeps item-item
 * weights and item popularity only.
 */
@ApplicationScoped
public class ErasureCompletion {

    @Inject
    ErasureRequestRepository requests;
    @Inject
    ModelTraining training;
    @Inject
    ModelRegistry registry;
    @Inject
    Transactions transactions;

    Clock clock = Clock.systemUTC();

    /** Completes every erasure requested before this run; returns what it did, for the job's exit status. */
    public String complete() {
        Instant began = clock.instant();
        List<ErasureRequest> pending = transactions.inNewTransaction(requests::pending);
        if (pending.isEmpty()) {
            return "no erasure is waiting for the models";
        }
        Optional<TrainedModel<RatingModel>> trained = training.trainRating();
        if (trained.isEmpty()) {
            // Too few ratings left for a model: no stored version is deleted while one still serves.
            return pending.size() + " erasures wait: too few star ratings are left to train a rating model without them";
        }
        String why = "retrained after " + pending.size() + " erasure(s) of users whose ratings older versions held";
        String version = registry.registerAfterErasure(trained.get(), why).version().version();
        List<String> purged = registry.purgeAllBut(ModelKind.RATING, version, "payload deleted by complete-erasures "
                + "at " + began + ": trained before the erasure of a user whose ratings it held");
        int completed = transactions.inNewTransaction(() -> {
            Instant now = clock.instant();
            List<ErasureRequest> covered = requests.pending().stream()
                    .filter(r -> r.requestedAt().isBefore(began)).toList();
            covered.forEach(r -> r.complete(now));
            return covered.size();
        });
        return completed + " erasures completed: " + version + " serves, " + purged.size()
                + " older rating versions purged";
    }
}
