package org.recsys.infrastructure.persistence;

import java.util.ArrayList;
import java.util.List;

/**
 * Decides from samples of the connection pool when connections are stranded: in use (neither free nor behind an
 * open handle) in every sample for a whole window. A connection that a running transaction holds between two
 * statements also has no handle for a moment, so one sample proves nothing; a window of minutes without a single
 * sample at zero does.
 */
public final class StrandedConnections {

    private record Sample(long atMillis, long withoutHandle) {
    }

    private final long windowMillis;
    private final List<Sample> samples = new ArrayList<>();

    public StrandedConnections(long windowMillis) {
        this.windowMillis = windowMillis;
    }

    /** In use by no handle in one sample: managed connections neither free nor behind a handle. */
    public static long withoutHandle(long managed, long free, long handles) {
        return Math.max(0, managed - free - handles);
    }

    /**
     * Adds a sample and answers how many connections have been in use by no handle throughout the window (the
     * smallest count over it), 0 until the samples cover the whole window.
     */
    public synchronized long add(long atMillis, long withoutHandle) {
        samples.add(new Sample(atMillis, withoutHandle));
        long windowStart = atMillis - windowMillis;
        // Keep one sample at or before the window's start: it shows the samples cover the whole window.
        while (samples.size() > 1 && samples.get(1).atMillis() <= windowStart) {
            samples.remove(0);
        }
        if (samples.get(0).atMillis() > windowStart) {
            return 0;
        }
        return samples.stream().mapToLong(Sample::withoutHandle).min().orElse(0);
    }

    /** Forgets the samples, after the stranded connections were returned. */
    public synchronized void reset() {
        samples.clear();
    }
}
