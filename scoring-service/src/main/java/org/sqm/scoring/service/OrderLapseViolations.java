package org.sqm.scoring.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.sqm.commons.audit.AuditActions;
import org.sqm.commons.client.RemoteCallException;
import org.sqm.commons.convert.Texts;
import org.sqm.commons.error.DomainException;
import org.sqm.commons.error.FailedPreconditionException;
import org.sqm.commons.error.FieldViolation;
import org.sqm.commons.error.Violations;
import org.sqm.scoring.config.ScoringConfig;
import org.sqm.scoring.domain.DeductionRuleEntity;
import org.sqm.scoring.domain.ViolationEntity;
import org.sqm.scoring.domain.ViolationSource;
import org.sqm.scoring.service.OrderLapses.Kind;
import org.sqm.scoring.service.OrderLapses.Lapse;
import org.sqm.scoring.service.OrderLapses.OrderKind;

/**
 * Records the violations that inspection-service's order lapses are, each exactly once: reads the
 * period's lapses in one streamed call with no transaction open, then appends in short transactions of
 * {@code write-batch} lapses each; the lapse id is the violation's unique source id, so re-running a
 * period, or two replicas running at once, records nothing twice. A scheduled job runs it for the
 * previous and the current month; {@code RecordOrderLapseViolations} runs it for any period.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.NEVER)
public class OrderLapseViolations {

    /** The rule each kind of lapse falls under (the control plan's deductions). */
    static final String RECTIFICATION_NOT_DONE = "RECTIFICATION_NOT_DONE_IN_TIME";

    static final String SUPERVISION_NOT_FIXED = "SUPERVISION_NOT_FIXED_IN_TIME";
    static final String SUPERVISION_NOT_REPORTED = "SUPERVISION_NOT_REPORTED_IN_TIME";
    static final List<String> RULES = List.of(RECTIFICATION_NOT_DONE, SUPERVISION_NOT_FIXED, SUPERVISION_NOT_REPORTED);
    static final String REPORTER = "inspection-service";
    static final Duration LONGEST_PERIOD = Duration.ofDays(400);

    private static final Logger LOG = Logger.getLogger(OrderLapseViolations.class);

    private final OrderLapses feed;
    private final ViolationLedger ledger;
    private final DeductionRuleService rules;
    private final ScoringConfig config;
    private final MeterRegistry metrics;

    public OrderLapseViolations(
            OrderLapses feed,
            ViolationLedger ledger,
            DeductionRuleService rules,
            ScoringConfig config,
            MeterRegistry metrics) {
        this.feed = feed;
        this.ledger = ledger;
        this.rules = rules;
        this.config = config;
        this.metrics = metrics;
    }

    /** What one run did. */
    public record Result(int lapsesRead, int recorded, int alreadyRecorded) {}

    @Scheduled(
            identity = "order-lapse-violations",
            every = "${sqm.scoring.order-lapses.interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        // The previous month and this one so far: a lapse found at the turn of the month is not missed.
        Instant end = Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.SECONDS);
        LocalDate thisMonth = LocalDate.ofInstant(end, config.timeZone()).withDayOfMonth(1);
        Instant start = thisMonth.minusMonths(1).atStartOfDay(config.timeZone()).toInstant();
        try {
            Result result = AuditActions.call("order-lapse-violations", () -> run(start, end));
            if (result.recorded() > 0) {
                LOG.infof("Order lapses: %d read, %d violations recorded", result.lapsesRead(), result.recorded());
            }
        } catch (RemoteCallException | DomainException e) {
            LOG.warnf("Order lapses not recorded this time: %s", e.getMessage());
        }
    }

    /** Records the violations of the lapses of [start, end); see the class comment. */
    public Result run(Instant start, Instant end) {
        checkPeriod(start, end);
        Map<String, DeductionRuleEntity> byCode =
                rules.findByCodes(RULES).stream().collect(Collectors.toMap(r -> r.code, r -> r));
        List<FieldViolation> missing = RULES.stream()
                .filter(code -> !byCode.containsKey(code))
                .map(code -> new FieldViolation(
                        code, "the deduction rule is not in the catalogue; load the scoring catalogue"))
                .toList();
        if (!missing.isEmpty()) {
            throw new FailedPreconditionException(
                    "DEDUCTION_RULES_MISSING",
                    "order lapses cannot be recorded before the deduction rules they fall under exist",
                    Map.of(),
                    missing);
        }
        List<Lapse> lapses = new ArrayList<>(feed.lapses(start, end));
        // One order of locks for every run: runs racing each other never deadlock.
        lapses.sort(Comparator.comparing(Lapse::lapseId));
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        List<ViolationEntity> violations = new ArrayList<>();
        for (Lapse lapse : lapses) {
            String rule = ruleOf(lapse);
            if (rule == null) {
                LOG.warnf("Order lapse %s of a kind this version does not know; not recorded", lapse.lapseId());
                continue;
            }
            violations.add(violation(lapse, byCode.get(rule), now));
        }
        int recorded = 0;
        int batch = Math.max(1, config.orderLapses().writeBatch());
        for (int from = 0; from < violations.size(); from += batch) {
            recorded += ledger.addUnlessRecorded(violations.subList(from, Math.min(violations.size(), from + batch)));
        }
        if (recorded > 0) {
            metrics.counter("sqm.scoring.violations.recorded", "source", ViolationSource.ORDER_LAPSE.name())
                    .increment(recorded);
        }
        return new Result(lapses.size(), recorded, violations.size() - recorded);
    }

    private static void checkPeriod(Instant start, Instant end) {
        new Violations()
                .check(start != null, "period_start", "is required")
                .check(end != null, "period_end", "is required")
                .throwIfAny();
        new Violations()
                .check(start.isBefore(end), "period_end", "must be after period_start")
                .check(
                        !end.isAfter(start.plus(LONGEST_PERIOD)),
                        "period_end",
                        "must be at most " + LONGEST_PERIOD.toDays() + " days after period_start")
                .check(!end.isAfter(Instant.now()), "period_end", "must not lie in the future")
                .throwIfAny();
    }

    /** The rule a lapse falls under; null for a kind this version does not know. */
    static String ruleOf(Lapse lapse) {
        if (lapse.kind() == Kind.STATUS_REPORT_LATE) {
            return SUPERVISION_NOT_REPORTED;
        }
        if (lapse.kind() == Kind.ORDER_NOT_DONE_IN_TIME && lapse.orderKind() == OrderKind.RECTIFICATION) {
            return RECTIFICATION_NOT_DONE;
        }
        if (lapse.kind() == Kind.ORDER_NOT_DONE_IN_TIME && lapse.orderKind() == OrderKind.SUPERVISION) {
            return SUPERVISION_NOT_FIXED;
        }
        return null;
    }

    private static ViolationEntity violation(Lapse lapse, DeductionRuleEntity rule, Instant now) {
        ViolationEntity v = new ViolationEntity();
        v.id = UUID.randomUUID();
        v.unitId = lapse.unitId();
        v.ruleId = rule.id;
        v.ruleCode = rule.code;
        v.pointsMillis = rule.pointsMillis;
        v.occurredTime = lapse.occurredTime().truncatedTo(ChronoUnit.MICROS);
        String evidence = Texts.blankToNull(lapse.description()) == null
                ? "order " + lapse.orderId()
                : lapse.description().strip();
        v.evidence = Texts.truncate(
                evidence + " (order lapse " + lapse.lapseId()
                        + (lapse.dueTime() == null ? "" : ", due " + lapse.dueTime()) + ")",
                2000);
        v.reportedBy = REPORTER;
        v.source = ViolationSource.ORDER_LAPSE;
        v.sourceId = lapse.lapseId();
        v.recordTime = now;
        return v;
    }
}
