package org.recsys.interfaces.profile.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.recsys.application.profile.ProfileService;
import org.recsys.interfaces.rest.Problem;
import org.recsys.interfaces.rest.RequestValidation;

/** What a user says they want more and less of. */
@Path("users/{userId}/preferences")
@Tag(name = "users")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PreferencesResource {

    @Inject
    ProfileService profiles;
    @Inject
    ProfileDescription description;
    @Inject
    RequestValidation validation;

    @POST
    @Operation(summary = "Tell the recommender what a user wants more and less of",
            description = "Each clause moves the profile at once: towards what it names, or away from it when it "
                    + "starts with no, not, fewer, less or without. The next recommendations reflect it.")
    @RequestBody(content = @Content(schema = @Schema(implementation = PreferencesBody.class),
            examples = @ExampleObject(name = "more and less", value = "{\"text\": \"more jazz guitar, no cables\"}")))
    @APIResponse(responseCode = "200", description = "The profile after the change",
            content = @Content(schema = @Schema(implementation = ProfileResponse.class)))
    @APIResponse(responseCode = "400", description = "No text, or nothing usable in it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such user",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ProfileResponse preferences(@PathParam("userId") String userId, PreferencesBody body) {
        validation.check(body);
        return description.of(profiles.applyPreferences(userId, body.text()));
    }
}
