package org.sqm.inspection.domain;

import java.util.List;

/** Where a supervision order is: issued, cause found, done. */
public enum SupervisionStatus {
    OPEN,
    CAUSE_FOUND,
    DONE;

    /** The statuses of an order the unit still has to work on: all but done. */
    public static final List<SupervisionStatus> OPEN_STATUSES = List.of(OPEN, CAUSE_FOUND);
}
