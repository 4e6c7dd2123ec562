package org.recsys.interfaces.console.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.recsys.application.ItemService;
import org.recsys.application.Slice;
import org.recsys.application.Transactions;
import org.recsys.domain.model.item.Item;

/** Items: full-text search (or all, in id order), a page at a time. */
@Named("itemsView")
@RequestScoped
public class ItemsView {

    static final int PAGE = 20;

    @Inject
    ItemService items;

    private String q;
    private String after;
    @Inject
    Transactions transactions;

    private Slice<ItemRow> page;

    /** An item as the list shows it. */
    public record ItemRow(String id, String title, String categories) {
        static ItemRow of(Item item) {
            return new ItemRow(item.id(), item.title(), String.join(", ", item.categories()));
        }
    }

    public Slice<ItemRow> getPage() {
        if (page == null) {
            // Mapped inside the transaction: categories load lazily.
            page = transactions.inNewTransaction(() -> items.search(q == null || q.isBlank() ? null : q.strip(),
                    after, PAGE).map(ItemRow::of));
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
