package org.sqm.inspection.domain;

import java.util.Arrays;
import java.util.List;

/** Where an inspection is in its lifecycle. */
public enum InspectionStatus {
    SCHEDULED,
    IN_PROGRESS,
    SUBMITTED,
    RETURNED,
    FINALIZED,
    CANCELLED;

    /** The statuses of an inspection still to be done or decided: neither finalized nor cancelled. */
    public static final List<InspectionStatus> OPEN_STATUSES =
            Arrays.stream(values()).filter(s -> !s.frozen()).toList();

    /** Whether ratings, inspectors and the mystery shopping contact may still change. */
    public boolean ratable() {
        return this == IN_PROGRESS || this == RETURNED;
    }

    /** Whether the inspection can never change again. */
    public boolean frozen() {
        return this == FINALIZED || this == CANCELLED;
    }
}
