package org.sqm.complaint.domain;

/** Where a complaint is in its lifecycle. */
public enum ComplaintStatus {
    RECEIVED,
    ACKNOWLEDGED,
    INVESTIGATING,
    WAITING_ON_CUSTOMER,
    RESOLVED,
    CLOSED,
    WITHDRAWN;

    /** Whether the complaint is still being handled (its deadlines run). */
    public boolean isOpen() {
        return this != RESOLVED && this != CLOSED && this != WITHDRAWN;
    }
}
