package org.recsys.application;

/** The request is valid but clashes with the current state (e.g. rolling back with nothing to return to). */
public class ConflictException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ConflictException(String message) {
        super(message);
    }
}
