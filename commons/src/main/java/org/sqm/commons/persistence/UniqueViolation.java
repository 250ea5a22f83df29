package org.sqm.commons.persistence;

import java.sql.SQLException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the unique constraint a failed insert violated. Uniqueness is enforced by the database, not
 * by a read-then-write check, so two racing requests can never both succeed.
 */
public final class UniqueViolation {

    private static final String UNIQUE_VIOLATION = "23505";
    /**
     * PostgreSQL's words for it. The message of a batched statement starts with the statement and its
     * values (which may hold quotes of their own, e.g. JSON), so the name is read after these words,
     * never as the message's first quoted word.
     */
    private static final Pattern CONSTRAINT = Pattern.compile("unique constraint \"([^\"]+)\"");

    private UniqueViolation() {}

    /** The name of the violated unique constraint, if {@code t} was caused by one. */
    public static Optional<String> constraintOf(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                for (SQLException e = sql; e != null; e = e.getNextException()) {
                    Matcher m = CONSTRAINT.matcher(String.valueOf(e.getMessage()));
                    if (m.find()) {
                        return Optional.of(m.group(1));
                    }
                }
                return Optional.of("");
            }
        }
        return Optional.empty();
    }
}
