package org.sqm.scoring.client;

import io.quarkus.grpc.GrpcClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import java.util.UUID;
import org.sqm.commons.auth.UnitTree;
import org.sqm.commons.client.RemoteCalls;
import org.sqm.commons.client.UnitDirectory;
import org.sqm.proto.standards.v1.UnitServiceGrpc.UnitServiceBlockingStub;

/**
 * The organisation tree for commons' {@code UnitScopes}: a unit and every unit below it (inactive ones
 * too, their scorecards and certifications stay readable), from standards-service's
 * ListUnitDescendants with the caller's token (a unit manager, viewer or complaint handler may list
 * the descendants of their own units there).
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
