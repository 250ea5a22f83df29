package org.sqm.complaint.domain;

import java.util.EnumSet;
import java.util.Set;

/** A move in the complaint lifecycle: the transition table lives here, in one place. */
public enum ComplaintAction {
    ACKNOWLEDGE(EnumSet.of(ComplaintStatus.RECEIVED), ComplaintStatus.ACKNOWLEDGED),
    START_INVESTIGATION(
            EnumSet.of(ComplaintStatus.RECEIVED, ComplaintStatus.ACKNOWLEDGED), ComplaintStatus.INVESTIGATING),
    WAIT_ON_CUSTOMER(EnumSet.of(ComplaintStatus.INVESTIGATING), ComplaintStatus.WAITING_ON_CUSTOMER),
    RESUME(EnumSet.of(ComplaintStatus.WAITING_ON_CUSTOMER), ComplaintStatus.INVESTIGATING),
    RESOLVE(EnumSet.of(ComplaintStatus.INVESTIGATING), ComplaintStatus.RESOLVED),
    CLOSE(EnumSet.of(ComplaintStatus.RESOLVED), ComplaintStatus.CLOSED),
    REOPEN(EnumSet.of(ComplaintStatus.RESOLVED, ComplaintStatus.CLOSED), ComplaintStatus.INVESTIGATING),
    WITHDRAW(
            EnumSet.of(
                    ComplaintStatus.RECEIVED,
                    ComplaintStatus.ACKNOWLEDGED,
                    ComplaintStatus.INVESTIGATING,
                    ComplaintStatus.WAITING_ON_CUSTOMER),
            ComplaintStatus.WITHDRAWN);

    private final Set<ComplaintStatus> from;
    private final ComplaintStatus to;

    ComplaintAction(Set<ComplaintStatus> from, ComplaintStatus to) {
        this.from = from;
        this.to = to;
    }

    public boolean allowedFrom(ComplaintStatus status) {
        return from.contains(status);
    }

    public ComplaintStatus target() {
        return to;
    }
}
