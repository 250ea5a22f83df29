package org.sqm.commons.grpc;

import io.grpc.stub.StreamObserver;

/** The one way a unary gRPC method answers: the message, then completion. */
public final class Replies {

    private Replies() {}

    public static <T> void reply(StreamObserver<T> response, T message) {
        response.onNext(message);
        response.onCompleted();
    }
}
