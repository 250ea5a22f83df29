package org.sqm.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sqm.testing.EmbeddedDatabase;

/** Races through the gateway: 50 moves of one complaint version, 50 creates with one Idempotency-Key. */
@ExtendWith(SuiteExtension.class)
class RacesIT {

    static final int RACERS = 50;

    private final HttpClient http = HttpClient.newHttpClient();
    private final java.util.concurrent.atomic.AtomicInteger retried = new java.util.concurrent.atomic.AtomicInteger();

    private List<HttpResponse<String>> race(HttpRequest request) throws Exception {
        return race(request, false);
    }

    /**
     * Sends the request from 50 threads at once; with {@code retry}, each client retries a 5xx (a
     * deadline hit under the burst) with the same request, as a client with an Idempotency-Key does.
     */
    private List<HttpResponse<String>> race(HttpRequest request, boolean retry) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(RACERS);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> futures = new ArrayList<>();
        for (int i = 0; i < RACERS; i++) {
            futures.add(pool.submit(() -> {
                go.await();
                HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
                for (int attempt = 0; retry && r.statusCode() >= 500 && attempt < 10; attempt++) {
                    retried.incrementAndGet();
                    Thread.sleep(200);
                    r = http.send(request, HttpResponse.BodyHandlers.ofString());
                }
                return r;
            }));
        }
        go.countDown();
        List<HttpResponse<String>> responses = new ArrayList<>();
        for (Future<HttpResponse<String>> f : futures) {
            responses.add(f.get());
        }
        pool.shutdown();
        return responses;
    }

    private static Map<Integer, Integer> statuses(List<HttpResponse<String>> responses) {
        Map<Integer, Integer> byStatus = new HashMap<>();
        responses.forEach(r -> byStatus.merge(r.statusCode(), 1, Integer::sum));
        return byStatus;
    }

    @Test
    void fiftyMovesOfOneVersionMakeOneChangeAndFortyNineConflicts() throws Exception {
        String gateway = SuiteExtension.suite().baseUrl(Component.GATEWAY);
        String unit = Fixtures.complaintUnit();
        HttpResponse<String> created = http.send(
                HttpRequest.newBuilder(URI.create(gateway + "/api/v1/complaints"))
                        .header("Authorization", org.sqm.testing.auth.Bearer.administrator())
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(Fixtures.complaintBody(unit, "race")))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(201, created.statusCode(), created.body());
        String id = created.body().replaceAll("(?s).*\"id\":\"([^\"]+)\".*", "$1");
        String etag = created.headers().firstValue("ETag").orElseThrow();
        List<HttpResponse<String>> responses =
                race(HttpRequest.newBuilder(URI.create(gateway + "/api/v1/complaints/" + id + ":acknowledge"))
                        .header("Authorization", org.sqm.testing.auth.Bearer.administrator())
                        .header("If-Match", etag)
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build());
        Map<Integer, Integer> byStatus = statuses(responses);
        System.out.printf("races, moves: %d concurrent acknowledges of one version -> %s%n", RACERS, byStatus);
        assertEquals(Map.of(200, 1, 409, RACERS - 1), byStatus);
        responses.stream()
                .filter(r -> r.statusCode() == 409)
                .forEach(r -> assertEquals(
                        "application/problem+json",
                        r.headers().firstValue("Content-Type").orElse("")));
    }

    @Test
    void fiftyCreatesWithOneKeyMakeOneComplaint() throws Exception {
        Suite suite = SuiteExtension.suite();
        String unit = Fixtures.complaintUnit();
        String key = Fixtures.unique("race-key");
        List<HttpResponse<String>> responses = race(
                HttpRequest.newBuilder(URI.create(suite.baseUrl(Component.GATEWAY) + "/api/v1/complaints"))
                        .header("Authorization", org.sqm.testing.auth.Bearer.administrator())
                        .header("Content-Type", "application/json")
                        .header("Idempotency-Key", key)
                        .POST(HttpRequest.BodyPublishers.ofString(Fixtures.complaintBody(unit, "same key")))
                        .build(),
                true);
        Map<Integer, Integer> byStatus = statuses(responses);
        Set<String> ids = new HashSet<>();
        responses.forEach(r -> ids.add(r.body().replaceAll("(?s).*\"id\":\"([^\"]+)\".*", "$1")));
        int stored;
        try (Connection c =
                        DriverManager.getConnection(suite.database().jdbcUrl("complaint"), EmbeddedDatabase.USER, "");
                PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM complaint WHERE request_id = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                stored = rs.getInt(1);
            }
        }
        System.out.printf(
                "races, creates: %d concurrent creates with one key -> %s after %d retries of a 5xx, %d distinct ids,"
                        + " %d stored%n",
                RACERS, byStatus, retried.get(), ids.size(), stored);
        assertEquals(Map.of(201, RACERS), byStatus);
        assertEquals(1, ids.size());
        assertEquals(1, stored);
    }
}
