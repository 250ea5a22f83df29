package org.sqm.inspection.grpc;

import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.util.concurrent.locks.LockSupport;

/**
 * The sending side of a server stream that respects the client's flow control: each message waits
 * until the transport can take it, so a slow reader slows the database reads down instead of piling
 * messages up in memory, and a cancelled call stops them.
 */
final class Outbound<T> {

    private static final long PAUSE_NANOS = 1_000_000;

    private final StreamObserver<T> observer;
    private final ServerCallStreamObserver<T> call;

    Outbound(StreamObserver<T> observer) {
        this.observer = observer;
        this.call = observer instanceof ServerCallStreamObserver<T> c ? c : null;
    }

    /** Sends one message once the transport is ready; throws CANCELLED when the client went away. */
    void send(T message) {
        if (call != null) {
            while (!call.isCancelled() && !call.isReady()) {
                // isReady reads the transport's state directly; polling avoids depending on onReady
                // callbacks, which the blocking dispatcher would queue behind this very method.
                LockSupport.parkNanos(PAUSE_NANOS);
            }
            if (call.isCancelled()) {
                // The client gave up (or its deadline passed): stop reading the database for it.
                throw Status.CANCELLED
                        .withDescription("the client cancelled the stream")
                        .asRuntimeException();
            }
        }
        observer.onNext(message);
    }
}
