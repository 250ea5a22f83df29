package org.sqm.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.sqm.proto.complaint.v1.ComplaintServiceGrpc;
import org.sqm.proto.complaint.v1.StreamComplaintStatisticsRequest;
import org.sqm.proto.complaint.v1.UnitComplaintStatistics;
import org.sqm.suite.Component;

/**
 * Reading one month's complaint statistics of every unit: through complaint-service's statistics
 * feed over gRPC (as scoring-service reads it), against the same grouped aggregation in plain SQL on
 * the same database in the same run, and through the gateway's JSON-lines endpoint. The month is
 * seeded straight into complaint-service's database first ({@link ComplaintSeeder}). Target: the feed
 * within 2x of the SQL, and no more than a few seconds.
 */
final class ComplaintFeedBenchmark implements Benchmark {

    /** The data set: units, complaints in the month, and the measured rounds per path. */
    record Size(int units, long complaints, int rounds) {}

    static final String TITLE = "Complaint statistics feed";
    static final String SQL = "plain SQL (JDBC, same aggregation)";
    static final String GRPC = "gRPC feed (StreamComplaintStatistics)";
    static final String REST = "REST feed (gateway, JSON lines)";

    /** The target: the feed takes at most this multiple of the plain SQL. */
    static final double TARGET_RATIO = 2.0;
    /** The target: "no more than a few seconds". */
    static final double TARGET_SECONDS = 5.0;

    private static final long SEED = 20261130L;
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * The aggregation complaint-service runs for the feed, written out by hand: the same figures,
     * joins, period and grouping, read by JDBC with nothing between the database and the caller.
     */
    static final String AGGREGATION =
            """
            SELECT c.unit_id,
                   count(*),
                   count(*) FILTER (WHERE c.resolve_time IS NOT NULL),
                   count(*) FILTER (WHERE c.resolve_time IS NOT NULL AND r.met_time <= r.due_time),
                   percentile_cont(0.5) WITHIN GROUP (ORDER BY c.resolution_business_seconds),
                   percentile_cont(0.9) WITHIN GROUP (ORDER BY c.resolution_business_seconds),
                   count(c.satisfaction),
                   avg(c.satisfaction),
                   count(*) FILTER (WHERE c.reopen_count > 0),
                   count(*) FILTER (WHERE c.escalation_level > 0),
                   count(cb.kind),
                   count(cb.met_time),
                   count(*) FILTER (WHERE c.first_contact_resolution),
                   count(*) FILTER (WHERE c.customer_segment IS NULL),
                   count(*) FILTER (WHERE c.customer_segment = 'MOBILE'),
                   count(*) FILTER (WHERE c.customer_segment = 'HOME'),
                   count(*) FILTER (WHERE c.customer_segment = 'BUSINESS'),
                   count(*) FILTER (WHERE c.customer_segment = 'VIP'),
                   count(*) FILTER (WHERE c.customer_segment = 'BROADBAND')
            FROM complaint c
            LEFT JOIN complaint_deadline r ON r.complaint_id = c.id AND r.kind = 'RESOLVE'
            LEFT JOIN complaint_deadline cb ON cb.complaint_id = c.id AND cb.kind = 'CALL_BACK'
            WHERE c.receive_time >= ? AND c.receive_time < ?
            GROUP BY c.unit_id
            ORDER BY c.unit_id""";

    /** One full read of the month: units -> complaints received, to check the paths agree. */
    private interface Read {
        Map<String, Long> run() throws Exception;
    }

    @Override
    public String title() {
        return TITLE;
    }

    @Override
    public Section run(BenchContext ctx) throws Exception {
        Size size = ctx.feed();
        YearMonth month = YearMonth.now(ZoneOffset.UTC).minusMonths(1);
        Instant from = month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant to = month.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        List<UUID> units = ComplaintSeeder.units(size.units(), SEED);
        ComplaintSeeder.Seeded seeded;
        try (Connection db = ctx.connect("complaint")) {
            seeded = ComplaintSeeder.seed(db, units, size.complaints(), from, to, SEED);
        }
        System.out.printf(
                Locale.ROOT,
                "seeded %d complaints (%d deadlines) about %d units in %.1f s, ANALYZE %.1f s%n",
                seeded.complaints(),
                seeded.deadlines(),
                seeded.units(),
                seeded.copy().toMillis() / 1e3,
                seeded.analyze().toMillis() / 1e3);

        ManagedChannel channel = ManagedChannelBuilder.forAddress(
                        "localhost", ctx.suite().grpcPort(Component.COMPLAINT))
                .usePlaintext()
                .intercept(org.sqm.testing.auth.Bearer.administratorInterceptor())
                .build();
        try {
            Map<String, Read> paths = new LinkedHashMap<>();
            paths.put(SQL, () -> sql(ctx, from, to));
            paths.put(GRPC, () -> grpc(channel, from, to));
            paths.put(REST, () -> rest(ctx.gateway(), from, to));

            Map<String, Long> expected = paths.get(SQL).run();
            check(expected, seeded);
            Map<String, String> failures = new LinkedHashMap<>();
            for (Map.Entry<String, Read> path : paths.entrySet()) {
                try {
                    if (!path.getValue().run().equals(expected)) {
                        throw new IllegalStateException(path.getKey() + " disagrees with the plain SQL");
                    }
                    ctx.warmUp(
                            path.getKey(),
                            ctx.warmup().dividedBy(4),
                            length -> repeat(path.getKey(), path.getValue(), length));
                } catch (Exception e) {
                    if (!path.getKey().equals(REST)) {
                        throw e;
                    }
                    // The gateway path is reported, not required: it shares the one client deadline.
                    failures.put(path.getKey(), String.valueOf(e.getMessage()));
                }
            }
            Map<String, List<Double>> seconds = new LinkedHashMap<>();
            for (int round = 0; round < size.rounds(); round++) {
                for (Map.Entry<String, Read> path : paths.entrySet()) {
                    if (failures.containsKey(path.getKey())) {
                        continue;
                    }
                    long start = System.nanoTime();
                    try {
                        path.getValue().run();
                        seconds.computeIfAbsent(path.getKey(), k -> new ArrayList<>())
                                .add((System.nanoTime() - start) / 1e9);
                    } catch (Exception e) {
                        if (!path.getKey().equals(REST)) {
                            throw e;
                        }
                        failures.put(path.getKey(), String.valueOf(e.getMessage()));
                    }
                }
            }
            return section(size, seeded, month, expected.size(), seconds, failures);
        } finally {
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    /** The plain SQL must see every seeded complaint, or the comparison measures nothing. */
    private static void check(Map<String, Long> expected, ComplaintSeeder.Seeded seeded) {
        long received = expected.values().stream().mapToLong(Long::longValue).sum();
        if (received < seeded.complaints() || expected.size() < Math.min(seeded.units(), seeded.complaints())) {
            throw new IllegalStateException("the month holds " + received + " complaints of " + expected.size()
                    + " units; seeded " + seeded.complaints() + " of " + seeded.units());
        }
    }

    private static Map<String, Long> sql(BenchContext ctx, Instant from, Instant to) throws Exception {
        Map<String, Long> received = new TreeMap<>();
        try (Connection db = ctx.connect("complaint");
                PreparedStatement query = db.prepareStatement(AGGREGATION)) {
            query.setTimestamp(1, Timestamp.from(from));
            query.setTimestamp(2, Timestamp.from(to));
            try (ResultSet rows = query.executeQuery()) {
                int columns = rows.getMetaData().getColumnCount();
                while (rows.next()) {
                    for (int i = 1; i <= columns; i++) {
                        rows.getObject(i);
                    }
                    received.put(rows.getObject(1).toString(), rows.getLong(2));
                }
            }
        }
        return received;
    }

    private static Map<String, Long> grpc(ManagedChannel channel, Instant from, Instant to) {
        Map<String, Long> received = new TreeMap<>();
        Iterator<UnitComplaintStatistics> units = ComplaintServiceGrpc.newBlockingStub(channel)
                .withDeadlineAfter(60, TimeUnit.SECONDS)
                .streamComplaintStatistics(StreamComplaintStatisticsRequest.newBuilder()
                        // Month boundaries are whole seconds.
                        .setPeriodStart(
                                com.google.protobuf.Timestamp.newBuilder().setSeconds(from.getEpochSecond()))
                        .setPeriodEnd(com.google.protobuf.Timestamp.newBuilder().setSeconds(to.getEpochSecond()))
                        .build());
        units.forEachRemaining(
                u -> received.put(u.getUnitId(), u.getStatistics().getReceived()));
        return received;
    }

    private static Map<String, Long> rest(String gateway, Instant from, Instant to) throws Exception {
        long start = System.nanoTime();
        HttpResponse<java.io.InputStream> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(gateway + "/api/v1/complaintStatistics?periodStart=" + from
                                        + "&periodEnd=" + to))
                                .header("Authorization", org.sqm.testing.auth.Bearer.administrator())
                                .timeout(Duration.ofSeconds(60))
                                .build(),
                        HttpResponse.BodyHandlers.ofInputStream());
        Map<String, Long> received = new TreeMap<>();
        try (BufferedReader lines =
                new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            if (response.statusCode() != 200) {
                throw new IllegalStateException("HTTP " + response.statusCode() + ": " + lines.readLine());
            }
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                JsonNode unit = JSON.readTree(line);
                received.put(
                        unit.get("unitId").asText(),
                        unit.get("statistics").get("received").asLong());
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException(String.format(
                    Locale.ROOT,
                    "broken off after %d units, %.1f s in (%s)",
                    received.size(),
                    (System.nanoTime() - start) / 1e9,
                    e.getMessage()));
        }
        return received;
    }

    /** Full reads one after another for {@code length}, as a warm-up window. */
    private static LoadResult repeat(String path, Read read, Duration length) throws Exception {
        List<Long> nanos = new ArrayList<>();
        long start = System.nanoTime();
        do {
            long one = System.nanoTime();
            read.run();
            nanos.add(System.nanoTime() - one);
        } while (System.nanoTime() - start < length.toNanos());
        return LoadResult.of(
                path, 1, nanos.stream().mapToLong(Long::longValue).toArray(), 0, (System.nanoTime() - start) / 1e9);
    }

    private Section section(
            Size size,
            ComplaintSeeder.Seeded seeded,
            YearMonth month,
            int units,
            Map<String, List<Double>> seconds,
            Map<String, String> failures) {
        double sql = median(seconds.get(SQL));
        StringBuilder md = new StringBuilder();
        md.append(String.format(
                Locale.ROOT,
                "Measured on %s. One read of %s's complaint statistics of every unit: %,d complaints about"
                        + " %,d units (%,d units in the answer), seeded straight into complaint-service's database"
                        + " with COPY in %.1f s (%,d complaints and %,d deadlines; ANALYZE %.1f s more). The"
                        + " baseline is the feed's own aggregation (one SQL statement, GROUP BY unit with"
                        + " `percentile_cont` per unit) run by JDBC on the same database; the feed adds the service"
                        + " (its transaction, a database cursor, mapping) and gRPC, read by a Java client as"
                        + " scoring-service reads it; the REST row adds the gateway and JSON lines. Every path's"
                        + " answer is checked against the SQL's (units, complaints per unit) before it is timed;"
                        + " %d timed reads per path, alternating, after a warm-up.%n%n",
                LocalDate.now(ZoneOffset.UTC),
                month,
                seeded.complaints(),
                seeded.units(),
                units,
                seeded.copy().toMillis() / 1e3,
                seeded.complaints(),
                seeded.deadlines(),
                seeded.analyze().toMillis() / 1e3,
                size.rounds()));
        md.append("| path | median s | best s | share of the SQL's time |\n|---|---:|---:|---:|\n");
        List<Bar> bars = new ArrayList<>();
        for (String path : List.of(SQL, GRPC, REST)) {
            if (failures.containsKey(path)) {
                md.append("| ")
                        .append(path)
                        .append(" | failed: ")
                        .append(failures.get(path))
                        .append(" | | |\n");
                continue;
            }
            double median = median(seconds.get(path));
            md.append(String.format(
                    Locale.ROOT,
                    "| %s | %.2f | %.2f | %.2f |%n",
                    path,
                    median,
                    seconds.get(path).stream().mapToDouble(d -> d).min().orElse(0),
                    median / sql));
            bars.add(new Bar(month.toString(), path, median));
        }
        double feed = median(seconds.get(GRPC));
        md.append(String.format(
                Locale.ROOT,
                "%nThe gRPC feed took %.2f s, %.2f times the plain SQL's %.2f s (target: within %.0fx: **%s**;"
                        + " a few seconds, at most %.0f s: **%s**).%n",
                feed,
                feed / sql,
                sql,
                TARGET_RATIO,
                feed / sql <= TARGET_RATIO ? "met" : "not met",
                TARGET_SECONDS,
                feed <= TARGET_SECONDS ? "met" : "not met"));
        System.out.printf(Locale.ROOT, "complaint feed: SQL %.2f s, gRPC %.2f s (%.2fx)%n", sql, feed, feed / sql);
        return new Section(TITLE, md.toString(), bars, "Seconds to read a month's statistics of every unit");
    }

    private static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(d -> d).toArray();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
