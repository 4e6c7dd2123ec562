package org.recsys.interfaces.rest;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.recsys.application.FieldError;

/**
 * An RFC 9457 problem document. {@code errors} lists every field at fault (paths such as {@code events[3].itemId});
 * {@code errorId} appears on server errors so that a report can be matched with the server log.
 */
@Schema(name = "Problem", description = "RFC 9457 problem details")
public record Problem(
        @Schema(description = "URI reference identifying the problem type", example = "about:blank") String type,
        @Schema(example = "Bad Request") String title,
        @Schema(example = "400") int status,
        @Schema(example = "2 fields are invalid") String detail,
        @Schema(description = "The request path", example = "/api/v1/feedback/batch") String instance,
        @Schema(description = "Every field at fault") List<FieldError> errors,
        @Schema(description = "Correlates a server error with the server log") String errorId) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final MediaType PROBLEM_JSON = MediaType.valueOf(MEDIA_TYPE);

    /** Problem type of requests that fail validation; documented in docs/api.md. */
    public static final String INVALID_REQUEST = "urn:recsys:problem:invalid-request";

    public Response toResponse() {
        return Response.status(status).type(PROBLEM_JSON).entity(this).build();
    }

    /** The answer with a Retry-After header: the request may succeed when sent again after that many seconds. */
    public Response toResponse(int retryAfterSeconds) {
        return Response.status(status).type(PROBLEM_JSON).header("Retry-After", Integer.toString(retryAfterSeconds))
                .entity(this).build();
    }

    public static Problem of(Response.Status status, String detail, String instance) {
        return new Problem("about:blank", status.getReasonPhrase(), status.getStatusCode(), detail, instance, null,
                null);
    }

    public static Problem invalid(List<FieldError> errors, String detail, String instance) {
        return new Problem(INVALID_REQUEST, "Invalid request", 400, detail, instance, errors, null);
    }
}
