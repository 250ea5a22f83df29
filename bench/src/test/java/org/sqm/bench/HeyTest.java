package org.sqm.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Reading hey's CSV output. */
class HeyTest {

    private static final String CSV = String.join(
            "\n",
            "response-time,DNS+dialup,DNS,Request-write,Response-delay,Response-read,status-code,offset",
            "0.0800,0.0500,0.0000,0.0000,0.0300,0.0000,201,0.0010",
            "0.0100,0.0000,0.0000,0.0000,0.0100,0.0000,201,0.5000",
            "0.0120,0.0000,0.0000,0.0000,0.0120,0.0000,201,1.0100",
            "0.0140,0.0000,0.0000,0.0000,0.0140,0.0000,503,1.5000",
            "0.0160,0.0000,0.0000,0.0000,0.0160,0.0000,201,1.9000");

    @Test
    void countsEveryAnswerAndEveryNon2xxAsAnError() {
        LoadResult r = Hey.parse("p", 1, CSV, 2.0, 0);
        assertEquals(4, r.operations());
        assertEquals(1, r.errors());
        assertEquals(80.0, r.p99Millis(), 0.001);
        assertEquals(12.0, r.p50Millis(), 0.001);
    }

    @Test
    void leavesOutWhatBeganBeforeTheSkip() {
        LoadResult r = Hey.parse("p", 1, CSV, 1.0, 1.0);
        assertEquals(2, r.operations());
        assertEquals(1, r.errors());
        assertEquals(16.0, r.p99Millis(), 0.001);
        assertEquals(2.0, r.throughput(), 0.001);
    }
}
