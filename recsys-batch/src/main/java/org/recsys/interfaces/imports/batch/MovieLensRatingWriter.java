package org.recsys.interfaces.imports.batch;

import jakarta.inject.Inject;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.recsys.application.FeedbackService;
import org.recsys.application.RecordOutcome;
import org.recsys.domain.model.feedback.FeedbackType;
import org.recsys.domain.model.feedback.NewFeedback;
import org.recsys.domain.model.item.ItemRepository;
import org.recsys.ml.data.MovieLensRating;

/**
 * Ratings become RATING events. Each carries an idempotency key made of user, item and time, so importing the file
 * again stores nothing. A rating of an item that u.item does not define is rejected with that reason.
 */
@Named
@Dependent
public class MovieLensRatingWriter extends DatasetImportWriter<MovieLensRating> {

    @Inject
    FeedbackService feedback;
    @Inject
    ItemRepository items;

    @Override
    protected Result store(List<ImportLine<MovieLensRating>> accepted) {
        Set<String> known = items.existingIds(accepted.stream().map(l -> l.parsed().record().itemId()).toList());
        List<NewFeedback> events = new ArrayList<>(accepted.size());
        List<Rejection<?>> rejections = new ArrayList<>();
        for (ImportLine<MovieLensRating> line : accepted) {
            MovieLensRating rating = line.parsed().record();
            if (!known.contains(rating.itemId())) {
                rejections.add(new Rejection<>(line, "no item '" + rating.itemId() + "' in u.item"));
                continue;
            }
            events.add(new NewFeedback(rating.userId(), rating.itemId(), FeedbackType.RATING,
                    (double) rating.rating(), null, Instant.ofEpochSecond(rating.timestamp()), null,
                    "movielens-100k:" + rating.userId() + ":" + rating.itemId() + ":" + rating.timestamp()));
        }
        RecordOutcome outcome = events.isEmpty() ? null : feedback.record(events, MovieLensItemWriter.SOURCE);
        return new Result(outcome == null ? 0 : outcome.stored(), rejections);
    }
}
