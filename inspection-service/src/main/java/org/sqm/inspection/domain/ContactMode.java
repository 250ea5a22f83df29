package org.sqm.inspection.domain;

/** How a mystery shopper contacted the unit. */
public enum ContactMode {
    VISIT,
    CALL
}
