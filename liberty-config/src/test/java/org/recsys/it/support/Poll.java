package org.recsys.it.support;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/** Waits for something the server does in the background (model training, the impression log). */
public final class Poll {

    private Poll() {
    }

    public static <T> T until(Supplier<T> probe, java.util.function.Predicate<T> done, Duration timeout,
                              String what) {
        return until(probe, done, timeout, Duration.ofMillis(200), what);
    }

    /** Probes every {@code every} until {@code done}, failing after {@code timeout}. */
    public static <T> T until(Supplier<T> probe, java.util.function.Predicate<T> done, Duration timeout,
                              Duration every, String what) {
        Instant deadline = Instant.now().plus(timeout);
        T last = probe.get();
        while (!done.test(last)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out after " + timeout + " waiting for " + what + "; last: " + last);
            }
            sleep(every.toMillis());
            last = probe.get();
        }
        return last;
    }

    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
