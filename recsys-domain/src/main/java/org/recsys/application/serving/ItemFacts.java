package org.recsys.application.serving;

import java.util.List;
import org.recsys.domain.model.feedback.ReviewSummary;

/** What serving knows of an item besides its vector: for filters and explanations. */
public record ItemFacts(String title, List<String> categories, ReviewSummary reviews) {

    public ItemFacts {
        categories = List.copyOf(categories);
    }

    ItemFacts withReviews(ReviewSummary newReviews) {
        return new ItemFacts(title, categories, newReviews);
    }
}
