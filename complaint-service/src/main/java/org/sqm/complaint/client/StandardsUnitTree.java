package org.sqm.complaint.client;

import io.quarkus.grpc.GrpcClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import java.util.UUID;
import org.sqm.commons.auth.UnitTree;
import org.sqm.commons.client.RemoteCalls;
import org.sqm.commons.client.UnitDirectory;
import org.sqm.proto.standards.v1.UnitServiceGrpc.UnitServiceBlockingStub;

/**
 * The organisation tree for commons {@code UnitScopes}, read from standards-service (every unit below a
 * root, inactive ones too) with the caller's token, like every other call to it. Never called inside a
 * database transaction: the complaint services ask for the caller's units before they open one.
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
