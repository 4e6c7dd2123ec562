package org.recsys.interfaces.profile.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.recsys.application.FeedbackService;
import org.recsys.application.profile.ProfileView;
import org.recsys.application.serving.ItemFacts;
import org.recsys.application.serving.LiveCatalogue;
import org.recsys.domain.model.profile.ProfileState;

/** Turns a profile into its API document: titles for item ids, the latest feedback. */
@ApplicationScoped
class ProfileDescription {

    static final int RECENT = 10;

    @Inject
    FeedbackService feedback;
    @Inject
    LiveCatalogue catalogue;

    ProfileResponse of(ProfileView view) {
        ProfileState state = view.state();
        List<ProfileResponse.InterestResponse> interests = state.interests().stream()
                .sorted((a, b) -> Float.compare(b.weight(), a.weight()))
                .map(i -> new ProfileResponse.InterestResponse(i.tags(), i.weight(),
                        i.memberItemIds().stream().limit(5).map(this::ref).toList()))
                .toList();
        List<ProfileResponse.FeedbackRef> recent = feedback.listForUser(view.userId(), null, null, RECENT)
                .elements().stream().map(e -> new ProfileResponse.FeedbackRef(e.itemId(), title(e.itemId()),
                        e.type().name(), e.value(), e.text(), e.occurredAt().toString())).toList();
        return new ProfileResponse(view.userId(), view.version(), state.events(), state.positives(), interests,
                state.liked().stream().limit(RECENT).map(this::ref).toList(), state.rejected().size(), recent);
    }

    private ProfileResponse.ItemRef ref(String itemId) {
        return new ProfileResponse.ItemRef(itemId, title(itemId));
    }

    private String title(String itemId) {
        return catalogue.facts(itemId).map(ItemFacts::title).orElse(itemId);
    }
}
