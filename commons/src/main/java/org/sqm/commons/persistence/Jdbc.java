package org.sqm.commons.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Parameters of the plain JDBC statements a service writes where Hibernate would cost more than the
 * work (batch inserts): the values as Hibernate binds them for the same columns, so a row reads back
 * the same whichever wrote it.
 */
public final class Jdbc {

    /** The rows one JDBC batch carries at most. */
    public static final int BATCH = 1000;

    private Jdbc() {}

    /** Binds the parameters of one row. */
    @FunctionalInterface
    public interface Binder<T> {
        void bind(PreparedStatement statement, T row) throws SQLException;
    }

    /**
     * Runs {@code sql} once per row in JDBC batches of at most {@value #BATCH} rows on the caller's
     * connection (and so in its transaction); with the driver's {@code reWriteBatchedInserts} an INSERT
     * travels as multi-row INSERTs.
     */
    public static <T> void batch(Connection connection, String sql, Iterable<T> rows, Binder<? super T> binder)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            int pending = 0;
            for (T row : rows) {
                binder.bind(statement, row);
                statement.addBatch();
                if (++pending == BATCH) {
                    statement.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                statement.executeBatch();
            }
        }
    }

    /** An instant as a {@code timestamptz} (UTC), or a typed SQL NULL. */
    public static void setInstant(PreparedStatement s, int index, Instant value) throws SQLException {
        s.setObject(index, utc(value), Types.TIMESTAMP_WITH_TIMEZONE);
    }

    /** An instant as the driver takes a {@code timestamptz} parameter (UTC), or null. */
    public static OffsetDateTime utc(Instant value) {
        return value == null ? null : OffsetDateTime.ofInstant(value, ZoneOffset.UTC);
    }

    /** An enum as its name ({@code @Enumerated(EnumType.STRING)}), or null. */
    public static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
