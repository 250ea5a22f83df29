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
 * without a database (the gateway) skip it.
 */
@ApplicationScoped
public class AuditSession {

    private static final String SET = "select set_config('sqm.actor', ?, true), set_config('sqm.action', ?, true),"
            + " set_config('sqm.request_id', ?, true)";

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
        // Within the transaction the pool hands out the connection enlisted in it, the one Hibernate uses.
        try (Connection connection = dataSource.get().getConnection();
                PreparedStatement set = connection.prepareStatement(SET)) {
            set.setString(1, actor());
            set.setString(2, action());
            set.setString(3, RequestIds.current().orElse(""));
            set.execute();
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
