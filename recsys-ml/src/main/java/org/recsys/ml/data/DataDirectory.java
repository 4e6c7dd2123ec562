package org.recsys.ml.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the folder holding the real datasets: system property {@code recsys.data.dir}, else environment variable
 * {@code RECSYS_DATA_DIR}. The datasets are never bundled; callers skip or fail with a reason when absent.
 */
public final class DataDirectory {

    /** System property naming the data folder. */
    public static final String PROPERTY = "recsys.data.dir";
    /** Environment variable naming the data folder. */
    public static final String ENVIRONMENT = "RECSYS_DATA_DIR";

    private DataDirectory() {
    }

    /** The configured data folder, if it is set and exists. */
    public static Optional<Path> find() {
        String configured = System.getProperty(PROPERTY);
        if (configured == null || configured.isBlank()) {
            configured = System.getenv(ENVIRONMENT);
        }
        if (configured == null || configured.isBlank()) {
            return Optional.empty();
        }
        Path path = Path.of(configured).toAbsolutePath().normalize();
        return Files.isDirectory(path) ? Optional.of(path) : Optional.empty();
    }

    /** A dataset file under the data folder, if present. */
    public static Optional<Path> file(String relativePath) {
        return find().map(dir -> dir.resolve(relativePath)).filter(Files::isRegularFile);
    }
}
