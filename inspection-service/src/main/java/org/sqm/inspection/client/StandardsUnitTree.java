package org.sqm.inspection.client;

import io.quarkus.grpc.GrpcClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import org.sqm.commons.auth.UnitTree;
import org.sqm.commons.client.RemoteCalls;
import org.sqm.commons.client.UnitDirectory;
import org.sqm.proto.standards.v1.UnitServiceGrpc.UnitServiceBlockingStub;

/** The organisation tree for commons {@code UnitScopes}, read from standards-service (inactive units too). */
@ApplicationScoped
public class StandardsUnitTree implements UnitTree {

    private final UnitDirectory units;

    public StandardsUnitTree(@GrpcClient("standards") UnitServiceBlockingStub units, RemoteCalls calls) {
        this.units = new UnitDirectory(units, calls);
    }

    @Override
    public Set<UUID> subtree(UUID root) {
        Set<UUID> subtree = new LinkedHashSet<>();
        subtree.add(root);
        units.descendants(root, true).forEach(u -> subtree.add(UUID.fromString(u.getId())));
        return subtree;
    }
}
