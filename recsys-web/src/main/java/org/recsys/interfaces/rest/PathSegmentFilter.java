package org.recsys.interfaces.rest;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import org.recsys.application.FieldError;

/**
 * Refuses paths whose segments JAX-RS would silently change before a resource sees them: matrix parameters
 * ({@code /users/a;b} reaches the resource as {@code a}, so {@code DELETE /users/x;y=1} would erase {@code x}) and
 * the dot segments {@code .} and {@code ..}. A request names exactly one record, or it is a 400 naming the path.
 * Runs after authentication, so an anonymous caller still learns nothing but 401.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHORIZATION)
public class PathSegmentFilter implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        String raw = request.getUriInfo().getRequestUri().getRawPath();
        String problem = problem(raw);
        if (problem != null) {
            request.abortWith(Problem.invalid(List.of(new FieldError("path", problem)), problem, raw).toResponse());
        }
    }

    /** What is wrong with a raw request path, or {@code null}. */
    static String problem(String rawPath) {
        if (rawPath == null) {
            return null;
        }
        if (rawPath.indexOf(';') >= 0) {
            return "the path holds ';' (matrix parameters are not supported; ids never contain ';')";
        }
        for (String segment : rawPath.split("/", -1)) {
            if (segment.equals(".") || segment.equals("..") || segment.equalsIgnoreCase("%2e")
                    || segment.equalsIgnoreCase("%2e%2e") || segment.equalsIgnoreCase(".%2e")
                    || segment.equalsIgnoreCase("%2e.")) {
                return "the path holds a '.' or '..' segment, which is not an id";
            }
        }
        return null;
    }
}
