package org.sqm.scoring.service;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** What scoring needs from standards-service: whether a unit exists and its type; every active unit. */
public interface Units {

    /**
     * A unit as scoring sees it.
     *
     * @param type the short name of its type, e.g. {@code FIELD_TEAM}
     */
    record Unit(UUID id, String type) {}

    /** The unit, or empty when standards-service knows no unit with the id. */
    Optional<Unit> unit(UUID id);

    /**
     * A unit of the hierarchy as scorecards need it.
     *
     * @param parentId empty at the top
     */
    record Node(String id, String code, String name, org.sqm.proto.standards.v1.UnitType type, String parentId) {}

    /** Every active unit, read page by page. */
    List<Node> allActive();
}
