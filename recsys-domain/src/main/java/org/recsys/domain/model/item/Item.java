package org.recsys.domain.model.item;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.recsys.domain.model.shared.StringListConverter;
import org.recsys.domain.model.shared.StringMapConverter;
import org.recsys.domain.model.shared.Timestamps;

/** An item of the partner's catalogue. Identity is the partner's own id. */
@Entity
@Table(name = "item")
public class Item {

    @Id
    private String id;

    @Column(nullable = false)
    private String title;

    private String description;

    @Convert(converter = StringListConverter.class)
    private List<String> categories = new ArrayList<>();

    @Convert(converter = StringMapConverter.class)
    private Map<String, String> attributes = new LinkedHashMap<>();

    @Column(nullable = false)
    private String source;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Item() {
    }

    public Item(String id, ItemDescription description, String source, Instant now) {
        this.id = Objects.requireNonNull(id);
        this.source = Objects.requireNonNull(source);
        this.createdAt = Timestamps.stored(now);
        describe(description, now);
    }

    /**
     * Replaces the description with the given one.
     *
     * @return whether anything changed, so that repeated identical writes change nothing
     */
    public boolean describe(ItemDescription newDescription, Instant now) {
        boolean changed = title == null || !newDescription.equals(description());
        if (changed || updatedAt == null) {
            this.title = newDescription.title();
            this.description = newDescription.description();
            this.categories = new ArrayList<>(newDescription.categories());
            this.attributes = new LinkedHashMap<>(newDescription.attributes());
            this.updatedAt = Timestamps.stored(now);
        }
        return changed;
    }

    public ItemDescription description() {
        return new ItemDescription(title, description, categories, attributes);
    }

    /** The text the encoder reads for this item. */
    public String text() {
        return description == null || description.isBlank() ? title : title + ". " + description;
    }

    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    public String descriptionText() {
        return description;
    }

    public List<String> categories() {
        return List.copyOf(categories);
    }

    public Map<String, String> attributes() {
        return Map.copyOf(attributes);
    }

    public String source() {
        return source;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
