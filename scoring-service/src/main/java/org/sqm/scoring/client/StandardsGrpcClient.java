package org.sqm.scoring.client;

import io.quarkus.grpc.GrpcClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;
import org.sqm.commons.client.RemoteCalls;
import org.sqm.commons.client.UnitDirectory;
import org.sqm.commons.convert.ProtoEnums;
import org.sqm.proto.standards.v1.UnitServiceGrpc.UnitServiceBlockingStub;
import org.sqm.scoring.service.Units;

/** {@link Units} over gRPC, through commons' unit directory of standards-service. */
@ApplicationScoped
public class StandardsGrpcClient implements Units {

    private final UnitDirectory units;

    public StandardsGrpcClient(@GrpcClient("standards") UnitServiceBlockingStub units, RemoteCalls calls) {
        this.units = new UnitDirectory(units, calls);
    }

    @Override
    public Optional<Unit> unit(UUID id) {
        return units.unit(id).map(u -> new Unit(id, ProtoEnums.shortName(u.getType())));
    }
}
