package org.sqm.commons.error;

import java.util.Map;

/** Another resource already holds a value that must be unique (gRPC ALREADY_EXISTS). */
public class AlreadyExistsException extends DomainException {

    public AlreadyExistsException(String resource, String field, String value) {
        super(
                resource.toUpperCase() + "_ALREADY_EXISTS",
                "a " + resource + " with " + field + " '" + value + "' already exists",
                Map.of("field", field, "value", value));
    }

    /** A request id used before for a different request. */
    public static AlreadyExistsException requestIdReused(String requestId) {
        return new AlreadyExistsException(
                "REQUEST_ID_REUSED",
                "request id '" + requestId + "' was already used for a different request; use a new one",
                Map.of("field", "request_id", "value", requestId));
    }

    private AlreadyExistsException(String reason, String message, Map<String, String> metadata) {
        super(reason, message, metadata);
    }
}
