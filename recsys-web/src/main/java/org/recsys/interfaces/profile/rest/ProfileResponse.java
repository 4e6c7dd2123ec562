package org.recsys.interfaces.profile.rest;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Profile")
public record ProfileResponse(
        String userId,
        @Schema(description = "Changes so far; every piece of feedback adds one") long version,
        @Schema(description = "Feedback events folded in") int events,
        @Schema(description = "Likes, purchases and good ratings or reviews folded in") int positives,
        @Schema(description = "What the user is interested in, by weight") List<InterestResponse> interests,
        @Schema(description = "Items the user liked, most recent first") List<ItemRef> recentLikes,
        @Schema(description = "Items never recommended to this user again") int rejectedItems,
        @Schema(description = "The user's latest feedback") List<FeedbackRef> recentFeedback) {

    @Schema(name = "InterestPoint")
    public record InterestResponse(@Schema(example = "[\"jazz\", \"archtop\", \"humbucker\"]") List<String> tags,
                                   @Schema(description = "Share of the user's interest, 0-1") double weight,
                                   @Schema(description = "Items that formed it") List<ItemRef> representativeItems) {
    }

    @Schema(name = "ItemRef")
    public record ItemRef(String itemId, String title) {
    }

    @Schema(name = "FeedbackRef")
    public record FeedbackRef(String itemId, String title, String type, Double value, String text,
                              String occurredAt) {
    }
}
