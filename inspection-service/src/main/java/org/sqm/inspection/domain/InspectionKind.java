package org.sqm.inspection.domain;

/** A kind of inspection. */
public enum InspectionKind {
    MYSTERY_SHOPPING,
    ON_SITE_ASSESSMENT,
    DESK_REVIEW,
    SPOT_CHECK,
    SELF_INSPECTION,
    INTERNAL_AUDIT
}
