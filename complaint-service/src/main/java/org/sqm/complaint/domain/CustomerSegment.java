package org.sqm.complaint.domain;

/** The customer segment a complainant belongs to; the control plan surveys satisfaction per segment. */
public enum CustomerSegment {
    MOBILE,
    HOME,
    BUSINESS,
    VIP,
    BROADBAND
}
