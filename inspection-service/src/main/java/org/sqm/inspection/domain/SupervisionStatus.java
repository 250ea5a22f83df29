package org.sqm.inspection.domain;

/** Where a supervision order is: issued, cause found, done. */
public enum SupervisionStatus {
    OPEN,
    CAUSE_FOUND,
    DONE
}
