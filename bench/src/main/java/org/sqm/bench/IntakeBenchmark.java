package org.sqm.bench;

import grpc.health.v1.HealthGrpc;
import grpc.health.v1.HealthOuterClass.HealthCheckRequest;
import grpc.health.v1.HealthOuterClass.HealthCheckResponse;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.sqm.proto.common.v1.Severity;
import org.sqm.proto.complaint.v1.Complainant;
import org.sqm.proto.complaint.v1.Complaint;
import org.sqm.proto.complaint.v1.ComplaintChannel;
import org.sqm.proto.complaint.v1.ComplaintServiceGrpc;
import org.sqm.proto.complaint.v1.CreateComplaintRequest;
import org.sqm.suite.Component;

/**
 * Complaint intake at fixed concurrency levels: the physical limit first (raw JDBC single-row
 * inserts, each committed, into the complaint database), then the service's gRPC API, then the
 * gateway's REST API (hey); each as a share of the raw rate. Beside them the cheapest call each
 * protocol can make (a gRPC health check, the gateway's liveness probe): a complaint needs one HTTP
 * exchange, two gRPC exchanges and one insert, so these give the ceiling of a path that did nothing
 * else. Then REST again at 70 % of its best rate, for the latency target.
 */
final class IntakeBenchmark implements Benchmark {

    static final String RAW = "raw JDBC insert";
    static final String GRPC = "gRPC (complaint-service)";
    static final String REST = "REST (gateway, hey)";
    static final String NOOP_GRPC = "gRPC no-op (health check)";
    static final String NOOP_REST = "REST no-op (gateway liveness, hey)";
    static final String REST_PACED = "REST intake";
    static final String GRPC_PACED = "gRPC intake";

    /**
     * Clients during warm-up. Under a lighter load the JIT compiler threads get more of the two cores:
     * measured here, C2 went quiet after about 2 minutes with 4 clients and about 4 with 32.
     */
    static final int WARM_CONCURRENCY = 4;

    @Override
    public String title() {
        return "Complaint intake";
    }

    @Override
    public Section run(BenchContext ctx) throws Exception {
        try (Connection c = ctx.connect("complaint");
                Statement s = c.createStatement()) {
            s.execute(
                    "CREATE TABLE IF NOT EXISTS bench_raw_intake (id uuid PRIMARY KEY, reference varchar(32) NOT NULL"
                            + " UNIQUE, unit_id uuid NOT NULL, channel varchar(40) NOT NULL, category varchar(40) NOT NULL,"
                            + " severity varchar(20) NOT NULL, description text NOT NULL, receive_time timestamptz NOT NULL,"
                            + " request_id varchar(100) UNIQUE, create_time timestamptz NOT NULL, version bigint NOT NULL DEFAULT 0)");
        }
        ManagedChannel channel = channel(ctx);
        CreateComplaintRequest request = request(ctx);
        List<Row> rows = new ArrayList<>();
        List<Bar> bars = new ArrayList<>();
        try {
            var stub = ComplaintServiceGrpc.newBlockingStub(channel);
            var health = HealthGrpc.newBlockingStub(channel);
            HealthCheckRequest check = HealthCheckRequest.getDefaultInstance();
            int warm = WARM_CONCURRENCY;
            Duration shortWarmUp = ctx.warmup().dividedBy(4);
            // REST first: it warms the gateway, complaint-service and standards-service together.
            ctx.warmUp(REST, ctx.warmup(), length -> rest(ctx, warm, length));
            ctx.warmUp(GRPC, shortWarmUp, length -> creates(stub, request, warm, length));
            ctx.warmUp(RAW, shortWarmUp, length -> rawInserts(ctx, warm, length));
            ctx.warmUp(NOOP_GRPC, shortWarmUp, length -> healthChecks(health, check, warm, length));
            ctx.warmUp(NOOP_REST, shortWarmUp, length -> liveness(ctx, warm, length));
            for (int concurrency : ctx.concurrency()) {
                Row row = new Row(
                        rawInserts(ctx, concurrency, ctx.duration()),
                        healthChecks(health, check, concurrency, ctx.duration()),
                        creates(stub, request, concurrency, ctx.duration()),
                        liveness(ctx, concurrency, ctx.duration()),
                        rest(ctx, concurrency, ctx.duration()));
                rows.add(row);
                for (LoadResult r : row.all()) {
                    bars.add(new Bar("c=" + concurrency, r.path(), r.throughput()));
                }
                System.out.printf(
                        Locale.ROOT,
                        "intake c=%d: raw %.0f/s, gRPC no-op %.0f/s, gRPC %.0f/s, REST no-op %.0f/s, REST %.0f/s%n",
                        concurrency,
                        row.raw().throughput(),
                        row.grpcNoop().throughput(),
                        row.grpc().throughput(),
                        row.restNoop().throughput(),
                        row.rest().throughput());
            }
            Row best = rows.stream()
                    .max((x, y) ->
                            Double.compare(x.rest().throughput(), y.rest().throughput()))
                    .orElseThrow();
            Row bestGrpc = rows.stream()
                    .max((x, y) ->
                            Double.compare(x.grpc().throughput(), y.grpc().throughput()))
                    .orElseThrow();
            // As many clients as the run's highest concurrency: each then waits ~N/rate between its requests
            // (~80 ms for 32), well above the latency, so a slow answer seldom holds back the client's next
            // request — the offered rate stays the rate, and a stall shows in every request it delays.
            int clients = ctx.concurrency().stream().max(Integer::compare).orElse(1);
            double restRate = Report.PACED_SHARE * best.rest().throughput();
            LoadResult pacedRest = Hey.paced(
                    REST_PACED,
                    "POST",
                    ctx.gateway() + "/api/v1/complaints",
                    ctx.fixture().complaintBody(),
                    clients,
                    ctx.duration(),
                    restRate);
            double grpcRate = Report.PACED_SHARE * bestGrpc.grpc().throughput();
            LoadResult pacedGrpc =
                    JavaLoad.paced(GRPC_PACED, clients, ctx.duration(), grpcRate, (w, n) -> create(stub, request));
            return new Section(
                    title(),
                    markdown(
                            rows,
                            best,
                            List.of(best.restCeiling(), bestGrpc.grpcCeiling()),
                            List.of(new Report.Paced(restRate, pacedRest), new Report.Paced(grpcRate, pacedGrpc))),
                    bars,
                    "Complaints recorded per second, by concurrency");
        } finally {
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    /** One concurrency level: the baseline, then each protocol's no-op next to the real intake. */
    record Row(LoadResult raw, LoadResult grpcNoop, LoadResult grpc, LoadResult restNoop, LoadResult rest) {

        List<LoadResult> all() {
            return List.of(raw, grpcNoop, grpc, restNoop, rest);
        }

        /**
         * REST intake against the most a path could reach that did nothing but what every complaint
         * needs — one HTTP exchange, two gRPC exchanges, one insert — when each costs the machine what
         * its no-op costs at this concurrency: 1 / (1/http + 2/gRPC + 1/raw).
         */
        Report.Ceiling restCeiling() {
            return new Report.Ceiling(
                    "REST intake",
                    "1 HTTP (client → gateway), 2 gRPC (gateway → complaint-service CreateComplaint →"
                            + " standards-service ResolveServiceLevel), 1 raw insert",
                    rest.concurrency(),
                    rest.throughput(),
                    1,
                    restNoop.throughput(),
                    List.of(grpcNoop.throughput(), grpcNoop.throughput()),
                    raw.throughput());
        }

        /** gRPC intake against its ceiling: the same chain without the HTTP exchange, 1 / (2/gRPC + 1/raw). */
        Report.Ceiling grpcCeiling() {
            return new Report.Ceiling(
                    "gRPC intake",
                    "2 gRPC (client → complaint-service CreateComplaint → standards-service"
                            + " ResolveServiceLevel), 1 raw insert",
                    grpc.concurrency(),
                    grpc.throughput(),
                    0,
                    restNoop.throughput(),
                    List.of(grpcNoop.throughput(), grpcNoop.throughput()),
                    raw.throughput());
        }
    }

    /** A channel to complaint-service's gRPC port that sends an administrator's development token. */
    private static ManagedChannel channel(BenchContext ctx) {
        return ManagedChannelBuilder.forAddress("localhost", ctx.suite().grpcPort(Component.COMPLAINT))
                .usePlaintext()
                .intercept(org.sqm.testing.auth.Bearer.administratorInterceptor())
                .build();
    }

    /** The complaint every gRPC intake sends: the same fields as the REST body. */
    private static CreateComplaintRequest request(BenchContext ctx) {
        return CreateComplaintRequest.newBuilder()
                .setComplaint(Complaint.newBuilder()
                        .setUnitId(ctx.fixture().unitId())
                        .setChannel(ComplaintChannel.COMPLAINT_CHANNEL_PHONE)
                        .setCategory("BILLING")
                        .setSeverity(Severity.SEVERITY_MEDIUM)
                        .setDescription("Charged twice for the same month; the hotline promised a refund.")
                        .setRemedySought("Refund")
                        .setComplainant(
                                Complainant.newBuilder().setName("Li Wei").setPhone("+86 10 5555 0100")))
                .build();
    }

    private static LoadResult creates(
            ComplaintServiceGrpc.ComplaintServiceBlockingStub stub,
            CreateComplaintRequest request,
            int concurrency,
            Duration length)
            throws InterruptedException {
        return JavaLoad.run(GRPC, concurrency, length, (w, n) -> create(stub, request));
    }

    private static void create(ComplaintServiceGrpc.ComplaintServiceBlockingStub stub, CreateComplaintRequest request) {
        stub.withDeadlineAfter(10, TimeUnit.SECONDS).createComplaint(request);
    }

    private static LoadResult rest(BenchContext ctx, int concurrency, Duration length)
            throws java.io.IOException, InterruptedException {
        return Hey.run(
                REST,
                "POST",
                ctx.gateway() + "/api/v1/complaints",
                ctx.fixture().complaintBody(),
                concurrency,
                length,
                0);
    }

    private static LoadResult liveness(BenchContext ctx, int concurrency, Duration length)
            throws java.io.IOException, InterruptedException {
        return Hey.run(NOOP_REST, "GET", ctx.gateway() + "/q/health/live", null, concurrency, length, 0);
    }

    private static LoadResult healthChecks(
            HealthGrpc.HealthBlockingStub health, HealthCheckRequest check, int concurrency, Duration length)
            throws InterruptedException {
        return JavaLoad.run(NOOP_GRPC, concurrency, length, (w, n) -> {
            if (health.withDeadlineAfter(10, TimeUnit.SECONDS).check(check).getStatus()
                    != HealthCheckResponse.ServingStatus.SERVING) {
                throw new IllegalStateException("complaint-service is not serving");
            }
        });
    }

    private static LoadResult rawInserts(BenchContext ctx, int concurrency, Duration duration) throws Exception {
        Connection[] connections = new Connection[concurrency];
        PreparedStatement[] inserts = new PreparedStatement[concurrency];
        for (int i = 0; i < concurrency; i++) {
            connections[i] = ctx.connect("complaint");
            connections[i].setAutoCommit(true);
            inserts[i] = connections[i].prepareStatement(
                    "INSERT INTO bench_raw_intake (id, reference, unit_id, channel,"
                            + " category, severity, description, receive_time, request_id, create_time) VALUES (?,?,?,?,?,?,?,?,?,?)");
        }
        UUID unit = UUID.fromString(ctx.fixture().unitId());
        String run = UUID.randomUUID().toString().substring(0, 6);
        try {
            return JavaLoad.run(RAW, concurrency, duration, (w, n) -> {
                PreparedStatement ps = inserts[w];
                Timestamp now = Timestamp.from(Instant.now());
                ps.setObject(1, UUID.randomUUID());
                ps.setString(2, "B-" + run + "-" + w + "-" + n);
                ps.setObject(3, unit);
                ps.setString(4, "PHONE");
                ps.setString(5, "BILLING");
                ps.setString(6, "MEDIUM");
                ps.setString(7, "Charged twice for the same month; the hotline promised a refund.");
                ps.setTimestamp(8, now);
                ps.setString(9, null);
                ps.setTimestamp(10, now);
                ps.executeUpdate();
            });
        } finally {
            for (Connection c : connections) {
                c.close();
            }
        }
    }

    private static String markdown(List<Row> rows, Row best, List<Report.Ceiling> ceilings, List<Report.Paced> paced) {
        StringBuilder md = new StringBuilder();
        md.append("Each complaint through the service is validated, checked against standards-service (the unit\n")
                .append(
                        "and its service-level deadlines, one gRPC call), stored with its deadlines and history, and counted;\n")
                .append(
                        "the baseline is one committed single-row insert of the same width. The no-op rows are the cheapest\n")
                .append(
                        "call of each protocol (complaint-service's gRPC health check, the gateway's liveness probe). Closed\n")
                .append("loop: every client sends its next request when the last one answered.\n\n");
        md.append("| concurrency | path | ops/s | share of raw | p50 ms | p99 ms | errors |\n");
        md.append("|---:|---|---:|---:|---:|---:|---:|\n");
        for (Row row : rows) {
            double raw = row.raw().throughput();
            for (LoadResult r : row.all()) {
                md.append(String.format(
                        Locale.ROOT,
                        "| %d | %s | %.0f | %.2f | %.2f | %.2f | %d |%n",
                        r.concurrency(),
                        r.path(),
                        r.throughput(),
                        raw == 0 ? 0 : r.throughput() / raw,
                        r.p50Millis(),
                        r.p99Millis(),
                        r.errors()));
            }
        }
        double raw = best.raw().throughput();
        double share = raw == 0 ? 0 : best.rest().throughput() / raw;
        md.append(String.format(
                Locale.ROOT,
                "%nBest REST rate: %.0f/s at concurrency %d, %.2f of the raw insert rate at the same concurrency"
                        + " (target ≥ 0.50: %s).%n",
                best.rest().throughput(),
                best.rest().concurrency(),
                share,
                share >= 0.5 ? "met" : "**not met**"));
        Report.Ceiling ceiling = best.restCeiling();
        md.append(String.format(
                Locale.ROOT,
                "%nThe ceiling of this design on this machine: a complaint needs one HTTP exchange, two gRPC exchanges"
                        + " (gateway → complaint-service → standards-service) and one insert. Were each no more than its"
                        + " no-op above, the machine could do at most %s = %.0f complaints/s at concurrency %d, %.2f of"
                        + " the raw rate. Each path against its own ceiling, at its best concurrency (both gRPC"
                        + " exchanges priced at complaint-service's health check):%n%n",
                ceiling.formula(),
                ceiling.ceiling(),
                ceiling.concurrency(),
                raw == 0 ? 0 : ceiling.ceiling() / raw));
        md.append(Report.ceilings(ceilings));
        md.append(String.format(
                Locale.ROOT,
                "%nEach path at %.0f %% of its best rate, offered evenly by as many clients as the highest concurrency:"
                        + " REST by one-worker hey clients started across one period, each client's first second —"
                        + " process start and TCP handshake — not counted; gRPC by as many paced threads of one Java"
                        + " client, their first calls staggered across one period.%n%n",
                100 * Report.PACED_SHARE));
        md.append(Report.paced(paced));
        return md.toString();
    }
}
