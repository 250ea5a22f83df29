package org.sqm.gateway.error;

import java.util.List;

/** A REST request the gateway rejects before calling a backend, e.g. a page size that is no number. */
public class InvalidRequestException extends RuntimeException {

    private final List<Problem.FieldError> errors;

    public InvalidRequestException(String field, String message) {
        super(field + ": " + message, null, false, false);
        this.errors = List.of(new Problem.FieldError(field, message));
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }
}
