package org.recsys.interfaces.security.rest;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import org.recsys.domain.model.apikey.ApiKey;

/**
 * Operations resources ({@link Operations}) answer only to keys of scope OPERATE: a partner's READ or WRITE key gets a
 * 403 for every method, reads included (job reports and model metrics are operations data). Bound by name after
 * matching, so it guards exactly the resources marked, whatever spelling of the path reached them.
 */
@Provider
@Operations
@Priority(Priorities.AUTHORIZATION)
public class OperationsScopeFilter implements ContainerRequestFilter {

    @Inject
    ApiCaller caller;

    @Override
    public void filter(ContainerRequestContext request) {
        ApiKey key = caller.key();
        if (key == null || !key.scope().allowsOperations()) {
            request.abortWith(ApiKeyFilter.forbidden("Imports, jobs, schedules, models and experiments are operations "
                    + "work: they need a key with scope OPERATE", "operate",
                    request.getUriInfo().getRequestUri().getPath()));
        }
    }
}
