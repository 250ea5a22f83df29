package org.sqm.inspection.domain;

/** Where a rectification order is. */
public enum RectificationStatus {
    OPEN,
    IN_PROGRESS,
    DONE,
    VERIFIED
}
