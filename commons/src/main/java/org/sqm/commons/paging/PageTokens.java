package org.sqm.commons.paging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.jboss.logging.Logger;
import org.sqm.commons.error.InvalidArgumentException;

/**
 * Opaque keyset page tokens (AIP-158): a token carries the sort key of the last item returned and
 * the list call's parameters (its filters, and later the caller's scope), so it resumes exactly after
 * that item even while rows are inserted. It is sealed with AES-GCM under the service's secret: a
 * client can neither read it nor make one, and a token altered, invented or replayed with other
 * parameters is INVALID_ARGUMENT on {@code page_token}.
 */
@ApplicationScoped
public class PageTokens {

    /** The page size used when the caller asks for 0. */
    public static final int DEFAULT_PAGE_SIZE = 50;
    /** The largest page size served; larger requests are reduced to it. */
    public static final int MAX_PAGE_SIZE = 1000;

    private static final Logger LOG = Logger.getLogger(PageTokens.class);
    private static final String VERSION = "k2";
    private static final char SEP = '\u001f';
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKey key;

    @Inject
    public PageTokens(PagingConfig config) {
        this(config.secret().orElseGet(() -> {
            LOG.warn("sqm.page-tokens.secret is not set: page tokens are sealed with a random key of this process "
                    + "and are refused after a restart or by another replica");
            byte[] random = new byte[32];
            RANDOM.nextBytes(random);
            return Base64.getEncoder().encodeToString(random);
        }));
    }

    /** Tokens sealed with a key derived from {@code secret}. */
    public PageTokens(String secret) {
        if (secret.length() < 16) {
            throw new IllegalArgumentException("sqm.page-tokens.secret must have at least 16 characters");
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            this.key = new SecretKeySpec(digest, "AES");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Normalises a requested page size: 0 means the default, above the maximum means the maximum. */
    public static int pageSize(int requested) {
        if (requested < 0) {
            throw new InvalidArgumentException("page_size", "must not be negative");
        }
        if (requested == 0) {
            return DEFAULT_PAGE_SIZE;
        }
        return Math.min(requested, MAX_PAGE_SIZE);
    }

    /** One page of a list and the token of the next page (empty on the last page). */
    public record Page<T>(List<T> items, String nextPageToken) {

        public <R> Page<R> map(java.util.function.Function<T, R> mapping) {
            return new Page<>(items.stream().map(mapping).toList(), nextPageToken);
        }
    }

    /**
     * The page to answer from rows read with one more than the page size (keyset paging: the extra
     * row only says that more follow): the first {@code size} rows and, when more follow, the token
     * carrying the sort key of the last row shown, bound to {@code query}.
     */
    public <T> Page<T> page(List<T> read, int size, String query, java.util.function.Function<T, List<String>> keyOf) {
        if (read.size() <= size) {
            return new Page<>(List.copyOf(read), "");
        }
        List<T> shown = List.copyOf(read.subList(0, size));
        return new Page<>(shown, encode(query, keyOf.apply(shown.get(size - 1)).toArray(String[]::new)));
    }

    /** Seals the sort key of the last item of a page, for the list call whose parameters are {@code query}. */
    public String encode(String query, String... lastKey) {
        String body = VERSION + SEP + query + SEP + String.join(String.valueOf(SEP), lastKey);
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            byte[] sealed = cipher.doFinal(body.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(ByteBuffer.allocate(iv.length + sealed.length)
                            .put(iv)
                            .put(sealed)
                            .array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Opens a token given by the caller; an empty token is the first page and yields an empty key.
     *
     * @param keyParts how many parts the sort key has
     */
    public List<String> decode(String token, String query, int keyParts) {
        if (token == null || token.isEmpty()) {
            return List.of();
        }
        String body;
        try {
            byte[] raw = Base64.getUrlDecoder().decode(token);
            if (raw.length < IV_BYTES + TAG_BITS / 8) {
                throw invalid();
            }
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, raw, 0, IV_BYTES));
            body = new String(cipher.doFinal(raw, IV_BYTES, raw.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException | GeneralSecurityException | java.security.ProviderException e) {
            throw invalid();
        }
        List<String> parts = Arrays.asList(body.split(String.valueOf(SEP), -1));
        if (parts.size() != keyParts + 2 || !parts.get(0).equals(VERSION)) {
            throw invalid();
        }
        if (!parts.get(1).equals(query)) {
            throw new InvalidArgumentException(
                    "page_token",
                    "belongs to a list call with other parameters; repeat the call's parameters or start over");
        }
        return List.copyOf(parts.subList(2, parts.size()));
    }

    private static InvalidArgumentException invalid() {
        return new InvalidArgumentException(
                "page_token", "is not a token this service issued; pass the next_page_token of a previous call");
    }
}
