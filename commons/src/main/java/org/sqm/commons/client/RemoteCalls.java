package org.sqm.commons.client;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The one way an application calls another: idempotent reads are retried with backoff while the
 * other application is unreachable, writes never are (a client retries a write with its request id);
 * a failure comes back as a {@link RemoteCallException} naming the application. The deadline and the
 * no-transaction rule are the {@link OutgoingCallInterceptor}'s.
 */
@ApplicationScoped
public class RemoteCalls {

    private static final long FIRST_BACKOFF_MILLIS = 50;

    private final int readAttempts;

    public RemoteCalls(ClientConfig config) {
        this.readAttempts = Math.max(1, config.readAttempts());
    }

    /**
     * True when the call failed to reach the application rather than the application failing it:
     * UNAVAILABLE, or an INTERNAL without status details (see {@link RemoteCallException#unanswered()}).
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

    /** Runs an idempotent read, retrying with backoff while the application is {@linkplain #unreachable unreachable}. */
    public <T> T read(String service, Supplier<T> call) {
        long backoff = FIRST_BACKOFF_MILLIS;
        for (int attempt = 1; ; attempt++) {
            try {
                return call.get();
            } catch (StatusRuntimeException e) {
                if (!unreachable(e) || attempt >= readAttempts) {
                    throw new RemoteCallException(service, e);
                }
            }
            sleep(backoff);
            backoff *= 2;
        }
    }

    /** Like {@link #read}, with NOT_FOUND as an empty answer. */
    public <T> Optional<T> find(String service, Supplier<T> call) {
        try {
            return Optional.of(read(service, call));
        } catch (RemoteCallException e) {
            if (e.code() == Status.Code.NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /**
     * Reads every page of an AIP-158 list: {@code page} is called with each page token in turn (the
     * empty token first), {@code items} takes each page's items, {@code next} gives its next token.
     */
    public <R> void readAllPages(
            String service,
            java.util.function.Function<String, R> page,
            java.util.function.Consumer<R> items,
            java.util.function.Function<R, String> next) {
        String token = "";
        do {
            String current = token;
            R response = read(service, () -> page.apply(current));
            items.accept(response);
            token = next.apply(response);
        } while (!token.isEmpty());
    }

    /** Runs a write once; a write is retried only by the client, with its request id. */
    public <T> T write(String service, Supplier<T> call) {
        try {
            return call.get();
        } catch (StatusRuntimeException e) {
            throw new RemoteCallException(service, e);
        }
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
