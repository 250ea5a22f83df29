package org.sqm.gateway.console;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

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
            String location = config.keyLocation().orElseThrow();
            try {
                key = KeyUtils.decodePrivateKey(
                        pem(location).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", ""));
            } catch (Exception e) {
                throw new IllegalStateException("cannot read the dev login key " + location, e);
            }
        }
        return key;
    }

    /** A PEM from a file, a classpath resource or a URL, in that order (as commons' OutgoingToken reads its key). */
    private static String pem(String location) throws IOException {
        Path file = Path.of(location.startsWith("file:") ? location.substring(5) : location);
        if (Files.isRegularFile(file)) {
            return Files.readString(file);
        }
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(location)) {
            if (in != null) {
                return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            }
        }
        try (InputStream in = URI.create(location).toURL().openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
    }
}
