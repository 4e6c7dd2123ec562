package org.recsys.interfaces.imports.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.recsys.application.DatasetImportService;
import org.recsys.application.InvalidInputException;
import org.recsys.domain.model.dataimport.DatasetImport;
import org.recsys.interfaces.rest.Problem;
import org.recsys.interfaces.rest.RequestValidation;
import org.recsys.interfaces.security.rest.Operations;

@Operations
@Path("imports")
@Tag(name = "imports")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ImportResource {

    @Inject
    DatasetImportService imports;
    @Inject
    RequestValidation validation;

    @POST
    @Operation(summary = "Import a dataset from the server's disk",
            description = "Starts a restartable Jakarta Batch job that streams the files and commits in chunks. "
                    + "Importing the same files again changes nothing.")
    @RequestBody(content = @Content(schema = @Schema(implementation = ImportRequest.class), examples = {
        @ExampleObject(name = "MovieLens 100K", value = "{\"format\": \"movielens-100k\", "
                + "\"path\": \"/data/ml-100k\"}"),
        @ExampleObject(name = "Amazon reviews", value = "{\"format\": \"amazon-reviews\", "
                + "\"path\": \"/data/reviews_Musical_Instruments_5.json.gz\"}")}))
    @APIResponse(responseCode = "202", description = "Started; poll the Location",
            content = @Content(schema = @Schema(implementation = ImportResponse.class)))
    @APIResponse(responseCode = "400", description = "Unknown format, or a path that does not exist or may not be read",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response start(ImportRequest body, @Context UriInfo uri) {
        validation.check(body);
        DatasetImport started = imports.start(body.format(), body.path());
        return Response.accepted(ImportResponse.of(imports.status(started.id())))
                .location(uri.getAbsolutePathBuilder().path(started.id().toString()).build()).build();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "State and counts of an import, with the first rejected lines and why")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ImportResponse.class)))
    @APIResponse(responseCode = "404", description = "No such import",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ImportResponse get(@PathParam("id") String id) {
        long importId;
        try {
            importId = Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw new InvalidInputException("id", "must be an import id (a whole number)");
        }
        return ImportResponse.of(imports.status(importId));
    }
}
