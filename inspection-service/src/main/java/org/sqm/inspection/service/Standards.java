package org.sqm.inspection.service;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.sqm.inspection.domain.StandardSnapshot;

/**
 * What inspections need from standards-service: units and published standard versions. Every method
 * is a remote call: never call one inside an open transaction. Failures other than the absences these
 * methods answer come back as the commons {@code RemoteCallException}, the dependency's problem.
 */
public interface Standards {

    /** A unit as far as inspections care; {@code type} as standards-service names it, e.g. SERVICE_HALL. */
    record Unit(UUID id, String type, boolean active) {}

    /** A version and its status. */
    record Version(StandardSnapshot snapshot, boolean published) {}

    /** The unit, or empty when no unit has the id. */
    Optional<Unit> unit(UUID id);

    /** The active units of {@code type} anywhere below {@code parentId}. */
    List<UUID> activeDescendants(UUID parentId, String type);

    /**
     * The id of the published version of the standard with {@code code} in force today: the highest
     * published version whose effective dates include today; empty when there is none.
     */
    Optional<UUID> publishedVersionInForce(String code);

    /** One version of a standard with its tree, and whether it is published; empty when no version has the id. */
    Optional<Version> findVersion(UUID id);

    /** A version standards-service itself named (e.g. as in force): its absence is standards-service's failure. */
    Version version(UUID id);
}
