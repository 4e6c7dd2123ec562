package org.recsys.interfaces.rest;

import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.recsys.application.ConflictException;
import org.recsys.application.InvalidInputException;
import org.recsys.application.NotReadyException;
import org.recsys.application.UnknownEntityException;

/**
 * Turns every failure into a problem document. Nothing of a stack trace reaches the client: unexpected failures are
 * logged with an error id that the answer repeats.
 */
public final class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class.getName());

    private ProblemMappers() {
    }

    static String path(UriInfo uri) {
        return uri == null ? null : uri.getRequestUri().getRawPath();
    }

    @Provider
    public static class InvalidInput implements ExceptionMapper<InvalidInputException> {
        @Context
        UriInfo uri;

        @Override
        public Response toResponse(InvalidInputException e) {
            return Problem.invalid(e.errors(), e.getMessage(), path(uri)).toResponse();
        }
    }

    @Provider
    public static class UnknownEntity implements ExceptionMapper<UnknownEntityException> {
        @Context
        UriInfo uri;

        @Override
        public Response toResponse(UnknownEntityException e) {
            return Problem.of(Response.Status.NOT_FOUND, e.getMessage(), path(uri)).toResponse();
        }
    }

    @Provider
    public static class Conflict implements ExceptionMapper<ConflictException> {
        @Context
        UriInfo uri;

        @Override
        public Response toResponse(ConflictException e) {
            return Problem.of(Response.Status.CONFLICT, e.getMessage(), path(uri)).toResponse();
        }
    }

    @Provider
    public static class NotReady implements ExceptionMapper<NotReadyException> {
        @Context
        UriInfo uri;

        @Override
        public Response toResponse(NotReadyException e) {
            return Problem.of(Response.Status.SERVICE_UNAVAILABLE, e.getMessage(), path(uri)).toResponse(10);
        }
    }

    @Provider
    public static class TooLarge implements ExceptionMapper<PayloadTooLargeException> {
        @Context
        UriInfo uri;

        @Override
        public Response toResponse(PayloadTooLargeException e) {
            return Problem.of(Response.Status.REQUEST_ENTITY_TOO_LARGE, e.getMessage(), path(uri)).toResponse();
        }
    }

    /** JAX-RS's own answers (404 for unknown paths, 405, 406, 415...) keep their status but become problems. */
    @Provider
    public static class WebApplication implements ExceptionMapper<WebApplicationException> {
        @Context
        UriInfo uri;

        @Override
        public Response toResponse(WebApplicationException e) {
            Response original = e.getResponse();
            Response.StatusType status = original.getStatusInfo();
            if (status.getStatusCode() >= 500) {
                return Unexpected.answer(e, uri);
            }
            String detail = switch (status.getStatusCode()) {
                case 404 -> "No resource at this path";
                case 405 -> "Method not allowed here; allowed: " + original.getAllowedMethods();
                case 406 -> "Cannot produce the requested media type; use application/json";
                case 415 -> "Send the body as application/json";
                default -> e.getMessage();
            };
            Response.ResponseBuilder answer = Response.status(status.getStatusCode()).type(Problem.PROBLEM_JSON)
                    .entity(new Problem("about:blank", status.getReasonPhrase(), status.getStatusCode(), detail,
                            path(uri), null, null));
            if (e instanceof NotAllowedException) {
                answer.allow(original.getAllowedMethods());
            }
            return answer.build();
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    @Provider
    public static class Unexpected implements ExceptionMapper<Throwable> {
        @Context
        UriInfo uri;

        @Override
        public Response toResponse(Throwable e) {
            return answer(e, uri);
        }

        static Response answer(Throwable e, UriInfo uri) {
            if (org.recsys.application.Transactions.isConcurrentChange(e)) {
                // A record created or deleted by a concurrent request (e.g. a DELETE racing a PUT of the same id):
                // nothing was stored, and sending the request again gives a definite answer.
                return Problem.of(Response.Status.CONFLICT, "A concurrent request changed the same record; nothing "
                        + "was stored. Send the request again.", path(uri)).toResponse();
            }
            if (org.recsys.application.Transactions.isDatabaseUnavailable(e)) {
                // A connection the database closed or lost (a restart, a failover): the pool replaces it, and the
                // request may or may not have been completed, so the client sends an idempotent one again.
                String errorId = UUID.randomUUID().toString();
                LOG.warning(() -> "Database connection failed, error id " + errorId + ": " + rootMessage(e));
                return new Problem("about:blank", "Service Unavailable", 503, "The database connection failed; the "
                        + "request may not have been completed. Send it again if it is idempotent (a read, a PUT, "
                        + "feedback with an idempotency key); check before repeating anything else; error id "
                        + errorId, path(uri), null, errorId).toResponse(1);
            }
            String errorId = UUID.randomUUID().toString();
            LOG.log(Level.SEVERE, "Unexpected failure, error id " + errorId, e);
            return new Problem("about:blank", "Internal Server Error", 500,
                    "The server could not complete the request; report error id " + errorId, path(uri), null,
                    errorId).toResponse();
        }
    }
}
