package org.sqm.commons.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sqm.commons.error.InvalidArgumentException;

class PageTokensTest {

    private final PageTokens tokens = new PageTokens("a secret of this test only");

    @Test
    void roundTripsTheSortKey() {
        String token = tokens.encode("units", "2026-01-01T00:00:00Z", "HALL|7");
        assertEquals(List.of("2026-01-01T00:00:00Z", "HALL|7"), tokens.decode(token, "units", 2));
    }

    @Test
    void emptyTokenIsTheFirstPage() {
        assertTrue(tokens.decode("", "units", 1).isEmpty());
        assertTrue(tokens.decode(null, "units", 1).isEmpty());
    }

    @Test
    void tokenCannotBeReadNeitherTheKeyNorTheFilters() {
        String token = tokens.encode("units:parent=HALL-ROOT", "CODE-1");
        String raw = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.ISO_8859_1);
        assertFalse(raw.contains("CODE-1"), "sort key readable");
        assertFalse(raw.contains("HALL-ROOT"), "filters readable");
        assertTrue(token.matches("[A-Za-z0-9_-]+"), "URL-safe: " + token);
        assertNotEquals(token, tokens.encode("units:parent=HALL-ROOT", "CODE-1"), "sealed with a fresh nonce");
    }

    @Test
    void tamperedForgedForeignAndGarbageTokensAreInvalidArguments() {
        String token = tokens.encode("units", "CODE-1");
        byte[] raw = Base64.getUrlDecoder().decode(token);
        raw[raw.length - 20] ^= 1;
        String flipped = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        String otherKey = new PageTokens("another secret, another service").encode("units", "CODE-1");
        String plain = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString("k2\u001funits\u001fCODE-9".getBytes(StandardCharsets.UTF_8));

        for (String bad : List.of(flipped, otherKey, plain, "MTAw", "not base64 !", token.substring(1))) {
            var e = assertThrows(InvalidArgumentException.class, () -> tokens.decode(bad, "units", 1), bad);
            assertEquals("page_token", e.violations().get(0).field());
        }
        var foreign = assertThrows(InvalidArgumentException.class, () -> tokens.decode(token, "complaints", 1));
        assertTrue(foreign.violations().get(0).description().contains("other parameters"));
    }

    @Test
    void replicasSharingTheSecretAcceptEachOthersTokens() {
        String token = tokens.encode("units", "CODE-1");
        assertEquals(List.of("CODE-1"), new PageTokens("a secret of this test only").decode(token, "units", 1));
    }

    @Test
    void aShortSecretIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new PageTokens("short"));
    }

    @Test
    void pageSizeDefaultsCapsAndRejectsNegatives() {
        assertEquals(PageTokens.DEFAULT_PAGE_SIZE, PageTokens.pageSize(0));
        assertEquals(7, PageTokens.pageSize(7));
        assertEquals(PageTokens.MAX_PAGE_SIZE, PageTokens.pageSize(Integer.MAX_VALUE));
        assertThrows(InvalidArgumentException.class, () -> PageTokens.pageSize(-1));
    }
}
