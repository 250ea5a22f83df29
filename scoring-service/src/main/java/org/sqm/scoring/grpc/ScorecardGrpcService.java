package org.sqm.scoring.grpc;

import static org.sqm.commons.grpc.Replies.reply;

import com.google.longrunning.Operation;
import io.grpc.stub.StreamObserver;
import io.quarkus.grpc.GrpcService;
import io.smallrye.common.annotation.Blocking;
import org.sqm.proto.scoring.v1.GetScoreTrendRequest;
import org.sqm.proto.scoring.v1.GetScorecardRequest;
import org.sqm.proto.scoring.v1.ListScorecardsRequest;
import org.sqm.proto.scoring.v1.ListScorecardsResponse;
import org.sqm.proto.scoring.v1.RecomputeScorecardsRequest;
import org.sqm.proto.scoring.v1.ScoreTrend;
import org.sqm.proto.scoring.v1.Scorecard;
import org.sqm.proto.scoring.v1.ScorecardServiceGrpc;
import org.sqm.scoring.mapping.OperationMapper;
import org.sqm.scoring.service.CallerUnits;
import org.sqm.scoring.service.ScorecardReads;
import org.sqm.scoring.service.ScorecardRecompute;

/** The gRPC face of {@link ScorecardRecompute} and {@link ScorecardReads}; blocking work runs on worker threads. */
@GrpcService
@Blocking
public class ScorecardGrpcService extends ScorecardServiceGrpc.ScorecardServiceImplBase {

    private final ScorecardRecompute recompute;
    private final ScorecardReads reads;
    private final CallerUnits units;

    public ScorecardGrpcService(ScorecardRecompute recompute, ScorecardReads reads, CallerUnits units) {
        this.units = units;
        this.recompute = recompute;
        this.reads = reads;
    }

    @Override
    public void recomputeScorecards(RecomputeScorecardsRequest request, StreamObserver<Operation> response) {
        reply(response, OperationMapper.operation(recompute.start(request.getPeriod())));
    }

    @Override
    public void getScorecard(GetScorecardRequest request, StreamObserver<Scorecard> response) {
        units.resolve();
        reply(response, reads.get(request.getUnitId(), request.getPeriod()));
    }

    @Override
    public void listScorecards(ListScorecardsRequest request, StreamObserver<ListScorecardsResponse> response) {
        units.resolve();
        var page = reads.list(
                request.getPeriod(),
                request.getUnitType(),
                request.hasLevel() ? request.getLevel() : null,
                request.getParentUnitId(),
                request.getPageSize(),
                request.getPageToken());
        reply(
                response,
                ListScorecardsResponse.newBuilder()
                        .addAllScorecards(page.items())
                        .setNextPageToken(page.nextPageToken())
                        .build());
    }

    @Override
    public void getScoreTrend(GetScoreTrendRequest request, StreamObserver<ScoreTrend> response) {
        units.resolve();
        reply(
                response,
                reads.trend(
                        request.getUnitId(),
                        request.getPeriod(),
                        request.getCount(),
                        request.getIncludeLatestScorecard()));
    }
}
