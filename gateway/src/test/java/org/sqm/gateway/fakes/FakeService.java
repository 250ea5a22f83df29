package org.sqm.gateway.fakes;

import io.grpc.BindableService;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.ServerServiceDefinition;
import io.grpc.ServiceDescriptor;
import io.grpc.stub.ServerCalls;

/**
 * A gRPC service whose every method answers what {@link Backend} scripts for it and records what it
 * received (with the metadata of each call): one fake for any service descriptor (unary and
 * server-streaming methods), so the gateway's tests reach it over real gRPC.
 */
public abstract class FakeService implements BindableService {

    private final ServiceDescriptor service;

    protected FakeService(ServiceDescriptor service) {
        this.service = service;
    }

    @Override
    public ServerServiceDefinition bindService() {
        ServerServiceDefinition.Builder definition = ServerServiceDefinition.builder(service);
        for (MethodDescriptor<?, ?> method : service.getMethods()) {
            bind(definition, method);
        }
        return ServerInterceptors.intercept(definition.build(), new ServerInterceptor() {
            @Override
            public <Q, R> ServerCall.Listener<Q> interceptCall(
                    ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
                Backend.metadata(call.getMethodDescriptor().getFullMethodName(), headers);
                return next.startCall(call, headers);
            }
        });
    }

    private static <Q, R> void bind(ServerServiceDefinition.Builder definition, MethodDescriptor<Q, R> method) {
        definition.addMethod(
                method,
                method.getType() == MethodDescriptor.MethodType.SERVER_STREAMING
                        ? ServerCalls.asyncServerStreamingCall(
                                (request, response) -> Backend.handle(method, request, response))
                        : ServerCalls.asyncUnaryCall((request, response) -> Backend.handle(method, request, response)));
    }
}
