package org.recsys.interfaces.security.rest;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.Optional;
import java.util.Set;
import org.recsys.application.security.ApiKeys;
import org.recsys.domain.model.apikey.ApiKey;
import org.recsys.interfaces.rest.Problem;

/**
 * Every partner API request needs {@code Authorization: Bearer <key>}: a missing, unknown or revoked key answers 401
 * with {@code WWW-Authenticate: Bearer}; a read key on a writing method answers 403. Both are problem documents.
 * Pre-matching, so that unknown paths do not tell an anonymous caller which resources exist. The key found is the
 * request's {@link ApiCaller}, for {@link OperationsScopeFilter} (which guards the operations resources) and for the
 * resources that scope data by caller.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public class ApiKeyFilter implements ContainerRequestFilter {

    /** Methods that only read; every other method needs a write key. */
    static final Set<String> READING_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    private static final String BEARER = "Bearer ";

    @Inject
    ApiKeys keys;
    @Inject
    ApiCaller caller;

    @Override
    public void filter(ContainerRequestContext request) {
        String instance = request.getUriInfo().getRequestUri().getPath();
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            request.abortWith(unauthorized("Send an API key as 'Authorization: Bearer <key>'", null, instance));
            return;
        }
        Optional<ApiKey> key = keys.authenticate(header.substring(BEARER.length()).strip());
        if (key.isEmpty()) {
            request.abortWith(unauthorized("The API key is unknown or was revoked", "invalid_token", instance));
            return;
        }
        caller.authenticated(key.get());
        if (!READING_METHODS.contains(request.getMethod()) && !key.get().scope().allowsWrites()) {
            request.abortWith(forbidden("This API key may only read; " + request.getMethod()
                    + " needs a key with scope WRITE", "write", instance));
        }
    }

    static Response forbidden(String detail, String scope, String instance) {
        return Response.fromResponse(Problem.of(Response.Status.FORBIDDEN, detail, instance).toResponse())
                .header(HttpHeaders.WWW_AUTHENTICATE,
                        "Bearer realm=\"recsys\", error=\"insufficient_scope\", scope=\"" + scope + "\"").build();
    }

    private static Response unauthorized(String detail, String error, String instance) {
        String challenge = "Bearer realm=\"recsys\"" + (error == null ? "" : ", error=\"" + error + "\"");
        return Response.fromResponse(Problem.of(Response.Status.UNAUTHORIZED, detail, instance).toResponse())
                .header(HttpHeaders.WWW_AUTHENTICATE, challenge).build();
    }
}
