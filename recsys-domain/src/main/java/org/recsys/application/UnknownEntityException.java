package org.recsys.application;

/** No entity of the given kind has the given id. */
public class UnknownEntityException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String kind;
    private final String id;

    public UnknownEntityException(String kind, Object id) {
        super("No " + kind + " with id '" + id + "'");
        this.kind = kind;
        this.id = String.valueOf(id);
    }

    public String kind() {
        return kind;
    }

    public String id() {
        return id;
    }
}
