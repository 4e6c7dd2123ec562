package org.recsys.interfaces.catalog.rest;

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
import org.recsys.application.ItemService;
import org.recsys.application.Slice;
import org.recsys.application.Stored;
import org.recsys.domain.model.item.Item;
import org.recsys.domain.model.shared.Identifiers;
import org.recsys.domain.model.shared.RecordSource;
import org.recsys.interfaces.rest.Cursors;
import org.recsys.interfaces.rest.Problem;
import org.recsys.interfaces.rest.RequestValidation;
import org.recsys.interfaces.rest.UpsertSummary;

@Path("items")
@Tag(name = "items")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "400", description = "Invalid request; `errors` names each field at fault",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class ItemResource {

    @Inject
    ItemService items;
    @Inject
    RequestValidation validation;

    @PUT
    @Path("{id}")
    @Operation(summary = "Create or replace an item",
            description = "Idempotent: sending the same document again changes nothing. A new item with a "
                    + "description is recommendable at once.")
    @RequestBody(content = @Content(schema = @Schema(implementation = ItemBody.class),
            examples = @ExampleObject(name = "item", value = "{\"title\": \"Hollow-body jazz guitar\", "
                    + "\"description\": \"Warm tone for jazz and blues\", \"categories\": [\"guitars\"]}")))
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = ItemResponse.class)))
    @APIResponse(responseCode = "200", description = "Replaced (or unchanged)",
            content = @Content(schema = @Schema(implementation = ItemResponse.class)))
    public Response put(@PathParam("id") @Parameter(example = "sku-778") String id, ItemBody body,
                        @Context UriInfo uri) {
        if (!Identifiers.isValid(id)) {
            throw new InvalidInputException("id", "must be " + Identifiers.RULE);
        }
        validation.check(body);
        if (body.id() != null && !body.id().equals(id)) {
            throw new InvalidInputException("id", "does not match the id in the path ('" + id + "')");
        }
        Stored<Item> stored = items.put(body.toDraft(id), RecordSource.API);
        ItemResponse answer = ItemResponse.of(stored.entity());
        return stored.created()
                ? Response.created(uri.getAbsolutePath()).entity(answer).build()
                : Response.ok(answer).build();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Read an item")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ItemResponse.class)))
    @APIResponse(responseCode = "404", description = "No such item",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ItemResponse get(@PathParam("id") String id) {
        return ItemResponse.of(items.get(id));
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Remove an item", description = "Removes the item, the feedback about it and its vectors.")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", description = "No such item",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response remove(@PathParam("id") String id) {
        items.remove(id);
        return Response.noContent().build();
    }

    @GET
    @Operation(summary = "List or search items",
            description = "Ordered by id; with `q`, only items whose title or description contains it "
                    + "(case-insensitive). Follow `nextCursor` for the next page.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ItemPage.class)))
    public ItemPage list(@QueryParam("q") @Parameter(description = "Text to look for", example = "guitar") String q,
                         @QueryParam("cursor") @Parameter(description = "From a previous page's nextCursor")
                         String cursor,
                         @QueryParam("limit") @Parameter(description = "Page size, 1-1000, default 50",
                                 schema = @Schema(type = SchemaType.INTEGER)) String limit) {
        if (q != null && q.length() > 200) {
            throw new InvalidInputException("q", "may be at most 200 characters");
        }
        Slice<Item> page = items.search(q, Cursors.decode(cursor), Cursors.limit(limit));
        return new ItemPage(page.elements().stream().map(ItemResponse::of).toList(),
                page.hasMore() ? Cursors.encode(page.last().id()) : null);
    }

    @POST
    @Path("batch")
    @Operation(summary = "Create or replace up to 10,000 items",
            description = "Validated whole: when any element is invalid nothing is stored and the answer lists "
                    + "every bad element by index and field.")
    @RequestBody(content = @Content(schema = @Schema(implementation = ItemBatchBody.class)))
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = UpsertSummary.class)))
    public UpsertSummary batch(ItemBatchBody body) {
        validation.check(body);
        return UpsertSummary.of(items.putAll(body.items().stream().map(i -> i.toDraft(i.id())).toList(),
                RecordSource.API));
    }
}
