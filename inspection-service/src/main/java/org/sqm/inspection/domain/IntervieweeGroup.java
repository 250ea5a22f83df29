package org.sqm.inspection.domain;

/** Whom an on-site interview was with. */
public enum IntervieweeGroup {
    CUSTOMER,
    STAFF,
    PARTNER
}
