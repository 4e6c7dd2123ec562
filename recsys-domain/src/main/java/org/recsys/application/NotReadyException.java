package org.recsys.application;

/** The server cannot answer this yet (still loading, or a model is not trained); asking again later will work. */
public class NotReadyException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public NotReadyException(String message) {
        super(message);
    }
}
