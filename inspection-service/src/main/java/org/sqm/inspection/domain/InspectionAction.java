package org.sqm.inspection.domain;

import java.util.Optional;

/** A move of an inspection; the lifecycle is this table. */
public enum InspectionAction {
    START,
    SUBMIT,
    RETURN,
    FINALIZE,
    CANCEL;

    /** The status the move leads to from {@code from}, or empty when the move is not allowed there. */
    public Optional<InspectionStatus> from(InspectionStatus from) {
        InspectionStatus to =
                switch (this) {
                    case START -> from == InspectionStatus.SCHEDULED ? InspectionStatus.IN_PROGRESS : null;
                    case SUBMIT -> from.ratable() ? InspectionStatus.SUBMITTED : null;
                    case RETURN -> from == InspectionStatus.SUBMITTED ? InspectionStatus.RETURNED : null;
                    case FINALIZE -> from == InspectionStatus.SUBMITTED ? InspectionStatus.FINALIZED : null;
                    case CANCEL -> from == InspectionStatus.SCHEDULED || from.ratable()
                            ? InspectionStatus.CANCELLED
                            : null;
                };
        return Optional.ofNullable(to);
    }

    /** Whether the move needs a note saying why. */
    public boolean needsNote() {
        return this == RETURN || this == CANCEL;
    }
}
