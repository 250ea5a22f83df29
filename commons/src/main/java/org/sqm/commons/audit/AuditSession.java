package org.sqm.commons.audit;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.TransactionScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.sqm.commons.auth.CallAccess;
import org.sqm.commons.auth.Caller;
import org.sqm.commons.auth.RequestIds;

/**
 * Tells the database who is changing it: at the start of every transaction, the actor (the token's
 * subject; {@code service:<application>} for work without a caller), the action (the RPC, or the job
 * of {@link AuditActions}) and the request id, as transaction-local settings that the audit trigger
 * ({@code sqm_audit_row()}, db/audit) writes into every audit event of the transaction. Applications
 * without a database (the gateway) skip it. A transaction that only reads ({@link ReadOnlyTransaction})
 * gets no settings: it is opened {@code READ ONLY} instead, which costs no round trip (the driver sends
 * {@code BEGIN READ ONLY} with the first query).
 */
@ApplicationScoped
public class AuditSession {

    private static final String SET = "select set_config('sqm.actor', ?, true), set_config('sqm.action', ?, true),"
            + " set_config('sqm.request_id', ?, true)";

    /** Set while a {@link ReadOnlyTransaction} method is entered; the transaction it begins takes it. */
    private static final ThreadLocal<Boolean> READ_ONLY_NEXT = ThreadLocal.withInitial(() -> false);

    private final Instance<DataSource> dataSource;
    private final String application;

    public AuditSession(
            Instance<DataSource> dataSource, @ConfigProperty(name = "quarkus.application.name") String application) {
        this.dataSource = dataSource;
        this.application = application;
    }

    void began(@Observes @Initialized(TransactionScoped.class) Object transaction) throws SQLException {
        if (!dataSource.isResolvable() || !QuarkusTransaction.isActive()) {
            return;
        }
        boolean readOnly = READ_ONLY_NEXT.get();
        // Taken by this transaction: one it nests (REQUIRES_NEW) is an ordinary one again.
        READ_ONLY_NEXT.set(false);
        // Within the transaction the pool hands out the connection enlisted in it, the one Hibernate uses.
        try (Connection connection = dataSource.get().getConnection()) {
            // The driver opens the transaction with its first query, as BEGIN READ ONLY while its flag is
            // set: no round trip. The pool refuses to change the flag on an enlisted connection, so it is
            // set on the driver's own, and every transaction that begins sets it as it needs it (in
            // autocommit mode the driver ignores it).
            Connection driver = connection.unwrap(Connection.class);
            if (driver.isReadOnly() != readOnly) {
                driver.setReadOnly(readOnly);
            }
            if (readOnly) {
                return;
            }
            try (PreparedStatement set = connection.prepareStatement(SET)) {
                set.setString(1, actor());
                set.setString(2, action());
                set.setString(3, RequestIds.current().orElse(""));
                set.execute();
            }
        }
    }

    /** Marks whether the next transaction this thread begins only reads; answers the mark it replaces. */
    static boolean nextTransactionReadOnly(boolean readOnly) {
        boolean before = READ_ONLY_NEXT.get();
        READ_ONLY_NEXT.set(readOnly);
        return before;
    }

    private String actor() {
        return Caller.current().map(Caller::subject).orElse("service:" + application);
    }

    private static String action() {
        return CallAccess.current()
                .map(CallAccess::method)
                .or(AuditActions::current)
                .orElse("unattributed");
    }
}
