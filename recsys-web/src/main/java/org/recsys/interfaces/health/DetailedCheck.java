package org.recsys.interfaces.health;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * A health check whose details (counts, cluster addresses, error messages) only operators see: the public
 * {@code /health} answer carries its name and status, {@code GET /api/v1/status} (scope OPERATE) also its data.
 */
public interface DetailedCheck extends HealthCheck {

    /** The check with its data. */
    HealthCheckResponse details();

    /** The public answer: name and status only. */
    @Override
    default HealthCheckResponse call() {
        HealthCheckResponse full = details();
        return HealthCheckResponse.named(full.getName()).status(full.getStatus() == HealthCheckResponse.Status.UP)
                .build();
    }
}
