package org.sqm.commons.auth;

import io.smallrye.jwt.util.KeyUtils;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;

/** The one way an application reads a PKCS#8 PEM private key it signs tokens with. */
public final class PrivateKeys {

    private PrivateKeys() {}

    /**
     * The key at {@code location}: a file ({@code file:} prefix optional), a classpath resource or a
     * URL, in that order; {@code purpose} names it in the error when it cannot be read.
     */
    public static PrivateKey read(String location, String purpose) {
        try {
            return KeyUtils.decodePrivateKey(
                    pem(location).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", ""));
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the " + purpose + " " + location, e);
        }
    }

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
