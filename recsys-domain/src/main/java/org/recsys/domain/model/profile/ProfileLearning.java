package org.recsys.domain.model.profile;

import java.util.ArrayList;
import java.util.List;
import org.recsys.ml.profile.ProfileUpdater;

/**
 * How feedback changes a profile: {@code e_u <- e_u + alpha * w * (e_i - e_u)} for the profile vector and for the
 * nearest interest point (the recsys-ml {@link ProfileUpdater}), and the item joins the liked, consumed or rejected
 * list. Pure: the same state and signals always give the same new state.
 */
public final class ProfileLearning {

    /** Learning rate of the online update: one strong like moves the profile a fifth of the way to the item. */
    public static final double DEFAULT_ALPHA = 0.2;

    private final ProfileUpdater updater;

    public ProfileLearning(double alpha) {
        this.updater = new ProfileUpdater(alpha);
    }

    public ProfileState apply(ProfileState state, List<ProfileSignal> signals) {
        float[] vector = state.vector() == null ? null : state.vector().clone();
        float[][] centroids = new float[state.interests().size()][];
        float[] weights = new float[centroids.length];
        for (int i = 0; i < centroids.length; i++) {
            centroids[i] = state.interests().get(i).centroid().clone();
            weights[i] = state.interests().get(i).weight();
        }
        List<String> liked = new ArrayList<>();
        List<String> consumed = new ArrayList<>();
        List<String> rejected = new ArrayList<>();
        int positives = 0;
        boolean stated = state.statedPreference();
        for (ProfileSignal signal : signals) {
            if (signal.vector() != null && signal.weight() != 0) {
                if (vector == null) {
                    vector = new float[signal.vector().length];
                }
                if (vector.length == signal.vector().length) {
                    updater.update(vector, signal.vector(), signal.weight());
                    // A vector without an item is the user's own words (ProfileSignal.ofText).
                    stated |= signal.itemId() == null;
                    if (centroids.length > 0) {
                        updater.updateNearest(centroids, weights, signal.vector(), signal.weight());
                    }
                }
            }
            if (signal.itemId() != null) {
                if (signal.liked()) {
                    liked.add(0, signal.itemId());
                    positives++;
                }
                if (signal.consumed()) {
                    consumed.add(0, signal.itemId());
                }
                if (signal.rejected()) {
                    rejected.add(0, signal.itemId());
                }
            }
        }
        List<Interest> interests = new ArrayList<>(centroids.length);
        for (int i = 0; i < centroids.length; i++) {
            Interest before = state.interests().get(i);
            interests.add(new Interest(centroids[i], weights[i], before.tags(), before.memberItemIds()));
        }
        boolean hasVector = vector != null && norm(vector) > 0;
        return new ProfileState(hasVector ? vector : null, interests,
                ProfileState.prepend(state.liked(), liked, ProfileState.MAX_LIKED),
                ProfileState.prepend(state.consumed(), consumed, ProfileState.MAX_CONSUMED),
                ProfileState.prepend(state.rejected(), rejected, ProfileState.MAX_REJECTED),
                state.events() + signals.size(), state.positives() + positives, state.positivesAtCluster(),
                stated && hasVector);
    }

    private static double norm(float[] vector) {
        double sum = 0;
        for (float v : vector) {
            sum += v * (double) v;
        }
        return Math.sqrt(sum);
    }
}
