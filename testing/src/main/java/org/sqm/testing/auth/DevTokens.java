package org.sqm.testing.auth;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Mints RS256 bearer tokens signed with the DEVELOPMENT key pair ({@code dev-auth/}, committed to the
 * repository and therefore worthless as a secret): for the local run, the tests and people trying the
 * API. Only the JDK is used, so {@code java testing/src/main/java/org/sqm/testing/auth/DevTokens.java
 * ROLE [UNIT ...]} works without a build ({@code scripts/token.sh} does exactly that).
 */
public final class DevTokens {

    /** The issuer the development and test configurations trust ({@code mp.jwt.verify.issuer}). */
    public static final String ISSUER = "https://sqm.dev/development-only";

    /** The roles of issue 17, as they appear in the {@code groups} claim. */
    public static final Set<String> ROLES = Set.of(
            "administrator",
            "quality-manager",
            "inspector",
            "complaint-handler",
            "unit-manager",
            "viewer",
            "public-reader");

    /** Where the development keys live in the repository, for callers outside a classpath. */
    public static final String KEY_DIRECTORY = "testing/src/main/resources/dev-auth";

    /** Long enough for a whole end-to-end run or a working day with the local suite. */
    static final Duration DEFAULT_LIFETIME = Duration.ofHours(12);

    private DevTokens() {}

    /** A token for {@code role} acting for {@code units}, subject {@code <role>@sqm.dev}. */
    public static String token(String role, String... units) {
        return token(role + "@sqm.dev", List.of(role), List.of(units), ISSUER, DEFAULT_LIFETIME, privateKey());
    }

    /** An administrator's token, the default of the tests. */
    public static String administrator() {
        return token("administrator");
    }

    /** Any token: for the failure modes (other issuer, expired, other key). */
    public static String token(
            String subject, List<String> groups, List<String> units, String issuer, Duration lifetime, PrivateKey key) {
        Instant now = Instant.now();
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\"}";
        String payload = "{\"iss\":" + json(issuer) + ",\"sub\":" + json(subject) + ",\"upn\":" + json(subject)
                + ",\"groups\":" + json(groups) + ",\"units\":" + json(units) + ",\"iat\":"
                + now.getEpochSecond() + ",\"exp\":" + now.plus(lifetime).getEpochSecond() + ",\"jti\":"
                + json(UUID.randomUUID().toString()) + "}";
        String signingInput = base64Url(header.getBytes(StandardCharsets.UTF_8)) + "."
                + base64Url(payload.getBytes(StandardCharsets.UTF_8));
        try {
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initSign(key);
            rs256.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + base64Url(rs256.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a development token", e);
        }
    }

    /** The development private key, from the classpath or, outside one, from the repository. */
    public static PrivateKey privateKey() {
        return privateKey("dev-auth/privateKey.pem");
    }

    /** A PKCS#8 PEM private key from the classpath or, failing that, from {@link #KEY_DIRECTORY}. */
    public static PrivateKey privateKey(String resource) {
        try {
            String pem;
            try (InputStream in = DevTokens.class.getClassLoader().getResourceAsStream(resource)) {
                pem = in != null
                        ? new String(in.readAllBytes(), StandardCharsets.US_ASCII)
                        : Files.readString(repositoryFile(resource.substring(resource.lastIndexOf('/') + 1)));
            }
            byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the development key " + resource, e);
        }
    }

    /** A file of the development key directory, looked up from the working directory upwards. */
    public static Path repositoryFile(String name) {
        Path dir = Path.of(System.getProperty("sqm.home", ".")).toAbsolutePath();
        for (Path d = dir; d != null; d = d.getParent()) {
            Path candidate = d.resolve(KEY_DIRECTORY).resolve(name);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no " + KEY_DIRECTORY + "/" + name + " above " + dir);
    }

    private static String base64Url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String json(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }

    private static String json(List<String> values) {
        List<String> quoted = new ArrayList<>();
        values.forEach(v -> quoted.add(json(v)));
        return "[" + String.join(",", quoted) + "]";
    }

    /** {@code ROLE [UNIT ...]}: prints one token for that role acting for those units. */
    public static void main(String[] args) {
        if (args.length == 0 || !ROLES.contains(args[0])) {
            System.err.println("usage: token.sh ROLE [UNIT ...]   ROLE one of " + new java.util.TreeSet<>(ROLES));
            System.exit(2);
        }
        System.out.println(token(args[0], java.util.Arrays.copyOfRange(args, 1, args.length)));
    }
}
