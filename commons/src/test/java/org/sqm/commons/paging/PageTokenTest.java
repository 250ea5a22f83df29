package org.sqm.commons.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sqm.commons.error.InvalidArgumentException;

class PageTokenTest {

    @Test
    void roundTripsTheSortKey() {
        String token = PageToken.encode("units", "2026-01-01T00:00:00Z", "HALL|7");
        assertEquals(List.of("2026-01-01T00:00:00Z", "HALL|7"), PageToken.decode(token, "units", 2));
    }

    @Test
    void emptyTokenIsTheFirstPage() {
        assertTrue(PageToken.decode("", "units", 1).isEmpty());
        assertTrue(PageToken.decode(null, "units", 1).isEmpty());
    }

    @Test
    void tokenIsOpaqueNotABareOffset() {
        String token = PageToken.encode("units", "CODE-1");
        assertFalse(token.contains("CODE-1"));
        assertTrue(token.matches("[A-Za-z0-9_-]+"), "URL-safe: " + token);
    }

    @Test
    void tamperedForeignAndGarbageTokensAreInvalidArguments() {
        String token = PageToken.encode("units", "CODE-1");
        String decoded = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        String tampered = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(decoded.replace("CODE-1", "CODE-9").getBytes(StandardCharsets.UTF_8));

        for (String bad : List.of(tampered, "MTAw", "not base64 !", token.substring(1))) {
            var e = assertThrows(InvalidArgumentException.class, () -> PageToken.decode(bad, "units", 1), bad);
            assertEquals("page_token", e.violations().get(0).field());
        }
        var foreign = assertThrows(InvalidArgumentException.class, () -> PageToken.decode(token, "complaints", 1));
        assertTrue(foreign.violations().get(0).description().contains("other parameters"));
    }

    @Test
    void pageSizeDefaultsCapsAndRejectsNegatives() {
        assertEquals(PageToken.DEFAULT_PAGE_SIZE, PageToken.pageSize(0));
        assertEquals(7, PageToken.pageSize(7));
        assertEquals(PageToken.MAX_PAGE_SIZE, PageToken.pageSize(Integer.MAX_VALUE));
        assertThrows(InvalidArgumentException.class, () -> PageToken.pageSize(-1));
    }
}
