package org.recsys.application;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a keyset-paginated list. {@code hasMore} says whether another page follows the last element.
 */
public record Slice<T>(List<T> elements, boolean hasMore) {

    /** Builds a slice from a query that fetched one element more than the page holds. */
    public static <T> Slice<T> fromOverfetch(List<T> fetched, int limit) {
        boolean more = fetched.size() > limit;
        return new Slice<>(more ? List.copyOf(fetched.subList(0, limit)) : List.copyOf(fetched), more);
    }

    public <R> Slice<R> map(Function<T, R> mapper) {
        return new Slice<>(elements.stream().map(mapper).toList(), hasMore);
    }

    public T last() {
        return elements.get(elements.size() - 1);
    }
}
