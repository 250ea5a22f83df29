package org.sqm.commons.error;

import java.util.Map;

/** The named resource does not exist (gRPC NOT_FOUND). */
public class NotFoundException extends DomainException {

    public NotFoundException(String resource, String id) {
        super(resource.toUpperCase() + "_NOT_FOUND", resource + " " + id + " does not exist", Map.of("id", id));
    }
}
