package org.recsys.interfaces.console.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.recsys.application.ItemService;
import org.recsys.application.Transactions;
import org.recsys.application.UnknownEntityException;
import org.recsys.application.serving.LiveCatalogue;
import org.recsys.application.serving.RecommendationService;
import org.recsys.application.serving.RecommendedItem;
import org.recsys.domain.model.feedback.ReviewSummary;
import org.recsys.domain.model.item.Item;

/** One item: its description, what its reviews say (sentiment summary) and the items most like it. */
@Named("itemView")
@RequestScoped
public class ItemView {

    static final int SIMILAR = 10;

    @Inject
    ItemService items;
    @Inject
    LiveCatalogue catalogue;
    @Inject
    RecommendationService recommendations;
    @Inject
    Transactions transactions;

    private String id;
    private Details details;
    private List<RecommendedItem> similar;

    public record Details(String id, String title, String description, String categories, String attributes,
                          long reviews, long positiveReviews, double positiveShare, double meanStars) {
    }

    public Details getDetails() {
        if (details == null && id != null && !id.isBlank()) {
            try {
                details = transactions.inNewTransaction(() -> {
                    Item item = items.get(id);
                    ReviewSummary reviews = catalogue.facts(id).map(f -> f.reviews()).orElse(ReviewSummary.NONE);
                    return new Details(item.id(), item.title(), item.descriptionText(),
                            String.join(", ", item.categories()), item.attributes().toString(), reviews.reviews(),
                            reviews.positive(), reviews.reviews() == 0 ? Double.NaN
                            : 100.0 * reviews.positive() / reviews.reviews(), reviews.meanStars());
                });
            } catch (UnknownEntityException e) {
                return null;
            }
        }
        return details;
    }

    public List<RecommendedItem> getSimilar() {
        if (similar == null && getDetails() != null) {
            try {
                similar = recommendations.similar(id, SIMILAR);
            } catch (RuntimeException e) {
                similar = List.of();
            }
        }
        return similar;
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }
}
