package org.recsys.application.quality;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.recsys.application.jobs.JobReports;
import org.recsys.domain.model.feedback.FeedbackCleaning;
import org.recsys.domain.model.feedback.FeedbackCleaning.Example;
import org.recsys.domain.model.shared.TextSanitizer;

/**
 * The clean-data job's rules. Texts are cleaned a chunk at a time (many rows); the other rules are one statement
 * each and run together in one transaction with the report, so a report never describes a half-applied cleaning.
 * Running the job again finds nothing left to do.
 */
@ApplicationScoped
public class DataCleaning {

    static final int EXAMPLES = 5;
    public static final String JOB = "clean-data";

    @Inject
    FeedbackCleaning cleaning;
    @Inject
    JobReports reports;

    /** More events than this from one user within one minute are flagged as a burst. */
    @Inject
    @ConfigProperty(name = "recsys.quality.burst-per-minute", defaultValue = "60")
    int burstPerMinute;
    /** The same text (20 characters or more) from this many users or more is flagged as copied. */
    @Inject
    @ConfigProperty(name = "recsys.quality.copied-text-users", defaultValue = "3")
    int copiedTextUsers;

    Clock clock = Clock.systemUTC();

    /** Cleans the texts of a page of events; returns the events whose text changed, with before and after. */
    @Transactional
    public List<Example> cleanTexts(List<Example> events) {
        Map<Long, String> changed = new LinkedHashMap<>();
        for (Example event : events) {
            String cleaned = TextSanitizer.clean(event.detail());
            if (!Objects.equals(cleaned, event.detail())) {
                changed.put(event.eventId(), cleaned);
            }
        }
        if (!changed.isEmpty()) {
            cleaning.replaceTexts(changed);
        }
        return events.stream().filter(e -> changed.containsKey(e.eventId())).toList();
    }

    public long countTexts() {
        return cleaning.countTexts();
    }

    /**
     * Applies the set-based rules and writes the data-quality report of this execution, with the texts-step's count
     * and examples.
     */
    @Transactional
    public JsonObject applyRules(long executionId, long textsCleaned, List<Example> textExamples) {
        List<Example> duplicates = cleaning.duplicates(EXAMPLES);
        int duplicatesRemoved = cleaning.removeDuplicates();
        List<Example> outOfRange = cleaning.outOfRange(EXAMPLES);
        int outOfRangeRemoved = cleaning.removeOutOfRange();
        int bursts = cleaning.flagBursts(burstPerMinute);
        int copied = cleaning.flagCopiedTexts(copiedTextUsers);
        JsonArrayBuilder rules = Json.createArrayBuilder()
                .add(rule("html-and-control-characters", "text cleaned", textsCleaned, textsCleaned,
                        textExamples))
                .add(rule("exact-duplicate", "removed (the oldest copy is kept)", duplicatesRemoved,
                        duplicatesRemoved, duplicates))
                .add(rule("stars-out-of-range", "removed (ratings need 1-5 stars; reviews 1-5 or none)",
                        outOfRangeRemoved, outOfRangeRemoved, outOfRange))
                .add(rule("burst", "flagged: more than " + burstPerMinute + " events from one user within one minute",
                        bursts, cleaning.countFlagged("burst"), cleaning.flagged("burst", EXAMPLES)))
                .add(rule("copied-text", "flagged: the same text from " + copiedTextUsers + " or more users",
                        copied, cleaning.countFlagged("copied-text"), cleaning.flagged("copied-text", EXAMPLES)));
        JsonObject report = Json.createObjectBuilder().add("job", JOB).add("executionId", executionId)
                .add("createdAt", clock.instant().toString()).add("rules", rules).build();
        reports.store(JOB, executionId, report);
        return report;
    }

    private static JsonObject rule(String name, String action, long thisRun, long inTotal, List<Example> examples) {
        JsonArrayBuilder shown = Json.createArrayBuilder();
        for (Example example : examples) {
            JsonObjectBuilder one = Json.createObjectBuilder().add("eventId", example.eventId())
                    .add("userId", example.userId()).add("itemId", example.itemId());
            if (example.detail() != null) {
                String detail = example.detail();
                one.add("detail", detail.length() > 200 ? detail.substring(0, 200) + "..." : detail);
            }
            shown.add(one);
        }
        return Json.createObjectBuilder().add("rule", name).add("action", action).add("count", thisRun)
                .add("total", inTotal).add("examples", shown).build();
    }
}
