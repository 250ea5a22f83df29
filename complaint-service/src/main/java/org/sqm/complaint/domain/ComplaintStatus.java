package org.sqm.complaint.domain;

import java.util.Arrays;
import java.util.List;

/** Where a complaint is in its lifecycle. */
public enum ComplaintStatus {
    RECEIVED,
    ACKNOWLEDGED,
    INVESTIGATING,
    WAITING_ON_CUSTOMER,
    RESOLVED,
    CLOSED,
    WITHDRAWN;

    /** The statuses in which a complaint is still being handled, those {@link #isOpen()} is true of. */
    public static final List<ComplaintStatus> OPEN_STATUSES =
            Arrays.stream(values()).filter(ComplaintStatus::isOpen).toList();

    /** Whether the complaint is still being handled (its deadlines run). */
    public boolean isOpen() {
        return this != RESOLVED && this != CLOSED && this != WITHDRAWN;
    }
}
