package org.recsys.interfaces.profile.rest;

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
import org.recsys.application.UserService;
import org.recsys.application.profile.ProfileService;
import org.recsys.interfaces.rest.Problem;

/** What the recommender has learnt about a user. */
@Path("users/{userId}/profile")
@Tag(name = "users")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ProfileResource {

    @Inject
    ProfileService profiles;
    @Inject
    UserService users;
    @Inject
    ProfileDescription description;

    @GET
    @Operation(summary = "What the recommender has learnt about a user",
            description = "Interest points with their tags, weights and representative items; recent likes; recent "
                    + "feedback.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ProfileResponse.class)))
    @APIResponse(responseCode = "404", description = "No such user",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ProfileResponse profile(@PathParam("userId") String userId) {
        users.get(userId);
        // A read writes nothing: interest points are computed after the feedback that makes them due.
        return description.of(profiles.servable(userId));
    }
}
