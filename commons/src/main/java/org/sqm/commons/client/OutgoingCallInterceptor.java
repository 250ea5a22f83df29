package org.sqm.commons.client;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.MethodDescriptor;
import io.quarkus.grpc.GlobalInterceptor;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.TimeUnit;

/**
 * The rules of every outgoing gRPC call of every application. Each call gets its own deadline,
 * counted from the call's start ({@code sqm.client.deadline} for a single answer,
 * {@code sqm.client.stream-deadline} for a stream): a deadline set once on the client ({@code
 * quarkus.grpc.clients.*.deadline}) is an absolute instant that every later call has already passed
 * (quarkusio/quarkus#41947). And no call leaves while a database transaction is open on the calling
 * thread: the transaction would hold its connection and locks for as long as the other service
 * takes, and a slow or dead dependency would exhaust the pool. Breaking that rule is a bug, so it
 * fails loudly (INTERNAL at the edge) in every test that takes the path.
 */
@GlobalInterceptor
@ApplicationScoped
public class OutgoingCallInterceptor implements ClientInterceptor {

    private final long deadlineMillis;
    private final long streamDeadlineMillis;

    public OutgoingCallInterceptor(ClientConfig config) {
        this.deadlineMillis = config.deadline().toMillis();
        this.streamDeadlineMillis = config.streamDeadline().toMillis();
    }

    @Override
    public <ReqT, RespT> ClientCall<ReqT, RespT> interceptCall(
            MethodDescriptor<ReqT, RespT> method, CallOptions callOptions, Channel next) {
        if (QuarkusTransaction.isActive()) {
            throw new IllegalStateException(
                    "remote call " + method.getFullMethodName() + " inside an open database transaction");
        }
        long millis = method.getType() == MethodDescriptor.MethodType.UNARY ? deadlineMillis : streamDeadlineMillis;
        CallOptions options = callOptions.getDeadline() == null
                ? callOptions.withDeadlineAfter(millis, TimeUnit.MILLISECONDS)
                : callOptions;
        return next.newCall(method, options);
    }
}
