package org.sqm.scoring.domain;

/** The customer segments the control plan surveys monthly. */
public enum CustomerSegment {
    MOBILE,
    HOME,
    BUSINESS,
    VIP,
    BROADBAND
}
