package org.sqm.commons.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;
import io.smallrye.jwt.build.Jwt;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

class VerifiedTokenCacheTest {

    private static final String ISSUER = "https://sqm.test/cache";
    private static final KeyPair KEYS = keyPair();
    private static final KeyPair OTHER_KEYS = keyPair();

    private final MovableClock clock = new MovableClock(Instant.now());
    private final CountingParser parser = new CountingParser();

    @Test
    void aVerifiedTokenIsVerifiedOnceAndServedUntilItExpires() throws ParseException {
        VerifiedTokenCache cache = new VerifiedTokenCache(parser, 10, clock);
        String token = token("alice", KEYS, clock.instant().plus(Duration.ofMinutes(5)));

        JsonWebToken first = cache.parse(token);
        JsonWebToken second = cache.parse(token);

        assertEquals("alice", first.getSubject());
        assertSame(first, second);
        assertEquals(1, parser.calls.get());
    }

    @Test
    void aTokenWhoseExpiryHasComeIsVerifiedAgain() throws ParseException {
        VerifiedTokenCache cache = new VerifiedTokenCache(parser, 10, clock);
        String token = token("alice", KEYS, clock.instant().plus(Duration.ofMinutes(5)));
        cache.parse(token);

        clock.advance(Duration.ofMinutes(5).plusSeconds(1));
        cache.parse(token);

        // Back to the parser, which decides (here it still accepts: its own clock is the real one).
        assertEquals(2, parser.calls.get());
    }

    @Test
    void aRefusedTokenIsNeverKept() {
        VerifiedTokenCache cache = new VerifiedTokenCache(parser, 10, clock);
        String forged = token("mallory", OTHER_KEYS, clock.instant().plus(Duration.ofMinutes(5)));
        String expired = token("alice", KEYS, Instant.now().minus(Duration.ofHours(1)));

        assertThrows(ParseException.class, () -> cache.parse(forged));
        assertThrows(ParseException.class, () -> cache.parse(forged));
        assertThrows(ParseException.class, () -> cache.parse(expired));

        assertEquals(3, parser.calls.get());
        assertEquals(0, cache.size());
    }

    @Test
    void theCacheHoldsNoMoreThanItsSize() throws ParseException {
        VerifiedTokenCache cache = new VerifiedTokenCache(parser, 3, clock);
        Instant expiry = clock.instant().plus(Duration.ofMinutes(5));
        for (int i = 0; i < 20; i++) {
            cache.parse(token("user-" + i, KEYS, expiry));
        }

        assertTrue(cache.size() <= 3, "held " + cache.size());
        assertEquals(20, parser.calls.get());
    }

    @Test
    void sizeZeroVerifiesEveryCall() throws ParseException {
        VerifiedTokenCache cache = new VerifiedTokenCache(parser, 0, clock);
        String token = token("alice", KEYS, clock.instant().plus(Duration.ofMinutes(5)));

        cache.parse(token);
        cache.parse(token);

        assertEquals(2, parser.calls.get());
    }

    private static String token(String subject, KeyPair keys, Instant expiry) {
        return Jwt.issuer(ISSUER)
                .subject(subject)
                .groups("viewer")
                .issuedAt(expiry.minus(Duration.ofMinutes(10)))
                .expiresAt(expiry)
                .sign(keys.getPrivate());
    }

    private static KeyPair keyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** SmallRye's parser for {@link #KEYS} and {@link #ISSUER}, counting the tokens it is asked to verify. */
    private static final class CountingParser extends DefaultJWTParser {
        final AtomicInteger calls = new AtomicInteger();

        CountingParser() {
            super(new JWTAuthContextInfo(KEYS.getPublic(), ISSUER));
        }

        @Override
        public JsonWebToken parse(String token) throws ParseException {
            calls.incrementAndGet();
            return super.parse(token);
        }
    }

    /** A clock the test moves forward. */
    private static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
