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
 * transaction. Applications without a database (the gateway) never call it.
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
