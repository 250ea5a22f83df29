package org.sqm.inspection.domain;

import java.util.Optional;

/** A move of a rectification order; VERIFY's outcome depends on whether the fix was effective. */
public enum RectificationAction {
    START,
    COMPLETE,
    VERIFY;

    /** The status the move leads to, or empty when the move is not allowed from {@code from}. */
    public Optional<RectificationStatus> from(RectificationStatus from, boolean effective) {
        RectificationStatus to =
                switch (this) {
                    case START -> from == RectificationStatus.OPEN ? RectificationStatus.IN_PROGRESS : null;
                    case COMPLETE -> from == RectificationStatus.OPEN || from == RectificationStatus.IN_PROGRESS
                            ? RectificationStatus.DONE
                            : null;
                    case VERIFY -> from == RectificationStatus.DONE
                            ? (effective ? RectificationStatus.VERIFIED : RectificationStatus.OPEN)
                            : null;
                };
        return Optional.ofNullable(to);
    }
}
