package org.recsys.interfaces.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Startup;
import org.recsys.application.startup.StartupSequence;

/** Up once the schema is migrated and start-up work is done; carries the failure when start-up failed. */
@Startup
@ApplicationScoped
public class StartupCheck implements DetailedCheck {

    @Inject
    StartupSequence startup;

    @Override
    public HealthCheckResponse details() {
        var answer = HealthCheckResponse.named("startup").status(startup.state() == StartupSequence.State.READY)
                .withData("state", startup.state().name());
        if (startup.failure() != null) {
            answer.withData("failure", startup.failure());
        }
        return answer.build();
    }
}
