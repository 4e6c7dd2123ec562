package org.recsys.domain.model.item;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Everything a partner says about an item, as one value. Null collections become empty ones. */
public record ItemDescription(String title, String description, List<String> categories,
                              Map<String, String> attributes) {

    public ItemDescription {
        Objects.requireNonNull(title, "title");
        categories = categories == null ? List.of() : List.copyOf(categories);
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }
}
