package org.sqm.scoring.grpc;

import static org.sqm.commons.grpc.Replies.reply;

import io.grpc.stub.StreamObserver;
import io.quarkus.grpc.GrpcService;
import io.smallrye.common.annotation.Blocking;
import org.sqm.commons.convert.Texts;
import org.sqm.proto.scoring.v1.CreateMeasurementBatchRequest;
import org.sqm.proto.scoring.v1.GetMeasurementBatchRequest;
import org.sqm.proto.scoring.v1.ListMeasurementsRequest;
import org.sqm.proto.scoring.v1.ListMeasurementsResponse;
import org.sqm.proto.scoring.v1.MeasurementBatch;
import org.sqm.proto.scoring.v1.MeasurementServiceGrpc;
import org.sqm.scoring.domain.MeasurementEntity;
import org.sqm.scoring.mapping.BatchMapper;
import org.sqm.scoring.service.BatchStore;
import org.sqm.scoring.service.CallerUnits;
import org.sqm.scoring.service.MeasurementBatches;

/** The gRPC face of {@link MeasurementBatches}; blocking work runs on worker threads, never the event loop. */
@GrpcService
@Blocking
public class MeasurementGrpcService extends MeasurementServiceGrpc.MeasurementServiceImplBase {

    private final MeasurementBatches batches;
    private final CallerUnits units;

    public MeasurementGrpcService(MeasurementBatches batches, CallerUnits units) {
        this.units = units;
        this.batches = batches;
    }

    @Override
    public void createMeasurementBatch(
            CreateMeasurementBatchRequest request, StreamObserver<MeasurementBatch> response) {
        reply(response, BatchMapper.measurementBatch(batches.record(BatchMapper.toNew(request.getMeasurementBatch()))));
    }

    @Override
    public void getMeasurementBatch(GetMeasurementBatchRequest request, StreamObserver<MeasurementBatch> response) {
        units.resolve();
        reply(response, BatchMapper.measurementBatch(batches.get(request.getBatchId())));
    }

    @Override
    public void listMeasurements(ListMeasurementsRequest request, StreamObserver<ListMeasurementsResponse> response) {
        units.resolve();
        BatchStore.ItemPage<MeasurementEntity> page = batches.list(
                new MeasurementBatches.Filter(
                        Texts.emptyToNull(request.getUnitId()),
                        Texts.emptyToNull(request.getIndicatorCode()),
                        Texts.emptyToNull(request.getPeriod()),
                        request.getShowSuperseded()),
                request.getPageSize(),
                request.getPageToken());
        reply(
                response,
                ListMeasurementsResponse.newBuilder()
                        .addAllMeasurements(BatchMapper.items(page, BatchMapper::measurement))
                        .setNextPageToken(page.page().nextPageToken())
                        .build());
    }
}
