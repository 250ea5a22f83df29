package org.sqm.complaint.grpc;

import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Sends the messages of a server stream no faster than the client reads them, so a long stream is
 * never buffered whole in this service, and stops it when the client has gone. It polls the call's
 * readiness rather than waiting for an onReady callback: a {@code @Blocking} method runs inside the
 * call's half-close event, and Quarkus delivers the call's later events (onReady, onCancel) only
 * after that event has returned.
 */
final class PacedStream<T> {

    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private final StreamObserver<T> observer;
    private final ServerCallStreamObserver<T> call;

    PacedStream(StreamObserver<T> observer) {
        this.observer = observer;
        this.call = observer instanceof ServerCallStreamObserver<T> c ? c : null;
    }

    /** Sends one message once the client can take it; CANCELLED when the client cancelled or its deadline passed. */
    void send(T message) {
        while (call != null && !call.isReady()) {
            requireOpen();
            LockSupport.parkNanos(POLL_NANOS);
        }
        requireOpen();
        observer.onNext(message);
    }

    /** Ends the stream. */
    void complete() {
        observer.onCompleted();
    }

    private void requireOpen() {
        if (call != null && call.isCancelled()) {
            throw Status.CANCELLED
                    .withDescription("the client cancelled the stream or its deadline passed")
                    .asRuntimeException();
        }
    }
}
