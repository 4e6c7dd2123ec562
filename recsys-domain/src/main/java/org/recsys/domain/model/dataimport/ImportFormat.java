package org.recsys.domain.model.dataimport;

import java.util.Arrays;
import java.util.Optional;

/** The dataset formats the import job reads, each with the batch job that reads it. */
public enum ImportFormat {
    MOVIELENS_100K("movielens-100k", "import-movielens"),
    AMAZON_REVIEWS("amazon-reviews", "import-amazon-reviews");

    private final String id;
    private final String jobName;

    ImportFormat(String id, String jobName) {
        this.id = id;
        this.jobName = jobName;
    }

    public String id() {
        return id;
    }

    public String jobName() {
        return jobName;
    }

    public static Optional<ImportFormat> byId(String id) {
        return Arrays.stream(values()).filter(f -> f.id.equals(id)).findFirst();
    }

    public static String allIds() {
        return String.join(", ", Arrays.stream(values()).map(ImportFormat::id).toList());
    }
}
