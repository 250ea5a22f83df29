package org.sqm.inspection.client;

import io.quarkus.grpc.GrpcClient;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import org.sqm.commons.auth.UnitTree;
import org.sqm.commons.client.RemoteCalls;
import org.sqm.commons.client.UnitDirectory;
import org.sqm.proto.standards.v1.UnitServiceGrpc.UnitServiceBlockingStub;

/**
 * The organisation tree for commons {@code UnitScopes}, read from standards-service (inactive units too)
 * with the caller's token. UnitScopes caches each subtree for a while, so the read is rare; when a
 * service asks from inside its transaction, the transaction is suspended for the call (no remote call
 * runs inside one, commons OutgoingCallInterceptor).
 */
@ApplicationScoped
public class StandardsUnitTree implements UnitTree {

    private final UnitDirectory units;

    public StandardsUnitTree(@GrpcClient("standards") UnitServiceBlockingStub units, RemoteCalls calls) {
        this.units = new UnitDirectory(units, calls);
    }

    @Override
    public Set<UUID> subtree(UUID root) {
        return QuarkusTransaction.isActive()
                ? QuarkusTransaction.suspendingExisting().call(() -> read(root))
                : read(root);
    }

    private Set<UUID> read(UUID root) {
        Set<UUID> subtree = new LinkedHashSet<>();
        subtree.add(root);
        units.descendants(root, true).forEach(u -> subtree.add(UUID.fromString(u.getId())));
        return subtree;
    }
}
