package org.recsys.application;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Checks that apply to a whole batch rather than to one element. */
final class BatchChecks {

    private BatchChecks() {
    }

    /** One error per element whose key repeats an earlier element's key. */
    static <T> List<FieldError> repeatedKeys(List<T> batch, Function<T, String> key, String collection,
                                             String field) {
        Map<String, Integer> firstIndex = new HashMap<>();
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            Integer first = firstIndex.putIfAbsent(key.apply(batch.get(i)), i);
            if (first != null) {
                errors.add(new FieldError(collection + "[" + i + "]." + field,
                        "repeats " + collection + "[" + first + "]." + field + " in the same batch"));
            }
        }
        return errors;
    }
}
