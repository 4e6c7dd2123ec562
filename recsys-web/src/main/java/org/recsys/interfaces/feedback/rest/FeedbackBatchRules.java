package org.recsys.interfaces.feedback.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.recsys.application.FeedbackService;
import org.recsys.application.FieldError;
import org.recsys.interfaces.rest.DocumentRules;

/** A feedback batch names known items (and users, unless unknown users are created) with values fit for each type. */
@ApplicationScoped
public class FeedbackBatchRules implements DocumentRules<FeedbackBatchBody> {

    @Inject
    FeedbackService feedback;

    @Override
    public Class<FeedbackBatchBody> type() {
        return FeedbackBatchBody.class;
    }

    /** FeedbackService refuses the same before storing: a valid batch is not looked up twice. */
    @Override
    public boolean checkedWhenStored() {
        return true;
    }

    @Override
    public List<FieldError> problems(FeedbackBatchBody document) {
        List<FeedbackBody> events = document.events();
        if (events == null || events.size() > FeedbackBatchBody.MAX_EVENTS) {
            return List.of();
        }
        return feedback.problems(events.stream().map(e -> e == null ? null : e.toNewFeedback()).toList());
    }
}
