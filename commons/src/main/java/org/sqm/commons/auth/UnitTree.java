package org.sqm.commons.auth;

import java.util.Set;
import java.util.UUID;

/**
 * The organisation tree as one service reads it, for {@link UnitScopes}: standards-service from its
 * own table, the others from standards-service over gRPC ({@code UnitDirectory}). Each service with
 * unit-scoped methods provides one bean.
 */
public interface UnitTree {

    /** The unit and every unit below it (inactive ones too); just the unit when it has none. */
    Set<UUID> subtree(UUID root);
}
