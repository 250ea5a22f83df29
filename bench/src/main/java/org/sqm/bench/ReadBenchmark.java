package org.sqm.bench;

import grpc.health.v1.HealthGrpc;
import grpc.health.v1.HealthOuterClass.HealthCheckRequest;
import grpc.health.v1.HealthOuterClass.HealthCheckResponse;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.sqm.suite.Component;

/**
 * Reads through the gateway (hey) against the same reads in plain JDBC, on the data of the intake
 * run: one complaint with its deadlines and history, a page of a unit's complaints, a unit, a standard
 * with its 57-element tree. Beside them the cheapest call of each protocol the reads pass through (the
 * gateway's liveness probe, the gRPC health check of complaint-service and of standards-service): each
 * read against the ceiling those no-ops and its JDBC work allow, then at 70 % of its best rate.
 */
final class ReadBenchmark implements Benchmark {

    static final String JDBC = "plain JDBC";
    static final String REST = "REST (gateway, hey)";
    static final String NOOP_REST = "REST no-op (gateway liveness, hey)";
    static final String NOOP_COMPLAINT = "gRPC no-op (complaint-service health check)";
    static final String NOOP_STANDARDS = "gRPC no-op (standards-service health check)";

    /**
     * One read: its REST URL, the services its gRPC exchanges go to (in order) and what they are, its
     * database and the SQL statements that fetch the same rows, each taking the one parameter.
     */
    private record Read(
            String name,
            String url,
            List<Component> calls,
            String exchanges,
            String database,
            List<String> sql,
            Object parameter) {}

    /** What one concurrency level measured: the no-ops, and per read its JDBC and REST runs. */
    private record Level(
            int concurrency,
            LoadResult restNoop,
            Map<Component, LoadResult> grpcNoops,
            Map<String, LoadResult> jdbc,
            Map<String, LoadResult> rest) {}

    @Override
    public String title() {
        return "Reads";
    }

    @Override
    public Section run(BenchContext ctx) throws Exception {
        UUID unit = UUID.fromString(ctx.fixture().unitId());
        UUID complaint;
        try (Connection c = ctx.connect("complaint");
                PreparedStatement ps = c.prepareStatement("SELECT id FROM complaint WHERE unit_id = ? LIMIT 1")) {
            ps.setObject(1, unit);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    Fixture.post(
                            ctx.gateway() + "/api/v1/complaints", ctx.fixture().complaintBody());
                }
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                complaint = (UUID) rs.getObject(1);
            }
        }
        String g = ctx.gateway();
        List<Read> reads = List.of(
                new Read(
                        "complaint by id",
                        g + "/api/v1/complaints/" + complaint,
                        List.of(Component.COMPLAINT, Component.STANDARDS),
                        "1 HTTP, 2 gRPC (gateway → complaint-service GetComplaint → standards-service"
                                + " MeasureBusinessTime, the business time its open deadlines used); JDBC: the"
                                + " complaint with its deadlines, its pauses, its history",
                        "complaint",
                        List.of(
                                "SELECT * FROM complaint c LEFT JOIN complaint_deadline d ON d.complaint_id = c.id"
                                        + " WHERE c.id = ?",
                                "SELECT * FROM complaint_pause WHERE complaint_id = ?",
                                "SELECT * FROM complaint_event WHERE complaint_id = ? ORDER BY id"),
                        complaint),
                new Read(
                        "page of 50 complaints of a unit",
                        g + "/api/v1/complaints?unitId=" + unit + "&pageSize=50",
                        List.of(Component.COMPLAINT),
                        "1 HTTP, 1 gRPC (gateway → complaint-service ListComplaints); JDBC: 51 rows",
                        "complaint",
                        List.of("SELECT * FROM complaint WHERE unit_id = ? ORDER BY receive_time DESC, id DESC"
                                + " LIMIT 51"),
                        unit),
                new Read(
                        "unit by id",
                        g + "/api/v1/units/" + unit,
                        List.of(Component.STANDARDS),
                        "1 HTTP, 1 gRPC (gateway → standards-service GetUnit); JDBC: the unit's row",
                        "standards",
                        List.of("SELECT * FROM unit WHERE id = ?"),
                        unit),
                new Read(
                        "standard by id (57 elements)",
                        g + "/api/v1/standards/" + ctx.fixture().standardId(),
                        List.of(Component.STANDARDS),
                        "1 HTTP, 1 gRPC (gateway → standards-service GetStandard); JDBC: the standard's row,"
                                + " its tree in one jsonb column",
                        "standards",
                        List.of("SELECT * FROM standard WHERE id = ?"),
                        UUID.fromString(ctx.fixture().standardId())));
        // Every intake concurrency level and the read concurrency: the best rate is found among them.
        List<Integer> levels = new ArrayList<>(new TreeSet<>(ctx.concurrency()));
        if (!levels.contains(ctx.readConcurrency())) {
            levels.add(ctx.readConcurrency());
            levels.sort(Integer::compare);
        }
        Map<Component, ManagedChannel> channels = new EnumMap<>(Component.class);
        for (Component c : List.of(Component.COMPLAINT, Component.STANDARDS)) {
            channels.put(
                    c,
                    ManagedChannelBuilder.forAddress("localhost", ctx.suite().grpcPort(c))
                            .usePlaintext()
                            .intercept(org.sqm.testing.auth.Bearer.administratorInterceptor())
                            .build());
        }
        try {
            int warm = ctx.readConcurrency();
            Duration shortWarmUp = ctx.warmup().dividedBy(4);
            for (Read read : reads) {
                ctx.warmUp(read.name() + " (JDBC)", shortWarmUp, length -> jdbc(ctx, read, warm, length));
                ctx.warmUp(
                        read.name() + " (REST)",
                        shortWarmUp,
                        length -> Hey.run("warm-up", "GET", read.url(), null, warm, length, 0));
            }
            ctx.warmUp(NOOP_REST + ", reads", shortWarmUp, length -> liveness(ctx, warm, length));
            for (Component c : channels.keySet()) {
                ctx.warmUp(noopName(c), shortWarmUp, length -> healthChecks(channels.get(c), c, warm, length));
            }
            List<Level> measured = new ArrayList<>();
            for (int concurrency : levels) {
                LoadResult restNoop = liveness(ctx, concurrency, ctx.duration());
                Map<Component, LoadResult> grpcNoops = new EnumMap<>(Component.class);
                for (Component c : channels.keySet()) {
                    grpcNoops.put(c, healthChecks(channels.get(c), c, concurrency, ctx.duration()));
                }
                Map<String, LoadResult> jdbc = new HashMap<>();
                Map<String, LoadResult> rest = new HashMap<>();
                for (Read read : reads) {
                    jdbc.put(read.name(), jdbc(ctx, read, concurrency, ctx.duration()));
                    rest.put(read.name(), Hey.run(REST, "GET", read.url(), null, concurrency, ctx.duration(), 0));
                    System.out.printf(
                            Locale.ROOT,
                            "read %s c=%d: JDBC %.0f/s, REST %.0f/s%n",
                            read.name(),
                            concurrency,
                            jdbc.get(read.name()).throughput(),
                            rest.get(read.name()).throughput());
                }
                measured.add(new Level(concurrency, restNoop, grpcNoops, jdbc, rest));
            }
            List<Report.Ceiling> ceilings = new ArrayList<>();
            List<Report.Paced> paced = new ArrayList<>();
            List<Bar> bars = new ArrayList<>();
            // As many clients as the highest level, as for intake: each waits far longer than the latency
            // between its requests, so a slow answer does not hold back the offered rate.
            int clients = levels.get(levels.size() - 1);
            for (Read read : reads) {
                Level best = measured.stream()
                        .max((a, b) -> Double.compare(
                                a.rest().get(read.name()).throughput(),
                                b.rest().get(read.name()).throughput()))
                        .orElseThrow();
                Report.Ceiling ceiling = new Report.Ceiling(
                        read.name(),
                        read.exchanges(),
                        best.concurrency(),
                        best.rest().get(read.name()).throughput(),
                        1,
                        best.restNoop().throughput(),
                        read.calls().stream()
                                .map(c -> best.grpcNoops().get(c).throughput())
                                .toList(),
                        best.jdbc().get(read.name()).throughput());
                ceilings.add(ceiling);
                bars.add(new Bar(read.name(), JDBC, ceiling.jdbc()));
                bars.add(new Bar(read.name(), "ceiling", ceiling.ceiling()));
                bars.add(new Bar(read.name(), REST, ceiling.rate()));
                double rate = Report.PACED_SHARE * ceiling.rate();
                paced.add(new Report.Paced(
                        rate, Hey.paced(read.name(), "GET", read.url(), null, clients, ctx.duration(), rate)));
            }
            return new Section(
                    title(),
                    markdown(measured, reads, ceilings, paced),
                    bars,
                    "Reads per second at each read's best concurrency: plain JDBC, the ceiling, REST");
        } finally {
            for (ManagedChannel channel : channels.values()) {
                channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
            }
        }
    }

    private static String noopName(Component service) {
        return service == Component.COMPLAINT ? NOOP_COMPLAINT : NOOP_STANDARDS;
    }

    private static String markdown(
            List<Level> levels, List<Read> reads, List<Report.Ceiling> ceilings, List<Report.Paced> paced) {
        StringBuilder md = new StringBuilder();
        md.append("The baseline runs the same queries with JDBC and reads every column of every row; the REST path\n"
                + "adds the gateway, its gRPC calls, the services' transactions and mapping, and JSON. The no-op rows\n"
                + "are the cheapest call of each protocol the reads pass through (the gateway's liveness probe, each\n"
                + "service's gRPC health check). Closed loop: every client sends its next request when the last one\n"
                + "answered.\n\n");
        md.append("| concurrency | path | ops/s | p50 ms | p99 ms | errors |\n|---:|---|---:|---:|---:|---:|\n");
        for (Level level : levels) {
            List<LoadResult> noops = new ArrayList<>();
            noops.add(level.restNoop());
            noops.addAll(level.grpcNoops().values());
            for (LoadResult r : noops) {
                md.append(String.format(
                        Locale.ROOT,
                        "| %d | %s | %.0f | %.2f | %.2f | %d |%n",
                        r.concurrency(),
                        r.path(),
                        r.throughput(),
                        r.p50Millis(),
                        r.p99Millis(),
                        r.errors()));
            }
        }
        md.append("\n| read | concurrency | path | ops/s | share of JDBC | p50 ms | p99 ms | errors |\n"
                + "|---|---:|---|---:|---:|---:|---:|---:|\n");
        for (Read read : reads) {
            for (Level level : levels) {
                LoadResult jdbc = level.jdbc().get(read.name());
                for (LoadResult r : List.of(jdbc, level.rest().get(read.name()))) {
                    md.append(String.format(
                            Locale.ROOT,
                            "| %s | %d | %s | %.0f | %.2f | %.2f | %.2f | %d |%n",
                            read.name(),
                            r.concurrency(),
                            r.path(),
                            r.throughput(),
                            jdbc.throughput() == 0 ? 0 : r.throughput() / jdbc.throughput(),
                            r.p50Millis(),
                            r.p99Millis(),
                            r.errors()));
                }
            }
        }
        md.append("\nEach read against its ceiling at its best concurrency: were each exchange no dearer than its"
                + " no-op at that concurrency and the service's database work no dearer than the JDBC baseline,"
                + " the machine could do at most 1 / (1/HTTP no-op + 1/gRPC no-op of each service called +"
                + " 1/JDBC) reads per second.\n\n");
        md.append(Report.ceilings(ceilings));
        md.append(String.format(
                Locale.ROOT,
                "%nEach read at %.0f %% of its best rate, offered evenly by one-worker hey clients started across one"
                        + " period, each client's first second — process start and TCP handshake — not counted.%n%n",
                100 * Report.PACED_SHARE));
        md.append(Report.paced(paced));
        return md.toString();
    }

    private static LoadResult liveness(BenchContext ctx, int concurrency, Duration length)
            throws java.io.IOException, InterruptedException {
        return Hey.run(NOOP_REST, "GET", ctx.gateway() + "/q/health/live", null, concurrency, length, 0);
    }

    private static LoadResult healthChecks(ManagedChannel channel, Component service, int concurrency, Duration length)
            throws InterruptedException {
        HealthGrpc.HealthBlockingStub health = HealthGrpc.newBlockingStub(channel);
        HealthCheckRequest check = HealthCheckRequest.getDefaultInstance();
        return JavaLoad.run(noopName(service), concurrency, length, (w, n) -> {
            if (health.withDeadlineAfter(10, TimeUnit.SECONDS).check(check).getStatus()
                    != HealthCheckResponse.ServingStatus.SERVING) {
                throw new IllegalStateException(service.module() + " is not serving");
            }
        });
    }

    private static LoadResult jdbc(BenchContext ctx, Read read, int concurrency, Duration duration) throws Exception {
        Connection[] connections = new Connection[concurrency];
        PreparedStatement[][] queries = new PreparedStatement[concurrency][];
        for (int i = 0; i < concurrency; i++) {
            connections[i] = ctx.connect(read.database());
            // Autocommit off: the statements of one read run in one transaction, as the service's do.
            connections[i].setAutoCommit(read.sql().size() == 1);
            queries[i] = new PreparedStatement[read.sql().size()];
            for (int q = 0; q < read.sql().size(); q++) {
                queries[i][q] = connections[i].prepareStatement(read.sql().get(q));
            }
        }
        try {
            return JavaLoad.run(JDBC, concurrency, duration, (w, n) -> {
                for (PreparedStatement query : queries[w]) {
                    query.setObject(1, read.parameter());
                    try (ResultSet rs = query.executeQuery()) {
                        int columns = rs.getMetaData().getColumnCount();
                        while (rs.next()) {
                            for (int i = 1; i <= columns; i++) {
                                rs.getObject(i);
                            }
                        }
                    }
                }
                if (!connections[w].getAutoCommit()) {
                    connections[w].commit();
                }
            });
        } finally {
            for (Connection c : connections) {
                c.close();
            }
        }
    }
}
