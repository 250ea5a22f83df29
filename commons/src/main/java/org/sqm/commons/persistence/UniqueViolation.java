package org.sqm.commons.persistence;

import java.sql.SQLException;
import java.util.Optional;

/**
 * Finds the unique constraint a failed insert violated. Uniqueness is enforced by the database, not
 * by a read-then-write check, so two racing requests can never both succeed.
 */
public final class UniqueViolation {

    private static final String UNIQUE_VIOLATION = "23505";

    private UniqueViolation() {}

    /** The name of the violated unique constraint, if {@code t} was caused by one. */
    public static Optional<String> constraintOf(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                String message = String.valueOf(sql.getMessage());
                int start = message.indexOf('"');
                int end = start < 0 ? -1 : message.indexOf('"', start + 1);
                return Optional.of(end > start ? message.substring(start + 1, end) : "");
            }
        }
        return Optional.empty();
    }
}
