package org.sqm.gateway.grpc;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Supplier;
import org.sqm.gateway.config.GatewayConfig;

/** Runs backend calls: reads are retried while the backend is unavailable, writes never are. */
@ApplicationScoped
public class BackendCalls {

    private static final long FIRST_BACKOFF_MILLIS = 50;

    private final int readAttempts;

    public BackendCalls(GatewayConfig config) {
        this.readAttempts = Math.max(1, config.readAttempts());
    }

    /** Runs an idempotent read, retrying with backoff when the backend is UNAVAILABLE. */
    public <T> T read(Supplier<T> call) {
        long backoff = FIRST_BACKOFF_MILLIS;
        for (int attempt = 1; ; attempt++) {
            try {
                return call.get();
            } catch (StatusRuntimeException e) {
                if (e.getStatus().getCode() != Status.Code.UNAVAILABLE || attempt >= readAttempts) {
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
