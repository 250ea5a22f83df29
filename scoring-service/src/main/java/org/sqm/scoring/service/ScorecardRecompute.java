package org.sqm.scoring.service;

import com.google.rpc.Code;
import io.grpc.protobuf.StatusProto;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.jboss.logging.Logger;
import org.sqm.commons.audit.AuditActions;
import org.sqm.commons.auth.CallAccess;
import org.sqm.commons.auth.Caller;
import org.sqm.commons.auth.RequestIds;
import org.sqm.commons.error.FailedPreconditionException;
import org.sqm.commons.grpc.GrpcErrorMapper;
import org.sqm.proto.scoring.v1.RecomputeScorecardsResponse;
import org.sqm.proto.scoring.v1.Scorecard;
import org.sqm.proto.scoring.v1.ScorecardStatus;
import org.sqm.proto.scoring.v1.ScoringModel;
import org.sqm.proto.scoring.v1.UnscoredUnit;
import org.sqm.proto.standards.v1.UnitType;
import org.sqm.scoring.config.ScoringConfig;
import org.sqm.scoring.domain.Period;
import org.sqm.scoring.service.RecomputeRuns.Run;
import org.sqm.scoring.service.ScorecardInputs.CardRef;
import org.sqm.scoring.service.ScorecardInputs.Child;
import org.sqm.scoring.service.ScorecardInputs.ComplaintStats;
import org.sqm.scoring.service.ScorecardInputs.Inspection;
import org.sqm.scoring.service.ScorecardInputs.Month;
import org.sqm.scoring.service.ScorecardInputs.SubPeriod;
import org.sqm.scoring.service.ScorecardInputs.UnitInfo;
import org.sqm.scoring.service.ScorecardStore.Stored;

/**
 * Recomputes the scorecards of a period as a long-running operation: validates and starts (or joins)
 * a run, then scores on the {@link RecomputeExecutor}: every remote read (units, one inspection stream
 * for the run, one complaint-statistics stream per month) with no transaction open, the local inputs in
 * a short read transaction per month, the scorecards written in batches of short transactions, and
 * the run published (all its periods at once) only when complete.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.NEVER)
public class ScorecardRecompute {

    private static final Logger LOG = Logger.getLogger(ScorecardRecompute.class);
    private static final int MAX_UNSCORED_LISTED = 1000;

    private final RecomputeRuns runs;
    private final ScorecardStore store;
    private final LocalScoringInputs localInputs;
    private final Units units;
    private final InspectionResults inspections;
    private final ComplaintStatistics complaints;
    private final PublishedModels models;
    private final RecomputeExecutor executor;
    private final GrpcErrorMapper errors;
    private final ScoringConfig config;
    private final SpotChecks spotChecks;
    /** Runs of this replica asked to cancel: checked between units without a database round trip. */
    private final Set<UUID> cancelled = ConcurrentHashMap.newKeySet();

    public ScorecardRecompute(
            RecomputeRuns runs,
            ScorecardStore store,
            LocalScoringInputs localInputs,
            Units units,
            InspectionResults inspections,
            ComplaintStatistics complaints,
            PublishedModels models,
            RecomputeExecutor executor,
            GrpcErrorMapper errors,
            ScoringConfig config,
            SpotChecks spotChecks) {
        this.runs = runs;
        this.store = store;
        this.localInputs = localInputs;
        this.units = units;
        this.inspections = inspections;
        this.complaints = complaints;
        this.models = models;
        this.executor = executor;
        this.errors = errors;
        this.config = config;
        this.spotChecks = spotChecks;
    }

    /** Starts a recompute of the period, or joins the one running; answers the run at once. */
    public Run start(String periodText) {
        Period period = closedPeriod(periodText);
        if (models.published().isEmpty()) {
            throw new FailedPreconditionException(
                    "NO_PUBLISHED_MODEL", "no scoring model is published: publish one before recomputing");
        }
        for (int attempt = 0; attempt < 5; attempt++) {
            Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
            Optional<Run> running = runs.running(period.text());
            if (running.isPresent()) {
                Run run = running.get();
                if (run.heartbeatTime().isAfter(now.minus(config.scorecards().staleAfter()))) {
                    return run;
                }
                // Its replica stopped working on it: it will never end by itself.
                runs.end(
                        run.id(),
                        RecomputeRuns.FAILED,
                        status(Code.ABORTED, "the recompute stopped: no heartbeat since " + run.heartbeatTime()),
                        now);
                continue;
            }
            UUID id = UUID.randomUUID();
            if (runs.insertRunning(id, period.text(), now)) {
                RecomputeRuns.Attribution by = new RecomputeRuns.Attribution(
                        Caller.current().map(Caller::subject).orElse("service:scoring-service"),
                        CallAccess.current().map(CallAccess::method).orElse("job:scorecard-recompute"),
                        RequestIds.current().orElse(""));
                executor.submit(() -> AuditActions.run("scorecard-recompute", () -> execute(id, period, by)));
                return runs.find(id).orElseThrow();
            }
            // Another call won the race for the period: join it on the next pass.
        }
        throw new IllegalStateException("could not start or join a recompute of " + period.text());
    }

    /** Asks a run to stop between units; answers false when there is no such run. */
    public boolean cancel(UUID id) {
        boolean exists = runs.requestCancel(id);
        if (runs.running(id)) {
            // Seen between units at once on this replica; other replicas see the flag at their next batch.
            cancelled.add(id);
        }
        return exists;
    }

    /** The period of a recompute: well-formed, begun and ended. */
    Period closedPeriod(String text) {
        return ClosedPeriods.check(text, Instant.now(), config.timeZone(), "recompute");
    }

    /** Thrown between units when the run was asked to stop. */
    private static final class Cancelled extends RuntimeException {
        Cancelled() {
            super(null, null, false, false);
        }
    }

    /** What a run is working on: the units in scoring order and the models by unit type. */
    private final class Work {
        final UUID runId;
        final List<UnitInfo> ordered;
        final Map<String, List<UnitInfo>> children = new HashMap<>();
        final Map<UnitType, ScoringModel> byType = new HashMap<>();
        final long total;
        long done;
        int scored;
        int insufficient;
        final List<Stored> pending = new ArrayList<>();
        final List<UnitFigures> pendingFigures = new ArrayList<>();
        /** The figures of this run's scorecards, by period and unit id: what roll-ups and quarters pool. */
        final Map<String, Map<String, UnitFigures>> figures = new HashMap<>();

        String stage = "";

        Work(UUID runId, List<Units.Node> nodes, List<ScoringModel> published, int periods) {
            this.runId = runId;
            published.forEach(m -> byType.put(m.getUnitType(), m));
            Map<String, Units.Node> byId = new HashMap<>();
            nodes.forEach(n -> byId.put(n.id(), n));
            List<UnitInfo> all = new ArrayList<>();
            for (Units.Node n : nodes) {
                int level = 0;
                for (Units.Node p = byId.get(n.parentId());
                        p != null && level < nodes.size();
                        p = byId.get(p.parentId())) {
                    level++;
                }
                UnitInfo unit = new UnitInfo(n.id(), n.code(), n.name(), n.type(), n.parentId(), level);
                all.add(unit);
                if (!n.parentId().isEmpty()) {
                    children.computeIfAbsent(n.parentId(), p -> new ArrayList<>())
                            .add(unit);
                }
            }
            // Deepest first: a roll-up is scored after its children.
            all.sort(Comparator.comparingInt(UnitInfo::level).reversed().thenComparing(UnitInfo::code));
            this.ordered = all;
            this.total = (long) all.stream()
                            .filter(u -> byType.containsKey(u.type()))
                            .count()
                    * periods;
        }

        void progress(String newStage) {
            stage = newStage;
            if (runs.progress(runId, stage, total, done, Instant.now()) || cancelled.contains(runId)) {
                throw new Cancelled();
            }
        }

        /** Buffers a scorecard and its figures for the next batch; answers how later cards of this run name it. */
        CardRef add(Scorecard card, UnitFigures cardFigures, Instant now) {
            if (cancelled.contains(runId)) {
                throw new Cancelled();
            }
            UUID id = UUID.randomUUID();
            pending.add(new Stored(id, runId, card, now));
            UnitFigures stored = UnitFiguresCalculator.withScorecard(cardFigures, id);
            pendingFigures.add(stored);
            figures.computeIfAbsent(card.getPeriod(), p -> new HashMap<>()).put(card.getUnitId(), stored);
            if (card.getStatus() == ScorecardStatus.SCORECARD_STATUS_SCORED) {
                scored++;
            } else {
                insufficient++;
            }
            done++;
            if (pending.size() >= Math.max(1, config.scorecards().writeBatch())) {
                flush();
            }
            return new CardRef(
                    id.toString(),
                    card.getUnitId(),
                    card.getPeriod(),
                    card.hasScore() ? card.getScore() : null,
                    card.getInputsFingerprint());
        }

        void flush() {
            if (!pending.isEmpty()) {
                store.insert(List.copyOf(pending), List.copyOf(pendingFigures));
                pending.clear();
                pendingFigures.clear();
                progress(stage);
            }
        }
    }

    /** A month's complaint statistics of every unit, read beside the caller's work. */
    private CompletableFuture<Map<String, ComplaintStats>> statistics(Period month) {
        return beside(() -> complaints.byUnit(instant(month.start()), instant(month.end())));
    }

    /** Runs a read on the worker pool (no transaction is open there). */
    private static <T> CompletableFuture<T> beside(Supplier<T> read) {
        return CompletableFuture.supplyAsync(read, Infrastructure.getDefaultWorkerPool());
    }

    /** The read's answer, or its own failure (a RemoteCallException stays one). */
    private static <T> T joined(CompletableFuture<T> read) {
        try {
            return read.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    void execute(UUID runId, Period period, RecomputeRuns.Attribution by) {
        try {
            runs.progress(runId, "reading units", 0, 0, Instant.now());
            List<Period> months = period.months();
            List<Period> quarters = period.quarters();
            List<String> periods = new ArrayList<>();
            months.forEach(m -> periods.add(m.text()));
            quarters.forEach(q -> periods.add(q.text()));
            if (period.text().length() == 4) {
                periods.add(period.text());
            }
            List<ScoringModel> published = models.published();
            Work work = new Work(runId, units.allActive(), published, periods.size());
            work.progress("reading inspections, complaints and scoring inputs");
            // The two streams (inspection-service and complaint-service) are read side by side, and
            // the local inputs meanwhile: the run waits for the slowest, not for their sum.
            CompletableFuture<List<InspectionResults.Result>> inspectionsRead = beside(() -> inspections.byWindowStart(
                    instant(months.get(0).start()),
                    instant(months.get(months.size() - 1).end())));
            CompletableFuture<Map<String, ComplaintStats>> statsRead = statistics(months.get(0));
            Map<String, Map<String, List<Inspection>>> inspectionsByMonth = new HashMap<>();
            for (InspectionResults.Result r : joined(inspectionsRead)) {
                String month = LocalDate.ofInstant(r.windowStart(), config.timeZone())
                        .toString()
                        .substring(0, 7);
                inspectionsByMonth
                        .computeIfAbsent(month, m -> new HashMap<>())
                        .computeIfAbsent(r.unitId(), u -> new ArrayList<>())
                        .add(r.inspection());
            }
            Map<String, Map<String, CardRef>> cards = new HashMap<>();
            for (int m = 0; m < months.size(); m++) {
                Period month = months.get(m);
                if (m > 0) {
                    work.progress("reading complaints and scoring inputs " + month.text());
                    statsRead = statistics(month);
                }
                var local = localInputs.month(month);
                var stats = joined(statsRead);
                work.progress("scoring " + month.text());
                Map<String, List<Inspection>> monthInspections =
                        inspectionsByMonth.getOrDefault(month.text(), Map.of());
                Map<String, CardRef> refs = new HashMap<>();
                Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
                for (UnitInfo unit : work.ordered) {
                    ScoringModel model = work.byType.get(unit.type());
                    if (model == null) {
                        continue;
                    }
                    Month inputs = new Month(
                            monthInspections.getOrDefault(unit.id(), List.of()),
                            local.surveys().getOrDefault(unit.id(), List.of()),
                            local.measurements().getOrDefault(unit.id(), Map.of()),
                            stats.get(unit.id()),
                            local.customers().get(unit.id()),
                            local.violations().getOrDefault(unit.id(), List.of()));
                    List<Child> children = model.hasRollUp()
                            ? work.children.getOrDefault(unit.id(), List.of()).stream()
                                    .map(c -> new Child(
                                            c,
                                            refs.get(c.id()),
                                            local.customers().get(c.id())))
                                    .toList()
                            : List.of();
                    Scorecard card = ScorecardCalculator.month(model, unit, month.text(), inputs, children);
                    UnitFigures figures = model.hasRollUp()
                            ? UnitFiguresCalculator.rollUp(model, unit, childFigures(work, unit, month))
                            : UnitFiguresCalculator.month(model, unit, inputs);
                    refs.put(unit.id(), work.add(card, figures, now));
                }
                work.flush();
                cards.put(month.text(), refs);
            }
            for (Period quarter : quarters) {
                work.progress("averaging " + quarter.text());
                cards.put(quarter.text(), average(work, quarter, quarter.months(), cards));
            }
            if (period.text().length() == 4) {
                work.progress("averaging " + period.text());
                average(work, period, quarters, cards);
            }
            work.flush();
            work.progress("publishing");
            RecomputeScorecardsResponse response = response(period, work, published);
            Optional<String> ended = runs.publish(
                    runId,
                    periods,
                    response.toByteArray(),
                    status(Code.CANCELLED, "the recompute was cancelled"),
                    Instant.now(),
                    by);
            LOG.infof(
                    "Recompute %s of %s ended %s: %d scored, %d insufficient data, %d unscored",
                    runId,
                    period.text(),
                    ended.orElse("elsewhere"),
                    response.getScored(),
                    response.getInsufficientData(),
                    response.getUnscored());
            if (ended.filter(RecomputeRuns.SUCCEEDED::equals).isPresent()) {
                // After the commit that made the scorecards current; it never fails the run.
                spotChecks.afterRecompute(period);
            }
        } catch (Cancelled e) {
            runs.end(
                    runId,
                    RecomputeRuns.CANCELLED,
                    status(Code.CANCELLED, "the recompute was cancelled"),
                    Instant.now());
        } catch (RuntimeException | Error e) {
            LOG.warnf(e, "Recompute %s of %s failed", runId, period.text());
            com.google.rpc.Status error = StatusProto.fromThrowable(errors.toStatusException(e));
            runs.end(runId, RecomputeRuns.FAILED, error.toByteArray(), Instant.now());
        } finally {
            cancelled.remove(runId);
        }
    }

    private Map<String, CardRef> average(
            Work work, Period period, List<Period> subs, Map<String, Map<String, CardRef>> cards) {
        Map<String, CardRef> refs = new HashMap<>();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        for (UnitInfo unit : work.ordered) {
            ScoringModel model = work.byType.get(unit.type());
            if (model == null) {
                continue;
            }
            List<SubPeriod> parts = subs.stream()
                    .map(s -> new SubPeriod(
                            s.text(), cards.getOrDefault(s.text(), Map.of()).get(unit.id())))
                    .toList();
            Scorecard card = ScorecardCalculator.average(model, unit, period.text(), parts);
            List<UnitFigures> subFigures = subs.stream()
                    .map(s -> work.figures.getOrDefault(s.text(), Map.of()).get(unit.id()))
                    .filter(f -> f != null)
                    .toList();
            refs.put(unit.id(), work.add(card, UnitFiguresCalculator.pooled(model, unit, subFigures), now));
        }
        return refs;
    }

    /** The figures of a roll-up's scored children in the month (deepest first, so already computed), by code. */
    private static List<UnitFigures> childFigures(Work work, UnitInfo unit, Period month) {
        Map<String, UnitFigures> ofMonth = work.figures.getOrDefault(month.text(), Map.of());
        return work.children.getOrDefault(unit.id(), List.of()).stream()
                .sorted(Comparator.comparing(UnitInfo::code))
                .map(c -> ofMonth.get(c.id()))
                .filter(f -> f != null)
                .toList();
    }

    private RecomputeScorecardsResponse response(Period period, Work work, List<ScoringModel> published) {
        RecomputeScorecardsResponse.Builder response = RecomputeScorecardsResponse.newBuilder()
                .setPeriod(period.text())
                .setScored(work.scored)
                .setInsufficientData(work.insufficient);
        long unscored = 0;
        for (UnitInfo unit : work.ordered.stream()
                .sorted(Comparator.comparing(UnitInfo::code))
                .toList()) {
            if (!work.byType.containsKey(unit.type())) {
                unscored++;
                if (response.getUnscoredUnitsCount() < MAX_UNSCORED_LISTED) {
                    response.addUnscoredUnits(UnscoredUnit.newBuilder()
                            .setUnitId(unit.id())
                            .setUnitCode(unit.code())
                            .setPeriod(period.text())
                            .setReason("no published scoring model for "
                                    + unit.type().name()));
                }
            }
        }
        Set<String> used = new TreeSet<>();
        work.ordered.stream()
                .map(u -> work.byType.get(u.type()))
                .filter(m -> m != null)
                .forEach(m -> used.add(m.getId()));
        return response.setUnscored(unscored).addAllModelIds(used).build();
    }

    private Instant instant(LocalDate day) {
        return day.atStartOfDay(config.timeZone()).toInstant();
    }

    private static byte[] status(Code code, String message) {
        return com.google.rpc.Status.newBuilder()
                .setCode(code.getNumber())
                .setMessage(message)
                .build()
                .toByteArray();
    }
}
