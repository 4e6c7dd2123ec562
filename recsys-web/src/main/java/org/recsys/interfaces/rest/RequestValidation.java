package org.recsys.interfaces.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import org.recsys.application.FieldError;
import org.recsys.application.InvalidInputException;

/**
 * Checks a request document with Bean Validation and reports every violation at once, each with the path of its
 * field, so a rejected batch says everything that is wrong with it.
 */
@ApplicationScoped
public class RequestValidation {

    @Inject
    Validator validator;

    public <T> T check(T document) {
        throwIfAny(violations(document));
        return document;
    }

    /**
     * Checks a batch document whose elements must carry their ids (single documents may leave them out, as the id
     * comes from the path), reporting missing ids together with every other violation.
     */
    public <T, E> T checkBatch(T document, List<E> elements, Function<E, String> id, String collection) {
        List<FieldError> errors = violations(document);
        if (elements != null) {
            for (int i = 0; i < elements.size(); i++) {
                if (elements.get(i) != null && id.apply(elements.get(i)) == null) {
                    errors.add(new FieldError(collection + "[" + i + "].id", "is required in a batch"));
                }
            }
        }
        throwIfAny(errors);
        return document;
    }

    private <T> List<FieldError> violations(T document) {
        List<FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<T> v : validator.validate(document)) {
            errors.add(new FieldError(v.getPropertyPath().toString(), v.getMessage()));
        }
        return errors;
    }

    private static void throwIfAny(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            List<FieldError> sorted = new ArrayList<>(errors);
            sorted.sort(Comparator.comparing(FieldError::field, RequestValidation::byPath));
            throw new InvalidInputException(sorted);
        }
    }

    /** Orders {@code events[2].x} before {@code events[10].x}. */
    private static int byPath(String a, String b) {
        String[] left = a.split("[\\[\\]]");
        String[] right = b.split("[\\[\\]]");
        for (int i = 0; i < Math.min(left.length, right.length); i++) {
            int c = left[i].matches("\\d+") && right[i].matches("\\d+")
                    ? Integer.compare(Integer.parseInt(left[i]), Integer.parseInt(right[i]))
                    : left[i].compareTo(right[i]);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(left.length, right.length);
    }
}
