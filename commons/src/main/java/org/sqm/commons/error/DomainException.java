package org.sqm.commons.error;

import java.util.Map;

/** A failure the caller can act on; the gRPC edge turns each subclass into one canonical status. */
public abstract class DomainException extends RuntimeException {

    private final String reason;
    private final Map<String, String> metadata;

    protected DomainException(String reason, String message, Map<String, String> metadata) {
        super(message, null, false, false);
        this.reason = reason;
        this.metadata = Map.copyOf(metadata);
    }

    /** A stable UPPER_SNAKE_CASE identifier of the failure, e.g. {@code UNIT_NOT_FOUND}. */
    public String reason() {
        return reason;
    }

    /** Facts about the failure that a client may use, e.g. the id that was not found. */
    public Map<String, String> metadata() {
        return metadata;
    }
}
