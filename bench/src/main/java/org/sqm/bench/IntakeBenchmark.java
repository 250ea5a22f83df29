package org.sqm.bench;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
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
 * gateway's REST API (hey); each as a share of the raw rate. Then REST again at 70 % of its best
 * rate, for the latency target.
 */
final class IntakeBenchmark implements Benchmark {

    static final String RAW = "raw JDBC insert";
    static final String GRPC = "gRPC (complaint-service)";
    static final String REST = "REST (gateway, hey)";

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
        ManagedChannel channel = ManagedChannelBuilder.forAddress(
                        "localhost", ctx.suite().grpcPort(Component.COMPLAINT))
                .usePlaintext()
                .build();
        List<LoadResult[]> rows = new ArrayList<>();
        List<Bar> bars = new ArrayList<>();
        try {
            var stub = ComplaintServiceGrpc.newBlockingStub(channel);
            CreateComplaintRequest request = CreateComplaintRequest.newBuilder()
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
            int warm = WARM_CONCURRENCY;
            // REST first: it warms the gateway, complaint-service and standards-service together.
            ctx.warmUp(
                    REST,
                    ctx.warmup(),
                    length -> Hey.run(
                            REST,
                            "POST",
                            ctx.gateway() + "/api/v1/complaints",
                            ctx.fixture().complaintBody(),
                            warm,
                            length,
                            0));
            ctx.warmUp(
                    GRPC,
                    ctx.warmup(),
                    length -> JavaLoad.run(GRPC, warm, length, (w, n) -> stub.withDeadlineAfter(10, TimeUnit.SECONDS)
                            .createComplaint(request)));
            ctx.warmUp(RAW, ctx.warmup(), length -> rawInserts(ctx, warm, length));
            for (int concurrency : ctx.concurrency()) {
                LoadResult raw = rawInserts(ctx, concurrency, ctx.duration());
                LoadResult grpc = JavaLoad.run(
                        GRPC, concurrency, ctx.duration(), (w, n) -> stub.withDeadlineAfter(10, TimeUnit.SECONDS)
                                .createComplaint(request));
                LoadResult rest = Hey.run(
                        REST,
                        "POST",
                        ctx.gateway() + "/api/v1/complaints",
                        ctx.fixture().complaintBody(),
                        concurrency,
                        ctx.duration(),
                        0);
                rows.add(new LoadResult[] {raw, grpc, rest});
                for (LoadResult r : List.of(raw, grpc, rest)) {
                    bars.add(new Bar("c=" + concurrency, r.path(), r.throughput()));
                }
                System.out.printf(
                        Locale.ROOT,
                        "intake c=%d: raw %.0f/s, gRPC %.0f/s, REST %.0f/s%n",
                        concurrency,
                        raw.throughput(),
                        grpc.throughput(),
                        rest.throughput());
            }
        } finally {
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
        LoadResult[] best = rows.stream()
                .max((a, b) -> Double.compare(a[2].throughput(), b[2].throughput()))
                .orElseThrow();
        LoadResult bestRest = best[2];
        double target = 0.7 * bestRest.throughput();
        LoadResult paced = Hey.paced(
                REST + " at 70 %",
                ctx.gateway() + "/api/v1/complaints",
                ctx.fixture().complaintBody(),
                bestRest.concurrency(),
                ctx.duration(),
                target);
        return new Section(
                title(), markdown(rows, best, paced, target), bars, "Complaints recorded per second, by concurrency");
    }

    private static LoadResult rawInserts(BenchContext ctx, int concurrency, java.time.Duration duration)
            throws Exception {
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

    private static String markdown(List<LoadResult[]> rows, LoadResult[] best, LoadResult paced, double target) {
        StringBuilder md = new StringBuilder();
        md.append("Each complaint through the service is validated, checked against standards-service (the unit\n")
                .append(
                        "and its service-level deadlines, one gRPC call), stored with its deadlines and history, and counted;\n")
                .append(
                        "the baseline is one committed single-row insert of the same width. Closed loop: every client\n")
                .append("sends its next request when the last one answered.\n\n");
        md.append("| concurrency | path | ops/s | share of raw | p50 ms | p99 ms | errors |\n");
        md.append("|---:|---|---:|---:|---:|---:|---:|\n");
        for (LoadResult[] row : rows) {
            double raw = row[0].throughput();
            for (LoadResult r : row) {
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
        double share = best[0].throughput() == 0 ? 0 : best[2].throughput() / best[0].throughput();
        md.append(String.format(
                Locale.ROOT,
                "%nBest REST rate: %.0f/s at concurrency %d, %.2f of the raw insert rate at the same concurrency"
                        + " (target ≥ 0.50: %s).%n",
                best[2].throughput(),
                best[2].concurrency(),
                share,
                share >= 0.5 ? "met" : "**not met**"));
        md.append(String.format(
                Locale.ROOT,
                "At 70 %% of that rate (%.0f/s offered evenly by %d one-worker hey clients started across one period;"
                        + " %.0f/s done): p50 %.2f ms, p99 %.2f ms"
                        + " (target p99 < 50 ms: %s), %d errors.%n",
                target,
                paced.concurrency(),
                paced.throughput(),
                paced.p50Millis(),
                paced.p99Millis(),
                paced.p99Millis() < 50 ? "met" : "**not met**",
                paced.errors()));
        return md.toString();
    }
}
