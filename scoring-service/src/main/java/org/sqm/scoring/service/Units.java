package org.sqm.scoring.service;

import java.util.Optional;
import java.util.UUID;

/** What scoring needs from standards-service: whether a unit exists, and its type. */
public interface Units {

    /**
     * A unit as scoring sees it.
     *
     * @param type the short name of its type, e.g. {@code FIELD_TEAM}
     */
    record Unit(UUID id, String type) {}

    /** The unit, or empty when standards-service knows no unit with the id. */
    Optional<Unit> unit(UUID id);
}
