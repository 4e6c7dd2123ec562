package org.recsys.application.jobs;

import java.util.Arrays;
import java.util.Optional;

/** The batch jobs of the application (job XML in recsys-batch's META-INF/batch-jobs). */
public enum JobDefinition {
    CLEAN_DATA("clean-data", "Cleans texts, removes duplicate and out-of-range events, flags bursts and copied "
            + "texts; writes a data-quality report", true),
    EMBED_BACKFILL("embed-backfill", "Embeds every item that has no vector from the active encoder", true),
    TRAIN_MODELS("train-models", "Trains the rating and sentiment models, measures them on a hold-out and registers "
            + "them; a candidate that beats the serving model by the margin goes live", true),
    CLUSTER_INTERESTS("cluster-interests", "Recomputes the interest points and tags of the users with feedback since "
            + "its last completed run (every user's on the first run)", true),
    EVALUATE("evaluate", "Measures the serving models on the newest hold-out; writes an evaluation report", true),
    APPLY_RETENTION("apply-retention", "Deletes impressions (and, when configured, feedback) older than their "
            + "retention period, a chunk at a time; writes a retention report", true, "30 2 * * *"),
    COMPLETE_ERASURES("complete-erasures", "Retrains the rating model without the users erased since its training and "
            + "deletes the older versions' payloads", true, "45 2 * * *"),
    IMPORT_MOVIELENS("import-movielens", "Imports MovieLens 100K (start it with POST /api/v1/imports)", false),
    IMPORT_AMAZON_REVIEWS("import-amazon-reviews", "Imports Amazon reviews (start it with POST /api/v1/imports)",
            false);

    private final String jobName;
    private final String description;
    private final boolean startable;
    private final String defaultSchedule;

    JobDefinition(String jobName, String description, boolean startable) {
        this(jobName, description, startable, null);
    }

    JobDefinition(String jobName, String description, boolean startable, String defaultSchedule) {
        this.jobName = jobName;
        this.description = description;
        this.startable = startable;
        this.defaultSchedule = defaultSchedule;
    }

    /** The job XML name, also the job's name in the API and in Liberty's batch tools. */
    public String jobName() {
        return jobName;
    }

    public String description() {
        return description;
    }

    /** Whether it runs without parameters (imports need a file and start through the imports API). */
    public boolean startable() {
        return startable;
    }

    /** The cron it runs at when configuration names none (UTC); empty: only when started or scheduled. */
    public Optional<String> defaultSchedule() {
        return Optional.ofNullable(defaultSchedule);
    }

    public static Optional<JobDefinition> byName(String name) {
        return Arrays.stream(values()).filter(d -> d.jobName.equals(name)).findFirst();
    }
}
