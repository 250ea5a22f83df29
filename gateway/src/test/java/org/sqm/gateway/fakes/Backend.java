package org.sqm.gateway.fakes;

import com.google.protobuf.Message;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * The script and the record of the fake backends, keyed by request type (each RPC has its own). A
 * test scripts outcomes for an RPC; they are used in order and the last one repeats until another is
 * scripted. An RPC without a script answers its response type's default instance. Every request is
 * recorded.
 */
public final class Backend {

    /** An answer, or the messages of a stream (then {@code error}, if any, ends it), or a failure. */
    private record Outcome(Message answer, StatusRuntimeException error, Duration delay, List<Message> stream) {

        Outcome(Message answer, StatusRuntimeException error, Duration delay) {
            this(answer, error, delay, null);
        }
    }

    private static final Map<Class<?>, Deque<Outcome>> SCRIPT = new ConcurrentHashMap<>();
    private static final Map<Class<?>, List<Message>> RECEIVED = new ConcurrentHashMap<>();
    private static final Set<Class<?>> USED = ConcurrentHashMap.newKeySet();
    private static final Map<String, Metadata> METADATA = new ConcurrentHashMap<>();

    private Backend() {}

    /** Forgets every script and every request. */
    public static synchronized void reset() {
        SCRIPT.clear();
        RECEIVED.clear();
        USED.clear();
        METADATA.clear();
    }

    static void metadata(String fullMethodName, Metadata headers) {
        METADATA.put(fullMethodName, headers);
    }

    /** The metadata of the last call of this method ({@code sqm.x.v1.XService/Method}); fails when there was none. */
    public static Metadata metadata(String fullMethodName) {
        Metadata headers = METADATA.get(fullMethodName);
        if (headers == null) {
            throw new AssertionError("no call of " + fullMethodName + " reached the backends");
        }
        return headers;
    }

    /** The RPC taking {@code request} answers {@code response}. */
    public static void answer(Class<? extends Message> request, Message response) {
        script(request, new Outcome(response, null, Duration.ZERO));
    }

    /** The RPC taking {@code request} answers {@code response} after {@code delay}. */
    public static void answerAfter(Class<? extends Message> request, Duration delay, Message response) {
        script(request, new Outcome(response, null, delay));
    }

    /** The RPC taking {@code request} fails with {@code error}. */
    public static void fail(Class<? extends Message> request, StatusRuntimeException error) {
        script(request, new Outcome(null, error, Duration.ZERO));
    }

    /**
     * The server-streaming RPC taking {@code request} sends {@code messages}, then ends with {@code
     * error}, or completes when it is null.
     */
    public static void stream(
            Class<? extends Message> request, List<? extends Message> messages, StatusRuntimeException error) {
        script(request, new Outcome(null, error, Duration.ZERO, List.copyOf(messages)));
    }

    /** The last request of this type the backends received; fails when there was none. */
    public static <Q extends Message> Q received(Class<Q> request) {
        List<Q> all = requests(request);
        if (all.isEmpty()) {
            throw new AssertionError("no " + request.getSimpleName() + " reached the backends");
        }
        return all.get(all.size() - 1);
    }

    /** Every request of this type the backends received, oldest first. */
    @SuppressWarnings("unchecked")
    public static <Q extends Message> List<Q> requests(Class<Q> request) {
        return (List<Q>) List.copyOf(RECEIVED.getOrDefault(request, List.of()));
    }

    private static synchronized void script(Class<? extends Message> request, Outcome outcome) {
        Deque<Outcome> outcomes = SCRIPT.computeIfAbsent(request, r -> new ArrayDeque<>());
        if (USED.remove(request)) {
            // The repeating last outcome has served; the new one takes its place.
            outcomes.clear();
        }
        outcomes.add(outcome);
    }

    @SuppressWarnings("unchecked")
    static <Q, R> void handle(MethodDescriptor<Q, R> method, Q request, StreamObserver<R> response) {
        RECEIVED.computeIfAbsent(request.getClass(), r -> new CopyOnWriteArrayList<>())
                .add((Message) request);
        Outcome outcome = next(request.getClass());
        R prototype = ((MethodDescriptor.PrototypeMarshaller<R>) method.getResponseMarshaller()).getMessagePrototype();
        Runnable reply = () -> {
            if (outcome != null && outcome.stream() != null) {
                outcome.stream().forEach(message -> response.onNext((R) message));
                if (outcome.error() != null) {
                    response.onError(outcome.error());
                } else {
                    response.onCompleted();
                }
            } else if (outcome != null && outcome.error() != null) {
                response.onError(outcome.error());
            } else if (outcome != null && outcome.answer().getClass() != prototype.getClass()) {
                response.onError(Status.INTERNAL
                        .withDescription("the test scripted a "
                                + outcome.answer().getClass().getSimpleName() + " for " + method.getFullMethodName())
                        .asRuntimeException());
            } else {
                response.onNext(outcome == null ? prototype : (R) outcome.answer());
                response.onCompleted();
            }
        };
        if (outcome != null && !outcome.delay().isZero()) {
            // The gateway may give up first (its deadline); the late answer then goes nowhere, quietly.
            ((ServerCallStreamObserver<R>) response).setOnCancelHandler(() -> {});
            CompletableFuture.delayedExecutor(outcome.delay().toMillis(), TimeUnit.MILLISECONDS)
                    .execute(reply);
        } else {
            reply.run();
        }
    }

    private static synchronized Outcome next(Class<?> request) {
        Deque<Outcome> outcomes = SCRIPT.get(request);
        if (outcomes == null || outcomes.isEmpty()) {
            return null;
        }
        if (outcomes.size() > 1) {
            return outcomes.poll();
        }
        USED.add(request);
        return outcomes.peek();
    }
}
