package org.sqm.commons.error;

import java.util.Map;

/** The caller's etag or version is stale: someone else changed the resource first (gRPC ABORTED). */
public class ConcurrentModificationException extends DomainException {

    public ConcurrentModificationException(String resource, String id) {
        super(
                "ETAG_MISMATCH",
                resource + " " + id + " was changed by someone else; read it again and retry",
                Map.of("id", id));
    }
}
