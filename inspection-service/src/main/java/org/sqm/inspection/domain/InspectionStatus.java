package org.sqm.inspection.domain;

/** Where an inspection is in its lifecycle. */
public enum InspectionStatus {
    SCHEDULED,
    IN_PROGRESS,
    SUBMITTED,
    RETURNED,
    FINALIZED,
    CANCELLED;

    /** Whether ratings, inspectors and the mystery shopping contact may still change. */
    public boolean ratable() {
        return this == IN_PROGRESS || this == RETURNED;
    }

    /** Whether the inspection can never change again. */
    public boolean frozen() {
        return this == FINALIZED || this == CANCELLED;
    }
}
