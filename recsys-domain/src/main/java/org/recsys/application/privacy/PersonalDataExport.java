package org.recsys.application.privacy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.recsys.application.Transactions;
import org.recsys.application.UnknownEntityException;
import org.recsys.application.models.ActiveModel;
import org.recsys.application.models.ServingModels;
import org.recsys.application.serving.LiveCatalogue;
import org.recsys.domain.model.feedback.FeedbackEvent;
import org.recsys.domain.model.feedback.FeedbackRepository;
import org.recsys.domain.model.feedback.FeedbackType;
import org.recsys.domain.model.impression.Impression;
import org.recsys.domain.model.impression.ImpressionRepository;
import org.recsys.domain.model.jobreport.JobReport;
import org.recsys.domain.model.jobreport.JobReportRepository;
import org.recsys.domain.model.profile.UserProfile;
import org.recsys.domain.model.profile.UserProfileRepository;
import org.recsys.domain.model.user.User;
import org.recsys.domain.model.user.UserRepository;
import org.recsys.infrastructure.ml.TextEncoding;
import org.recsys.ml.rating.RatingModel;
import org.recsys.ml.sentiment.SentimentModel;
import org.recsys.ml.sentiment.SentimentPrediction;

/**
 * Gathers everything the database holds about a user, and what the serving models say about them, for the right of
 * access. Reads only, in one transaction, so the parts agree with each other.
 */
@ApplicationScoped
public class PersonalDataExport {

    /** Rows read per query: a long history is read in pages, never in one result set. */
    static final int PAGE = 1000;

    @Inject
    UserRepository users;
    @Inject
    UserProfileRepository profiles;
    @Inject
    FeedbackRepository feedback;
    @Inject
    ImpressionRepository impressions;
    @Inject
    JobReportRepository reports;
    @Inject
    ServingModels models;
    @Inject
    LiveCatalogue catalogue;
    @Inject
    TextEncoding encoding;
    @Inject
    Transactions transactions;

    Clock clock = Clock.systemUTC();

    /** What the database holds, read in one transaction; the models' predictions are added outside it. */
    private record Stored(User user, UserProfile profile, List<FeedbackEvent> feedback, List<Impression> impressions,
                          List<PersonalData.ReportExample> reportExamples) {
    }

    public PersonalData export(String userId) {
        Stored stored = transactions.inTransaction(() -> users.find(userId)
                .map(user -> new Stored(user, profiles.find(userId).orElse(null), feedback.allForUser(userId),
                        allImpressions(userId), reportExamples(userId)))
                .orElse(null));
        if (stored == null) {
            throw new UnknownEntityException("user", userId);
        }
        return new PersonalData(stored.user(), stored.profile(), stored.feedback(), stored.impressions(),
                predictedStars(stored), reviewSentiments(stored.feedback()), stored.reportExamples(),
                clock.instant());
    }

    private List<PersonalData.ReportExample> reportExamples(String userId) {
        List<PersonalData.ReportExample> found = new ArrayList<>();
        for (JobReport report : reports.mentioning(userId)) {
            report.examplesNaming(userId).forEach(example -> found.add(new PersonalData.ReportExample(
                    report.jobName(), report.jobExecutionId(), report.createdAt(), example)));
        }
        return found;
    }

    private List<Impression> allImpressions(String userId) {
        List<Impression> all = new ArrayList<>();
        String after = null;
        while (true) {
            List<Impression> page = impressions.listForUser(userId, after, PAGE);
            all.addAll(page);
            if (page.size() < PAGE) {
                all.sort((a, b) -> a.createdAt().compareTo(b.createdAt()));
                return all;
            }
            after = page.get(page.size() - 1).recommendationId();
        }
    }

    private List<PersonalData.PredictedStars> predictedStars(Stored data) {
        ActiveModel<RatingModel> active = models.rating().orElse(null);
        if (active == null) {
            return List.of();
        }
        Set<String> items = new LinkedHashSet<>();
        data.feedback().forEach(e -> items.add(e.itemId()));
        float[] userVector = data.profile() == null ? null : data.profile().state().vector();
        RatingModel.ItemRater rater = active.model().scorerFor(data.user().id(), userVector);
        return items.stream().map(item -> new PersonalData.PredictedStars(item,
                rater.rate(item, catalogue.vector(item)), active.version())).toList();
    }

    private List<PersonalData.ReviewSentiment> reviewSentiments(List<FeedbackEvent> events) {
        ActiveModel<SentimentModel> active = models.sentiment().orElse(null);
        if (active == null) {
            return List.of();
        }
        List<FeedbackEvent> reviews = events.stream()
                .filter(e -> e.type() == FeedbackType.REVIEW && e.text() != null && !e.text().isBlank()).toList();
        if (reviews.isEmpty()) {
            return List.of();
        }
        List<float[]> vectors = encoding.encodeAll(reviews.stream().map(FeedbackEvent::text).toList());
        List<PersonalData.ReviewSentiment> judged = new ArrayList<>();
        for (int i = 0; i < reviews.size(); i++) {
            SentimentPrediction prediction = active.model().predict(vectors.get(i));
            judged.add(new PersonalData.ReviewSentiment(reviews.get(i).id(), prediction.label(),
                    prediction.probability(prediction.label()), active.version()));
        }
        return judged;
    }
}
