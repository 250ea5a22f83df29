package org.sqm.complaint.domain;

/** The deadlines a complaint runs against. */
public enum DeadlineKind {
    ACKNOWLEDGE,
    FIRST_RESPONSE,
    RESOLVE,
    CALL_BACK
}
