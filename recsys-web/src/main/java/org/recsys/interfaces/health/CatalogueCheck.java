package org.recsys.interfaces.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.recsys.application.serving.LiveCatalogue;
import org.recsys.infrastructure.cluster.RecsysCluster;

/**
 * Ready once the catalogue is in memory; reports how many items still wait for a vector (they are served by
 * popularity until then), how many wait for the HNSW graph (searched exactly until then), the dead slots the next
 * compaction removes, the graph's heap, and the cluster's members.
 */
@Readiness
@ApplicationScoped
public class CatalogueCheck implements DetailedCheck {

    @Inject
    LiveCatalogue catalogue;
    @Inject
    RecsysCluster cluster;

    @Override
    public HealthCheckResponse details() {
        var answer = HealthCheckResponse.named("catalogue").status(catalogue.loaded());
        if (catalogue.loaded()) {
            long[] progress = catalogue.embeddingProgress();
            long[] index = catalogue.indexState();
            answer.withData("items", catalogue.size()).withData("embedded", progress[0])
                    .withData("waitingForVectors", progress[1])
                    .withData("waitingForIndex", index[0]).withData("deadSlots", index[1])
                    .withData("indexGraphBytes", index[2])
                    .withData("clusterMembers", String.join(", ", cluster.members()));
        }
        return answer.build();
    }
}
