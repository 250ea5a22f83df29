package org.sqm.inspection.domain;

import java.util.List;

/** Where a rectification order is. */
public enum RectificationStatus {
    OPEN,
    IN_PROGRESS,
    DONE,
    VERIFIED;

    /** The statuses of an order the owner unit still has to work on: neither done nor verified. */
    public static final List<RectificationStatus> OPEN_STATUSES = List.of(OPEN, IN_PROGRESS);
}
