package org.recsys.interfaces.users.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.recsys.application.InvalidInputException;
import org.recsys.application.Slice;
import org.recsys.application.Stored;
import org.recsys.application.UserService;
import org.recsys.domain.model.shared.Identifiers;
import org.recsys.domain.model.shared.RecordSource;
import org.recsys.domain.model.user.User;
import org.recsys.interfaces.rest.Cursors;
import org.recsys.interfaces.rest.Problem;
import org.recsys.interfaces.rest.RequestValidation;
import org.recsys.interfaces.rest.UpsertSummary;

@Path("users")
@Tag(name = "users")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "400", description = "Invalid request; `errors` names each field at fault",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class UserResource {

    @Inject
    UserService users;
    @Inject
    RequestValidation validation;

    @PUT
    @Path("{id}")
    @Operation(summary = "Create or replace a user",
            description = "Idempotent: sending the same document again changes nothing.")
    @RequestBody(content = @Content(schema = @Schema(implementation = UserBody.class),
            examples = @ExampleObject(name = "user", value = "{\"attributes\": {\"country\": \"DE\"}, "
                    + "\"preferenceText\": \"Jazz guitar and home recording\"}")))
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = UserResponse.class)))
    @APIResponse(responseCode = "200", description = "Replaced (or unchanged)",
            content = @Content(schema = @Schema(implementation = UserResponse.class)))
    @APIResponse(responseCode = "413", description = "Body too large",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response put(@PathParam("id") @Parameter(example = "u-1001") String id, UserBody body,
                        @Context UriInfo uri) {
        checkId(id);
        validation.check(body);
        if (body.id() != null && !body.id().equals(id)) {
            throw new InvalidInputException("id", "does not match the id in the path ('" + id + "')");
        }
        Stored<User> stored = users.put(body.toDraft(id), RecordSource.API);
        UserResponse answer = UserResponse.of(stored.entity());
        return stored.created()
                ? Response.created(uri.getAbsolutePath()).entity(answer).build()
                : Response.ok(answer).build();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Read a user")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = UserResponse.class)))
    @APIResponse(responseCode = "404", description = "No such user",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public UserResponse get(@PathParam("id") String id) {
        return UserResponse.of(users.get(id));
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Erase a user",
            description = "Removes, in one transaction, the user with their feedback and reviews, impressions, "
                    + "stored profile and the job-report examples naming them; every member drops their cached "
                    + "profile and their share of popularity and review counts. When they had rated items, the "
                    + "next complete-erasures run retrains the rating model without them and deletes the older "
                    + "versions. The answer says what was removed; asked again, 404.")
    @APIResponse(responseCode = "200", description = "Erased",
            content = @Content(schema = @Schema(implementation = ErasureResponse.class)))
    @APIResponse(responseCode = "404", description = "No such user",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ErasureResponse erase(@PathParam("id") String id) {
        return ErasureResponse.of(users.erase(id));
    }

    @GET
    @Operation(summary = "List users", description = "Ordered by id; follow `nextCursor` for the next page.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = UserPage.class)))
    public UserPage list(@QueryParam("cursor") @Parameter(description = "From a previous page's nextCursor")
                         String cursor,
                         @QueryParam("limit") @Parameter(description = "Page size, 1-1000, default 50",
                                 schema = @Schema(type = SchemaType.INTEGER)) String limit) {
        Slice<User> page = users.list(Cursors.decode(cursor), Cursors.limit(limit));
        return new UserPage(page.elements().stream().map(UserResponse::of).toList(),
                page.hasMore() ? Cursors.encode(page.last().id()) : null);
    }

    @POST
    @Path("batch")
    @Operation(summary = "Create or replace up to 10,000 users",
            description = "Validated whole: when any element is invalid nothing is stored and the answer lists "
                    + "every bad element by index and field.")
    @RequestBody(content = @Content(schema = @Schema(implementation = UserBatchBody.class),
            examples = @ExampleObject(name = "two users", value = "{\"users\": [{\"id\": \"u-1\"}, "
                    + "{\"id\": \"u-2\", \"preferenceText\": \"drums\"}]}")))
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = UpsertSummary.class)))
    public UpsertSummary batch(UserBatchBody body) {
        validation.check(body);
        return UpsertSummary.of(users.putAll(body.users().stream().map(u -> u.toDraft(u.id())).toList(),
                RecordSource.API));
    }

    static void checkId(String id) {
        if (!Identifiers.isValid(id)) {
            throw new InvalidInputException("id", "must be " + Identifiers.RULE);
        }
    }
}
