package org.recsys.application;

import java.util.List;

/** The request cannot be carried out as given; nothing was changed. Lists every field at fault. */
public class InvalidInputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<FieldError> errors;

    public InvalidInputException(List<FieldError> errors) {
        super(errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).message()
                : errors.size() + " fields are invalid");
        this.errors = List.copyOf(errors);
    }

    public InvalidInputException(String field, String message) {
        this(List.of(new FieldError(field, message)));
    }

    /** The same errors with the given path prefix removed, for a batch of one sent as a single element. */
    public InvalidInputException relativeTo(String prefix) {
        return new InvalidInputException(errors.stream()
                .map(e -> e.field().startsWith(prefix) ? new FieldError(e.field().substring(prefix.length()),
                        e.message()) : e)
                .toList());
    }

    public List<FieldError> errors() {
        return errors;
    }
}
