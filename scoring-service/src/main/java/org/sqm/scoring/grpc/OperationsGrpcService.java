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
import io.grpc.BindableService;
import io.grpc.Context;
import io.grpc.ServerServiceDefinition;
import io.grpc.stub.StreamObserver;
import io.quarkus.grpc.GrpcService;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import java.util.function.Supplier;
import org.sqm.commons.convert.ProtoTime;
import org.sqm.commons.grpc.GrpcErrorMapper;
import org.sqm.proto.common.v1.Access;
import org.sqm.proto.common.v1.Role;
import org.sqm.proto.common.v1.UnitScope;
import org.sqm.scoring.mapping.OperationMapper;
import org.sqm.scoring.service.RecomputeOperations;

/**
 * google.longrunning.Operations over the recompute runs. A run is deleted only when it has ended and
 * none of its scorecards is current (superseded, failed or cancelled runs), with its scorecards. The base class comes from a jar Quarkus generated nothing for, so {@code @Blocking} does not
 * move its calls off the event loop: each call is handed to the worker pool here (with the call's
 * gRPC context: caller, access, request id).
 *
 * <p>Roles: administrator, quality manager (those who may recompute). google/longrunning/operations.proto
 * cannot carry {@code (sqm.common.v1.access)}, so {@link #bindService()} serves its methods with that
 * option added ({@link ForeignMethodAccess}); without it commons' lock would refuse every person.
 */
@GrpcService
public class OperationsGrpcService implements BindableService, OperationsGrpc.AsyncService {

    /** Who may read, wait for, cancel and delete recompute runs: those who may start them. */
    static final Access ACCESS = Access.newBuilder()
            .addRoles(Role.ROLE_ADMINISTRATOR)
            .addRoles(Role.ROLE_QUALITY_MANAGER)
            .setScope(UnitScope.UNIT_SCOPE_NONE)
            .build();

    private final RecomputeOperations operations;
    private final GrpcErrorMapper errors;

    public OperationsGrpcService(RecomputeOperations operations, GrpcErrorMapper errors) {
        this.operations = operations;
        this.errors = errors;
    }

    @Override
    public ServerServiceDefinition bindService() {
        return ForeignMethodAccess.withAccess(OperationsGrpc.bindService(this), ACCESS);
    }

    private <T> void blocking(StreamObserver<T> response, Supplier<T> work) {
        Infrastructure.getDefaultWorkerPool().execute(Context.current().wrap(() -> {
            T answer;
            try {
                answer = work.get();
            } catch (RuntimeException e) {
                response.onError(errors.toStatusException(e));
                return;
            }
            reply(response, answer);
        }));
    }

    @Override
    public void getOperation(GetOperationRequest request, StreamObserver<Operation> response) {
        blocking(response, () -> OperationMapper.operation(operations.get(request.getName())));
    }

    @Override
    public void listOperations(ListOperationsRequest request, StreamObserver<ListOperationsResponse> response) {
        blocking(response, () -> {
            var page = operations.list(request.getFilter(), request.getPageSize(), request.getPageToken());
            return ListOperationsResponse.newBuilder()
                    .addAllOperations(page.items().stream()
                            .map(OperationMapper::operation)
                            .toList())
                    .setNextPageToken(page.nextPageToken())
                    .build();
        });
    }

    @Override
    public void cancelOperation(CancelOperationRequest request, StreamObserver<Empty> response) {
        blocking(response, () -> {
            operations.cancel(request.getName());
            return Empty.getDefaultInstance();
        });
    }

    @Override
    public void waitOperation(WaitOperationRequest request, StreamObserver<Operation> response) {
        blocking(
                response,
                () -> OperationMapper.operation(operations.await(
                        request.getName(), request.hasTimeout() ? ProtoTime.duration(request.getTimeout()) : null)));
    }

    @Override
    public void deleteOperation(DeleteOperationRequest request, StreamObserver<Empty> response) {
        blocking(response, () -> {
            operations.delete(request.getName());
            return Empty.getDefaultInstance();
        });
    }
}
