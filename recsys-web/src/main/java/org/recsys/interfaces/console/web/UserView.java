package org.recsys.interfaces.console.web;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.recsys.application.Erasure;
import org.recsys.application.FeedbackService;
import org.recsys.application.Transactions;
import org.recsys.application.UnknownEntityException;
import org.recsys.application.UserService;
import org.recsys.application.profile.ProfileService;
import org.recsys.application.serving.RecommendationList;
import org.recsys.application.serving.RecommendationRequest;
import org.recsys.application.serving.RecommendationService;
import org.recsys.domain.model.consoleuser.ConsoleRole;
import org.recsys.domain.model.profile.Interest;
import org.recsys.domain.model.user.User;
import org.recsys.interfaces.security.web.ConsoleAccess;

/** One user: what they told us, their interest points, recent feedback, a live recommendation preview; erasure. */
@Named("userView")
@ViewScoped
public class UserView implements Serializable {

    private static final long serialVersionUID = 1L;
    static final int RECENT_FEEDBACK = 20;
    static final int PREVIEW = 10;

    @Inject
    transient UserService users;
    @Inject
    transient FeedbackService feedback;
    @Inject
    transient ProfileService profiles;
    @Inject
    transient RecommendationService recommendations;
    @Inject
    transient Transactions transactions;
    @Inject
    transient ConsoleAccess access;

    private String id;
    private boolean confirmed;
    private transient Details details;
    private transient RecommendationList preview;
    private transient String previewProblem;

    /** What the page shows of the user; null when there is no such user. */
    public record Details(String id, String preferenceText, String attributes, Instant createdAt,
                          List<InterestRow> interests, List<FeedbackRow> recent) {
    }

    public record InterestRow(int number, String tags, double weight, int items) {
    }

    public record FeedbackRow(Instant occurredAt, String type, String itemId, Double value, String text) {
    }

    public Details getDetails() {
        if (details == null && id != null && !id.isBlank()) {
            try {
                details = transactions.inNewTransaction(() -> {
                    User user = users.get(id);
                    List<Interest> interests = profiles.current(id).state().interests();
                    List<InterestRow> rows = new java.util.ArrayList<>();
                    for (int i = 0; i < interests.size(); i++) {
                        Interest interest = interests.get(i);
                        rows.add(new InterestRow(i + 1, String.join(", ", interest.tags()), interest.weight(),
                                interest.memberItemIds().size()));
                    }
                    List<FeedbackRow> recent = feedback.listForUser(id, null, null, RECENT_FEEDBACK).elements()
                            .stream().map(e -> new FeedbackRow(e.occurredAt(), e.type().name(), e.itemId(),
                                    e.value(), e.text())).toList();
                    return new Details(user.id(), user.preferenceText(), user.attributes().toString(),
                            user.createdAt(), rows, recent);
                });
            } catch (UnknownEntityException e) {
                return null;
            }
        }
        return details;
    }

    /** A live recommendation for this user, as the API would answer now (with explanations). */
    public RecommendationList getPreview() {
        if (preview == null && previewProblem == null && getDetails() != null) {
            try {
                preview = recommendations.recommend(new RecommendationRequest(id, PREVIEW, Set.of(), Set.of(),
                        false));
            } catch (RuntimeException e) {
                previewProblem = e.getMessage();
            }
        }
        return preview;
    }

    public String getPreviewProblem() {
        getPreview();
        return previewProblem;
    }

    /** Erases the user with their feedback and profile (admins only). */
    public void erase() {
        if (!confirmed) {
            Messages.error("Tick the box to confirm the erasure.");
            return;
        }
        AtomicReference<Erasure> erased = new AtomicReference<>();
        if (Messages.attempt(() -> {
            access.require(ConsoleRole.ADMIN);
            erased.set(users.erase(id));
        })) {
            try {
                Erasure erasure = erased.get();
                FacesContext.getCurrentInstance().getExternalContext().getFlash().put("notice",
                        "User " + id + " was erased: " + erasure.feedbackEvents() + " feedback events, "
                                + erasure.impressions() + " recommendation lists and the profile."
                                + (erasure.modelsToPurge() ? " The rating model that learnt from their ratings is "
                                + "retrained without them by the next complete-erasures run." : ""));
                FacesContext.getCurrentInstance().getExternalContext().redirect("users.xhtml");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    public boolean isConfirmed() {
        return confirmed;
    }

    public void setConfirmed(boolean confirmed) {
        this.confirmed = confirmed;
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }
}
