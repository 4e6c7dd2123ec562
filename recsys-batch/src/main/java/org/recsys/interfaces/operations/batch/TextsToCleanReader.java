package org.recsys.interfaces.operations.batch;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.recsys.application.quality.DataCleaning;
import org.recsys.domain.model.feedback.FeedbackCleaning;
import org.recsys.domain.model.feedback.FeedbackCleaning.Example;

/** Feedback events that carry a text, by event id. */
@Named
@Dependent
public class TextsToCleanReader extends KeyPagedReader<Long, Example> {

    @Inject
    FeedbackCleaning cleaning;
    @Inject
    DataCleaning dataCleaning;

    @Override
    protected List<Example> page(Long after, int limit) {
        return cleaning.textsAfter(after == null ? 0 : after, limit);
    }

    @Override
    protected Long keyOf(Example item) {
        return item.eventId();
    }

    @Override
    protected long total() {
        return dataCleaning.countTexts();
    }
}
