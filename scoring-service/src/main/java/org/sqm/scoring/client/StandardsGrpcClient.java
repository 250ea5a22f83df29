package org.sqm.scoring.client;

import io.quarkus.grpc.GrpcClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.sqm.commons.client.RemoteCalls;
import org.sqm.commons.client.UnitDirectory;
import org.sqm.commons.convert.ProtoEnums;
import org.sqm.proto.standards.v1.ListUnitsRequest;
import org.sqm.proto.standards.v1.ListUnitsResponse;
import org.sqm.proto.standards.v1.UnitServiceGrpc.UnitServiceBlockingStub;
import org.sqm.proto.standards.v1.UnitState;
import org.sqm.scoring.service.Units;

/** {@link Units} over gRPC: commons' unit directory of standards-service, and every active unit page by page. */
@ApplicationScoped
public class StandardsGrpcClient implements Units {

    private static final int PAGE_SIZE = 1000;

    private final UnitDirectory units;
    private final UnitServiceBlockingStub stub;
    private final RemoteCalls calls;

    public StandardsGrpcClient(@GrpcClient("standards") UnitServiceBlockingStub units, RemoteCalls calls) {
        this.units = new UnitDirectory(units, calls);
        this.stub = units;
        this.calls = calls;
    }

    @Override
    public List<Node> allActive() {
        List<Node> all = new ArrayList<>();
        calls.readAllPages(
                UnitDirectory.SERVICE,
                token -> stub.listUnits(ListUnitsRequest.newBuilder()
                        .setPageSize(PAGE_SIZE)
                        .setPageToken(token)
                        .build()),
                (ListUnitsResponse page) -> page.getUnitsList().stream()
                        .filter(u -> u.getState() != UnitState.UNIT_STATE_INACTIVE)
                        .forEach(u ->
                                all.add(new Node(u.getId(), u.getCode(), u.getName(), u.getType(), u.getParentId()))),
                ListUnitsResponse::getNextPageToken);
        return all;
    }

    @Override
    public Optional<Unit> unit(UUID id) {
        return units.unit(id).map(u -> new Unit(id, ProtoEnums.shortName(u.getType())));
    }
}
