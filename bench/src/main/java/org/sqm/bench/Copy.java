package org.sqm.bench;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

/**
 * Rows in COPY's text format, sent in batches: how the data generators write straight into a
 * service's tables. Not a client of any service; only the generators use it.
 */
final class Copy {

    private final CopyManager copy;
    private final String sql;
    private final int batch;
    private final StringBuilder rows = new StringBuilder();
    private int pending;
    private long written;

    /**
     * COPY into {@code table} ({@code columns}) over {@code db}, sending every {@code batch} rows.
     */
    Copy(Connection db, String table, String columns, int batch) throws SQLException {
        this.copy = db.unwrap(PGConnection.class).getCopyAPI();
        this.sql = "COPY " + table + " (" + columns + ") FROM STDIN";
        this.batch = batch;
    }

    /** Adds a row (null is SQL NULL); sends the batch when it is full. */
    Copy row(Object... values) throws SQLException {
        tsv(rows, values);
        if (++pending == batch) {
            flush();
        }
        return this;
    }

    /** Sends what is pending; answers the rows written so far. */
    long flush() throws SQLException {
        if (pending > 0) {
            send(copy, sql, rows);
            written += pending;
            pending = 0;
        }
        return written;
    }

    /**
     * Switches the session's triggers off (foreign-key checks included): a generator writes rows whose
     * keys hold by construction, and checking them per row made loads several times slower. The audit
     * triggers of issue 17 ({@code audit} on every resource table) are off with them: millions of seeded
     * rows are not changes anyone made, and an audit row per row would double the load.
     * {@code session_replication_role} needs a superuser, which the benchmark's embedded database user is.
     */
    static void withoutTriggers(Connection db) throws SQLException {
        try (Statement s = db.createStatement()) {
            s.execute("SET session_replication_role = replica");
        }
    }

    /**
     * The rows of the database's audit trail ({@code audit_event}) that no service attributed (actor
     * {@code database:<user>}: a trigger fired outside a service's transaction, as a seeder's would);
     * 0 where the database has no trail. The services' own events (their jobs may run meanwhile) are
     * not counted.
     */
    static long auditEvents(Connection db) throws SQLException {
        try (Statement s = db.createStatement()) {
            try (var rs = s.executeQuery("SELECT to_regclass('audit_event') IS NOT NULL")) {
                rs.next();
                if (!rs.getBoolean(1)) {
                    return 0;
                }
            }
            try (var rs = s.executeQuery("SELECT count(*) FROM audit_event WHERE actor LIKE 'database:%'")) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Fails when the audit trail grew past {@code before}: the seeding fired the audit triggers. */
    static void requireNoAuditEvents(Connection db, long before, String seeder) throws SQLException {
        long after = auditEvents(db);
        if (after != before) {
            throw new IllegalStateException(seeder + " wrote " + (after - before)
                    + " audit events: its session must not fire the audit triggers");
        }
    }

    /** Switches the session's triggers back on and ANALYZEs the tables written. */
    static void analyze(Connection db, String... tables) throws SQLException {
        try (Statement s = db.createStatement()) {
            s.execute("SET session_replication_role = origin");
            for (String t : tables) {
                s.execute("ANALYZE " + t);
            }
        }
    }

    /** Appends one row of COPY's text format: tab-separated, \N for null, backslashes and separators escaped. */
    static void tsv(StringBuilder rows, Object... values) {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                rows.append('\t');
            }
            Object v = values[i];
            if (v == null) {
                rows.append("\\N");
            } else if (v instanceof String s) {
                escape(rows, s);
            } else {
                rows.append(v);
            }
        }
        rows.append('\n');
    }

    private static void escape(StringBuilder rows, String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> rows.append("\\\\");
                case '\t' -> rows.append("\\t");
                case '\n' -> rows.append("\\n");
                case '\r' -> rows.append("\\r");
                default -> rows.append(c);
            }
        }
    }

    /** Sends the rows as one COPY and empties the buffer. */
    static void send(CopyManager copy, String sql, StringBuilder rows) throws SQLException {
        byte[] bytes = rows.toString().getBytes(StandardCharsets.UTF_8);
        CopyIn in = copy.copyIn(sql);
        try {
            in.writeToCopy(bytes, 0, bytes.length);
            in.endCopy();
        } finally {
            if (in.isActive()) {
                in.cancelCopy();
            }
        }
        rows.setLength(0);
    }
}
