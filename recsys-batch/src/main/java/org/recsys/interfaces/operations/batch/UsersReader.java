package org.recsys.interfaces.operations.batch;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.recsys.domain.model.user.User;
import org.recsys.domain.model.user.UserRepository;

/** Every user id, in order. */
@Named
@Dependent
public class UsersReader extends KeyPagedReader<String, String> {

    @Inject
    UserRepository users;

    @Override
    protected List<String> page(String after, int limit) {
        return users.listAfter(after, limit).stream().map(User::id).toList();
    }

    @Override
    protected String keyOf(String userId) {
        return userId;
    }

    @Override
    protected long total() {
        return users.count();
    }
}
