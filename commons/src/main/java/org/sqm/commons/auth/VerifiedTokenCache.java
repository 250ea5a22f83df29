package org.sqm.commons.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import javax.crypto.SecretKey;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The JWT parser every bearer token of this application goes through (the gateway's REST
 * authentication and {@link IncomingTokenInterceptor} alike): SmallRye's parser, with each token it
 * accepted kept until the token expires, keyed by the raw token.
 *
 * <p>Why: one request carries the same token through the gateway and every service it reaches, and a
 * client sends the same token for minutes; verifying its RS256 signature costs ~78 µs of CPU each time
 * (bench/README.md, "Authentication cost"), more than the rest of a small read. A token is immutable and
 * its signature cannot become valid or invalid later, so what decides it again is only time: a hit is
 * served only while {@code exp} lies ahead, after which the token goes back to the parser (which refuses
 * it, with its configured clock skew). A refused token is never kept, so it is checked in full on every
 * call. The cache holds at most {@code sqm.auth.token-cache-size} tokens (least recently used go first);
 * 0 turns it off. Only {@link #parse(String)} — verification with this application's configured key and
 * issuer — is cached; the other methods verify with a key the caller names and always go to the parser.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class VerifiedTokenCache implements JWTParser {

    private final JWTParser parser;
    private final Clock clock;
    private final Cache<String, JsonWebToken> verified;

    @Inject
    public VerifiedTokenCache(DefaultJWTParser parser, AuthConfig config) {
        this(parser, config.tokenCacheSize(), Clock.systemUTC());
    }

    VerifiedTokenCache(JWTParser parser, int maximumSize, Clock clock) {
        this.parser = parser;
        this.clock = clock;
        this.verified = Caffeine.newBuilder()
                .maximumSize(maximumSize)
                .expireAfter(new UntilExpiry(clock))
                // Eviction runs on the calling thread: no hop to the common pool on a 2-core machine.
                .executor(Runnable::run)
                .build();
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        JsonWebToken known = verified.getIfPresent(token);
        if (known != null) {
            if (clock.millis() < known.getExpirationTime() * 1000) {
                return known;
            }
            verified.invalidate(token);
        }
        // Throws for a token it refuses: nothing is kept then.
        JsonWebToken jwt = parser.parse(token);
        if (clock.millis() < jwt.getExpirationTime() * 1000) {
            verified.put(token, jwt);
        }
        return jwt;
    }

    /** How many verified tokens are held now (after pending evictions); for tests. */
    long size() {
        verified.cleanUp();
        return verified.estimatedSize();
    }

    @Override
    public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
        return parser.parse(token, context);
    }

    @Override
    public JsonWebToken verify(String token, PublicKey key) throws ParseException {
        return parser.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, SecretKey key) throws ParseException {
        return parser.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, String secret) throws ParseException {
        return parser.verify(token, secret);
    }

    @Override
    public JsonWebToken decrypt(String token, PrivateKey key) throws ParseException {
        return parser.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, SecretKey key) throws ParseException {
        return parser.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, String secret) throws ParseException {
        return parser.decrypt(token, secret);
    }

    @Override
    public JsonWebToken parseOnly(String token) throws ParseException {
        return parser.parseOnly(token);
    }

    /** An entry lives until its token's {@code exp}; reads do not extend it. */
    private record UntilExpiry(Clock clock) implements Expiry<String, JsonWebToken> {

        @Override
        public long expireAfterCreate(String token, JsonWebToken jwt, long currentTime) {
            long millis = Math.max(0, jwt.getExpirationTime() * 1000 - clock.millis());
            return TimeUnit.MILLISECONDS.toNanos(millis);
        }

        @Override
        public long expireAfterUpdate(String token, JsonWebToken jwt, long currentTime, long currentDuration) {
            return expireAfterCreate(token, jwt, currentTime);
        }

        @Override
        public long expireAfterRead(String token, JsonWebToken jwt, long currentTime, long currentDuration) {
            return currentDuration;
        }
    }
}
