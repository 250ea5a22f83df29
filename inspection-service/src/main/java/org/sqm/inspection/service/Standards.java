package org.sqm.inspection.service;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.sqm.inspection.domain.StandardSnapshot;

/** What inspections need from standards-service: units and published standard versions. */
public interface Standards {

    /** A unit as far as inspections care; {@code type} as standards-service names it, e.g. SERVICE_HALL. */
    record Unit(UUID id, String type, boolean active) {}

    /** The unit, or empty when no unit has the id. */
    Optional<Unit> unit(UUID id);

    /** The active units of {@code type} anywhere below {@code parentId}. */
    List<UUID> activeDescendants(UUID parentId, String type);

    /**
     * The id of the published version of the standard with {@code code} in force today: the highest
     * published version whose effective dates include today; empty when there is none.
     */
    Optional<UUID> publishedVersionInForce(String code);

    /** One version of a standard with its tree, and whether it is published; empty when unknown. */
    Optional<Version> version(UUID id);

    /** A version and its status. */
    record Version(StandardSnapshot snapshot, boolean published) {}
}
