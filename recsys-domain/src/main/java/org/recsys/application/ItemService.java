package org.recsys.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.recsys.application.event.ItemRemoved;
import org.recsys.application.event.ItemsChanged;
import org.recsys.domain.model.feedback.FeedbackRepository;
import org.recsys.domain.model.item.Item;
import org.recsys.domain.model.item.ItemRepository;

/** Creating, replacing, searching and removing catalogue items. */
@ApplicationScoped
public class ItemService {

    @Inject
    ItemRepository items;
    @Inject
    FeedbackRepository feedback;
    @Inject
    Event<ItemsChanged> itemsChanged;
    @Inject
    Event<ItemRemoved> itemRemoved;

    @Inject
    Transactions transactions;

    Clock clock = Clock.systemUTC();

    public Item get(String id) {
        return items.find(id).orElseThrow(() -> new UnknownEntityException("item", id));
    }

    /** Items ordered by id; with a query, only those whose title or description contains it. */
    public Slice<Item> search(String query, String afterId, int limit) {
        return Slice.fromOverfetch(items.listAfter(afterId, query, limit + 1), limit);
    }

    /** Creates the item or replaces its description; an identical repeat changes nothing. */
    public Stored<Item> put(ItemDraft draft, String source) {
        // Two requests creating the same id at once: the loser's retry finds the row and updates it.
        return Transactions.retryingConcurrentInserts(transactions, () -> putOnce(draft, source));
    }

    private Stored<Item> putOnce(ItemDraft draft, String source) {
        var existing = items.find(draft.id());
        if (existing.isPresent()) {
            if (existing.get().describe(draft.description(), clock.instant())) {
                itemsChanged.fire(new ItemsChanged(Set.of(draft.id())));
            }
            return new Stored<>(existing.get(), false);
        }
        Item item = new Item(draft.id(), draft.description(), source, clock.instant());
        items.store(item);
        itemsChanged.fire(new ItemsChanged(Set.of(draft.id())));
        return new Stored<>(item, true);
    }

    /**
     * Creates or replaces every item of the batch, or none when any element is invalid; the same batch sent twice at
     * once is stored once (the second request's retry finds the rows).
     */
    public UpsertOutcome putAll(List<ItemDraft> drafts, String source) {
        List<FieldError> errors = BatchChecks.repeatedKeys(drafts, ItemDraft::id, "items", "id");
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return Transactions.retryingConcurrentInserts(transactions, () -> upsert(drafts, source, true));
    }

    /**
     * Creates or replaces every element, the last one winning when an id repeats. Used by imports, which read
     * datasets rather than requests.
     */
    @Transactional
    public UpsertOutcome replaceAll(List<ItemDraft> drafts, String source) {
        return upsert(drafts, source, true);
    }

    /** Creates the items that do not exist yet and leaves existing ones as they are. */
    @Transactional
    public UpsertOutcome createMissing(List<ItemDraft> drafts, String source) {
        return upsert(drafts, source, false);
    }

    /** Removes the item and the feedback about it. */
    public void remove(String id) {
        boolean removed = transactions.inTransaction(() -> {
            Optional<Item> item = items.find(id);
            item.ifPresent(found -> {
                feedback.removeForItem(id);
                items.remove(found);
                items.recordRemoval(id, clock.instant());
                itemRemoved.fire(new ItemRemoved(id));
            });
            return item.isPresent();
        });
        if (!removed) {
            throw new UnknownEntityException("item", id);
        }
    }

    public long count() {
        return items.count();
    }

    private UpsertOutcome upsert(List<ItemDraft> drafts, String source, boolean replaceExisting) {
        Map<String, ItemDraft> byId = drafts.stream()
                .collect(Collectors.toMap(ItemDraft::id, Function.identity(), (first, later) -> later));
        Map<String, Item> existing = items.findAll(byId.keySet()).stream()
                .collect(Collectors.toMap(Item::id, Function.identity()));
        Set<String> changed = new HashSet<>();
        int created = 0;
        int updated = 0;
        for (ItemDraft draft : byId.values()) {
            Item item = existing.get(draft.id());
            if (item == null) {
                items.store(new Item(draft.id(), draft.description(), source, clock.instant()));
                created++;
                changed.add(draft.id());
            } else if (replaceExisting && item.describe(draft.description(), clock.instant())) {
                updated++;
                changed.add(draft.id());
            }
        }
        if (!changed.isEmpty()) {
            itemsChanged.fire(new ItemsChanged(changed));
        }
        return new UpsertOutcome(drafts.size(), created, updated, drafts.size() - created - updated);
    }
}
