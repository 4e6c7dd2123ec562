package org.recsys.interfaces.rest;

import java.util.List;
import org.recsys.application.FieldError;

/**
 * Rules a request document of one type must follow beyond its field constraints (ids a batch must carry, ids it may
 * not repeat, items that must exist), as {@link FieldError}s with the document's own paths. Beans of this type are
 * found by {@link RequestValidation}, which reports them together with every other error of the document.
 *
 * @param <T> the document type
 */
public interface DocumentRules<T> {

    Class<T> type();

    /** Every rule the document breaks; elements that are {@code null} or lack the fields a rule reads are skipped. */
    List<FieldError> problems(T document);

    /**
     * Whether the service that stores the document checks the same rules itself before writing: then they run here
     * only for a document refused anyway (to list them in the same answer), not a second time for a valid one.
     */
    default boolean checkedWhenStored() {
        return false;
    }
}
