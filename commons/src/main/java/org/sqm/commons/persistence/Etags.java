package org.sqm.commons.persistence;

import org.sqm.commons.error.ConcurrentModificationException;
import org.sqm.commons.error.InvalidArgumentException;

/**
 * Etags for optimistic concurrency: the etag of a resource is its row version, so a change based on
 * a stale read is refused instead of silently overwriting someone else's change.
 */
public final class Etags {

    private Etags() {}

    public static String of(long version) {
        return Long.toString(version);
    }

    /**
     * Requires the caller's etag to be the current one.
     *
     * @param field the request field that carries the etag, for the error when it is missing
     */
    public static void require(String etag, long version, String resource, String id, String field) {
        if (etag == null || etag.isEmpty()) {
            throw new InvalidArgumentException(field, "is required: send the etag of your last read");
        }
        if (!etag.equals(of(version))) {
            throw new ConcurrentModificationException(resource, id);
        }
    }
}
