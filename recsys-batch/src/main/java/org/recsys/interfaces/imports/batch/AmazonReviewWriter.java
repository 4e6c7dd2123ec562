package org.recsys.interfaces.imports.batch;

import jakarta.inject.Inject;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.recsys.application.FeedbackService;
import org.recsys.application.ItemDraft;
import org.recsys.application.ItemService;
import org.recsys.application.UserDraft;
import org.recsys.application.UserService;
import org.recsys.domain.model.dataimport.ImportFormat;
import org.recsys.domain.model.feedback.FeedbackType;
import org.recsys.domain.model.feedback.NewFeedback;
import org.recsys.domain.model.item.ItemDescription;
import org.recsys.domain.model.shared.RecordSource;
import org.recsys.ml.data.AmazonReview;

/**
 * A review names its reviewer and product, which are created when new, and becomes a REVIEW event with its stars
 * and text (summary and body); a review without any text becomes a RATING. The dumps carry no product metadata, so
 * an item is titled by its ASIN and described by its reviews.
 */
@Named
@Dependent
public class AmazonReviewWriter extends DatasetImportWriter<AmazonReview> {

    static final String SOURCE = RecordSource.imported(ImportFormat.AMAZON_REVIEWS.id());

    @Inject
    UserService users;
    @Inject
    ItemService items;
    @Inject
    FeedbackService feedback;

    @Override
    protected Result store(List<ImportLine<AmazonReview>> accepted) {
        Map<String, UserDraft> reviewers = new LinkedHashMap<>();
        Map<String, ItemDraft> products = new LinkedHashMap<>();
        List<NewFeedback> events = new ArrayList<>(accepted.size());
        for (ImportLine<AmazonReview> line : accepted) {
            AmazonReview review = line.parsed().record();
            reviewers.computeIfAbsent(review.reviewerId(), id -> new UserDraft(id,
                    review.reviewerName() == null ? Map.of() : Map.of("name", review.reviewerName()), null));
            products.computeIfAbsent(review.asin(), asin -> new ItemDraft(asin,
                    new ItemDescription(asin, null, List.of(), Map.of("asin", asin))));
            String text = review.fullText();
            boolean hasText = text != null && !text.isBlank();
            events.add(new NewFeedback(review.reviewerId(), review.asin(),
                    hasText ? FeedbackType.REVIEW : FeedbackType.RATING, (double) review.overall(),
                    hasText ? text : null,
                    review.unixReviewTime() > 0 ? Instant.ofEpochSecond(review.unixReviewTime()) : null, null,
                    "amazon-reviews:" + review.reviewerId() + ":" + review.asin() + ":" + review.unixReviewTime()));
        }
        users.createMissing(new ArrayList<>(reviewers.values()), SOURCE);
        items.createMissing(new ArrayList<>(products.values()), SOURCE);
        return new Result(feedback.record(events, SOURCE).stored(), List.of());
    }
}
