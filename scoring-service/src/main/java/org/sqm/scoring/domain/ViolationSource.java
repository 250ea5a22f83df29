package org.sqm.scoring.domain;

/** Where a violation came from. */
public enum ViolationSource {
    MANUAL,
    ORDER_LAPSE
}
