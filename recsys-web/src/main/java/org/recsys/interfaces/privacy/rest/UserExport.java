package org.recsys.interfaces.privacy.rest;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.recsys.application.privacy.PersonalData;
import org.recsys.domain.model.impression.Impression;
import org.recsys.domain.model.profile.Interest;
import org.recsys.domain.model.profile.ProfileState;
import org.recsys.domain.model.profile.UserProfile;
import org.recsys.interfaces.feedback.rest.FeedbackResponse;
import org.recsys.interfaces.users.rest.UserResponse;

@Schema(name = "UserExport", description = "Everything held about one user (GDPR article 15)")
public record UserExport(
        Instant exportedAt,
        @Schema(description = "The user record: attributes, preference text, source") UserResponse user,
        @Schema(description = "The learnt profile as stored; null before the first feedback") StoredProfile profile,
        @Schema(description = "Every stored event, reviews included, newest first") List<FeedbackResponse> feedback,
        @Schema(description = "Every logged recommendation list shown to the user, oldest first")
        List<ShownList> impressions,
        @Schema(description = "Stars the serving rating model predicts for each item the user gave feedback on; "
                + "empty when no rating model is trained") List<PersonalData.PredictedStars> predictedStars,
        @Schema(description = "What the serving sentiment model reads in each review text; empty when none is "
                + "trained") List<PersonalData.ReviewSentiment> reviewSentiments,
        @Schema(description = "Examples in job reports (data quality) that name the user")
        List<ReportExample> reportExamples) {

    @Schema(name = "ReportExample")
    public record ReportExample(String job, long executionId, Instant reportedAt, JsonObject example) {

        static ReportExample of(PersonalData.ReportExample example) {
            try (JsonReader reader = Json.createReader(new StringReader(example.example()))) {
                return new ReportExample(example.job(), example.executionId(), example.reportedAt(),
                        reader.readObject());
            }
        }
    }

    @Schema(name = "StoredProfile")
    public record StoredProfile(long version, String encoder, Instant updatedAt, int events, int positives,
                                @Schema(description = "The profile vector in the encoder's space") float[] vector,
                                List<InterestPoint> interests, List<String> liked, List<String> consumed,
                                List<String> rejected,
                                @Schema(description = "Whether the user's own preference text moved the vector "
                                        + "(such new users are ranked by the learnt ranker, which reads it)")
                                boolean statedPreference) {

        static StoredProfile of(UserProfile profile) {
            ProfileState s = profile.state();
            return new StoredProfile(profile.version(), profile.encoder(), profile.updatedAt(), s.events(),
                    s.positives(), s.vector(), s.interests().stream().map(InterestPoint::of).toList(), s.liked(),
                    s.consumed(), s.rejected(), s.statedPreference());
        }
    }

    @Schema(name = "ExportedInterestPoint")
    public record InterestPoint(List<String> tags, double weight, List<String> memberItemIds, float[] centroid) {

        static InterestPoint of(Interest interest) {
            return new InterestPoint(interest.tags(), interest.weight(), interest.memberItemIds(),
                    interest.centroid());
        }
    }

    @Schema(name = "ShownList")
    public record ShownList(String recommendationId, Instant shownAt, String strategy, List<String> itemIds) {

        static ShownList of(Impression impression) {
            return new ShownList(impression.recommendationId(), impression.createdAt(), impression.strategy(),
                    impression.itemIds());
        }
    }

    static UserExport of(PersonalData data) {
        return new UserExport(data.exportedAt(), UserResponse.of(data.user()),
                data.profile() == null ? null : StoredProfile.of(data.profile()),
                data.feedback().stream().map(FeedbackResponse::of).toList(),
                data.impressions().stream().map(ShownList::of).toList(), data.predictedStars(),
                data.reviewSentiments(), data.reportExamples().stream().map(ReportExample::of).toList());
    }
}
