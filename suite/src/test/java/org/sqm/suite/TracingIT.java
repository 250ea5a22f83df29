package org.sqm.suite;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One trace per request across the services: the suite exports its spans to a test collector, and a
 * request that goes gateway -> inspection-service -> standards-service shows up as one trace with a
 * span from each, every server span the child of its caller's client span.
 */
@ExtendWith(SuiteExtension.class)
class TracingIT {

    private static final int SPAN_KIND_SERVER = 2;
    private static final int SPAN_KIND_CLIENT = 3;

    static String randomHex(int bytes) {
        byte[] b = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    @Test
    void oneRequestIsOneTraceAcrossGatewayInspectionAndStandards() throws InterruptedException {
        String traceId = randomHex(16);
        Instant now = Instant.now();
        given().header("traceparent", "00-" + traceId + "-" + randomHex(8) + "-01")
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "unitId",
                        UUID.randomUUID().toString(),
                        "kind",
                        "SPOT_CHECK",
                        "authorityLevel",
                        "CITY",
                        "standardCode",
                        "CSE",
                        "windowStart",
                        now.toString(),
                        "windowEnd",
                        now.plus(1, ChronoUnit.DAYS).toString()))
                .when()
                .post("/api/v1/inspections")
                .then()
                .statusCode(400);

        OtlpReceiver receiver = SuiteExtension.collector();
        List<OtlpReceiver.Span> spans = List.of();
        Set<String> services = Set.of();
        for (int attempt = 0; attempt < 100 && services.size() < 3; attempt++) {
            Thread.sleep(100);
            spans = receiver.spansOf(traceId);
            services = spans.stream().map(OtlpReceiver.Span::service).collect(Collectors.toSet());
        }
        assertEquals(Set.of("gateway", "inspection-service", "standards-service"), services, spans.toString());

        // Every server span in a service (but the gateway's, whose parent is the caller) hangs under a client span of
        // its caller.
        Set<String> clientSpans = spans.stream()
                .filter(s -> s.kind() == SPAN_KIND_CLIENT)
                .map(OtlpReceiver.Span::spanId)
                .collect(Collectors.toSet());
        for (String service : List.of("inspection-service", "standards-service")) {
            List<OtlpReceiver.Span> server = spans.stream()
                    .filter(s -> s.service().equals(service) && s.kind() == SPAN_KIND_SERVER)
                    .toList();
            assertTrue(!server.isEmpty(), "a server span in " + service + ": " + spans);
            assertTrue(
                    server.stream().allMatch(s -> clientSpans.contains(s.parentSpanId())),
                    service + "'s server spans are children of client spans: " + spans);
        }
    }
}
