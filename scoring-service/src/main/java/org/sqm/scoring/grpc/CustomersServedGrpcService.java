package org.sqm.scoring.grpc;

import static org.sqm.commons.grpc.Replies.reply;

import io.grpc.stub.StreamObserver;
import io.quarkus.grpc.GrpcService;
import io.smallrye.common.annotation.Blocking;
import org.sqm.commons.convert.Texts;
import org.sqm.proto.scoring.v1.CreateCustomersServedBatchRequest;
import org.sqm.proto.scoring.v1.CustomersServedBatch;
import org.sqm.proto.scoring.v1.CustomersServedServiceGrpc;
import org.sqm.proto.scoring.v1.GetCustomersServedBatchRequest;
import org.sqm.proto.scoring.v1.ListCustomersServedRequest;
import org.sqm.proto.scoring.v1.ListCustomersServedResponse;
import org.sqm.scoring.domain.CustomersServedEntity;
import org.sqm.scoring.mapping.BatchMapper;
import org.sqm.scoring.service.BatchStore;
import org.sqm.scoring.service.CallerUnits;
import org.sqm.scoring.service.CustomersServedBatches;

/** The gRPC face of {@link CustomersServedBatches}; blocking work runs on worker threads, never the event loop. */
@GrpcService
@Blocking
public class CustomersServedGrpcService extends CustomersServedServiceGrpc.CustomersServedServiceImplBase {

    private final CustomersServedBatches batches;
    private final CallerUnits units;

    public CustomersServedGrpcService(CustomersServedBatches batches, CallerUnits units) {
        this.units = units;
        this.batches = batches;
    }

    @Override
    public void createCustomersServedBatch(
            CreateCustomersServedBatchRequest request, StreamObserver<CustomersServedBatch> response) {
        reply(
                response,
                BatchMapper.customersServedBatch(batches.record(BatchMapper.toNew(request.getCustomersServedBatch()))));
    }

    @Override
    public void getCustomersServedBatch(
            GetCustomersServedBatchRequest request, StreamObserver<CustomersServedBatch> response) {
        units.resolve();
        reply(response, BatchMapper.customersServedBatch(batches.get(request.getBatchId())));
    }

    @Override
    public void listCustomersServed(
            ListCustomersServedRequest request, StreamObserver<ListCustomersServedResponse> response) {
        units.resolve();
        BatchStore.ItemPage<CustomersServedEntity> page = batches.list(
                Texts.emptyToNull(request.getUnitId()),
                Texts.emptyToNull(request.getPeriod()),
                request.getShowSuperseded(),
                request.getPageSize(),
                request.getPageToken());
        reply(
                response,
                ListCustomersServedResponse.newBuilder()
                        .addAllCustomersServed(BatchMapper.items(page, BatchMapper::customersServed))
                        .setNextPageToken(page.page().nextPageToken())
                        .build());
    }
}
