package org.recsys.application.profile;

import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import org.recsys.application.RecordingEvent;
import org.recsys.application.ServingMetrics;
import org.recsys.application.models.TestModels;
import org.recsys.application.serving.LiveCatalogue;
import org.recsys.infrastructure.ml.TextEncoding;
import org.recsys.infrastructure.persistence.JpaUserProfileRepository;
import org.recsys.infrastructure.persistence.JpaUserRepository;

/** Profile learning outside the container, on the real encoder and real repositories. */
public final class TestProfiles {

    public static final TextEncoding ENCODING = TextEncoding.of(Map.of());

    private TestProfiles() {
    }

    /** Learning whose catalogue is not loaded (items have no vectors: only the profile's lists change), no cluster. */
    public static ProfileService learningWithoutCatalogue(EntityManager em, JpaUserRepository users) {
        ProfileService profiles = new ProfileService();
        profiles.profiles = new JpaUserProfileRepository(em);
        profiles.users = users;
        profiles.catalogue = new LiveCatalogue();
        profiles.encoding = ENCODING;
        profiles.sentiment = TestModels.sentimentWithoutModel(ENCODING);
        profiles.changed = new RecordingEvent<>();
        profiles.alpha = 0.2;
        profiles.metrics = ServingMetrics.none();
        return profiles;
    }

    static List<PreferenceText.Clause> clauses(String text) {
        return PreferenceText.clauses(text);
    }
}
