package org.recsys.application.models;

import org.recsys.application.NotReadyException;

/** No model of the kind asked for is trained yet. */
public class ModelUnavailableException extends NotReadyException {

    private static final long serialVersionUID = 1L;

    public ModelUnavailableException(String message) {
        super(message);
    }
}
