package org.recsys.application.serving;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.recsys.application.NotReadyException;
import org.recsys.application.Transactions;
import org.recsys.application.event.FeedbackRecorded;
import org.recsys.application.event.FeedbackRemoved;
import org.recsys.application.event.ItemRemoved;
import org.recsys.application.event.ItemsChanged;
import org.recsys.application.retention.RetentionPolicy;
import org.recsys.domain.model.feedback.FeedbackEvent;
import org.recsys.domain.model.feedback.FeedbackRepository;
import org.recsys.domain.model.feedback.FeedbackType;
import org.recsys.domain.model.feedback.ReviewSummary;
import org.recsys.domain.model.item.Item;
import org.recsys.domain.model.item.ItemRepository;
import org.recsys.domain.model.item.ItemVector;
import org.recsys.domain.model.item.ItemVectorRepository;
import org.recsys.domain.model.shared.VectorBytes;
import org.recsys.infrastructure.cluster.ClusterCatchUp;
import org.recsys.infrastructure.cluster.ClusterMessage;
import org.recsys.infrastructure.cluster.RecsysCluster;
import org.recsys.infrastructure.ml.TextEncoding;
import org.recsys.ml.rank.CatalogueItem;
import org.recsys.ml.rank.CatalogueStore;
import org.recsys.ml.rank.ItemCatalogue;
import org.recsys.ml.vector.Vectors;

/**
 * This member's in-memory catalogue: every item's vector, popularity, title, categories and review summary, as
 * immutable snapshots that requests read without touching the database. Loaded from the database at start-up; kept
 * current by cluster messages, so an item changed or a piece of feedback stored on any member reaches every member.
 * Items without a vector of the active encoder are embedded in the background (and a changed item at once).
 */
@ApplicationScoped
public class LiveCatalogue {

    private static final Logger LOG = Logger.getLogger(LiveCatalogue.class.getName());

    static final String ITEMS_CHANGED = "items-changed";
    static final String ITEMS_REMOVED = "items-removed";
    static final String FEEDBACK_COUNTS = "feedback-counts";

    /** Up to this many changed items are embedded before the writing request returns, the rest in the background. */
    static final int EMBED_AT_ONCE = 20;
    /** Most items a catch-up reads again; past that, a restart is the sure way back. */
    static final int MAX_RELOADED = 100_000;
    static final int EMBED_PAGE = 64;
    static final int REVIEWS_PER_ITEM = 5;

    @Inject
    ItemRepository items;
    @Inject
    ItemVectorRepository vectors;
    @Inject
    FeedbackRepository feedback;
    @Inject
    TextEncoding encoding;
    @Inject
    RecsysCluster cluster;
    @Inject
    Transactions transactions;
    @Inject
    RetentionPolicy retention;
    /** Bounded (server.xml): background work must not take the request threads. */
    @Resource(lookup = "concurrent/background")
    ManagedExecutorService executor;
    /** One thread (server.xml): adds new items to the vector index and compacts it, off the cluster's thread. */
    @Resource(lookup = "concurrent/indexing")
    ManagedExecutorService indexer;
    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    @ConfigProperty(name = "recsys.catalogue.popularity-reconcile-seconds", defaultValue = "300")
    long reconcileSeconds;
    /**
     * The vector index: {@code auto} (exact scan up to 3,000 live items, Lucene's HNSW graph above), {@code exact}
     * or {@code hnsw} at any size. Exact is the scale benchmark's baseline, and an option where recall must be 1.
     */
    @Inject
    @ConfigProperty(name = "recsys.catalogue.index", defaultValue = "auto")
    String indexKind = "auto";

    Clock clock = Clock.systemUTC();

    private volatile CatalogueStore store;
    private final Map<String, ItemFacts> facts = new ConcurrentHashMap<>();
    private final Map<String, Long> popularity = new ConcurrentHashMap<>();
    /** What the last periodic reconciliation found different, per item: corrected when seen again. */
    private Map<String, Long> lastDifferences = Map.of();
    private final AtomicLong toEmbed = new AtomicLong();
    private final AtomicLong embedded = new AtomicLong();
    /**
     * One embedding at a time on this member: a second request for the same items then finds them current. Fair, so
     * that a bulk embedding, which takes the lock again for each page, cannot starve a small one queued behind it (an
     * erasure's re-embedding waited behind a whole import).
     */
    private final ReentrantLock embedding = new ReentrantLock(true);

    /** Builds the catalogue from the database, then embeds what lacks a vector in the background. */
    public void load() {
        long began = System.nanoTime();
        String encoderId = encoding.encoderId();
        popularity.putAll(transactions.inNewTransaction(feedback::interactionCounts));
        Map<String, ReviewSummary> reviews = transactions.inNewTransaction(feedback::reviewSummaries);
        // Page by page into the store: searchable at once by exact scan, indexed by the indexer meanwhile.
        CatalogueStore loading = new CatalogueStore(ItemCatalogue.builder(encoding.dimension())
                .index(indexKind()).build(), indexer);
        List<String> missing = new ArrayList<>();
        String after = null;
        while (true) {
            String from = after;
            List<Item> page = transactions.inNewTransaction(() -> items.listAfter(from, null, 1000));
            if (page.isEmpty()) {
                break;
            }
            Map<String, ItemVector> stored = new HashMap<>();
            transactions.inNewTransaction(() -> vectors.findAll(page.stream().map(Item::id).toList()))
                    .forEach(v -> stored.put(v.itemId(), v));
            List<CatalogueItem> loaded = new ArrayList<>(page.size());
            for (Item item : page) {
                CatalogueItem entry = catalogued(item, stored.get(item.id()), encoderId,
                        reviews.getOrDefault(item.id(), ReviewSummary.NONE));
                if (entry.vector() == null) {
                    missing.add(item.id());
                }
                loaded.add(entry);
            }
            loading.upsertAll(loaded);
            after = page.get(page.size() - 1).id();
        }
        store = loading;
        LOG.info(() -> String.format("Catalogue loaded: %d items in %.1f s; %d need embedding", facts.size(),
                (System.nanoTime() - began) / 1e9, missing.size()));
        // Counts announced while loading were dropped: take the stored ones again now, then every period.
        reconcile(false);
        scheduler.scheduleWithFixedDelay(() -> reconcileQuietly(true, "every " + reconcileSeconds + " s"),
                reconcileSeconds, reconcileSeconds, TimeUnit.SECONDS);
        if (!missing.isEmpty()) {
            embedLater(missing);
        }
    }

    /** An item as the catalogue holds it (its facts recorded); without a vector when none is of this encoder. */
    private CatalogueItem catalogued(Item item, ItemVector vector, String encoderId, ReviewSummary reviews) {
        facts.put(item.id(), new ItemFacts(item.title(), item.categories(), reviews));
        boolean current = vector != null && vector.encoder().equals(encoderId);
        return new CatalogueItem(item.id(), current ? vector.vector() : null, primaryCategory(item.categories()),
                popularity.getOrDefault(item.id(), 0L));
    }

    /**
     * Reads again the items changed or embedded since {@code since}: their messages may never have reached this
     * member (it was paused or cut off, or the member that changed them crashed before announcing it). Costs what
     * changed, not the catalogue (both columns are indexed). Items removed meanwhile: {@link #dropRemovedSince}.
     */
    private int reloadChangedSince(Instant since) {
        CatalogueStore current = store;
        if (current == null) {
            return 0;
        }
        Set<String> ids = new LinkedHashSet<>(transactions.inNewTransaction(() -> items.idsChangedSince(since,
                MAX_RELOADED)));
        ids.addAll(transactions.inNewTransaction(() -> vectors.itemIdsEmbeddedSince(since, MAX_RELOADED)));
        if (ids.size() >= MAX_RELOADED) {
            LOG.warning(() -> "At least " + MAX_RELOADED + " items changed since " + since + "; reading the "
                    + "first " + MAX_RELOADED + " again: restart this member to be sure it has every change");
        }
        reload(current, new ArrayList<>(ids));
        return ids.size();
    }

    /** Reads the given items again from the database into the catalogue (those that no longer exist are skipped). */
    private void reload(CatalogueStore current, List<String> all) {
        String encoderId = encoding.encoderId();
        for (int from = 0; from < all.size(); from += 1000) {
            List<String> page = all.subList(from, Math.min(all.size(), from + 1000));
            Map<String, ItemVector> stored = new HashMap<>();
            transactions.inNewTransaction(() -> vectors.findAll(page)).forEach(v -> stored.put(v.itemId(), v));
            List<CatalogueItem> changed = new ArrayList<>(page.size());
            for (Item item : transactions.inNewTransaction(() -> items.findAll(page))) {
                ItemFacts before = facts.get(item.id());
                changed.add(catalogued(item, stored.get(item.id()), encoderId,
                        before == null ? ReviewSummary.NONE : before.reviews()));
            }
            current.upsertAll(changed);
        }
    }

    /** Drops the items removed since {@code since} that this member still holds: their messages may never have come. */
    private int dropRemovedSince(Instant since) {
        CatalogueStore current = store;
        if (current == null) {
            return 0;
        }
        Optional<Instant> forgotten = retention == null ? Optional.empty()
                : retention.itemRemovalsBefore(clock.instant());
        if (forgotten.isPresent() && since.isBefore(forgotten.get())) {
            LOG.warning(() -> "Catching up from " + since + ", before the " + retention.itemRemovalDays()
                    + "-day retention of item removal notes (RECSYS_RETENTION_ITEM_REMOVALS_DAYS): items removed "
                    + "before " + forgotten.get() + " while this member was away may still be served; restart it");
        }
        List<String> removedSince = transactions.inNewTransaction(() -> items.idsRemovedSince(since, MAX_RELOADED));
        if (removedSince.size() >= MAX_RELOADED) {
            LOG.warning(() -> "At least " + MAX_RELOADED + " item removals since " + since + "; dropping the first "
                    + MAX_RELOADED + ": restart this member to be sure it serves no removed item");
        }
        List<String> removed = removedSince.stream().filter(facts::containsKey).distinct().toList();
        Set<String> again = transactions.inNewTransaction(() -> items.existingIds(removed));
        List<String> gone = removed.stream().filter(id -> !again.contains(id)).toList();
        gone.forEach(facts::remove);
        current.removeAll(gone);
        // An id created again on this member while the removals were read (its upsert is applied in its request,
        // not in order with this catch-up) must not stay dropped: read any that exist now back in.
        List<String> recreated = List.copyOf(transactions.inNewTransaction(() -> items.existingIds(gone)));
        reload(current, recreated);
        return gone.size() - recreated.size();
    }

    private ItemCatalogue.IndexKind indexKind() {
        try {
            return ItemCatalogue.IndexKind.valueOf(indexKind.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("recsys.catalogue.index (RECSYS_CATALOGUE_INDEX) must be auto, exact or "
                    + "hnsw, not '" + indexKind + "'", e);
        }
    }

    /**
     * Sets every item's popularity to its stored count: what this member missed (while loading, cut off or hung)
     * is repaired. Counts of events committed while the query runs can be off by those events (their messages land
     * just before or after it); the periodic run therefore corrects only differences it saw twice in a row
     * ({@code onlyStable}).
     */
    private synchronized int reconcile(boolean onlyStable) {
        CatalogueStore current = store;
        if (current == null) {
            return 0;
        }
        Map<String, Long> stored = transactions.inNewTransaction(feedback::interactionCounts);
        Map<String, Long> differences = new HashMap<>();
        Map<String, Long> changed = new HashMap<>();
        for (String id : facts.keySet()) {
            long count = stored.getOrDefault(id, 0L);
            long difference = count - popularity.getOrDefault(id, 0L);
            if (difference == 0) {
                continue;
            }
            if (onlyStable && !Long.valueOf(difference).equals(lastDifferences.get(id))) {
                differences.put(id, difference);
                continue;
            }
            popularity.merge(id, difference, (a, b) -> Math.max(0, a + b));
            changed.put(id, popularity.getOrDefault(id, 0L));
        }
        lastDifferences = differences;
        if (!changed.isEmpty()) {
            current.updatePopularity(changed);
            LOG.info(() -> "Popularity of " + changed.size() + " items reconciled with the stored counts");
        }
        return changed.size();
    }

    private void reconcileQuietly(boolean onlyStable, String when) {
        try {
            reconcile(onlyStable);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Reconciling popularity with the database (" + when + ") failed", e);
        }
    }

    /** After a view change or a pause, counts may have been missed on either side: correct them at once. */
    void onCatchUp(@Observes ClusterCatchUp event) {
        executor.submit(() -> reconcileQuietly(false, event.why()));
        // On the delivery thread (where catch-ups arrive), in order with the messages: a message applied while the
        // rows were read could otherwise be overwritten by the older row.
        catchUpStep(event, "changed", "read again", this::reloadChangedSince);
        catchUpStep(event, "removed", "dropped", this::dropRemovedSince);
    }

    /** One part of a catch-up, logged; a failure is logged and leaves the other parts to run. */
    private void catchUpStep(ClusterCatchUp event, String which, String done,
                             java.util.function.ToIntFunction<Instant> step) {
        try {
            int count = step.applyAsInt(event.missedSince());
            LOG.info(() -> "Catching up (" + event.why() + "): " + count + " items " + which + " since "
                    + event.missedSince() + " " + done);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Reading items " + which + " since " + event.missedSince() + " failed ("
                    + event.why() + ")", e);
        }
    }

    /** The current snapshot; take it once per request. */
    public ItemCatalogue snapshot() {
        CatalogueStore current = store;
        if (current == null) {
            throw new NotReadyException("the catalogue is still loading; try again in a few seconds");
        }
        return current.current();
    }

    /** Items in the catalogue. */
    public int size() {
        return facts.size();
    }

    public boolean loaded() {
        return store != null;
    }

    /** How many events other than rejections this member counts for the item (its popularity). */
    public long popularityOf(String itemId) {
        return popularity.getOrDefault(itemId, 0L);
    }

    public Optional<ItemFacts> facts(String itemId) {
        return Optional.ofNullable(facts.get(itemId));
    }

    /** The item's unit-length vector, or null when it has none yet. */
    public float[] vector(String itemId) {
        ItemCatalogue catalogue = snapshot();
        int position = catalogue.position(itemId);
        if (position < 0) {
            return null;
        }
        float[] vector = catalogue.vector(position);
        return Vectors.norm(vector) == 0 ? null : vector;
    }

    /** The vector index: items not yet in the graph, dead slots awaiting compaction, graph heap in bytes. */
    public long[] indexState() {
        CatalogueStore current = store;
        return current == null ? new long[3]
                : new long[] {current.pendingItems(), current.deadSlots(), current.graphBytes()};
    }

    /** Items still waiting for a vector, and how many were embedded since start-up. */
    public long[] embeddingProgress() {
        return new long[] {embedded.get(), toEmbed.get()};
    }

    /**
     * Embeds the given items whose stored vector is missing or stale (another encoder, or a text that changed), and
     * tells every member about all of them (a changed category alone needs no new vector but must reach every
     * member); returns how many got a new vector.
     */
    public int embed(List<String> itemIds) {
        embedding.lock();
        try {
            return embedLocked(itemIds);
        } finally {
            embedding.unlock();
        }
    }

    private int embedLocked(List<String> itemIds) {
        String encoderId = encoding.encoderId();
        List<Item> loaded = transactions.inNewTransaction(() -> items.findAll(itemIds));
        if (loaded.isEmpty()) {
            return 0;
        }
        Map<String, List<String>> reviewTexts = transactions.inNewTransaction(() -> feedback.reviewTexts(
                loaded.stream().filter(i -> isBlank(i.descriptionText())).map(Item::id).toList(), REVIEWS_PER_ITEM));
        Map<String, ItemVector> existing = new HashMap<>();
        transactions.inNewTransaction(() -> vectors.findAll(itemIds)).forEach(v -> existing.put(v.itemId(), v));
        List<Item> stale = new ArrayList<>();
        List<List<String>> staleTexts = new ArrayList<>();
        Map<String, String> hashes = new HashMap<>();
        for (Item item : loaded) {
            List<String> own = textsOf(item, reviewTexts);
            String hash = ItemVector.hash(String.join("\n", own));
            ItemVector stored = existing.get(item.id());
            if (stored == null || !stored.isCurrent(encoderId, hash)) {
                stale.add(item);
                staleTexts.add(own);
                hashes.put(item.id(), hash);
            }
        }
        Map<String, float[]> made = new HashMap<>();
        existing.forEach((id, stored) -> {
            if (!hashes.containsKey(id) && stored.encoder().equals(encoderId)) {
                made.put(id, stored.vector());
            }
        });
        if (stale.isEmpty()) {
            publishItems(loaded, made);
            return 0;
        }
        List<float[]> encoded = encoding.encodeAll(staleTexts.stream().flatMap(List::stream).toList());
        int next = 0;
        for (int i = 0; i < stale.size(); i++) {
            float[] mean = new float[encoding.dimension()];
            for (int t = 0; t < staleTexts.get(i).size(); t++) {
                Vectors.addScaled(mean, encoded.get(next++), 1f);
            }
            made.put(stale.get(i).id(), Vectors.normalized(mean));
        }
        storeVectors(encoderId, stale.stream().map(Item::id).toList(), made, hashes);
        publishItems(loaded, made);
        return stale.size();
    }

    /**
     * Stores new vectors; when another member stored the same item first (a unique-key conflict), tries again, now
     * updating the row it made.
     */
    private void storeVectors(String encoderId, List<String> ids, Map<String, float[]> made,
                              Map<String, String> hashes) {
        for (int attempt = 1; ; attempt++) {
            try {
                transactions.inNewTransaction(() -> {
                    Map<String, ItemVector> stored = new HashMap<>();
                    vectors.findAll(ids).forEach(v -> stored.put(v.itemId(), v));
                    for (String id : ids) {
                        ItemVector vector = stored.get(id);
                        if (vector == null) {
                            vectors.store(new ItemVector(id, encoderId, hashes.get(id), made.get(id),
                                    clock.instant()));
                        } else {
                            vector.replace(encoderId, hashes.get(id), made.get(id), clock.instant());
                        }
                    }
                    return null;
                });
                return;
            } catch (RuntimeException e) {
                if (attempt >= 3 || !Transactions.isUniqueViolation(e)) {
                    throw e;
                }
            }
        }
    }

    void onItemsChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) ItemsChanged event) {
        List<String> ids = List.copyOf(event.itemIds());
        if (ids.size() <= EMBED_AT_ONCE) {
            embed(ids);
        } else {
            embedLater(ids);
        }
    }

    void onItemRemoved(@Observes(during = TransactionPhase.AFTER_SUCCESS) ItemRemoved event) {
        cluster.publish(ITEMS_REMOVED, Map.of("ids", event.itemId()));
    }

    /** Tells every member how this feedback changes popularity and review summaries. */
    void onFeedback(@Observes(during = TransactionPhase.AFTER_SUCCESS) FeedbackRecorded event) {
        publishCounts(event.events(), 1);
    }

    /**
     * Deleted feedback (an erased user, expired events) no longer counts on any member; items embedded from their
     * reviews (no description of their own) are embedded again from the reviews that are left.
     */
    void onFeedbackRemoved(@Observes(during = TransactionPhase.AFTER_SUCCESS) FeedbackRemoved event) {
        publishCounts(event.events(), -1);
        List<String> reviewed = event.events().stream()
                .filter(e -> e.type() == FeedbackType.REVIEW && !isBlank(e.text()))
                .map(FeedbackEvent::itemId).distinct().toList();
        if (!reviewed.isEmpty()) {
            // Only items without a description read reviews; the others' text hash is unchanged, so they are kept.
            embedLater(reviewed);
        }
    }

    private void publishCounts(List<FeedbackEvent> events, int sign) {
        Map<String, Long> counts = new HashMap<>();
        JsonArrayBuilder reviews = Json.createArrayBuilder();
        for (FeedbackEvent e : events) {
            if (!e.type().isRejection()) {
                counts.merge(e.itemId(), (long) sign, Long::sum);
            }
            if (e.type() == FeedbackType.REVIEW) {
                reviews.add(Json.createArrayBuilder().add(e.itemId()).add(e.value() == null ? "" : e.value()
                        .toString()));
            }
        }
        JsonArrayBuilder countArray = Json.createArrayBuilder();
        counts.forEach((id, n) -> countArray.add(Json.createArrayBuilder().add(id).add(n.toString())));
        cluster.publish(FEEDBACK_COUNTS, Map.of("counts", countArray.build().toString(),
                "reviews", reviews.build().toString(), "sign", Integer.toString(sign)));
    }

    /** Applies what any member announced. */
    void onClusterMessage(@Observes ClusterMessage message) {
        if (store == null) {
            return;
        }
        switch (message.kind()) {
            case ITEMS_CHANGED -> applyItems(message.field("items"));
            case ITEMS_REMOVED -> {
                List<String> ids = List.of(message.field("ids").split("\u001f"));
                ids.forEach(facts::remove);
                store.removeAll(ids);
            }
            case FEEDBACK_COUNTS -> applyCounts(message.field("counts"), message.field("reviews"),
                    "-1".equals(message.field("sign")));
            default -> {
            }
        }
    }

    private void applyItems(String json) {
        List<CatalogueItem> changed = new ArrayList<>();
        for (JsonObject item : parseArray(json).getValuesAs(JsonObject.class)) {
            String id = item.getString("id");
            List<String> categories = item.getJsonArray("categories").getValuesAs(JsonString.class).stream()
                    .map(JsonString::getString).toList();
            ItemFacts before = facts.get(id);
            facts.put(id, new ItemFacts(item.getString("title"), categories,
                    before == null ? ReviewSummary.NONE : before.reviews()));
            String vector = item.getString("vector", "");
            changed.add(new CatalogueItem(id, vector.isEmpty() ? null
                    : VectorBytes.decode(Base64.getDecoder().decode(vector)), primaryCategory(categories),
                    popularity.getOrDefault(id, 0L)));
        }
        store.upsertAll(changed);
    }

    private void applyCounts(String counts, String reviews, boolean removed) {
        Map<String, Long> changed = new HashMap<>();
        for (JsonArray pair : parseArray(counts).getValuesAs(JsonArray.class)) {
            String id = pair.getString(0);
            changed.put(id, popularity.merge(id, Long.parseLong(pair.getString(1)), (a, b) -> Math.max(0, a + b)));
        }
        for (JsonArray pair : parseArray(reviews).getValuesAs(JsonArray.class)) {
            String stars = pair.getString(1);
            Double value = stars.isEmpty() ? null : Double.valueOf(stars);
            facts.computeIfPresent(pair.getString(0), (id, f) -> f.withReviews(removed
                    ? f.reviews().minus(value) : f.reviews().plus(value)));
        }
        store.updatePopularity(changed); // in place, O(log n) per item
    }

    private void embedLater(List<String> itemIds) {
        toEmbed.addAndGet(itemIds.size());
        executor.submit(() -> {
            long began = System.nanoTime();
            try {
                for (int from = 0; from < itemIds.size(); from += EMBED_PAGE) {
                    List<String> page = itemIds.subList(from, Math.min(itemIds.size(), from + EMBED_PAGE));
                    embed(page);
                    embedded.addAndGet(page.size());
                    toEmbed.addAndGet(-page.size());
                }
                LOG.info(() -> String.format("Embedded %d items in %.1f s", itemIds.size(),
                        (System.nanoTime() - began) / 1e9));
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "Embedding items failed; they stay without vectors until the next attempt", e);
            }
        });
    }

    private void publishItems(List<Item> changed, Map<String, float[]> made) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        for (Item item : changed) {
            JsonArrayBuilder categories = Json.createArrayBuilder();
            item.categories().forEach(categories::add);
            float[] vector = made.get(item.id());
            array.add(Json.createObjectBuilder().add("id", item.id()).add("title", item.title())
                    .add("categories", categories)
                    .add("vector", vector == null ? "" : Base64.getEncoder().encodeToString(VectorBytes.encode(vector))));
        }
        cluster.publish(ITEMS_CHANGED, Map.of("items", array.build().toString()));
    }

    /** The texts an item is embedded from: its own title and description, or (without a description) its reviews. */
    static List<String> textsOf(Item item, Map<String, List<String>> reviewTexts) {
        if (!isBlank(item.descriptionText())) {
            return List.of(item.text());
        }
        List<String> reviews = reviewTexts.getOrDefault(item.id(), List.of());
        return reviews.isEmpty() ? List.of(item.title()) : reviews;
    }

    static String primaryCategory(List<String> categories) {
        return categories.isEmpty() ? null : categories.get(0);
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

    private static JsonArray parseArray(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            return reader.readArray();
        }
    }
}
