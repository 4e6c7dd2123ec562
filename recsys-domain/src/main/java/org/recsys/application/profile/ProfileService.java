package org.recsys.application.profile;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.infinispan.Cache;
import org.recsys.application.InvalidInputException;
import org.recsys.application.ServingMetrics;
import org.recsys.application.Transactions;
import org.recsys.application.UnknownEntityException;
import org.recsys.application.event.UserErased;
import org.recsys.application.event.UsersChanged;
import org.recsys.application.models.SentimentService;
import org.recsys.application.serving.LiveCatalogue;
import org.recsys.domain.model.feedback.FeedbackEvent;
import org.recsys.domain.model.profile.Interest;
import org.recsys.domain.model.profile.ProfileCodec;
import org.recsys.domain.model.profile.ProfileLearning;
import org.recsys.domain.model.profile.ProfileSignal;
import org.recsys.domain.model.profile.ProfileState;
import org.recsys.domain.model.profile.UserProfile;
import org.recsys.domain.model.profile.UserProfileRepository;
import org.recsys.domain.model.user.User;
import org.recsys.domain.model.user.UserRepository;
import org.recsys.infrastructure.cluster.ClusterCatchUp;
import org.recsys.infrastructure.cluster.ClusterMessage;
import org.recsys.infrastructure.cluster.RecsysCluster;
import org.recsys.infrastructure.ml.TextEncoding;
import org.recsys.ml.interest.InterestClusterer;
import org.recsys.ml.interest.InterestMember;
import org.recsys.ml.interest.InterestPoint;
import org.recsys.ml.vector.Vectors;

/**
 * Keeps every user's profile current. Feedback moves a profile in the feedback's own transaction, under a row lock,
 * so that no update is lost when members write at once or one dies; after commit the new version goes into the
 * cluster's profile cache, which every member reads. The cache keeps the highest version of each profile.
 */
@ApplicationScoped
public class ProfileService {

    private static final Logger LOG = Logger.getLogger(ProfileService.class.getName());

    static final String PROFILE_CHANGED = "profile-changed";
    static final String PROFILE_ERASED = "profile-erased";

    /** Profiles whose preference texts are embedded before the writing request returns; more go to the background. */
    static final int TEXTS_AT_ONCE = 20;
    /**
     * Weight of a stated preference: a user saying "no cables" means it more than one dislike does, so a clause takes
     * the largest step the update allows.
     */
    static final double STATED_WEIGHT = 2.5;

    @Inject
    UserProfileRepository profiles;
    @Inject
    UserRepository users;
    @Inject
    org.recsys.domain.model.feedback.FeedbackRepository feedback;
    @Inject
    LiveCatalogue catalogue;
    @Inject
    TextEncoding encoding;
    @Inject
    RecsysCluster cluster;
    @Inject
    Transactions transactions;
    @Inject
    SentimentService sentiment;
    @Inject
    Event<ProfilesChanged> changed;
    @Inject
    ServingMetrics metrics;
    /** Bounded (server.xml): background work must not take the request threads. */
    @Resource(lookup = "concurrent/background")
    ManagedExecutorService executor;

    @Inject
    @ConfigProperty(name = "recsys.profile.alpha", defaultValue = "0.2")
    double alpha;
    @Inject
    @ConfigProperty(name = "recsys.profile.interest-min-likes", defaultValue = "3")
    int interestMinLikes;
    @Inject
    @ConfigProperty(name = "recsys.profile.recluster-after", defaultValue = "5")
    int reclusterAfter;

    Clock clock = Clock.systemUTC();

    /** Decoded profiles kept on this member; cleared whole when it grows past this many. */
    static final int DECODED_KEPT = 200_000;

    private final Set<String> refreshing = ConcurrentHashMap.newKeySet();
    private final Map<String, ProfileView> decodedProfiles = new ConcurrentHashMap<>();

    /**
     * Folds newly stored feedback into its users' profiles, inside the caller's (the feedback's) transaction. Items
     * without a vector yet change only the profile's lists.
     */
    public void learn(List<FeedbackEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        Map<String, List<ProfileSignal>> signals = new TreeMap<>();
        for (FeedbackEvent event : events) {
            double[] probabilities = sentiment.probabilitiesFor(event);
            signals.computeIfAbsent(event.userId(), id -> new ArrayList<>()).add(ProfileSignal.of(event.itemId(),
                    catalogue.loaded() ? catalogue.vector(event.itemId()) : null, event.type(), event.value(),
                    probabilities[0], probabilities[1]));
        }
        apply(signals);
    }

    /**
     * Moves the user's profile by what they wrote ("more jazz guitar, no cables"). The text and the user are checked
     * before the transaction, so that a client's mistake is no incident (see {@code Transactions}).
     */
    public ProfileView applyPreferences(String userId, String text) {
        List<PreferenceText.Clause> clauses = PreferenceText.clauses(text);
        if (clauses.isEmpty()) {
            throw new InvalidInputException("text", "says nothing the profile could use");
        }
        if (transactions.inNewTransaction(() -> users.find(userId)).isEmpty()) {
            throw new UnknownEntityException("user", userId);
        }
        return transactions.inTransaction(() -> applyClauses(userId, clauses));
    }

    private ProfileView applyClauses(String userId, List<PreferenceText.Clause> clauses) {
        List<float[]> vectors = encoding.encodeAll(clauses.stream().map(PreferenceText.Clause::text).toList());
        List<ProfileSignal> signals = new ArrayList<>();
        for (int i = 0; i < clauses.size(); i++) {
            signals.add(ProfileSignal.ofText(vectors.get(i), STATED_WEIGHT * clauses.get(i).weight()));
        }
        return apply(Map.of(userId, signals)).get(0);
    }

    /**
     * The user's profile as every member sees it: this member's copy, or the database when it holds none (or only
     * a marker saying a newer version exists).
     */
    public ProfileView current(String userId) {
        ProfileView cached = metrics.profileLookup("cache", () -> {
            String value = cache().get(userId);
            return value == null || isMarker(value) ? null : decoded(userId, value);
        });
        if (cached != null) {
            return cached;
        }
        return metrics.profileLookup("database", () -> {
            Optional<UserProfile> stored = transactions.inNewTransaction(() -> profiles.find(userId));
            ProfileView view = stored.map(p -> new ProfileView(userId, p.version(), p.state()))
                    .orElseGet(() -> ProfileView.empty(userId));
            // A read writes nothing but this member's own copy: the other members read the database themselves.
            keepIfNewer(userId, encoded(view));
            return view;
        });
    }

    /**
     * The profile as serving uses it. A read writes nothing: a profile learnt before its items had vectors gets a
     * vector from its liked (or consumed) items for this answer only (the stored one follows with the next feedback
     * or {@code embed-backfill}); interest points are recomputed on the write path ({@link #onProfilesChanged}).
     */
    public ProfileView servable(String userId) {
        ProfileView view = current(userId);
        ProfileState s = view.state();
        int dimension = encoding.dimension();
        if ((s.vector() != null && s.vector().length != dimension)
                || s.interests().stream().anyMatch(i -> i.centroid().length != dimension)) {
            // Learnt under an encoder of another dimension (RECSYS_ENCODER_MODEL changed): not comparable with the
            // catalogue's vectors, so served as if it had none until feedback or cluster-interests renews it.
            s = new ProfileState(null, List.of(), s.liked(), s.consumed(), s.rejected(), s.events(), s.positives(),
                    s.positivesAtCluster(), false);
            view = new ProfileView(userId, view.version(), s);
        }
        if (s.vector() == null && (!s.liked().isEmpty() || !s.consumed().isEmpty()) && catalogue.loaded()) {
            float[] vector = meanOf(s.liked().isEmpty() ? s.consumed() : s.liked());
            if (vector != null) {
                return new ProfileView(userId, view.version(), new ProfileState(vector, s.interests(), s.liked(),
                        s.consumed(), s.rejected(), s.events(), s.positives(), s.positivesAtCluster(),
                        s.statedPreference()));
            }
        }
        return view;
    }

    /** Starts re-clustering in the background once enough new likes arrived (or the first interests are due). */
    private void reclusterIfDue(ProfileView view) {
        ProfileState state = view.state();
        boolean firstInterests = state.interests().isEmpty() && state.liked().size() >= interestMinLikes;
        boolean stale = !state.interests().isEmpty() && state.positivesSinceClustering() >= reclusterAfter;
        String userId = view.userId();
        if ((firstInterests || stale) && refreshing.add(userId)) {
            executor.submit(() -> {
                try {
                    recluster(userId);
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "Computing interest points of user " + userId + " failed", e);
                } finally {
                    refreshing.remove(userId);
                }
            });
        }
    }

    /**
     * Recomputes the user's interest points from their liked items and their own text (K-Means, Tribuo), and puts
     * their history lists in the order the stored feedback happened (an import stores it in file order).
     */
    public ProfileView recluster(String userId) {
        ProfileView view = current(userId);
        Optional<User> user = transactions.inNewTransaction(() -> users.find(userId));
        if (user.isEmpty()) {
            return view;
        }
        List<String> newestFirst = transactions.inNewTransaction(() -> feedback.listForUser(userId, null, null,
                ProfileState.MAX_CONSUMED + ProfileState.MAX_REJECTED)).stream().map(FeedbackEvent::itemId).toList();
        ProfileState ordered = view.state().orderedLike(newestFirst);
        if (!ordered.consumed().equals(view.state().consumed()) || !ordered.liked().equals(view.state().liked())) {
            view = replaceState(userId, s -> s.orderedLike(newestFirst));
        }
        List<InterestMember> members = new ArrayList<>();
        for (String itemId : view.state().liked()) {
            float[] vector = catalogue.vector(itemId);
            if (vector != null) {
                String title = catalogue.facts(itemId).map(f -> f.title()).orElse(itemId);
                members.add(new InterestMember(itemId, vector, title, 1.0));
            }
        }
        String own = user.get().preferenceText();
        if (own != null && !own.isBlank()) {
            members.add(new InterestMember(null, encoding.encode(own), own, 1.0));
        }
        if (members.size() < interestMinLikes) {
            return view;
        }
        List<InterestPoint> points = new InterestClusterer(encoding.encoder()).cluster(members);
        List<Interest> interests = points.stream().map(p -> new Interest(p.centroid(), (float) p.weight(), p.tags(),
                p.memberItemIds())).toList();
        return replaceState(userId, s -> s.withInterests(interests));
    }

    void onUsersChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) UsersChanged event) {
        List<String> ids = List.copyOf(event.userIds());
        if (ids.size() <= TEXTS_AT_ONCE) {
            foldPreferenceTexts(ids);
        } else {
            executor.submit(() -> foldPreferenceTexts(ids));
        }
    }

    void onProfilesChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) ProfilesChanged event) {
        event.profiles().forEach(this::publish);
        event.profiles().forEach(this::reclusterIfDue);
    }

    void onUserErased(@Observes(during = TransactionPhase.AFTER_SUCCESS) UserErased event) {
        cluster.publish(PROFILE_ERASED, Map.of("userId", event.userId()));
    }

    /** Other members' profile changes and erasures; this member's own arrive here too, when they are published. */
    void onClusterMessage(@Observes ClusterMessage message) {
        switch (message.kind()) {
            case PROFILE_CHANGED -> announce(message.field("userId"), message.field("profile"));
            case PROFILE_ERASED -> {
                cache().remove(message.field("userId"));
                decodedProfiles.remove(message.field("userId"));
            }
            default -> {
            }
        }
    }

    /**
     * After members joined or came back, or this member was paused, profile changes may have been missed: forget
     * every copy, so that the next read of each profile comes from the database.
     */
    void onCatchUp(@Observes ClusterCatchUp event) {
        cache().clear();
        decodedProfiles.clear();
        LOG.info(() -> "Profile copies dropped (" + event.why() + ")");
    }

    /** A user's own "what I like" text counts like a like of something described that way. */
    private void foldPreferenceTexts(List<String> userIds) {
        try {
            List<User> withText = transactions.inNewTransaction(() -> users.findAll(userIds)).stream()
                    .filter(u -> u.preferenceText() != null && !u.preferenceText().isBlank()).toList();
            if (withText.isEmpty()) {
                return;
            }
            List<float[]> vectors = encoding.encodeAll(withText.stream().map(User::preferenceText).toList());
            Map<String, List<ProfileSignal>> signals = new LinkedHashMap<>();
            for (int i = 0; i < withText.size(); i++) {
                signals.put(withText.get(i).id(), List.of(ProfileSignal.ofText(vectors.get(i), 1.0)));
            }
            transactions.inNewTransaction(() -> apply(signals));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Folding preference texts into profiles failed", e);
        }
    }

    /** Locks, changes and stores the profiles in the current transaction; publishes them once it commits. */
    private List<ProfileView> apply(Map<String, List<ProfileSignal>> signalsByUser) {
        ProfileLearning learning = new ProfileLearning(alpha);
        String encoderId = encoding.encoderId();
        Map<String, UserProfile> locked = new HashMap<>();
        profiles.lockAll(signalsByUser.keySet()).forEach(p -> locked.put(p.userId(), p));
        List<ProfileView> views = new ArrayList<>();
        signalsByUser.forEach((userId, signals) -> {
            UserProfile profile = locked.get(userId);
            ProfileState before = profile == null ? ProfileState.EMPTY : profile.state();
            ProfileState after = learning.apply(before, signals);
            if (profile == null) {
                profile = new UserProfile(userId, encoderId, after, clock.instant());
                profiles.store(profile);
            } else {
                profile.replace(after, encoderId, clock.instant());
            }
            views.add(new ProfileView(userId, profile.version(), after));
        });
        changed.fire(new ProfilesChanged(views));
        return views;
    }

    private ProfileView replaceState(String userId, java.util.function.UnaryOperator<ProfileState> change) {
        return transactions.inNewTransaction(() -> {
            List<UserProfile> locked = profiles.lockAll(List.of(userId));
            UserProfile profile = locked.isEmpty() ? null : locked.get(0);
            ProfileState after = change.apply(profile == null ? ProfileState.EMPTY : profile.state());
            if (profile == null) {
                profile = new UserProfile(userId, encoding.encoderId(), after, clock.instant());
                profiles.store(profile);
            } else {
                profile.replace(after, encoding.encoderId(), clock.instant());
            }
            ProfileView view = new ProfileView(userId, profile.version(), after);
            changed.fire(new ProfilesChanged(List.of(view)));
            return view;
        });
    }

    private float[] meanOf(List<String> itemIds) {
        float[] sum = null;
        for (String id : itemIds) {
            float[] vector = catalogue.vector(id);
            if (vector != null) {
                if (sum == null) {
                    sum = new float[vector.length];
                }
                Vectors.addScaled(sum, vector, 1f);
            }
        }
        return sum == null || Vectors.norm(sum) == 0 ? null : Vectors.normalized(sum);
    }

    /** Whether this member holds a copy of the user's profile in memory (for erasure audits). */
    public boolean holdsCopy(String userId) {
        return cache().containsKey(userId) || decodedProfiles.containsKey(userId);
    }

    /** Tells every member (this one at once) the profile's new version; none ever waits for another. */
    void publish(ProfileView view) {
        cluster.publish(PROFILE_CHANGED, Map.of("userId", view.userId(), "profile", encoded(view)));
    }

    private static String encoded(ProfileView view) {
        return view.version() + ":" + ProfileCodec.toText(view.state());
    }

    /*
     * This member's copies: "<version>:<profile>" is a copy; "<version>" alone is a marker that a version this new
     * exists and must be read from the database. Messages refresh copies and leave markers, but never create a
     * copy: one delivered late (buffered while this member hung) must not bring back a version older than the
     * database's after the copies were dropped, and a read racing a change must not keep the older version.
     */

    /** Keeps what the database answered unless a copy as new, or a marker newer, is already held. */
    private void keepIfNewer(String userId, String value) {
        long version = versionOf(value);
        cache().compute(userId, (id, current) -> current == null ? value
                : isMarker(current) ? (versionOf(current) > version ? current : value)
                : versionOf(current) >= version ? current : value);
    }

    /** A newer version announced: refresh the copy, or leave a marker where there is none. */
    private void announce(String userId, String value) {
        long version = versionOf(value);
        cache().compute(userId, (id, current) -> current != null && versionOf(current) >= version ? current
                : current != null && !isMarker(current) ? value : Long.toString(version));
    }

    private static boolean isMarker(String cached) {
        return cached.indexOf(':') < 0;
    }

    private Cache<String, String> cache() {
        return cluster.profiles();
    }

    /**
     * The decoded profile for a cached value: decoding is reused while the cached version stays the same, so a
     * lookup of an unchanged profile costs a cache read and a version comparison.
     */
    private ProfileView decoded(String userId, String cached) {
        long version = versionOf(cached);
        ProfileView known = decodedProfiles.get(userId);
        if (known != null && known.version() == version) {
            return known;
        }
        ProfileView view = decode(userId, cached);
        if (decodedProfiles.size() >= DECODED_KEPT) {
            decodedProfiles.clear();
        }
        decodedProfiles.put(userId, view);
        return view;
    }

    private static ProfileView decode(String userId, String cached) {
        int colon = cached.indexOf(':');
        return new ProfileView(userId, Long.parseLong(cached.substring(0, colon)),
                ProfileCodec.fromText(cached.substring(colon + 1)));
    }

    private static long versionOf(String cached) {
        int colon = cached.indexOf(':');
        return Long.parseLong(colon < 0 ? cached : cached.substring(0, colon));
    }
}
