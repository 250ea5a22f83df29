package org.sqm.commons.paging;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.zip.CRC32;
import org.sqm.commons.error.InvalidArgumentException;

/**
 * Opaque keyset page tokens (AIP-158): a token carries the sort key of the last item returned and
 * a fingerprint of the list's query, so it resumes exactly after that item even while rows are
 * inserted, and it is rejected when reused with different filters or tampered with.
 */
public final class PageToken {

    /** The page size used when the caller asks for 0. */
    public static final int DEFAULT_PAGE_SIZE = 50;
    /** The largest page size served; larger requests are reduced to it. */
    public static final int MAX_PAGE_SIZE = 1000;

    private static final String VERSION = "k1";
    private static final char SEP = '\u001f';

    private PageToken() {}

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

    /** Encodes the sort key of the last item of a page, for a query identified by {@code query}. */
    public static String encode(String query, String... lastKey) {
        String body = VERSION + SEP + query + SEP + String.join(String.valueOf(SEP), lastKey);
        String signed = body + SEP + checksum(body);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(signed.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Decodes a token given by the caller; an empty token is the first page and yields an empty key.
     *
     * @param keyParts how many parts the sort key has
     */
    public static List<String> decode(String token, String query, int keyParts) {
        if (token == null || token.isEmpty()) {
            return List.of();
        }
        String decoded;
        try {
            decoded = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        int lastSep = decoded.lastIndexOf(SEP);
        if (lastSep < 0 || !decoded.substring(lastSep + 1).equals(checksum(decoded.substring(0, lastSep)))) {
            throw invalid();
        }
        List<String> parts = Arrays.asList(decoded.substring(0, lastSep).split(String.valueOf(SEP), -1));
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

    private static String checksum(String body) {
        CRC32 crc = new CRC32();
        crc.update(body.getBytes(StandardCharsets.UTF_8));
        return Long.toHexString(crc.getValue());
    }
}
