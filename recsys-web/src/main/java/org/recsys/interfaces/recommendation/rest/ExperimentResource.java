package org.recsys.interfaces.recommendation.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.recsys.application.serving.Experiments;
import org.recsys.interfaces.security.rest.Operations;

@Operations
@Path("experiments")
@Tag(name = "recommendations")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ExperimentResource {

    @Inject
    Experiments experiments;

    @GET
    @Operation(summary = "The ranking strategies running side by side",
            description = "Lists shown, positive feedback attributed to them (clicks, likes, purchases, ratings and "
                    + "reviews of 4 stars or more that quote a recommendationId), and the share of traffic that "
                    + "Thompson sampling gives each now.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Standings.class)))
    public Standings standings() {
        return new Standings(experiments.standings().stream().map(s -> new StrategyStanding(s.strategy().id(),
                s.strategy().description(), s.impressions(), s.positives(), s.positiveRate(), s.trafficShare()))
                .toList());
    }

    @Schema(name = "Experiments")
    public record Standings(List<StrategyStanding> strategies) {
    }

    @Schema(name = "StrategyStanding")
    public record StrategyStanding(@Schema(example = "diversity") String id, String description,
                                   @Schema(description = "Recommendation lists shown") long impressions,
                                   @Schema(description = "Positive feedback attributed") long positives,
                                   @Schema(description = "positives / impressions") double positiveRate,
                                   @Schema(description = "Share of requests the bandit sends to it now")
                                   double trafficShare) {
    }
}
