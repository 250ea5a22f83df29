package org.sqm.bench;

import com.google.longrunning.GetOperationRequest;
import com.google.longrunning.Operation;
import com.google.longrunning.OperationsGrpc;
import io.grpc.Context;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.StatusRuntimeException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.sqm.proto.inspection.v1.InspectionFeedServiceGrpc;
import org.sqm.proto.inspection.v1.InspectionPeriodBasis;
import org.sqm.proto.inspection.v1.InspectionResult;
import org.sqm.proto.inspection.v1.InspectionResultView;
import org.sqm.proto.inspection.v1.StreamInspectionResultsRequest;
import org.sqm.proto.scoring.v1.GetScorecardRequest;
import org.sqm.proto.scoring.v1.LoadScoringCatalogueRequest;
import org.sqm.proto.scoring.v1.LoadScoringCatalogueResponse;
import org.sqm.proto.scoring.v1.RecomputeScorecardsMetadata;
import org.sqm.proto.scoring.v1.RecomputeScorecardsRequest;
import org.sqm.proto.scoring.v1.RecomputeScorecardsResponse;
import org.sqm.proto.scoring.v1.Scorecard;
import org.sqm.proto.scoring.v1.ScorecardServiceGrpc;
import org.sqm.proto.scoring.v1.ScoringCatalogueServiceGrpc;
import org.sqm.proto.standards.v1.GetStandardRequest;
import org.sqm.proto.standards.v1.Standard;
import org.sqm.proto.standards.v1.StandardServiceGrpc;
import org.sqm.suite.Component;

/**
 * Recomputing one closed month's scorecards for every unit (issue 15, "Scale"): 10 000 units,
 * 1 000 000 complaints, 100 000 inspections, 500 000 survey responses and 10 000 violations, seeded
 * straight into each service's database (the generators, {@link UnitTreeSeeder},
 * {@link ComplaintSeeder}, {@link InspectionSeeder}, {@link ScoringInputSeeder}) after the scoring
 * catalogue is loaded over gRPC (which publishes the control plan's models). Then
 * RecomputeScorecards over gRPC, its operation polled to done (the progress curve is charted), against
 * the same aggregations as plain SQL in each database in the same run. Targets: under 30 s, and
 * within 3x of the SQL.
 */
final class ScorecardRecomputeBenchmark implements Benchmark {

    /** The data set and the measured rounds. */
    record Size(int units, long complaints, long inspections, long surveyResponses, long violations, int rounds) {}

    static final String TITLE = "Scorecard recompute";
    static final String SQL = "plain SQL (the same aggregations, summed)";
    static final String GRPC = "RecomputeScorecards (gRPC, operation polled to done)";

    /** The target: the recompute takes at most this multiple of the plain SQL. */
    static final double TARGET_RATIO = 3.0;
    /** The target: under 30 s on the 2-core machine. */
    static final double TARGET_SECONDS = 30.0;
    /** The scoring time zone (sqm.scoring.time-zone): periods are months there. */
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private static final long SEED = 20261201L;
    private static final long POLL_MILLIS = 100;
    /** The longest a recompute may take before the benchmark gives up on it. */
    private static final Duration GIVE_UP = Duration.ofMinutes(10);

    /** One recompute as the client saw it. */
    record Run(
            double seconds,
            double serverSeconds,
            List<Point> curve,
            Map<String, Double> stageStarts,
            RecomputeScorecardsResponse response) {}

    /**
     * One read of the inspection results feed by the benchmark's own client, and of the rows it serves
     * (the month's finalized inspections by window start) as plain SQL.
     */
    private record FeedRead(long results, long ratings, long bytes, double seconds, long rows, double sqlSeconds) {}

    /** What the generators wrote, for the report. */
    private record Seeding(String what, String rows, double seconds) {}

    @Override
    public String title() {
        return TITLE;
    }

    @Override
    public Section run(BenchContext ctx) throws Exception {
        Size size = ctx.scoring();
        YearMonth month = YearMonth.now(ZONE).minusMonths(1);
        Instant from = month.atDay(1).atStartOfDay(ZONE).toInstant();
        Instant to = month.plusMonths(1).atDay(1).atStartOfDay(ZONE).toInstant();
        ManagedChannel scoring = channel(ctx, Component.SCORING);
        ManagedChannel standards = channel(ctx, Component.STANDARDS);
        try {
            List<Seeding> seeding = new ArrayList<>();
            Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);

            long t = System.nanoTime();
            LoadScoringCatalogueResponse catalogue = ScoringCatalogueServiceGrpc.newBlockingStub(scoring)
                    .withDeadlineAfter(120, TimeUnit.SECONDS)
                    .loadScoringCatalogue(LoadScoringCatalogueRequest.getDefaultInstance());
            long models = catalogue.getEntriesList().stream()
                    .filter(e -> e.getKind().equals("scoring_model"))
                    .count();
            seeding.add(new Seeding(
                    "scoring catalogue, over gRPC (LoadScoringCatalogue)",
                    String.format(Locale.ROOT, "%d entries, %d scoring models", catalogue.getEntriesCount(), models),
                    seconds(t)));
            log(seeding);

            UnitTreeSeeder.Tree tree = UnitTreeSeeder.build(size.units(), SEED);
            try (Connection db = ctx.connect("standards")) {
                tree = UnitTreeSeeder.seed(db, tree, from.minus(365, ChronoUnit.DAYS));
            }
            seeding.add(new Seeding(
                    "units (standards-service)", tree.describe(), tree.copy().toMillis() / 1e3));
            log(seeding);

            ComplaintSeeder.Seeded complaints;
            try (Connection db = ctx.connect("complaint")) {
                t = System.nanoTime();
                long removed = removeEarlierComplaints(db);
                if (removed > 0) {
                    System.out.printf(
                            Locale.ROOT,
                            "removed %d complaints another benchmark seeded, in %.1f s%n",
                            removed,
                            seconds(t));
                }
                complaints =
                        ComplaintSeeder.seed(db, complaintUnits(tree), size.complaints(), from, to, SEED + 1, "S-");
            }
            seeding.add(new Seeding(
                    "complaints (complaint-service)",
                    String.format(
                            Locale.ROOT,
                            "%,d complaints, %,d deadlines",
                            complaints.complaints(),
                            complaints.deadlines()),
                    (complaints.copy().toMillis() + complaints.analyze().toMillis()) / 1e3));
            log(seeding);

            Standard standard = StandardServiceGrpc.newBlockingStub(standards)
                    .withDeadlineAfter(30, TimeUnit.SECONDS)
                    .getStandard(GetStandardRequest.newBuilder()
                            .setId(ctx.fixture().serviceStandardId())
                            .build());
            InspectionSeeder.Snapshot pinned = InspectionSeeder.snapshot(standard);
            InspectionSeeder.Seeded inspections;
            try (Connection db = ctx.connect("inspection")) {
                inspections =
                        InspectionSeeder.seed(db, tree, pinned, size.inspections(), from, to, ZONE, now, SEED + 2);
            }
            checkFeed(ctx, from, to, pinned.elements().size());
            seeding.add(new Seeding(
                    "finalized inspections (inspection-service)",
                    String.format(
                            Locale.ROOT,
                            "%,d inspections (%,d mystery shopping, %,d failed), %,d ratings",
                            inspections.inspections(),
                            inspections.mysteryShopping(),
                            inspections.failed(),
                            inspections.ratings()),
                    inspections.copy().toMillis() / 1e3));
            log(seeding);

            ScoringInputSeeder.Seeded inputs;
            try (Connection db = ctx.connect("scoring")) {
                inputs = ScoringInputSeeder.seed(
                        db, tree, month, ZONE, now, size.surveyResponses(), size.violations(), SEED + 3);
            }
            seeding.add(new Seeding(
                    "scoring inputs (scoring-service)",
                    String.format(
                            Locale.ROOT,
                            "%,d survey responses in %,d batches (+%,d superseded), %,d customers-served figures,"
                                    + " %,d measurements, %,d violations (%,d withdrawn)",
                            inputs.surveyResponses(),
                            inputs.surveyBatches(),
                            inputs.supersededResponses(),
                            inputs.customersServed(),
                            inputs.measurements(),
                            inputs.violations(),
                            inputs.withdrawn()),
                    inputs.copy().toMillis() / 1e3));
            log(seeding);

            // The baseline must see every seeded row, or the comparison measures nothing.
            List<ScorecardBaseline.Timing> first = ScorecardBaseline.run(ctx, month, from, to);
            check(first, complaints, inspections, inputs);
            long activeUnits = count(first, ScorecardBaseline.UNITS);

            String period = month.toString();
            List<List<ScorecardBaseline.Timing>> sql = new ArrayList<>();
            List<Run> runs = new ArrayList<>();
            String failure = null;
            ctx.warmUp(
                    SQL,
                    ctx.warmup().dividedBy(4),
                    length -> repeat(SQL, length, () -> {
                        ScorecardBaseline.run(ctx, month, from, to);
                        return null;
                    }));
            try {
                ctx.warmUp(
                        GRPC,
                        ctx.warmup().dividedBy(4),
                        length -> repeat(GRPC, length, () -> {
                            recompute(scoring, period);
                            return null;
                        }));
            } catch (StatusRuntimeException | IllegalStateException e) {
                failure = e.getMessage();
            }
            for (int round = 0; round < size.rounds(); round++) {
                sql.add(ScorecardBaseline.run(ctx, month, from, to));
                if (failure == null) {
                    try {
                        Run run = recompute(scoring, period);
                        runs.add(run);
                        System.out.printf(
                                Locale.ROOT,
                                "recompute %s: %.2f s (server %.2f s), SQL %.2f s%n",
                                period,
                                run.seconds(),
                                run.serverSeconds(),
                                ScorecardBaseline.seconds(sql.get(round)));
                    } catch (StatusRuntimeException | IllegalStateException e) {
                        failure = e.getMessage();
                    }
                }
            }
            String example = runs.isEmpty() ? null : example(scoring, tree, period);
            FeedRead feed = readInspectionFeed(ctx, from, to);
            System.out.printf(
                    Locale.ROOT,
                    "inspection results feed alone: %d results, %.1f MB, %.2f s; its rows in SQL %.2f s%n",
                    feed.results(),
                    feed.bytes() / 1e6,
                    feed.seconds(),
                    feed.sqlSeconds());
            return section(size, month, tree, seeding, activeUnits, sql, runs, failure, example, feed, models);
        } finally {
            scoring.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
            standards.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    private static ManagedChannel channel(BenchContext ctx, Component c) {
        return ManagedChannelBuilder.forAddress("localhost", ctx.suite().grpcPort(c))
                .usePlaintext()
                .intercept(org.sqm.testing.auth.Bearer.administratorInterceptor())
                .maxInboundMessageSize(64 * 1024 * 1024)
                .build();
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static void log(List<Seeding> seeding) {
        Seeding s = seeding.get(seeding.size() - 1);
        System.out.printf(Locale.ROOT, "seeded %s: %s in %.1f s%n", s.what(), s.rows(), s.seconds());
    }

    /**
     * The units complaints are about, each listed as often as it hears complaints relative to the
     * others: a hotline 200 times, an online service 40, a hall 3, a field team 2, an account-management
     * team once; branches take none themselves.
     */
    private static List<UUID> complaintUnits(UnitTreeSeeder.Tree tree) {
        List<UUID> units = new ArrayList<>();
        for (UnitTreeSeeder.Unit u : tree.leaves()) {
            int weight =
                    switch (u.type()) {
                        case HOTLINE -> 200;
                        case ONLINE_SERVICE -> 40;
                        case SERVICE_HALL -> 3;
                        case FIELD_TEAM -> 2;
                        default -> 1;
                    };
            for (int i = 0; i < weight; i++) {
                units.add(u.id());
            }
        }
        return units;
    }

    /**
     * Removes the complaints another benchmark of this run seeded (the statistics feed's, references
     * "B-…", in the last UTC month, which overlaps this one): the month must hold this benchmark's
     * complaints only. Answers how many.
     */
    private static long removeEarlierComplaints(Connection db) throws Exception {
        String prefix = ComplaintSeeder.REFERENCE_PREFIX + "%";
        try (Statement s = db.createStatement()) {
            long n;
            try (ResultSet rs =
                    s.executeQuery("SELECT count(*) FROM complaint WHERE reference LIKE '" + prefix + "'")) {
                rs.next();
                n = rs.getLong(1);
            }
            if (n == 0) {
                return 0;
            }
            s.execute("SET session_replication_role = replica");
            s.execute("DELETE FROM complaint_deadline d USING complaint c WHERE d.complaint_id = c.id"
                    + " AND c.reference LIKE '" + prefix + "'");
            s.execute("DELETE FROM complaint WHERE reference LIKE '" + prefix + "'");
            s.execute("SET session_replication_role = origin");
            s.execute("VACUUM ANALYZE complaint");
            s.execute("VACUUM ANALYZE complaint_deadline");
            return n;
        }
    }

    private static void check(
            List<ScorecardBaseline.Timing> timings,
            ComplaintSeeder.Seeded complaints,
            InspectionSeeder.Seeded inspections,
            ScoringInputSeeder.Seeded inputs) {
        List<String> wrong = new ArrayList<>();
        if (counted(timings, ScorecardBaseline.COMPLAINTS) < complaints.complaints()) {
            wrong.add("complaints " + counted(timings, ScorecardBaseline.COMPLAINTS) + " < " + complaints.complaints());
        }
        if (counted(timings, ScorecardBaseline.INSPECTIONS) != inspections.inspections()) {
            wrong.add("inspections " + counted(timings, ScorecardBaseline.INSPECTIONS) + " != "
                    + inspections.inspections());
        }
        if (counted(timings, ScorecardBaseline.SURVEYS) != inputs.surveyResponses()) {
            wrong.add("survey responses " + counted(timings, ScorecardBaseline.SURVEYS) + " != "
                    + inputs.surveyResponses());
        }
        if (counted(timings, ScorecardBaseline.VIOLATIONS) != inputs.violations() - inputs.withdrawn()) {
            wrong.add("violations " + counted(timings, ScorecardBaseline.VIOLATIONS) + " != "
                    + (inputs.violations() - inputs.withdrawn()));
        }
        if (count(timings, ScorecardBaseline.CUSTOMERS) != inputs.customersServed()) {
            wrong.add("customers served " + count(timings, ScorecardBaseline.CUSTOMERS) + " != "
                    + inputs.customersServed());
        }
        if (count(timings, ScorecardBaseline.MEASUREMENTS) != inputs.measurements()) {
            wrong.add(
                    "measurements " + count(timings, ScorecardBaseline.MEASUREMENTS) + " != " + inputs.measurements());
        }
        if (!wrong.isEmpty()) {
            throw new IllegalStateException("the month in SQL is not what was seeded: " + wrong);
        }
    }

    /**
     * inspection-service serves the seeded inspections as its own: the first result of its feed over the
     * month carries the stored score and a rating of every element (the rows and the JSON the generator
     * wrote are what the service reads).
     */
    private static void checkFeed(BenchContext ctx, Instant from, Instant to, int elements) throws Exception {
        ManagedChannel channel = channel(ctx, Component.INSPECTION);
        Context.CancellableContext call = Context.current().withCancellation();
        try {
            InspectionResult first = call.call(() -> {
                Iterator<InspectionResult> results = InspectionFeedServiceGrpc.newBlockingStub(channel)
                        .withDeadlineAfter(60, TimeUnit.SECONDS)
                        .streamInspectionResults(StreamInspectionResultsRequest.newBuilder()
                                .setPeriodStart(timestamp(from))
                                .setPeriodEnd(timestamp(to))
                                .build());
                return results.hasNext() ? results.next() : null;
            });
            if (first == null
                    || !first.getScore().hasScore()
                    || first.getRatingsCount() != elements
                    || first.getRatingsList().stream().noneMatch(r -> r.getRated())) {
                throw new IllegalStateException("inspection-service does not serve the seeded inspections as scored: "
                        + (first == null ? "no result in the month" : first.toString()));
            }
        } finally {
            call.cancel(null);
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    /**
     * The month's inspection results as the recompute reads them (one stream, by window start, the
     * score view, no kind filter), read alone by the benchmark's client: how much of the recompute is
     * inspection-service's feed and the bytes it sends; and the rows it serves, as plain SQL.
     */
    private static FeedRead readInspectionFeed(BenchContext ctx, Instant from, Instant to) throws Exception {
        ManagedChannel channel = channel(ctx, Component.INSPECTION);
        try {
            long start = System.nanoTime();
            long results = 0;
            long ratings = 0;
            long bytes = 0;
            Iterator<InspectionResult> stream = InspectionFeedServiceGrpc.newBlockingStub(channel)
                    .withDeadlineAfter(GIVE_UP.toSeconds(), TimeUnit.SECONDS)
                    .streamInspectionResults(StreamInspectionResultsRequest.newBuilder()
                            .setPeriodStart(timestamp(from))
                            .setPeriodEnd(timestamp(to))
                            .setPeriodBasis(InspectionPeriodBasis.INSPECTION_PERIOD_BASIS_WINDOW_START)
                            .setView(InspectionResultView.INSPECTION_RESULT_VIEW_SCORE)
                            .build());
            while (stream.hasNext()) {
                InspectionResult r = stream.next();
                results++;
                ratings += r.getRatingsCount();
                bytes += r.getSerializedSize();
            }
            double feedSeconds = seconds(start);
            // What the score view serves: the inspections with their stored scores, no ratings.
            start = System.nanoTime();
            long rows = 0;
            try (Connection db = ctx.connect("inspection");
                    java.sql.PreparedStatement query = db.prepareStatement(
                            """
                            SELECT i.* FROM inspection i
                            WHERE i.status = 'FINALIZED' AND i.window_start >= ? AND i.window_start < ?
                            ORDER BY i.window_start, i.id""")) {
                db.setAutoCommit(false);
                query.setTimestamp(1, java.sql.Timestamp.from(from));
                query.setTimestamp(2, java.sql.Timestamp.from(to));
                query.setFetchSize(10_000);
                try (ResultSet rs = query.executeQuery()) {
                    int columns = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        for (int i = 1; i <= columns; i++) {
                            rs.getObject(i);
                        }
                        rows++;
                    }
                }
                db.commit();
            }
            return new FeedRead(results, ratings, bytes, feedSeconds, rows, seconds(start));
        } finally {
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    private static com.google.protobuf.Timestamp timestamp(Instant t) {
        return com.google.protobuf.Timestamp.newBuilder()
                .setSeconds(t.getEpochSecond())
                .setNanos(t.getNano())
                .build();
    }

    private static long counted(List<ScorecardBaseline.Timing> timings, String name) {
        return timings.stream()
                .filter(t -> t.name().equals(name))
                .findFirst()
                .orElseThrow()
                .counted();
    }

    private static long count(List<ScorecardBaseline.Timing> timings, String name) {
        return timings.stream()
                .filter(t -> t.name().equals(name))
                .findFirst()
                .orElseThrow()
                .rows();
    }

    /** Starts a recompute of the period and polls its operation to done, recording units done over time. */
    static Run recompute(ManagedChannel channel, String period) throws Exception {
        var cards = ScorecardServiceGrpc.newBlockingStub(channel);
        var operations = OperationsGrpc.newBlockingStub(channel);
        long start = System.nanoTime();
        Operation op = cards.withDeadlineAfter(60, TimeUnit.SECONDS)
                .recomputeScorecards(RecomputeScorecardsRequest.newBuilder()
                        .setPeriod(period)
                        .build());
        List<Point> curve = new ArrayList<>();
        Map<String, Double> stages = new LinkedHashMap<>();
        RecomputeScorecardsMetadata meta = null;
        while (true) {
            double at = seconds(start);
            if (op.hasMetadata() && op.getMetadata().is(RecomputeScorecardsMetadata.class)) {
                meta = op.getMetadata().unpack(RecomputeScorecardsMetadata.class);
                curve.add(new Point(at, meta.getUnitsDone()));
                stages.putIfAbsent(meta.getStage(), at);
            }
            if (op.getDone()) {
                break;
            }
            if (at > GIVE_UP.toSeconds()) {
                throw new IllegalStateException(
                        "recompute " + op.getName() + " not done after " + GIVE_UP.toMinutes() + " minutes");
            }
            Thread.sleep(POLL_MILLIS);
            op = operations
                    .withDeadlineAfter(10, TimeUnit.SECONDS)
                    .getOperation(GetOperationRequest.newBuilder()
                            .setName(op.getName())
                            .build());
        }
        double seconds = seconds(start);
        if (op.hasError()) {
            throw new IllegalStateException("recompute " + op.getName() + " failed: code "
                    + op.getError().getCode() + ", " + op.getError().getMessage());
        }
        double server = meta != null && meta.hasStartTime() && meta.hasEndTime()
                ? (meta.getEndTime().getSeconds() - meta.getStartTime().getSeconds())
                        + (meta.getEndTime().getNanos() - meta.getStartTime().getNanos()) / 1e9
                : Double.NaN;
        return new Run(
                seconds, server, steps(curve), stages, op.getResponse().unpack(RecomputeScorecardsResponse.class));
    }

    /**
     * The curve without the polls that changed nothing: the first and the last point of every run of
     * equal values stay, so flat stretches stay flat and a chart needs a few dozen points, not a
     * thousand.
     */
    static List<Point> steps(List<Point> polled) {
        List<Point> kept = new ArrayList<>();
        for (int i = 0; i < polled.size(); i++) {
            boolean first = i == 0 || polled.get(i - 1).y() != polled.get(i).y();
            boolean last = i == polled.size() - 1
                    || polled.get(i + 1).y() != polled.get(i).y();
            if (first || last) {
                kept.add(polled.get(i));
            }
        }
        return kept;
    }

    /** Full runs one after another for {@code length} (at least one), as a warm-up window. */
    private static LoadResult repeat(String path, Duration length, java.util.concurrent.Callable<Void> once)
            throws Exception {
        List<Long> nanos = new ArrayList<>();
        long start = System.nanoTime();
        do {
            long one = System.nanoTime();
            once.call();
            nanos.add(System.nanoTime() - one);
        } while (System.nanoTime() - start < length.toNanos());
        return LoadResult.of(
                path, 1, nanos.stream().mapToLong(Long::longValue).toArray(), 0, (System.nanoTime() - start) / 1e9);
    }

    /** One county service hall's scorecard, in a line: what an explanation holds. */
    private static String example(ManagedChannel channel, UnitTreeSeeder.Tree tree, String period) {
        UnitTreeSeeder.Unit hall = tree.of(UnitTreeSeeder.Type.SERVICE_HALL).stream()
                .filter(u -> u.depth() == 3)
                .findFirst()
                .orElseThrow();
        try {
            Scorecard card = ScorecardServiceGrpc.newBlockingStub(channel)
                    .withDeadlineAfter(30, TimeUnit.SECONDS)
                    .getScorecard(GetScorecardRequest.newBuilder()
                            .setUnitId(hall.id().toString())
                            .setPeriod(period)
                            .build());
            int inputs = card.getComponentsList().stream()
                    .mapToInt(c -> c.getInputsCount())
                    .sum();
            return String.format(
                    Locale.ROOT,
                    "%s (%s) for %s: %s, score %s, grade %s, model %s v%d; %d components with %d inputs, %d"
                            + " deductions (%.1f points); explanation %,d bytes.",
                    card.getUnitCode(),
                    card.getUnitType(),
                    period,
                    card.getStatus(),
                    card.hasScore() ? String.format(Locale.ROOT, "%.2f", card.getScore()) : "none",
                    card.getGrade().isEmpty() ? "none" : card.getGrade(),
                    card.getModelCode(),
                    card.getModelVersion(),
                    card.getComponentsCount(),
                    inputs,
                    card.getDeductionsCount(),
                    card.getDeductionPoints(),
                    card.getExplanation().length());
        } catch (StatusRuntimeException e) {
            return "GetScorecard of " + hall.code() + " failed: " + e.getStatus();
        }
    }

    private Section section(
            Size size,
            YearMonth month,
            UnitTreeSeeder.Tree tree,
            List<Seeding> seeding,
            long activeUnits,
            List<List<ScorecardBaseline.Timing>> sql,
            List<Run> runs,
            String failure,
            String example,
            FeedRead feed,
            long models) {
        StringBuilder md = new StringBuilder();
        md.append(String.format(
                Locale.ROOT,
                "Measured on %s. One recompute of %s (the last closed month in %s) for every active unit: %,d"
                        + " units seeded (%s), %,d complaints, %,d finalized inspections, %,d survey responses"
                        + " and %,d violations in the month, written by the benchmark's generators straight into"
                        + " each service's database with COPY (the generators only; the recompute reads the other"
                        + " services over gRPC), after the scoring catalogue was loaded over gRPC. The recompute is"
                        + " started with `RecomputeScorecards` and its operation polled every %d ms with"
                        + " `google.longrunning.Operations/GetOperation` until done: the time is from the call to"
                        + " the poll that saw it done. The baseline is the same reading as plain SQL, one query per"
                        + " input on a new connection in each service's database, every row read, the times summed;"
                        + " it computes no score. Timed rounds: %d, the baseline then the recompute, after a"
                        + " warm-up of each. **The machine has 2 cores shared with other work: the timings are"
                        + " noisy.**%n%n",
                LocalDate.now(ZoneOffset.UTC),
                month,
                ZONE,
                tree.units().size(),
                tree.describe(),
                size.complaints(),
                size.inspections(),
                size.surveyResponses(),
                size.violations(),
                POLL_MILLIS,
                size.rounds()));
        md.append("| seeded | rows | s |\n|---|---|---:|\n");
        for (Seeding s : seeding) {
            md.append(String.format(Locale.ROOT, "| %s | %s | %.1f |%n", s.what(), s.rows(), s.seconds()));
        }
        double seedSeconds = seeding.stream().mapToDouble(Seeding::seconds).sum();
        md.append(String.format(Locale.ROOT, "| all | | %.1f |%n%n", seedSeconds));
        if (models == 0) {
            md.append("The scoring catalogue published **no scoring model** (it holds none yet).\n\n");
        }

        md.append(
                "The baseline, query by query (median of the rounds):\n\n| query | rows | median s |\n|---|---:|---:|\n");
        for (int q = 0; q < sql.get(0).size(); q++) {
            int index = q;
            ScorecardBaseline.Timing t = sql.get(0).get(q);
            md.append(String.format(
                    Locale.ROOT,
                    "| %s | %,d | %.2f |%n",
                    t.name(),
                    t.rows(),
                    median(sql.stream().map(r -> r.get(index).seconds()).toList())));
        }
        List<Double> sqlSeconds = sql.stream().map(ScorecardBaseline::seconds).toList();
        double sqlMedian = median(sqlSeconds);
        md.append(String.format(Locale.ROOT, "| **sum** | | **%.2f** |%n%n", sqlMedian));

        List<Bar> bars = new ArrayList<>();
        bars.add(new Bar(month.toString(), SQL, sqlMedian));
        List<Line> lines = new ArrayList<>();
        md.append("| path | median s | best s | share of the SQL's time |\n|---|---:|---:|---:|\n");
        md.append(String.format(
                Locale.ROOT,
                "| %s | %.2f | %.2f | 1.00 |%n",
                SQL,
                sqlMedian,
                sqlSeconds.stream().mapToDouble(d -> d).min().orElse(0)));
        if (runs.isEmpty()) {
            md.append("| ").append(GRPC).append(" | failed: ").append(failure).append(" | | |\n");
            md.append(String.format(
                    Locale.ROOT,
                    "%nThe recompute did not run (%s); only the seeding and the baseline were measured. The"
                            + " inspection results feed alone, by window start: %,d results, %.1f MB, %.2f s.%n",
                    failure,
                    feed.results(),
                    feed.bytes() / 1e6,
                    feed.seconds()));
            System.out.printf(Locale.ROOT, "scorecard recompute: failed (%s); SQL %.2f s%n", failure, sqlMedian);
            return new Section(TITLE, md.toString(), bars, "Seconds to recompute a month's scorecards");
        }
        List<Double> seconds = runs.stream().map(Run::seconds).toList();
        double median = median(seconds);
        md.append(String.format(
                Locale.ROOT,
                "| %s | %.2f | %.2f | %.2f |%n",
                GRPC,
                median,
                seconds.stream().mapToDouble(d -> d).min().orElse(0),
                median / sqlMedian));
        bars.add(new Bar(month.toString(), GRPC, median));
        Run typical = runs.stream()
                .min((a, b) -> Double.compare(Math.abs(a.seconds() - median), Math.abs(b.seconds() - median)))
                .orElseThrow();
        for (int i = 0; i < runs.size(); i++) {
            lines.add(new Line(
                    String.format(
                            Locale.ROOT, "round %d (%.1f s)", i + 1, runs.get(i).seconds()),
                    runs.get(i).curve()));
        }
        RecomputeScorecardsResponse r = typical.response();
        md.append(String.format(
                Locale.ROOT,
                "%nThe recompute took %.2f s (median; the server's own start-to-end %.2f s in the round nearest"
                        + " the median), %.2f times the plain SQL's %.2f s (target: within %.0fx: **%s**; under %.0f s:"
                        + " **%s**).%n%n",
                median,
                typical.serverSeconds(),
                median / sqlMedian,
                sqlMedian,
                TARGET_RATIO,
                median / sqlMedian <= TARGET_RATIO ? "met" : "not met",
                TARGET_SECONDS,
                median < TARGET_SECONDS ? "met" : "not met"));
        md.append(String.format(
                Locale.ROOT,
                "Units: **%,d scored, %,d insufficient data, %,d unscored** (no published model for their type)"
                        + " of %,d active units (the seeded ones and the fixture's hall)%s; model versions used: %d.%n",
                r.getScored(),
                r.getInsufficientData(),
                r.getUnscored(),
                activeUnits,
                r.getScored() + r.getInsufficientData() + r.getUnscored() == activeUnits
                        ? ""
                        : String.format(
                                Locale.ROOT,
                                " — **they do not add up** (%,d)",
                                r.getScored() + r.getInsufficientData() + r.getUnscored()),
                r.getModelIdsCount()));
        if (!r.getUnscoredUnitsList().isEmpty()) {
            md.append("Unscored, for example: ")
                    .append(r.getUnscoredUnits(0).getUnitCode())
                    .append(" — ")
                    .append(r.getUnscoredUnits(0).getReason())
                    .append(".\n");
        }
        StringBuilder stages = new StringBuilder();
        typical.stageStarts().forEach((stage, at) -> stages.append(stages.length() == 0 ? "" : ", ")
                .append(String.format(Locale.ROOT, "\"%s\" from %.1f s", stage, at)));
        md.append("\nThe stages of that round, as the operation reported them: ")
                .append(stages)
                .append(String.format(Locale.ROOT, ", done at %.1f s.%n", typical.seconds()));
        md.append(String.format(
                Locale.ROOT,
                "%nThe inspection results feed alone as the recompute reads it (`StreamInspectionResults` by"
                        + " window start, view SCORE: no ratings), read once after the rounds by the benchmark's Java"
                        + " client: %,d results (%,d ratings), %.1f MB of protobuf, in %.2f s; the rows it serves (the"
                        + " inspections with their stored scores, %,d rows) read as plain SQL: %.2f s.%n",
                feed.results(),
                feed.ratings(),
                feed.bytes() / 1e6,
                feed.seconds(),
                feed.rows(),
                feed.sqlSeconds()));
        if (example != null) {
            md.append("\nA scorecard as read back: ").append(example).append('\n');
        }
        System.out.printf(
                Locale.ROOT,
                "scorecard recompute: %.2f s against SQL %.2f s (%.2fx); scored %d, insufficient %d, unscored %d%n",
                median,
                sqlMedian,
                median / sqlMedian,
                r.getScored(),
                r.getInsufficientData(),
                r.getUnscored());
        List<Mark> marks = new ArrayList<>();
        typical.stageStarts().forEach((stage, at) -> marks.add(new Mark(at, stage)));
        return new Section(
                TITLE,
                md.toString(),
                bars,
                "Seconds to recompute a month's scorecards",
                lines,
                "Units scored over time (x: seconds since the call; y: units_done; lines: stages of the middle round)",
                marks);
    }

    private static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(d -> d).toArray();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
