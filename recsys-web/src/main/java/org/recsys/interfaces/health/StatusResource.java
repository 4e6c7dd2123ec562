package org.recsys.interfaces.health;

import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.recsys.application.profile.ProfileService;
import org.recsys.application.serving.LiveCatalogue;
import org.recsys.infrastructure.cluster.RecsysCluster;
import org.recsys.interfaces.security.rest.Operations;

/** Every health check with its details, for operators: the public {@code /health} shows only names and states. */
@Operations
@Path("status")
@Tag(name = "operations")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class StatusResource {

    @Inject
    @Any
    Instance<DetailedCheck> checks;
    @Inject
    ProfileService profiles;
    @Inject
    RecsysCluster cluster;
    @Inject
    LiveCatalogue catalogue;

    @GET
    @Operation(summary = "The health checks with their details (scope OPERATE)",
            description = "Start-up state, database, catalogue (items, embedded, waiting for vectors or for the index, "
                    + "dead slots, graph heap), cluster members "
                    + "and heap: what /health answers publicly, with the data only operators should see.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Status.class)))
    public Status status() {
        List<Check> all = new ArrayList<>();
        for (DetailedCheck check : checks) {
            HealthCheckResponse response = check.details();
            all.add(new Check(response.getName(), response.getStatus().name(),
                    response.getData().<Map<String, Object>>map(java.util.LinkedHashMap::new).orElse(Map.of())));
        }
        all.sort(Comparator.comparing(Check::name));
        boolean up = all.stream().allMatch(c -> c.status().equals("UP"));
        return new Status(up ? "UP" : "DOWN", all);
    }

    @GET
    @Path("users/{userId}")
    @Operation(summary = "What this member holds in memory about a user (scope OPERATE)",
            description = "Whether this cluster member has a copy of the user's profile; for checking that an "
                    + "erasure reached every member. The database side is GET /api/v1/users/{id}/export.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = MemberHolds.class)))
    public MemberHolds heldInMemory(@PathParam("userId") String userId) {
        return new MemberHolds(cluster.nodeName(), userId, profiles.holdsCopy(userId));
    }

    @GET
    @Path("items/{itemId}")
    @Operation(summary = "What this member counts for an item (scope OPERATE)",
            description = "The item's popularity as this cluster member holds it in memory (events other than "
                    + "rejections), for checking that members agree with each other and with the database.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = MemberCounts.class)))
    public MemberCounts countedInMemory(@PathParam("itemId") String itemId) {
        return new MemberCounts(cluster.nodeName(), itemId, catalogue.popularityOf(itemId));
    }

    @Schema(name = "MemberCounts")
    public record MemberCounts(String member, String itemId, long popularity) {
    }

    @Schema(name = "MemberHolds")
    public record MemberHolds(String member, String userId, boolean profileCopy) {
    }

    @Schema(name = "Status")
    public record Status(@Schema(example = "UP") String status, List<Check> checks) {
    }

    @Schema(name = "StatusCheck")
    public record Check(@Schema(example = "catalogue") String name, @Schema(example = "UP") String status,
                        Map<String, Object> data) {
    }
}
