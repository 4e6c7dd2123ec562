package org.recsys.interfaces.console.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.recsys.application.Slice;
import org.recsys.application.Transactions;
import org.recsys.application.console.ConsoleQueries;
import org.recsys.domain.model.user.User;

/** Users: search by id, a page at a time (keyset: the page after a given id). */
@Named("usersView")
@RequestScoped
public class UsersView {

    static final int PAGE = 20;

    @Inject
    ConsoleQueries queries;

    private String q;
    private String after;
    @Inject
    Transactions transactions;

    private Slice<UserRow> page;

    /** A user as the list shows it. */
    public record UserRow(String id, String preferenceText, String attributes) {
        static UserRow of(User user) {
            return new UserRow(user.id(), user.preferenceText(), user.attributes().toString());
        }
    }

    public Slice<UserRow> getPage() {
        if (page == null) {
            page = transactions.inNewTransaction(() -> queries.searchUsers(q, after, PAGE).map(UserRow::of));
        }
        return page;
    }

    public String getNextAfter() {
        return getPage().elements().isEmpty() ? null : getPage().last().id();
    }

    public String getQ() {
        return q;
    }

    public void setQ(String q) {
        this.q = q;
    }

    public String getAfter() {
        return after;
    }

    public void setAfter(String after) {
        this.after = after;
    }
}
