package org.recsys.interfaces.rest;

/** The request body is larger than the configured limit. */
public class PayloadTooLargeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public PayloadTooLargeException(long limit) {
        super("The request body is larger than the limit of " + limit + " bytes; split it into smaller requests");
    }
}
