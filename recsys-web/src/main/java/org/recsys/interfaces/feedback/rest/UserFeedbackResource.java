package org.recsys.interfaces.feedback.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.recsys.application.FeedbackService;
import org.recsys.application.InvalidInputException;
import org.recsys.application.Slice;
import org.recsys.domain.model.feedback.FeedbackEvent;
import org.recsys.interfaces.rest.Cursors;
import org.recsys.interfaces.rest.Problem;

@Path("users/{userId}/feedback")
@Tag(name = "feedback")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class UserFeedbackResource {

    @Inject
    FeedbackService feedback;

    @GET
    @Operation(summary = "A user's feedback, newest first", description = "Follow `nextCursor` for older events.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = FeedbackPage.class)))
    @APIResponse(responseCode = "404", description = "No such user",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public FeedbackPage list(@PathParam("userId") String userId,
                             @QueryParam("cursor") @Parameter(description = "From a previous page's nextCursor")
                             String cursor,
                             @QueryParam("limit") @Parameter(description = "Page size, 1-1000, default 50",
                                     schema = @Schema(type = SchemaType.INTEGER)) String limit) {
        Instant beforeTime = null;
        Long beforeId = null;
        String position = Cursors.decode(cursor);
        if (position != null) {
            String[] parts = position.split("/", 2);
            try {
                beforeTime = Instant.parse(parts[0]);
                beforeId = Long.parseLong(parts[1]);
            } catch (RuntimeException e) {
                throw new InvalidInputException("cursor", "is not a cursor returned by this API");
            }
        }
        Slice<FeedbackEvent> page = feedback.listForUser(userId, beforeTime, beforeId, Cursors.limit(limit));
        String next = page.hasMore() ? Cursors.encode(page.last().occurredAt() + "/" + page.last().id()) : null;
        return new FeedbackPage(page.elements().stream().map(FeedbackResponse::of).toList(), next);
    }
}
