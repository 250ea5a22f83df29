package org.sqm.commons.persistence;

import io.quarkus.narayana.jta.QuarkusTransaction;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.sqm.commons.error.AlreadyExistsException;

/**
 * Creates a resource at most once per client request id, even when retries race each other: the
 * database's unique constraint on the request id decides, and the losers read the winner's resource.
 */
public final class IdempotentCreate {

    private IdempotentCreate() {}

    /**
     * Like {@link #create(String, Function, Supplier, Function)}, and refuses to answer a retry whose
     * payload differs from the first call's: the same request id for a different request is an
     * error (ALREADY_EXISTS, reason REQUEST_ID_REUSED), never a silent return of the wrong resource.
     *
     * @param fingerprint   a digest of this call's payload (see {@link #fingerprint(String...)})
     * @param fingerprintOf the digest stored with a resource
     */
    public static <T> T create(
            String requestId,
            String fingerprint,
            Function<T, String> fingerprintOf,
            Function<String, Optional<T>> findByRequestId,
            Supplier<T> insert,
            Function<String, RuntimeException> onUniqueConflict) {
        T result = create(requestId, findByRequestId, insert, onUniqueConflict);
        return requestId == null || requestId.isEmpty()
                ? result
                : sameRequest(result, requestId, fingerprint, fingerprintOf);
    }

    /**
     * The resource an earlier call with this request id created, provided that call asked for the same
     * thing; a different payload under the same request id is ALREADY_EXISTS (REQUEST_ID_REUSED).
     */
    public static <T> T sameRequest(
            T earlier, String requestId, String fingerprint, Function<T, String> fingerprintOf) {
        if (!fingerprint.equals(fingerprintOf.apply(earlier))) {
            throw AlreadyExistsException.requestIdReused(requestId);
        }
        return earlier;
    }

    /** A SHA-256 digest of the given parts, for {@link #create(String, String, Function, Function, Supplier, Function)}. */
    public static String fingerprint(String... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String part : parts) {
                byte[] bytes = String.valueOf(part).getBytes(StandardCharsets.UTF_8);
                digest.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
                digest.update(bytes);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /**
     * Runs {@code insert} in a transaction of its own unless a resource with the request id exists.
     *
     * @param requestId        the client's request id; null or empty means "no idempotency wanted"
     * @param findByRequestId  reads the resource an earlier call with that request id created
     * @param insert           validates against stored state, inserts and flushes the new resource
     * @param onUniqueConflict turns another unique constraint violated by the insert into the domain
     *                         exception to throw, or returns null when the constraint is unknown to it
     */
    public static <T> T create(
            String requestId,
            Function<String, Optional<T>> findByRequestId,
            Supplier<T> insert,
            Function<String, RuntimeException> onUniqueConflict) {
        String key = requestId == null || requestId.isEmpty() ? null : requestId;
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                if (key != null) {
                    Optional<T> earlier = findByRequestId.apply(key);
                    if (earlier.isPresent()) {
                        return earlier.get();
                    }
                }
                return insert.get();
            });
        } catch (RuntimeException e) {
            if (key != null) {
                // A racing retry may have committed first, and our insert then failed on a unique key,
                // or our checks against stored state saw its row: either way its result is ours.
                Optional<T> winner = QuarkusTransaction.requiringNew().call(() -> findByRequestId.apply(key));
                if (winner.isPresent()) {
                    return winner.get();
                }
            }
            Optional<String> constraint = UniqueViolation.constraintOf(e);
            if (constraint.isEmpty()) {
                throw e;
            }
            RuntimeException conflict = onUniqueConflict.apply(constraint.get());
            throw conflict != null ? conflict : e;
        }
    }
}
