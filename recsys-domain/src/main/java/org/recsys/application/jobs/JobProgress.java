package org.recsys.application.jobs;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Items done out of items to do of the step each job execution on this member is in, reported by the readers
 * (the total, when the step starts) and the writers (after every chunk).
 */
@ApplicationScoped
public class JobProgress {

    /** Where a step is. */
    public record Step(String step, long done, long total) {
    }

    private final Map<Long, Step> steps = new ConcurrentHashMap<>();

    /** A step starts (or restarts) with this many items to do, of which {@code done} were done before. */
    public void begin(long executionId, String step, long done, long total) {
        steps.put(executionId, new Step(step, done, total));
    }

    public void advance(long executionId, long items) {
        steps.computeIfPresent(executionId, (id, s) -> new Step(s.step(), s.done() + items,
                Math.max(s.total(), s.done() + items)));
    }

    public Optional<Step> of(long executionId) {
        return Optional.ofNullable(steps.get(executionId));
    }
}
