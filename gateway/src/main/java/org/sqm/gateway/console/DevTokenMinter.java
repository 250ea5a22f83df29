package org.sqm.gateway.console;

import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.sqm.commons.auth.PrivateKeys;

/**
 * Signs DEVELOPMENT bearer tokens for the console's dev login with the configured key, shaped like the
 * tokens of sqm-testing's {@code DevTokens} (subject {@code <role>@sqm.dev}, {@code groups} = the role,
 * {@code units}), issued by the issuer the gateway itself trusts so they work on {@code /api} at once.
 */
@ApplicationScoped
public class DevTokenMinter {

    /** A development token and when it expires. */
    public record Minted(String token, Instant expiresAt) {}

    private final DevLoginConfig config;
    private final Optional<String> issuer;
    private volatile PrivateKey key;

    public DevTokenMinter(
            DevLoginConfig config, @ConfigProperty(name = "mp.jwt.verify.issuer") Optional<String> issuer) {
        this.config = config;
        this.issuer = issuer;
    }

    /** Whether dev login is switched on (a key is configured). */
    public boolean enabled() {
        return config.keyLocation().isPresent();
    }

    /** A token for {@code role} acting for {@code units}. */
    public Minted mint(String role, List<String> units) {
        Instant now = Instant.now();
        Instant expires = now.plus(config.lifetime());
        String subject = role + "@sqm.dev";
        String token = Jwt.issuer(issuer.orElse("sqm"))
                .subject(subject)
                .upn(subject)
                .groups(new HashSet<>(Set.of(role)))
                .claim("units", List.copyOf(units))
                .issuedAt(now)
                .expiresAt(expires)
                .claim("jti", UUID.randomUUID().toString())
                .jws()
                .sign(key());
        return new Minted(token, expires);
    }

    private PrivateKey key() {
        if (key == null) {
            key = PrivateKeys.read(config.keyLocation().orElseThrow(), "dev login key");
        }
        return key;
    }
}
