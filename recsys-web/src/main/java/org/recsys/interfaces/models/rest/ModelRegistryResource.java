package org.recsys.interfaces.models.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.recsys.application.InvalidInputException;
import org.recsys.application.models.ModelRegistry;
import org.recsys.domain.model.registry.ModelKind;
import org.recsys.domain.model.registry.ModelVersion;
import org.recsys.interfaces.rest.Problem;
import org.recsys.interfaces.rest.QueryParameters;
import org.recsys.interfaces.security.rest.Operations;

/** The model registry: versions with their metrics and provenance, promotion and rollback. */
@Operations
@Path("models")
@Tag(name = "model registry", description = "Trained model versions; promote and roll back")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "400", description = "Invalid request",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class ModelRegistryResource {

    @Inject
    ModelRegistry registry;

    @GET
    @Operation(summary = "Model versions, newest first",
            description = "Each trained model with its status (CANDIDATE, ACTIVE, RETIRED, PURGED), hold-out metrics, "
                    + "provenance and the reason for its status. New versions come from the train-models job.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ModelList.class)))
    public ModelList list(
            @QueryParam("kind") @Parameter(description = "rating or sentiment (default both)") String kind,
            @QueryParam("limit") @Parameter(description = "1-200 (default 50)") String limit) {
        ModelKind filter = kind == null || kind.isBlank() ? null : kind(kind);
        int count = QueryParameters.count(limit, 50, 200, "limit");
        return new ModelList(registry.list(filter, count).stream().map(ModelRegistryResource::describe).toList());
    }

    @GET
    @Path("{version}")
    @Operation(summary = "One model version")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ModelDescription.class)))
    @APIResponse(responseCode = "404", description = "No such version",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ModelDescription find(@PathParam("version") String version) {
        return describe(registry.find(version));
    }

    @POST
    @Path("{version}/promote")
    @Operation(summary = "Make a version the active model of its kind",
            description = "An operator's decision: no margin applies. Every cluster member serves it within moments, "
                    + "without a restart; the version it replaces is retired and can be rolled back to.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ModelDescription.class)))
    @APIResponse(responseCode = "404", description = "No such version",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The version was purged after an erasure",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ModelDescription promote(@PathParam("version") String version) {
        return describe(registry.promote(version));
    }

    @POST
    @Path("{kind}/rollback")
    @Operation(summary = "Retire the active model of a kind and serve the one that served before it")
    @APIResponse(responseCode = "200", description = "The version now active",
            content = @Content(schema = @Schema(implementation = ModelDescription.class)))
    @APIResponse(responseCode = "409", description = "Nothing to roll back to",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ModelDescription rollback(@PathParam("kind") String kind) {
        return describe(registry.rollback(kind(kind)));
    }

    private static ModelKind kind(String id) {
        return ModelKind.byId(id).orElseThrow(() -> new InvalidInputException("kind",
                "must be rating or sentiment"));
    }

    static ModelDescription describe(ModelVersion version) {
        return new ModelDescription(version.version(), version.kind().id(), version.status().name(),
                version.trainedAt(), version.activatedAt(), version.examples(), version.metrics(),
                version.provenance(), version.decision());
    }

    @Schema(name = "ModelList")
    public record ModelList(List<ModelDescription> models) {
    }

    @Schema(name = "ModelVersion")
    public record ModelDescription(@Schema(example = "rating-20261128-120000-000") String version,
                                   @Schema(example = "rating") String kind,
                                   @Schema(example = "ACTIVE") String status,
                                   Instant trainedAt,
                                   @Schema(description = "When it last started serving") Instant activatedAt,
                                   @Schema(description = "Training examples") long examples,
                                   @Schema(example = "{\"rmse\": 0.93, \"mae\": 0.73}") Map<String, Double> metrics,
                                   @Schema(description = "Trainer, library version, encoder, data and hold-out")
                                   Map<String, String> provenance,
                                   @Schema(description = "Why it has its status") String decision) {
    }
}
