package org.sqm.scoring.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The previous period of the same kind, across year ends. */
class PeriodTest {

    @Test
    void previousOfTheSameKind() {
        assertEquals("2026-02", previous("2026-03"));
        assertEquals("2025-12", previous("2026-01"));
        assertEquals("2026-09", previous("2026-10"));
        assertEquals("2025-Q4", previous("2026-Q1"));
        assertEquals("2026-Q2", previous("2026-Q3"));
        assertEquals("2025", previous("2026"));
    }

    private static String previous(String period) {
        return Period.parse(period).orElseThrow().previous().text();
    }
}
