package org.recsys.interfaces.feedback.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.recsys.application.FeedbackService;
import org.recsys.application.InvalidInputException;
import org.recsys.application.RecordOutcome;
import org.recsys.domain.model.shared.RecordSource;
import org.recsys.interfaces.rest.Problem;
import org.recsys.interfaces.rest.RequestValidation;
import org.recsys.interfaces.security.rest.ApiCaller;

@Path("feedback")
@Tag(name = "feedback")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "400", description = "Invalid request; `errors` names each field at fault",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "413", description = "Body too large",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class FeedbackResource {

    @Inject
    FeedbackService feedback;
    @Inject
    RequestValidation validation;
    @Inject
    ApiCaller caller;

    @POST
    @Operation(summary = "Record one piece of feedback",
            description = "With an idempotencyKey, sending it again stores nothing and answers 200. A key names one "
                    + "event of one user for the API key that sent it.")
    @RequestBody(content = @Content(schema = @Schema(implementation = FeedbackBody.class), examples = {
        @ExampleObject(name = "rating", value = "{\"userId\": \"u-1001\", \"itemId\": \"sku-778\", "
                + "\"type\": \"RATING\", \"value\": 5, \"idempotencyKey\": \"r-9\"}"),
        @ExampleObject(name = "review", value = "{\"userId\": \"u-1001\", \"itemId\": \"sku-778\", "
                + "\"type\": \"REVIEW\", \"value\": 4, \"text\": \"Warm tone, a bit heavy\"}"),
        @ExampleObject(name = "not interested", value = "{\"userId\": \"u-1001\", \"itemId\": \"sku-12\", "
                + "\"type\": \"NOT_INTERESTED\", \"text\": \"I have enough cables\"}")}))
    @APIResponse(responseCode = "201", description = "Stored",
            content = @Content(schema = @Schema(implementation = FeedbackReceipt.class)))
    @APIResponse(responseCode = "200", description = "Already stored under this idempotency key; nothing changed",
            content = @Content(schema = @Schema(implementation = FeedbackReceipt.class)))
    public Response record(FeedbackBody body) {
        validation.check(body);
        RecordOutcome outcome;
        try {
            outcome = feedback.recordWithRetry(List.of(body.toNewFeedback()), RecordSource.API, caller.keyId());
        } catch (InvalidInputException e) {
            throw e.relativeTo("events[0].");
        }
        return Response.status(outcome.stored() > 0 ? 201 : 200).entity(FeedbackReceipt.of(outcome)).build();
    }

    @POST
    @Path("batch")
    @Operation(summary = "Record up to 10,000 pieces of feedback",
            description = "Validated whole: when any event is invalid nothing is stored and the answer lists every "
                    + "bad event by index and field. Events whose idempotencyKey is already stored are skipped, "
                    + "also when the same batch arrives twice at once.")
    @RequestBody(content = @Content(schema = @Schema(implementation = FeedbackBatchBody.class),
            examples = @ExampleObject(name = "two events", value = "{\"events\": ["
                    + "{\"userId\": \"u-1\", \"itemId\": \"sku-1\", \"type\": \"CLICK\", \"idempotencyKey\": \"c-1\"},"
                    + "{\"userId\": \"u-1\", \"itemId\": \"sku-2\", \"type\": \"LIKE\"}]}")))
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = FeedbackReceipt.class)))
    public FeedbackReceipt batch(FeedbackBatchBody body) {
        validation.check(body);
        return FeedbackReceipt.of(feedback.recordWithRetry(
                body.events().stream().map(FeedbackBody::toNewFeedback).toList(), RecordSource.API, caller.keyId()));
    }
}
