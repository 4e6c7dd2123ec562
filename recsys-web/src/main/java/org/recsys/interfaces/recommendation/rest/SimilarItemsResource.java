package org.recsys.interfaces.recommendation.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.recsys.application.serving.RecommendationService;
import org.recsys.interfaces.rest.Problem;
import org.recsys.interfaces.rest.QueryParameters;

@Path("items/{itemId}/similar")
@Tag(name = "recommendations")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class SimilarItemsResource {

    @Inject
    RecommendationService recommendations;

    @GET
    @Operation(summary = "Items similar to an item",
            description = "By the meaning of their texts (title, description, or reviews), spread for diversity.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = SimilarItems.class)))
    @APIResponse(responseCode = "404", description = "No such item",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public SimilarItems similar(@PathParam("itemId") String itemId,
                                @QueryParam("n") @Parameter(description = "How many items, 1-100 (default 10)",
                                        schema = @Schema(type = SchemaType.INTEGER)) String n) {
        return new SimilarItems(itemId, recommendations.similar(itemId, QueryParameters.count(n, 10,
                RecommendationResource.MAX_COUNT, "n")).stream()
                .map(item -> RecommendationResponse.entry(item, true)).toList());
    }

    @Schema(name = "SimilarItems")
    public record SimilarItems(String itemId, List<RecommendationResponse.Entry> items) {
    }
}
