package org.recsys.interfaces.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.recsys.application.FieldError;
import org.recsys.application.InvalidInputException;

/**
 * Checks a request document with Bean Validation and the rules of its kind ({@link DocumentRules}, e.g. a batch's
 * unknown items or repeated ids) and reports every violation at once, each with the path of its field, so a rejected
 * batch says everything that is wrong with it in one answer.
 */
@ApplicationScoped
public class RequestValidation {

    @Inject
    Validator validator;
    @Inject
    @Any
    Instance<DocumentRules<?>> rules;

    public <T> T check(T document) {
        List<FieldError> errors = problems(document, false);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(sorted(errors));
        }
        return document;
    }

    /**
     * Every violation of the document: its constraints, then the rules for its type.
     *
     * @param refusedAlready whether the document is refused for other reasons (e.g. wrong types found before binding)
     */
    public List<FieldError> problems(Object document, boolean refusedAlready) {
        List<FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<Object> v : validator.validate(document)) {
            errors.add(new FieldError(v.getPropertyPath().toString(), v.getMessage()));
        }
        // A field its constraints already refused gets no second error from the rules.
        java.util.Set<String> refusedFields = new java.util.HashSet<>();
        errors.forEach(e -> refusedFields.add(e.field()));
        boolean refused = refusedAlready || !errors.isEmpty();
        for (DocumentRules<?> rule : rules) {
            if (rule.type().isInstance(document) && (refused || !rule.checkedWhenStored())) {
                apply(rule, document).stream().filter(e -> !refusedFields.contains(e.field())).forEach(errors::add);
            }
        }
        return errors;
    }

    private static <T> List<FieldError> apply(DocumentRules<T> rule, Object document) {
        return rule.problems(rule.type().cast(document));
    }

    static List<FieldError> sorted(List<FieldError> errors) {
        List<FieldError> sorted = new ArrayList<>(errors);
        sorted.sort(Comparator.comparing(FieldError::field, RequestValidation::byPath));
        return sorted;
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
