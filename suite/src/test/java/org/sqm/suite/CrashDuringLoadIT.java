package org.sqm.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sqm.testing.EmbeddedDatabase;

/**
 * Crash during load: clients record complaints through the gateway, each with its own
 * Idempotency-Key, retrying every failure with the same key; complaint-service is killed with SIGKILL
 * in the middle and started again. Afterwards every key is stored exactly once.
 */
@ExtendWith(SuiteExtension.class)
class CrashDuringLoadIT {

    static final int CLIENTS = 6;
    static final int PER_CLIENT = 30;

    @Test
    void sigkillMidLoadLosesAndDuplicatesNothing() throws Exception {
        Suite suite = SuiteExtension.suite();
        String unit = Fixtures.complaintUnit();
        String run = Fixtures.unique("crash");
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        URI endpoint = URI.create(suite.baseUrl(Component.GATEWAY) + "/api/v1/complaints");
        AtomicInteger acknowledged = new AtomicInteger();
        AtomicInteger failedAttempts = new AtomicInteger();
        Map<String, Integer> attemptsByKey = new ConcurrentHashMap<>();
        Map<String, String> idByKey = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            clients.add(pool.submit(() -> {
                for (int n = 0; n < PER_CLIENT; n++) {
                    String key = run + "-" + client + "-" + n;
                    HttpRequest request = HttpRequest.newBuilder(endpoint)
                            .header("Authorization", org.sqm.testing.auth.Bearer.administrator())
                            .timeout(Duration.ofSeconds(10))
                            .header("Content-Type", "application/json")
                            .header("Idempotency-Key", key)
                            .POST(HttpRequest.BodyPublishers.ofString(
                                    Fixtures.complaintBody(unit, "crash test " + key)))
                            .build();
                    long giveUp = System.nanoTime() + Duration.ofSeconds(120).toNanos();
                    while (true) {
                        attemptsByKey.merge(key, 1, Integer::sum);
                        try {
                            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
                            if (r.statusCode() == 201) {
                                acknowledged.incrementAndGet();
                                idByKey.put(key, r.body().replaceAll("(?s).*\"id\":\"([^\"]+)\".*", "$1"));
                                break;
                            }
                            assertTrue(r.statusCode() >= 500, "only server-side failures are retried: " + r.body());
                        } catch (java.io.IOException e) {
                            // The connection dropped: retry with the same key.
                        }
                        failedAttempts.incrementAndGet();
                        if (System.nanoTime() > giveUp) {
                            throw new AssertionError("no success for " + key + " within 120 s");
                        }
                        Thread.sleep(200);
                    }
                }
                return null;
            }));
        }
        while (acknowledged.get() < CLIENTS * PER_CLIENT / 3) {
            Thread.sleep(20);
        }
        int beforeKill = acknowledged.get();
        suite.kill(Component.COMPLAINT);
        Thread.sleep(1_000);
        suite.restart(Component.COMPLAINT);
        for (Future<?> f : clients) {
            f.get();
        }
        pool.shutdown();

        Map<String, Integer> stored = new HashMap<>();
        try (Connection c =
                        DriverManager.getConnection(suite.database().jdbcUrl("complaint"), EmbeddedDatabase.USER, "");
                PreparedStatement ps = c.prepareStatement(
                        "SELECT request_id, count(*) FROM complaint WHERE request_id LIKE ? GROUP BY request_id")) {
            ps.setString(1, run + "-%");
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    stored.put(rs.getString(1), rs.getInt(2));
                }
            }
        }
        long retried = attemptsByKey.values().stream().filter(a -> a > 1).count();
        long lost = attemptsByKey.keySet().stream()
                .filter(k -> !stored.containsKey(k))
                .count();
        long duplicated = stored.values().stream().filter(n -> n > 1).count();
        System.out.printf(
                "crash during load: %d request ids, %d acknowledged (%d before the SIGKILL), %d retried"
                        + " (%d failed attempts), %d stored, %d lost, %d duplicated%n",
                attemptsByKey.size(),
                acknowledged.get(),
                beforeKill,
                retried,
                failedAttempts.get(),
                stored.size(),
                lost,
                duplicated);
        assertEquals(CLIENTS * PER_CLIENT, acknowledged.get());
        assertEquals(CLIENTS * PER_CLIENT, stored.size());
        assertEquals(0, lost);
        assertEquals(0, duplicated);
        assertTrue(retried > 0, "the kill interrupted some requests");
        assertEquals(CLIENTS * PER_CLIENT, new java.util.HashSet<>(idByKey.values()).size(), "one complaint per key");
    }
}
