package org.sqm.gateway.limits;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.OptionalLong;

/**
 * A token bucket per client (bucket4j): a client may send {@code burst} requests at once and
 * {@code requests} per window after that. A bucket is forgotten once it would be full again, so
 * memory follows the clients active within that time, never all clients ever seen.
 */
@ApplicationScoped
public class RateLimiter {

    private final RateLimitConfig config;
    private final Cache<String, Bucket> buckets;

    public RateLimiter(RateLimitConfig config) {
        if (config.requests() < 1
                || config.burst() < 1
                || config.window().isNegative()
                || config.window().isZero()) {
            throw new IllegalArgumentException(
                    "sqm.rate-limit.requests and .burst must be at least 1 and .window longer than 0");
        }
        this.config = config;
        // A bucket left alone this long is full again, the same as a new one.
        Duration refill = config.window().multipliedBy(config.burst()).dividedBy(config.requests());
        this.buckets = Caffeine.newBuilder()
                .expireAfterAccess(refill.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : refill)
                .maximumSize(config.maxClients())
                .build();
    }

    /** Whether the limit applies at all. */
    public boolean enabled() {
        return config.enabled();
    }

    /**
     * Takes one request from the client's bucket.
     *
     * @return empty when the request may go on; otherwise the whole seconds until it may try again (at least 1)
     */
    public OptionalLong acquire(String client) {
        ConsumptionProbe probe = buckets.get(client, key -> newBucket()).tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return OptionalLong.empty();
        }
        long nanos = probe.getNanosToWaitForRefill();
        return OptionalLong.of(Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L));
    }

    private Bucket newBucket() {
        return Bucket.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(config.burst())
                        .refillGreedy(config.requests(), config.window())
                        .build())
                .build();
    }
}
