package org.sqm.gateway.rest.dashboard;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptors;
import io.grpc.Deadline;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.MetadataUtils;
import io.grpc.stub.StreamObserver;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.sqm.commons.client.RemoteCalls;

/**
 * Backend calls of one dashboard request that start without waiting for each other, all under one
 * deadline. A call started on the request thread goes out like every other call of the gateway: the
 * global {@code OutgoingCallInterceptor} forwards the caller's token and request id and keeps the
 * deadline set here. A call started later, on a gRPC thread (the next page of a list, a retry), has no
 * request to read them from: it carries the ones read on the request thread,
 * which the interceptor then leaves as they are. Like {@link RemoteCalls#read}, a read the backend never
 * received is tried again after a short pause, while the deadline leaves time for it.
 */
final class PartCalls {

    private static final long FIRST_BACKOFF_MILLIS = 50;

    private final Thread requestThread = Thread.currentThread();
    private final Deadline deadline;
    private final int attempts;
    private final Metadata caller;

    /** Made on the request thread: reads the caller's token and request id there. */
    PartCalls(Deadline deadline, int attempts, Optional<String> bearer, Optional<String> requestId) {
        this.deadline = deadline;
        this.attempts = Math.max(1, attempts);
        this.caller = new Metadata();
        bearer.ifPresent(token ->
                caller.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + token));
        requestId.ifPresent(id -> caller.put(Metadata.Key.of("x-request-id", Metadata.ASCII_STRING_MARSHALLER), id));
    }

    /** The deadline every call of this request shares. */
    Deadline deadline() {
        return deadline;
    }

    /** Starts a unary read now; the future fails with the call's {@link StatusRuntimeException}. */
    <Q, R> CompletableFuture<R> read(Channel channel, MethodDescriptor<Q, R> method, Q request) {
        return attempt(channel, method, request, 1, FIRST_BACKOFF_MILLIS);
    }

    /**
     * Reads every page of an AIP-158 list, one after the other: {@code request} makes the request for
     * a page token (the empty token first).
     */
    <Q, R, T> CompletableFuture<List<T>> readAllPages(
            Channel channel,
            MethodDescriptor<Q, R> method,
            Function<String, Q> request,
            Function<R, List<T>> items,
            Function<R, String> next) {
        List<T> all = new ArrayList<>();
        return page(channel, method, request, items, next, "", all);
    }

    private <Q, R, T> CompletableFuture<List<T>> page(
            Channel channel,
            MethodDescriptor<Q, R> method,
            Function<String, Q> request,
            Function<R, List<T>> items,
            Function<R, String> next,
            String token,
            List<T> all) {
        return read(channel, method, request.apply(token)).thenCompose(response -> {
            all.addAll(items.apply(response));
            String following = next.apply(response);
            return following.isEmpty()
                    ? CompletableFuture.completedFuture(all)
                    : page(channel, method, request, items, next, following, all);
        });
    }

    private <Q, R> CompletableFuture<R> attempt(
            Channel channel, MethodDescriptor<Q, R> method, Q request, int attempt, long backoff) {
        return once(channel, method, request)
                .handle((answer, failure) -> {
                    if (failure == null) {
                        return CompletableFuture.completedFuture(answer);
                    }
                    StatusRuntimeException status = status(failure);
                    boolean again = RemoteCalls.unreachable(status)
                            && attempt < attempts
                            && deadline.timeRemaining(TimeUnit.MILLISECONDS) > backoff;
                    if (!again) {
                        return CompletableFuture.<R>failedFuture(status);
                    }
                    return CompletableFuture.supplyAsync(
                                    () -> attempt(channel, method, request, attempt + 1, backoff * 2),
                                    CompletableFuture.delayedExecutor(backoff, TimeUnit.MILLISECONDS))
                            .thenCompose(f -> f);
                })
                .thenCompose(f -> f);
    }

    private <Q, R> CompletableFuture<R> once(Channel channel, MethodDescriptor<Q, R> method, Q request) {
        CompletableFuture<R> answer = new CompletableFuture<>();
        try {
            Channel through = Thread.currentThread() == requestThread
                    ? channel
                    : ClientInterceptors.intercept(channel, MetadataUtils.newAttachHeadersInterceptor(caller));
            ClientCall<Q, R> call = through.newCall(method, CallOptions.DEFAULT.withDeadline(deadline));
            ClientCalls.asyncUnaryCall(call, request, new StreamObserver<>() {
                @Override
                public void onNext(R value) {
                    answer.complete(value);
                }

                @Override
                public void onError(Throwable t) {
                    answer.completeExceptionally(t);
                }

                @Override
                public void onCompleted() {
                    if (!answer.isDone()) {
                        answer.completeExceptionally(
                                Status.INTERNAL.withDescription("no answer").asRuntimeException());
                    }
                }
            });
        } catch (RuntimeException e) {
            // Refused before it left (the interceptor's rules): a failed part, not a failed request.
            answer.completeExceptionally(e);
        }
        return answer;
    }

    /** The gRPC status a failed call ended with. */
    static StatusRuntimeException status(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof StatusRuntimeException e) {
            return e;
        }
        return Status.fromThrowable(cause).asRuntimeException();
    }
}
