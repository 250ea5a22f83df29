package org.sqm.complaint.grpc;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.sqm.commons.audit.ReadOnlyTransaction;

/** Runs SQL in an ordinary and in a read-only transaction, as the service's own classes open them. */
@ApplicationScoped
public class TransactionProbe {

    private final DataSource dataSource;

    public TransactionProbe(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The first column of the first row {@code sql} answers, in a read-only transaction. */
    @Transactional
    @ReadOnlyTransaction
    public String inReadOnly(String sql) throws SQLException {
        return query(sql);
    }

    /** The same in an ordinary transaction. */
    @Transactional
    public String inOrdinary(String sql) throws SQLException {
        return query(sql);
    }

    private String query(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            if (!statement.execute(sql)) {
                return String.valueOf(statement.getUpdateCount());
            }
            try (ResultSet rows = statement.getResultSet()) {
                return rows.next() ? rows.getString(1) : null;
            }
        }
    }
}
