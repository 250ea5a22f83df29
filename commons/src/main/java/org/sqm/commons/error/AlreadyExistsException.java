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
}
