package org.recsys.application.privacy;

import java.time.Instant;
import java.util.List;
import org.recsys.domain.model.feedback.FeedbackEvent;
import org.recsys.domain.model.impression.Impression;
import org.recsys.domain.model.profile.UserProfile;
import org.recsys.domain.model.user.User;

/**
 * Everything held about one user, as read for an export.
 *
 * @param profile          the stored profile, or null when none was learnt yet
 * @param feedback         every stored event, reviews included, newest first
 * @param impressions      every logged recommendation list shown to them, oldest first
 * @param predictedStars   what the serving rating model predicts for each item they gave feedback on (empty when no
 *                         model is trained)
 * @param reviewSentiments what the serving sentiment model reads in each of their review texts
 * @param reportExamples   the examples in job reports (data quality) that name them
 */
public record PersonalData(User user, UserProfile profile, List<FeedbackEvent> feedback,
                           List<Impression> impressions, List<PredictedStars> predictedStars,
                           List<ReviewSentiment> reviewSentiments, List<ReportExample> reportExamples,
                           Instant exportedAt) {

    /** @param example the example as the report holds it, a JSON object */
    public record ReportExample(String job, long executionId, Instant reportedAt, String example) {
    }

    public record PredictedStars(String itemId, double stars, String modelVersion) {
    }

    public record ReviewSentiment(long feedbackId, String label, double probability, String modelVersion) {
    }
}
