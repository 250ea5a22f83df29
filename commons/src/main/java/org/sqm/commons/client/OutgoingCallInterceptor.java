package org.sqm.commons.client;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ForwardingClientCall;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.quarkus.grpc.GlobalInterceptor;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.sqm.commons.auth.OutgoingToken;
import org.sqm.commons.auth.RequestIds;

/**
 * The rules of every outgoing gRPC call of every application. Each call gets its own deadline,
 * counted from the call's start ({@code sqm.client.deadline} for a single answer,
 * {@code sqm.client.stream-deadline} for a stream): a deadline set once on the client ({@code
 * quarkus.grpc.clients.*.deadline}) is an absolute instant that every later call has already passed
 * (quarkusio/quarkus#41947). And no call leaves while a database transaction is open on the calling
 * thread: the transaction would hold its connection and locks for as long as the other service
 * takes, and a slow or dead dependency would exhaust the pool. Breaking that rule is a bug, so it
 * fails loudly (INTERNAL at the edge) in every test that takes the path. Every call carries a bearer
 * token ({@link OutgoingToken}): the caller's own, forwarded, or without a caller this application's
 * service token.
 */
@GlobalInterceptor
@ApplicationScoped
public class OutgoingCallInterceptor implements ClientInterceptor {

    private final long deadlineMillis;
    private final long streamDeadlineMillis;

    private static final Metadata.Key<String> AUTHORIZATION =
            Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

    private final OutgoingToken token;

    public OutgoingCallInterceptor(ClientConfig config, OutgoingToken token) {
        this.token = token;
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
        // Read on the calling thread: the caller lives in its gRPC or request context.
        Optional<String> bearer = token.current();
        Optional<String> requestId = RequestIds.current();
        ClientCall<ReqT, RespT> call = next.newCall(method, options);
        if (bearer.isEmpty() && requestId.isEmpty()) {
            return call;
        }
        return new ForwardingClientCall.SimpleForwardingClientCall<>(call) {
            @Override
            public void start(Listener<RespT> responseListener, Metadata headers) {
                if (bearer.isPresent() && !headers.containsKey(AUTHORIZATION)) {
                    headers.put(AUTHORIZATION, "Bearer " + bearer.get());
                }
                if (requestId.isPresent() && !headers.containsKey(RequestIds.METADATA)) {
                    headers.put(RequestIds.METADATA, requestId.get());
                }
                super.start(responseListener, headers);
            }
        };
    }
}
