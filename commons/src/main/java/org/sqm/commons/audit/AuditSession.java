package org.sqm.commons.audit;

import io.agroal.api.AgroalPoolInterceptor;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.sqm.commons.auth.CallAccess;
import org.sqm.commons.auth.Caller;
import org.sqm.commons.auth.RequestIds;

/**
 * Tells the database who is changing it: when a transaction takes its connection from the pool, the
 * actor (the token's subject; {@code service:<application>} for work without a caller), the action
 * (the RPC, or the job of {@link AuditActions}) and the request id become transaction-local settings
 * that the audit trigger ({@code sqm_audit_row()}, db/audit) writes into every audit event of the
 * transaction. A transaction that only reads ({@link ReadOnlyTransaction}) gets no settings: it is
 * opened {@code READ ONLY} instead, which costs no round trip (the driver sends {@code BEGIN READ ONLY}
 * with the first query). Applications without a database (the gateway) never call it.
 *
 * <p>A pool interceptor, not an observer of the transaction's start: the pool calls it once per
 * transaction (later statements of the transaction get the connection already enlisted, without
 * calling it) and only when the transaction touches the database; and a failure here (the pool
 * exhausted, the database gone) fails the statement that asked for the connection inside the
 * transaction, which is then rolled back as any failed statement is. Failing in the transaction's
 * start instead left the transaction bound to the worker thread, and every later call on that
 * thread failed.
 */
@ApplicationScoped
public class AuditSession implements AgroalPoolInterceptor {

    private static final String SET = "select set_config('sqm.actor', ?, true), set_config('sqm.action', ?, true),"
            + " set_config('sqm.request_id', ?, true)";

    /** Set when a {@link ReadOnlyTransaction} method is entered; the transaction it begins takes it. */
    private static final ThreadLocal<Boolean> READ_ONLY = ThreadLocal.withInitial(() -> false);

    private final String application;

    public AuditSession(@ConfigProperty(name = "quarkus.application.name") String application) {
        this.application = application;
    }

    @Override
    public void onConnectionAcquire(Connection connection) {
        try {
            // Outside a transaction (autocommit) a transaction-local setting would end with its own statement.
            if (connection.getAutoCommit()) {
                return;
            }
            boolean readOnly = READ_ONLY.get();
            // Taken by this transaction: one it starts in turn (REQUIRES_NEW) is an ordinary one again.
            READ_ONLY.set(false);
            // Nothing has been sent in this transaction yet, so the driver may still change the flag; the
            // pool refuses to on an enlisted connection, so it is set on the driver's own, and every
            // transaction sets it as it needs it.
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
        } catch (SQLException e) {
            throw new IllegalStateException("cannot attribute the transaction for the audit trail", e);
        }
    }

    /** Marks whether the next transaction this thread begins only reads; answers the mark it replaces. */
    static boolean nextTransactionReadOnly(boolean readOnly) {
        boolean before = READ_ONLY.get();
        READ_ONLY.set(readOnly);
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
