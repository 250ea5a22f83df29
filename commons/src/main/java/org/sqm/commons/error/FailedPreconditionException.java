package org.sqm.commons.error;

import java.util.List;
import java.util.Map;

/**
 * The resource is not in a state that allows the operation (gRPC FAILED_PRECONDITION). When the
 * state has several things wrong, each is listed as a violation (google.rpc.PreconditionFailure,
 * subject = what is wrong, e.g. an element code), so the caller learns all of them at once.
 */
public class FailedPreconditionException extends DomainException {

    private final List<FieldViolation> violations;

    public FailedPreconditionException(String reason, String message) {
        this(reason, message, Map.of());
    }

    public FailedPreconditionException(String reason, String message, Map<String, String> metadata) {
        this(reason, message, metadata, List.of());
    }

    public FailedPreconditionException(
            String reason, String message, Map<String, String> metadata, List<FieldViolation> violations) {
        super(reason, message, metadata);
        this.violations = List.copyOf(violations);
    }

    /** What exactly is wrong; empty when the message says it all. */
    public List<FieldViolation> violations() {
        return violations;
    }
}
