package org.sqm.inspection.client;

import io.quarkus.grpc.GrpcClient;
import jakarta.enterprise.context.ApplicationScoped;
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
        return units.subtree(root);
    }
}
