package org.sqm.commons.error;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The request has invalid fields (gRPC INVALID_ARGUMENT with google.rpc.BadRequest). */
public class InvalidArgumentException extends DomainException {

    private final List<FieldViolation> violations;

    public InvalidArgumentException(List<FieldViolation> violations) {
        this("INVALID_FIELDS", violations);
    }

    /**
     * Invalid fields with a reason more telling than INVALID_FIELDS for one kind of refusal, e.g. a
     * period that has not ended (PERIOD_NOT_CLOSED), so that a caller can act on it without parsing.
     */
    public InvalidArgumentException(String reason, List<FieldViolation> violations) {
        super(
                reason,
                violations.stream().map(v -> v.field() + ": " + v.description()).collect(Collectors.joining("; ")),
                Map.of());
        this.violations = List.copyOf(violations);
    }

    public InvalidArgumentException(String field, String description) {
        this(List.of(new FieldViolation(field, description)));
    }

    public List<FieldViolation> violations() {
        return violations;
    }
}
