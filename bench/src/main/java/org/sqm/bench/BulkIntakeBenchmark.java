package org.sqm.bench;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.sqm.proto.common.v1.Severity;
import org.sqm.proto.complaint.v1.BatchCreateComplaintResult;
import org.sqm.proto.complaint.v1.BatchCreateComplaintsRequest;
import org.sqm.proto.complaint.v1.BatchCreateComplaintsResponse;
import org.sqm.proto.complaint.v1.Complainant;
import org.sqm.proto.complaint.v1.Complaint;
import org.sqm.proto.complaint.v1.ComplaintChannel;
import org.sqm.proto.complaint.v1.ComplaintServiceGrpc;
import org.sqm.proto.complaint.v1.CreateComplaintRequest;
import org.sqm.suite.Component;
import org.sqm.testing.EmbeddedDatabase;

/**
 * Bulk intake: complaints loaded {@value #BATCH} at a time. The physical limit first (raw JDBC batch
 * inserts of the same 5 rows a complaint stores — the complaint, 3 deadlines, 1 event — into trigger-less
 * copies of its tables, one commit per batch), then complaint-service's
 * BatchCreateComplaints over gRPC, then the gateway's {@code POST /api/v1/complaints:batchCreate}; each
 * in complaints per second and as a share of the raw rate (target ≥ 0.5).
 */
final class BulkIntakeBenchmark implements Benchmark {

    static final String TITLE = "Bulk intake";

    /** Complaints per call and per raw commit: the API's limit. */
    static final int BATCH = 1000;

    static final String RAW = "raw JDBC batch insert";
    static final String RAW_AUDITED = "raw JDBC batch insert, audited tables";

    /** Where the raw baseline writes: trigger-less copies of the tables, or the service's own tables. */
    private record Tables(String path, String prefix, String ids) {}

    /** The physical limit: copies with the columns, defaults and indexes, no triggers or foreign keys. */
    private static final Tables COPIES = new Tables(RAW, "bench_bulk_", "R-");

    /**
     * The same rows into the service's own tables: what the database's audit triggers and foreign-key checks
     * add to the limit, without the service.
     */
    private static final Tables AUDITED = new Tables(RAW_AUDITED, "", "A-");

    static final String GRPC = "gRPC BatchCreateComplaints";
    static final String REST = "REST complaints:batchCreate";

    /** A batch keeps both cores busy (validation and mapping, then PostgreSQL): more clients only queue. */
    static final List<Integer> CONCURRENCY = List.of(1, 2);

    private static final String DESCRIPTION = "Charged twice for the same month; the hotline promised a refund.";

    @Override
    public String title() {
        return TITLE;
    }

    @Override
    public Section run(BenchContext ctx) throws Exception {
        try (Connection c = ctx.connect("complaint");
                Statement s = c.createStatement()) {
            // The rows the service stores for a complaint (the complaint, its 3 deadlines, its first event)
            // in copies of its tables with their columns, defaults and indexes but no triggers: no audit,
            // no foreign-key checks. The event's id comes from a sequence of the copy's own.
            for (String table : List.of("complaint", "complaint_deadline", "complaint_event")) {
                s.execute("CREATE TABLE IF NOT EXISTS bench_bulk_" + table + " (LIKE " + table + " INCLUDING ALL)");
            }
            s.execute("CREATE SEQUENCE IF NOT EXISTS bench_bulk_complaint_event_id_seq");
            s.execute("ALTER TABLE bench_bulk_complaint_event ALTER COLUMN id"
                    + " SET DEFAULT nextval('bench_bulk_complaint_event_id_seq')");
        }
        ManagedChannel channel = ManagedChannelBuilder.forAddress(
                        "localhost", ctx.suite().grpcPort(Component.COMPLAINT))
                .usePlaintext()
                .maxInboundMessageSize(16 * 1024 * 1024)
                .intercept(org.sqm.testing.auth.Bearer.administratorInterceptor())
                .build();
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<Row> rows = new ArrayList<>();
        List<Bar> bars = new ArrayList<>();
        try {
            var stub = ComplaintServiceGrpc.newBlockingStub(channel);
            Duration warmUp = ctx.warmup().dividedBy(4);
            // Every warm-up round sends request ids of its own: a round repeating the last one's would
            // warm up the retry path (every complaint found and answered), not the insert.
            AtomicInteger round = new AtomicInteger();
            ctx.warmUp(
                    REST + " (bulk)",
                    warmUp,
                    length -> rest(ctx, http, run + "w" + round.incrementAndGet(), 1, length));
            ctx.warmUp(GRPC, warmUp, length -> grpc(ctx, stub, run + "w" + round.incrementAndGet(), 1, length));
            ctx.warmUp(RAW, warmUp, length -> raw(ctx, COPIES, run + "w" + round.incrementAndGet(), 1, length));
            CpuAccounting cpu = CpuAccounting.measurable() ? new CpuAccounting(ctx.suite()) : null;
            for (int concurrency : CONCURRENCY) {
                String tag = run + "c" + concurrency;
                Row row = new Row(
                        Measured.of(cpu, () -> raw(ctx, COPIES, tag, concurrency, ctx.duration())),
                        Measured.of(cpu, () -> raw(ctx, AUDITED, tag, concurrency, ctx.duration())),
                        Measured.of(cpu, () -> grpc(ctx, stub, tag, concurrency, ctx.duration())),
                        Measured.of(cpu, () -> rest(ctx, http, tag, concurrency, ctx.duration())));
                rows.add(row);
                for (LoadResult r : row.loads()) {
                    bars.add(new Bar("c=" + concurrency, r.path(), complaintsPerSecond(r)));
                }
                System.out.printf(
                        Locale.ROOT,
                        "bulk intake c=%d: raw %.0f/s, into the audited tables %.0f/s, gRPC %.0f/s (%s), REST %.0f/s (%s)"
                                + " (complaints)%n",
                        concurrency,
                        complaintsPerSecond(row.raw()),
                        complaintsPerSecond(row.audited()),
                        complaintsPerSecond(row.grpc()),
                        shareOfRaw(row.grpc(), row.raw()),
                        complaintsPerSecond(row.rest()),
                        shareOfRaw(row.rest(), row.raw()));
            }
        } finally {
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
        return new Section(title(), markdown(rows), bars, "Complaints recorded per second in batches of " + BATCH);
    }

    /** One concurrency level: the baseline, the same rows into the audited tables, and the two APIs, each with its CPU. */
    record Row(Measured rawRun, Measured auditedRun, Measured grpcRun, Measured restRun) {

        LoadResult raw() {
            return rawRun.load();
        }

        LoadResult audited() {
            return auditedRun.load();
        }

        LoadResult grpc() {
            return grpcRun.load();
        }

        LoadResult rest() {
            return restRun.load();
        }

        List<Measured> all() {
            return List.of(rawRun, auditedRun, grpcRun, restRun);
        }

        List<LoadResult> loads() {
            return List.of(raw(), audited(), grpc(), rest());
        }
    }

    /** A load result counts calls (batches); the section counts complaints. */
    static double complaintsPerSecond(LoadResult r) {
        return r.throughput() * BATCH;
    }

    /** A path's rate as a share of the raw rate at the same concurrency, against the target of 0.5. */
    static String shareOfRaw(LoadResult path, LoadResult raw) {
        double share = complaintsPerSecond(raw) == 0 ? 0 : complaintsPerSecond(path) / complaintsPerSecond(raw);
        return String.format(Locale.ROOT, "%.2f of raw, target 0.5 %s", share, share >= 0.5 ? "met" : "not met");
    }

    private static LoadResult raw(BenchContext ctx, Tables tables, String tag, int concurrency, Duration duration)
            throws Exception {
        Connection[] connections = new Connection[concurrency];
        PreparedStatement[][] inserts = new PreparedStatement[concurrency][];
        Properties properties = new Properties();
        properties.setProperty("user", EmbeddedDatabase.USER);
        properties.setProperty("password", "");
        // The driver option the services use: a JDBC batch travels as multi-row INSERTs.
        properties.setProperty("reWriteBatchedInserts", "true");
        for (int i = 0; i < concurrency; i++) {
            connections[i] = DriverManager.getConnection(ctx.suite().database().jdbcUrl("complaint"), properties);
            connections[i].setAutoCommit(false);
            inserts[i] = new PreparedStatement[] {
                connections[i].prepareStatement(
                        "INSERT INTO " + tables.prefix() + "complaint (id, reference, unit_id, channel,"
                                + " description, receive_time, request_id, create_time, category, severity, remedy_sought,"
                                + " complainant_name, complainant_phone, request_hash, deadline_source, update_time)"
                                + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"),
                connections[i].prepareStatement(
                        "INSERT INTO " + tables.prefix() + "complaint_deadline (complaint_id, kind,"
                                + " allowed_seconds, due_time, warn_time) VALUES (?,?,?,?,?)"),
                connections[i].prepareStatement(
                        "INSERT INTO " + tables.prefix() + "complaint_event (complaint_id, event_time,"
                                + " actor, action, to_status) VALUES (?,?,?,?,?)")
            };
        }
        UUID unit = UUID.fromString(ctx.fixture().unitId());
        String[] kinds = {"ACKNOWLEDGE", "FIRST_RESPONSE", "RESOLVE"};
        long[] allowed = {8 * 3600, 24 * 3600, 120 * 3600};
        try {
            return JavaLoad.run(tables.path(), concurrency, duration, (w, n) -> {
                PreparedStatement complaints = inserts[w][0];
                PreparedStatement deadlines = inserts[w][1];
                PreparedStatement events = inserts[w][2];
                Instant received = Instant.now();
                Timestamp now = Timestamp.from(received);
                for (int i = 0; i < BATCH; i++) {
                    String id = tables.ids() + tag + "-" + w + "-" + n + "-" + i;
                    UUID complaint = UUID.randomUUID();
                    complaints.setObject(1, complaint);
                    complaints.setString(2, id);
                    complaints.setObject(3, unit);
                    complaints.setString(4, "PHONE");
                    complaints.setString(5, DESCRIPTION);
                    complaints.setTimestamp(6, now);
                    complaints.setString(7, id);
                    complaints.setTimestamp(8, now);
                    complaints.setString(9, "BILLING");
                    complaints.setString(10, "MEDIUM");
                    complaints.setString(11, "Refund");
                    complaints.setString(12, "Li Wei");
                    complaints.setString(13, "+86 10 5555 0100");
                    complaints.setString(14, "%064x".formatted(complaint.getLeastSignificantBits() & Long.MAX_VALUE));
                    complaints.setString(15, "bench service level");
                    complaints.setTimestamp(16, now);
                    complaints.addBatch();
                    for (int k = 0; k < kinds.length; k++) {
                        deadlines.setObject(1, complaint);
                        deadlines.setString(2, kinds[k]);
                        deadlines.setLong(3, allowed[k]);
                        deadlines.setTimestamp(4, Timestamp.from(received.plusSeconds(allowed[k])));
                        deadlines.setTimestamp(5, Timestamp.from(received.plusSeconds(allowed[k] * 3 / 4)));
                        deadlines.addBatch();
                    }
                    events.setObject(1, complaint);
                    events.setTimestamp(2, now);
                    events.setString(3, "import");
                    events.setString(4, "RECEIVE");
                    events.setString(5, "RECEIVED");
                    events.addBatch();
                }
                complaints.executeBatch();
                deadlines.executeBatch();
                events.executeBatch();
                connections[w].commit();
            });
        } finally {
            for (Connection c : connections) {
                c.close();
            }
        }
    }

    private static LoadResult grpc(
            BenchContext ctx,
            ComplaintServiceGrpc.ComplaintServiceBlockingStub stub,
            String tag,
            int concurrency,
            Duration duration)
            throws InterruptedException {
        Complaint complaint = Complaint.newBuilder()
                .setUnitId(ctx.fixture().unitId())
                .setChannel(ComplaintChannel.COMPLAINT_CHANNEL_PHONE)
                .setCategory("BILLING")
                .setSeverity(Severity.SEVERITY_MEDIUM)
                .setDescription(DESCRIPTION)
                .setRemedySought("Refund")
                .setComplainant(Complainant.newBuilder().setName("Li Wei").setPhone("+86 10 5555 0100"))
                .build();
        return JavaLoad.run(GRPC, concurrency, duration, (w, n) -> {
            BatchCreateComplaintsRequest.Builder request = BatchCreateComplaintsRequest.newBuilder();
            for (int i = 0; i < BATCH; i++) {
                request.addRequests(CreateComplaintRequest.newBuilder()
                        .setComplaint(complaint)
                        .setRequestId("G-" + tag + "-" + w + "-" + n + "-" + i));
            }
            BatchCreateComplaintsResponse answer =
                    stub.withDeadlineAfter(60, TimeUnit.SECONDS).batchCreateComplaints(request.build());
            long refused = answer.getResultsList().stream()
                    .filter(BatchCreateComplaintResult::hasError)
                    .count();
            if (refused > 0 || answer.getResultsCount() != BATCH) {
                throw new IllegalStateException(refused + " complaints of a batch refused");
            }
        });
    }

    private static LoadResult rest(BenchContext ctx, HttpClient http, String tag, int concurrency, Duration duration)
            throws InterruptedException {
        String complaint = ctx.fixture().complaintBody();
        return JavaLoad.run(REST, concurrency, duration, (w, n) -> {
            StringBuilder body = new StringBuilder(BATCH * (complaint.length() + 60)).append("{\"requests\":[");
            for (int i = 0; i < BATCH; i++) {
                body.append(i == 0 ? "" : ",")
                        .append("{\"requestId\":\"H-")
                        .append(tag)
                        .append('-')
                        .append(w)
                        .append('-')
                        .append(n)
                        .append('-')
                        .append(i)
                        .append("\",\"complaint\":")
                        .append(complaint)
                        .append('}');
            }
            body.append("]}");
            HttpResponse<String> answer = http.send(
                    HttpRequest.newBuilder(URI.create(ctx.gateway() + "/api/v1/complaints:batchCreate"))
                            .timeout(Duration.ofSeconds(60))
                            .header("Content-Type", "application/json")
                            .header("Authorization", org.sqm.testing.auth.Bearer.administrator())
                            .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            // Every item answered with its complaint: no "error" member anywhere in the answer.
            if (answer.statusCode() != 200 || answer.body().contains("\"error\":")) {
                throw new IllegalStateException("batchCreate answered " + answer.statusCode());
            }
        });
    }

    /**
     * Where each path's CPU went, per batch of {@value #BATCH} complaints: each process's user and system
     * time over the run (/proc) divided by the batches it completed. The client (this benchmark's JVM, which
     * also does the raw baseline's JDBC work) is not counted.
     */
    private static String cpuTable(List<Row> rows) {
        List<String> entries = rows.get(0).rawRun().cpu().keySet().stream()
                .filter(e -> !e.equals(CpuAccounting.LOAD))
                .toList();
        StringBuilder md = new StringBuilder("\nCPU per batch of ")
                .append(BATCH)
                .append(" complaints, in ms, from each process's /proc times over the run (the system: the"
                        + " applications and PostgreSQL; the client, this benchmark's JVM, is not counted):"
                        + "\n\n| path | concurrency | system |");
        entries.forEach(e -> md.append(' ').append(e).append(" |"));
        md.append("\n|---|---:|---:|");
        entries.forEach(e -> md.append("---:|"));
        md.append('\n');
        for (Row row : rows) {
            for (Measured m : row.all()) {
                md.append(String.format(
                        Locale.ROOT,
                        "| %s | %d | %.0f |",
                        m.load().path(),
                        m.load().concurrency(),
                        m.cpuMillis()));
                entries.forEach(e -> md.append(String.format(Locale.ROOT, " %.0f |", m.cpuMillis(e))));
                md.append('\n');
            }
        }
        return md.toString();
    }

    private static String markdown(List<Row> rows) {
        StringBuilder md = new StringBuilder();
        md.append("Complaints loaded ")
                .append(BATCH)
                .append(" at a time, each with its own request id. The baseline inserts the rows the service stores\n")
                .append(
                        "for a complaint (the complaint, its 3 deadlines, its first event) into copies of those tables\n")
                .append("without triggers (no audit, no foreign-key checks), in JDBC batches of ")
                .append(BATCH)
                .append(" complaints with one\n")
                .append(
                        "commit per batch (multi-row INSERTs, as the services' driver sends them). Each batch through the service is validated item by item,\n")
                .append(
                        "deadlined with one standards-service call per distinct case (here one per batch: one unit, one\n")
                .append("rule, the same receipt instant), looked up by request id (one query), and stored with its\n")
                .append("deadlines, history and audit trail in one transaction. Closed loop: every client sends its\n")
                .append("next batch when the last one answered. Rates count complaints, latencies whole batches.\n")
                .append("The second row inserts the baseline's rows into the service's own tables instead: what the\n")
                .append(
                        "database's audit triggers (an audit event per row) and foreign-key checks add, without the service.\n\n");
        md.append(
                "| concurrency | path | complaints/s | share of raw | p50 ms / batch | p99 ms / batch | failed batches |\n");
        md.append("|---:|---|---:|---:|---:|---:|---:|\n");
        for (Row row : rows) {
            double raw = complaintsPerSecond(row.raw());
            for (LoadResult r : row.loads()) {
                md.append(String.format(
                        Locale.ROOT,
                        "| %d | %s | %.0f | %.2f | %.1f | %.1f | %d |%n",
                        r.concurrency(),
                        r.path(),
                        complaintsPerSecond(r),
                        raw == 0 ? 0 : complaintsPerSecond(r) / raw,
                        r.p50Millis(),
                        r.p99Millis(),
                        r.errors()));
            }
        }
        if (rows.stream().anyMatch(row -> !row.rawRun().cpu().isEmpty())) {
            md.append(cpuTable(rows));
        }
        Row best = rows.stream()
                .max((a, b) -> Double.compare(a.rest().throughput(), b.rest().throughput()))
                .orElseThrow();
        double raw = complaintsPerSecond(best.raw());
        double rest = raw == 0 ? 0 : complaintsPerSecond(best.rest()) / raw;
        double grpc = raw == 0 ? 0 : complaintsPerSecond(best.grpc()) / raw;
        md.append(String.format(
                Locale.ROOT,
                "%nBest REST bulk rate: %.0f complaints/s at concurrency %d, %.2f of the raw batched-insert rate at the"
                        + " same concurrency (gRPC %.2f; target ≥ 0.50: %s).%n",
                complaintsPerSecond(best.rest()),
                best.rest().concurrency(),
                rest,
                grpc,
                rest >= 0.5 ? "met" : "**not met**"));
        return md.toString();
    }
}
