package org.sqm.scoring.grpc;

import static org.sqm.commons.grpc.Replies.reply;

import com.google.longrunning.CancelOperationRequest;
import com.google.longrunning.DeleteOperationRequest;
import com.google.longrunning.GetOperationRequest;
import com.google.longrunning.ListOperationsRequest;
import com.google.longrunning.ListOperationsResponse;
import com.google.longrunning.Operation;
import com.google.longrunning.OperationsGrpc;
import com.google.longrunning.WaitOperationRequest;
import com.google.protobuf.Empty;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import io.quarkus.grpc.GrpcService;
import io.smallrye.common.annotation.Blocking;
import org.sqm.commons.convert.ProtoTime;
import org.sqm.scoring.mapping.OperationMapper;
import org.sqm.scoring.service.RecomputeOperations;

/**
 * google.longrunning.Operations over the recompute runs. Runs are never deleted: their scorecards name
 * them.
 */
@GrpcService
@Blocking
public class OperationsGrpcService extends OperationsGrpc.OperationsImplBase {

    private final RecomputeOperations operations;

    public OperationsGrpcService(RecomputeOperations operations) {
        this.operations = operations;
    }

    @Override
    public void getOperation(GetOperationRequest request, StreamObserver<Operation> response) {
        reply(response, OperationMapper.operation(operations.get(request.getName())));
    }

    @Override
    public void listOperations(ListOperationsRequest request, StreamObserver<ListOperationsResponse> response) {
        var page = operations.list(request.getFilter(), request.getPageSize(), request.getPageToken());
        reply(
                response,
                ListOperationsResponse.newBuilder()
                        .addAllOperations(page.items().stream()
                                .map(OperationMapper::operation)
                                .toList())
                        .setNextPageToken(page.nextPageToken())
                        .build());
    }

    @Override
    public void cancelOperation(CancelOperationRequest request, StreamObserver<Empty> response) {
        operations.cancel(request.getName());
        reply(response, Empty.getDefaultInstance());
    }

    @Override
    public void waitOperation(WaitOperationRequest request, StreamObserver<Operation> response) {
        reply(
                response,
                OperationMapper.operation(operations.await(
                        request.getName(), request.hasTimeout() ? ProtoTime.duration(request.getTimeout()) : null)));
    }

    @Override
    public void deleteOperation(DeleteOperationRequest request, StreamObserver<Empty> response) {
        response.onError(Status.UNIMPLEMENTED
                .withDescription("recompute operations are kept: the scorecards they wrote name them")
                .asRuntimeException());
    }
}
