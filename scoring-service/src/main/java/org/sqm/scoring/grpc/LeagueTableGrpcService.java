package org.sqm.scoring.grpc;

import static org.sqm.commons.grpc.Replies.reply;

import io.grpc.stub.StreamObserver;
import io.quarkus.grpc.GrpcService;
import io.smallrye.common.annotation.Blocking;
import org.sqm.proto.scoring.v1.GetLeagueTableRequest;
import org.sqm.proto.scoring.v1.LeagueTable;
import org.sqm.proto.scoring.v1.LeagueTableServiceGrpc;
import org.sqm.scoring.service.LeagueTables;

/** The gRPC face of {@link LeagueTables}; blocking work runs on worker threads. */
@GrpcService
@Blocking
public class LeagueTableGrpcService extends LeagueTableServiceGrpc.LeagueTableServiceImplBase {

    private final LeagueTables tables;

    public LeagueTableGrpcService(LeagueTables tables) {
        this.tables = tables;
    }

    @Override
    public void getLeagueTable(GetLeagueTableRequest request, StreamObserver<LeagueTable> response) {
        reply(
                response,
                tables.get(
                        request.getPeriod(),
                        request.getUnitType(),
                        request.hasLevel() ? request.getLevel() : null,
                        request.getParentUnitId(),
                        request.getMetric()));
    }
}
