package org.recsys.interfaces.users.rest;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.recsys.application.BatchChecks;
import org.recsys.application.FieldError;
import org.recsys.interfaces.rest.DocumentRules;

/** Every user of a batch carries its id, and no id appears twice. */
@ApplicationScoped
public class UserBatchRules implements DocumentRules<UserBatchBody> {

    @Override
    public Class<UserBatchBody> type() {
        return UserBatchBody.class;
    }

    @Override
    public List<FieldError> problems(UserBatchBody document) {
        List<UserBody> users = document.users();
        if (users == null || users.size() > UserBatchBody.MAX_USERS) {
            return List.of();
        }
        return BatchChecks.ids(users, UserBody::id, "users");
    }
}
