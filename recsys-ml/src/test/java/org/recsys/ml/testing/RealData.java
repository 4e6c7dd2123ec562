package org.recsys.ml.testing;

import org.junit.jupiter.api.Assumptions;
import org.recsys.ml.data.DataDirectory;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Locates the real datasets for tests; skips the calling test with a printed reason when they are absent.
 */
public final class RealData {

    private RealData() {
    }

    /** A file under the data folder, or the test is skipped. */
    public static Path require(String relativePath) {
        Path dir = DataDirectory.find().orElse(null);
        Assumptions.assumeTrue(dir != null, "real data not available: set system property "
                + DataDirectory.PROPERTY + " or environment variable " + DataDirectory.ENVIRONMENT);
        Path file = dir.resolve(relativePath);
        Assumptions.assumeTrue(Files.exists(file), "real data file missing: " + file);
        return file;
    }
}
