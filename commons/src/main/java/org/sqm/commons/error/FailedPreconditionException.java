package org.sqm.commons.error;

import java.util.Map;

/** The resource is not in a state that allows the operation (gRPC FAILED_PRECONDITION). */
public class FailedPreconditionException extends DomainException {

    public FailedPreconditionException(String reason, String message) {
        super(reason, message, Map.of());
    }

    public FailedPreconditionException(String reason, String message, Map<String, String> metadata) {
        super(reason, message, metadata);
    }
}
