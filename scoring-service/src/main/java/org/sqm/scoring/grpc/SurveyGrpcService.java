package org.sqm.scoring.grpc;

import static org.sqm.commons.grpc.Replies.reply;

import io.grpc.stub.StreamObserver;
import io.quarkus.grpc.GrpcService;
import io.smallrye.common.annotation.Blocking;
import org.sqm.commons.convert.ProtoEnums;
import org.sqm.proto.common.v1.CustomerSegment;
import org.sqm.proto.scoring.v1.ConfidenceInterval;
import org.sqm.proto.scoring.v1.CreateSurveyBatchRequest;
import org.sqm.proto.scoring.v1.GetSatisfactionIndexRequest;
import org.sqm.proto.scoring.v1.GetSurveyBatchRequest;
import org.sqm.proto.scoring.v1.SatisfactionIndex;
import org.sqm.proto.scoring.v1.SurveyBatch;
import org.sqm.proto.scoring.v1.SurveyServiceGrpc;
import org.sqm.scoring.mapping.BatchMapper;
import org.sqm.scoring.service.CallerUnits;
import org.sqm.scoring.service.SatisfactionIndexes;
import org.sqm.scoring.service.SurveyBatches;

/** The gRPC face of {@link SurveyBatches} and {@link SatisfactionIndexes}; blocking work runs on worker threads. */
@GrpcService
@Blocking
public class SurveyGrpcService extends SurveyServiceGrpc.SurveyServiceImplBase {

    private final SurveyBatches batches;
    private final SatisfactionIndexes indexes;
    private final CallerUnits units;

    public SurveyGrpcService(SurveyBatches batches, SatisfactionIndexes indexes, CallerUnits units) {
        this.units = units;
        this.batches = batches;
        this.indexes = indexes;
    }

    @Override
    public void createSurveyBatch(CreateSurveyBatchRequest request, StreamObserver<SurveyBatch> response) {
        reply(response, BatchMapper.surveyBatch(batches.record(BatchMapper.toNew(request.getSurveyBatch()))));
    }

    @Override
    public void getSurveyBatch(GetSurveyBatchRequest request, StreamObserver<SurveyBatch> response) {
        units.resolve();
        reply(response, BatchMapper.surveyBatch(batches.get(request.getBatchId())));
    }

    @Override
    public void getSatisfactionIndex(GetSatisfactionIndexRequest request, StreamObserver<SatisfactionIndex> response) {
        units.resolve();
        SatisfactionIndexes.Index index = indexes.of(
                request.getUnitId(),
                ProtoEnums.toDomain(request.getSegment(), org.sqm.scoring.domain.CustomerSegment.class),
                request.getSegment() != CustomerSegment.UNRECOGNIZED,
                request.getPeriod());
        SatisfactionIndex.Builder answer = SatisfactionIndex.newBuilder()
                .setUnitId(index.unitId().toString())
                .setSegment(ProtoEnums.toProto(index.segment(), CustomerSegment.class))
                .setPeriod(index.period())
                .setSampleSize(index.sampleSize())
                .addAllBatchIds(index.batchIds());
        if (index.index() != null) {
            answer.setIndex(index.index());
        }
        if (index.standardDeviation() != null) {
            answer.setStandardDeviation(index.standardDeviation());
        }
        if (index.lower() != null) {
            answer.setConfidenceInterval(
                    ConfidenceInterval.newBuilder().setLower(index.lower()).setUpper(index.upper()));
        }
        reply(response, answer.build());
    }
}
