package org.recsys.interfaces.privacy.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.recsys.application.privacy.PersonalDataExport;
import org.recsys.interfaces.rest.Problem;
import org.recsys.interfaces.security.rest.Operations;

/** What the platform holds about a user, for the right of access; operators only (it holds other callers' data). */
@Operations
@Path("users/{userId}/export")
@Tag(name = "users")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class UserExportResource {

    @Inject
    PersonalDataExport export;

    @GET
    @Operation(summary = "Export everything held about a user (needs an OPERATE key)",
            description = "One document with the user record, the stored profile (vector, interest points, history "
                    + "lists), every feedback event and review, every logged recommendation list and what the "
                    + "serving models predict for the user. Reads only.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = UserExport.class)))
    @APIResponse(responseCode = "403", description = "The key is not an OPERATE key",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such user",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public UserExport export(@PathParam("userId") String userId) {
        return UserExport.of(export.export(userId));
    }
}
