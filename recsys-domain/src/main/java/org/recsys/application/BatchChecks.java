package org.recsys.application;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Checks that apply to a whole batch rather than to one element. */
public final class BatchChecks {

    private BatchChecks() {
    }

    /** One error per element whose key repeats an earlier element's key (elements without a key are skipped). */
    public static <T> List<FieldError> repeatedKeys(List<T> batch, Function<T, String> key, String collection,
                                             String field) {
        Map<String, Integer> firstIndex = new HashMap<>();
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            String value = batch.get(i) == null ? null : key.apply(batch.get(i));
            if (value == null) {
                continue;
            }
            Integer first = firstIndex.putIfAbsent(value, i);
            if (first != null) {
                errors.add(new FieldError(collection + "[" + i + "]." + field,
                        "repeats " + collection + "[" + first + "]." + field + " in the same batch"));
            }
        }
        return errors;
    }

    /** Every element of a batch carries its id, and no id appears twice. */
    public static <T> List<FieldError> ids(List<T> batch, Function<T, String> id, String collection) {
        List<FieldError> errors = missingIds(batch, id, collection);
        errors.addAll(repeatedKeys(batch, id, collection, "id"));
        return errors;
    }

    /** One error per element without the id that a batch element must carry (a single document takes it from the path). */
    public static <T> List<FieldError> missingIds(List<T> batch, Function<T, String> id, String collection) {
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            if (batch.get(i) != null && id.apply(batch.get(i)) == null) {
                errors.add(new FieldError(collection + "[" + i + "].id", "is required in a batch"));
            }
        }
        return errors;
    }
}
