package org.sqm.gateway.grpc;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Supplier;
import org.sqm.gateway.config.GatewayConfig;

/** Runs backend calls: reads are retried while the backend is unreachable, writes never are. */
@ApplicationScoped
public class BackendCalls {

    private static final long FIRST_BACKOFF_MILLIS = 50;

    private final int readAttempts;

    public BackendCalls(GatewayConfig config) {
        this.readAttempts = Math.max(1, config.readAttempts());
    }

    /**
     * True when the call failed to reach the backend rather than the backend failing it: UNAVAILABLE,
     * or an INTERNAL without status details. Our services answer every failure of their own through
     * GrpcErrorMapper, an INTERNAL always with an ErrorInfo; an INTERNAL without one was made by the
     * transport (grpc-java's client reports a reset stream or a broken HTTP/2 connection so).
     */
    public static boolean unreachable(StatusRuntimeException e) {
        Status.Code code = e.getStatus().getCode();
        if (code == Status.Code.UNAVAILABLE) {
            return true;
        }
        if (code != Status.Code.INTERNAL) {
            return false;
        }
        com.google.rpc.Status details = io.grpc.protobuf.StatusProto.fromThrowable(e);
        return details == null || details.getDetailsCount() == 0;
    }

    /** Runs an idempotent read, retrying with backoff while the backend is {@linkplain #unreachable unreachable}. */
    public <T> T read(Supplier<T> call) {
        long backoff = FIRST_BACKOFF_MILLIS;
        for (int attempt = 1; ; attempt++) {
            try {
                return call.get();
            } catch (StatusRuntimeException e) {
                if (!unreachable(e) || attempt >= readAttempts) {
                    throw e;
                }
            }
            sleep(backoff);
            backoff *= 2;
        }
    }

    /** Runs a write once; a write is retried only by the client, with its idempotency key. */
    public <T> T write(Supplier<T> call) {
        return call.get();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw Status.CANCELLED.withDescription("interrupted").asRuntimeException();
        }
    }
}
