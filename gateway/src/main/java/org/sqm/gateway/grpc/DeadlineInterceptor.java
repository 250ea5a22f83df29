package org.sqm.gateway.grpc;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.MethodDescriptor;
import io.quarkus.grpc.GlobalInterceptor;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.TimeUnit;
import org.sqm.gateway.config.GatewayConfig;

/**
 * Gives every backend call its own deadline, counted from the call's start. A deadline set once on
 * the client (quarkus.grpc.clients.*.deadline) would be an absolute instant that every later call
 * has already passed.
 */
@GlobalInterceptor
@ApplicationScoped
public class DeadlineInterceptor implements ClientInterceptor {

    private final long deadlineMillis;

    public DeadlineInterceptor(GatewayConfig config) {
        this.deadlineMillis = config.deadline().toMillis();
    }

    @Override
    public <ReqT, RespT> ClientCall<ReqT, RespT> interceptCall(
            MethodDescriptor<ReqT, RespT> method, CallOptions callOptions, Channel next) {
        CallOptions options = callOptions.getDeadline() == null
                ? callOptions.withDeadlineAfter(deadlineMillis, TimeUnit.MILLISECONDS)
                : callOptions;
        return next.newCall(method, options);
    }
}
