package org.recsys.interfaces.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/** Down when the heap is nearly exhausted, so an orchestrator restarts the server rather than let it thrash. */
@Liveness
@ApplicationScoped
public class LivenessCheck implements DetailedCheck {

    static final double MAX_HEAP_USE = 0.95;

    @Override
    public HealthCheckResponse details() {
        Runtime runtime = Runtime.getRuntime();
        long used = runtime.totalMemory() - runtime.freeMemory();
        double share = (double) used / runtime.maxMemory();
        return HealthCheckResponse.named("heap").status(share < MAX_HEAP_USE)
                .withData("usedMegabytes", used >> 20).withData("maxMegabytes", runtime.maxMemory() >> 20)
                .build();
    }
}
