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
import org.recsys.application.serving.RecommendationRequest;
import org.recsys.application.serving.RecommendationService;
import org.recsys.interfaces.rest.Problem;
import org.recsys.interfaces.rest.QueryParameters;

@Path("users/{userId}/recommendations")
@Tag(name = "recommendations")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class RecommendationResource {

    static final int MAX_COUNT = 100;

    @Inject
    RecommendationService recommendations;

    @GET
    @Operation(summary = "Explained, diverse recommendations for a user",
            description = "Reflects the user's feedback up to the request before this one, on every member of the "
                    + "cluster. Items the user disliked or marked not interested never come back; items they "
                    + "already viewed, bought or rated come back only with includeConsumed=true. Users with no "
                    + "history are served from their preference text, or from what is popular.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation =
            RecommendationResponse.class)))
    @APIResponse(responseCode = "400", description = "A bad parameter",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such user",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "Still starting; try again after Retry-After seconds",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RecommendationResponse recommend(
            @PathParam("userId") String userId,
            @QueryParam("n") @Parameter(description = "How many items, 1-100 (default 10)",
                    schema = @Schema(type = SchemaType.INTEGER)) String n,
            @QueryParam("explain") @Parameter(description = "Include explanations and reasons (default true)",
                    schema = @Schema(type = SchemaType.BOOLEAN)) String explain,
            @QueryParam("category") @Parameter(description = "Only items in one of these categories; repeat or "
                    + "separate with commas") List<String> category,
            @QueryParam("exclude") @Parameter(description = "Item ids not to return this time; repeat or "
                    + "separate with commas") List<String> exclude,
            @QueryParam("includeConsumed") @Parameter(description = "Let items the user already viewed, bought or "
                    + "rated come back (default false)", schema = @Schema(type = SchemaType.BOOLEAN))
            String includeConsumed) {
        RecommendationRequest request = new RecommendationRequest(userId,
                QueryParameters.count(n, 10, MAX_COUNT, "n"),
                QueryParameters.list(category, 50, "category"),
                QueryParameters.list(exclude, 1000, "exclude"),
                QueryParameters.flag(includeConsumed, false, "includeConsumed"));
        return RecommendationResponse.of(recommendations.recommend(request),
                QueryParameters.flag(explain, true, "explain"));
    }
}
