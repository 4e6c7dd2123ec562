package org.recsys.interfaces.recommendation.rest;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.recsys.application.serving.RecommendationList;
import org.recsys.application.serving.RecommendedItem;

@Schema(name = "Recommendations")
public record RecommendationResponse(
        @Schema(description = "Quote it as recommendationId in feedback about these items",
                example = "div-4f1c9a2e-7b0d-4d6e-9a53-1f2e3d4c5b6a") String recommendationId,
        String userId,
        @Schema(description = "The ranking strategy the bandit chose for this request", example = "diversity")
        String strategy,
        List<Entry> items) {

    @Schema(name = "RecommendedItem")
    public record Entry(
            @Schema(example = "demo-guitars-07") String itemId,
            @Schema(example = "Harbor Jazz archtop guitar") String title,
            @Schema(description = "Fused score; items come best first after diversity re-ranking") double score,
            @Schema(description = "Why, in plain words (explain=true)",
                    example = "Matches your interest in jazz, archtop and humbucker; similar to \\u201cAurora Jazz "
                            + "hollow-body guitar\\u201d, which you liked. Reviewers give it 4.6 of 5 stars "
                            + "(5 reviews, 80% positive).") String explanation,
            @Schema(description = "The facts behind the explanation (explain=true)") Reasons reasons) {
    }

    @Schema(name = "RecommendationReasons")
    public record Reasons(List<String> interestTags, Related becauseYouLiked, Reviews reviews, Double predictedStars,
                          Signals signals) {
    }

    @Schema(name = "RelatedItem")
    public record Related(String itemId, String title) {
    }

    @Schema(name = "ReviewSummary")
    public record Reviews(long count, Double meanStars, Double positiveShare) {
    }

    @Schema(name = "ScoreSignals", description = "Each signal's weighted part of the score")
    public record Signals(double interest, double rating, double popularity) {
    }

    static RecommendationResponse of(RecommendationList list, boolean explain) {
        return new RecommendationResponse(list.recommendationId(), list.userId(), list.strategy().id(),
                list.items().stream().map(item -> entry(item, explain)).toList());
    }

    static Entry entry(RecommendedItem item, boolean explain) {
        if (!explain) {
            return new Entry(item.itemId(), item.title(), item.score(), null, null);
        }
        var reviews = item.reviews();
        Reasons reasons = new Reasons(item.matchedInterest(),
                item.becauseYouLiked() == null ? null : new Related(item.becauseYouLiked(),
                        item.becauseYouLikedTitle()),
                reviews.reviews() == 0 ? null : new Reviews(reviews.reviews(),
                        Double.isNaN(reviews.meanStars()) ? null : reviews.meanStars(),
                        (double) reviews.positive() / reviews.reviews()),
                Double.isNaN(item.predictedStars()) ? null : item.predictedStars(),
                new Signals(item.interestSignal(), item.ratingSignal(), item.popularitySignal()));
        return new Entry(item.itemId(), item.title(), item.score(), item.explanation(), reasons);
    }
}
