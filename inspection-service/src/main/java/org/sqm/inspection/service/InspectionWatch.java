package org.sqm.inspection.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import org.jboss.logging.Logger;
import org.sqm.commons.audit.AuditActions;
import org.sqm.inspection.config.Clocks;
import org.sqm.inspection.config.InspectionConfig;
import org.sqm.inspection.repository.InspectionRepository;

/**
 * The watch: flags inspections whose window ended before they were submitted as missed, rectification
 * and supervision orders past their due time as overdue, and supervision orders whose next status
 * report is past its due time as report-overdue. Safe with several replicas: each statement
 * claims its rows with {@code FOR UPDATE SKIP LOCKED} and re-checks the flag under the lock, so every
 * row is flagged (and counted) once. Each batch is a short transaction of its own.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.NEVER)
public class InspectionWatch {

    private static final Logger LOG = Logger.getLogger(InspectionWatch.class);

    private final InspectionRepository inspections;
    private final InspectionConfig config;
    private final MeterRegistry metrics;
    private final Clock clock;

    public InspectionWatch(
            InspectionRepository inspections, InspectionConfig config, MeterRegistry metrics, Clock clock) {
        this.inspections = inspections;
        this.config = config;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * What one pass flagged.
     *
     * @param overdue            rectification orders past due
     * @param supervisionOverdue supervision orders past due
     * @param reportsOverdue     supervision orders whose next report is past due
     */
    public record Result(int missed, int overdue, int supervisionOverdue, int reportsOverdue) {}

    @Scheduled(
            identity = "inspection-watch",
            every = "${sqm.inspections.watch-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        // The audit trail records the watch's flags under the job's name (commons AuditActions).
        Result result = AuditActions.call("inspection-watch", this::runOnce);
        if (result.missed() + result.overdue() + result.supervisionOverdue() + result.reportsOverdue() > 0) {
            LOG.infof(
                    "Inspection watch: %d inspections missed, %d rectification orders overdue, %d supervision"
                            + " orders overdue, %d with a status report overdue",
                    result.missed(), result.overdue(), result.supervisionOverdue(), result.reportsOverdue());
        }
    }

    /** One pass, in batches of {@code watch-batch} rows per transaction. */
    public Result runOnce() {
        Instant now = Clocks.now(clock);
        int missed = drain(
                "UPDATE inspection SET missed = true WHERE id IN (SELECT id FROM inspection"
                        + " WHERE status IN ('SCHEDULED', 'IN_PROGRESS') AND NOT missed AND window_end <= :now"
                        + " ORDER BY window_end LIMIT :batch FOR UPDATE SKIP LOCKED) AND NOT missed",
                now);
        int overdue = drain(
                "UPDATE rectification_order SET overdue = true WHERE id IN (SELECT id FROM"
                        + " rectification_order WHERE status IN ('OPEN', 'IN_PROGRESS') AND NOT overdue AND due_time <= :now"
                        + " ORDER BY due_time LIMIT :batch FOR UPDATE SKIP LOCKED) AND NOT overdue",
                now);
        int supervisionOverdue = drain(
                "UPDATE supervision_order SET overdue = true WHERE id IN (SELECT id FROM supervision_order"
                        + " WHERE status <> 'DONE' AND NOT overdue AND due_time <= :now"
                        + " ORDER BY due_time LIMIT :batch FOR UPDATE SKIP LOCKED) AND NOT overdue",
                now);
        int reportsOverdue = drain(
                "UPDATE supervision_order SET report_overdue = true WHERE id IN (SELECT id FROM supervision_order"
                        + " WHERE status <> 'DONE' AND NOT report_overdue AND next_report_due_time <= :now"
                        + " ORDER BY next_report_due_time LIMIT :batch FOR UPDATE SKIP LOCKED) AND NOT report_overdue",
                now);
        count("sqm.inspections.missed", missed);
        count("sqm.rectification.orders.overdue", overdue);
        count("sqm.supervision.orders.overdue", supervisionOverdue);
        count("sqm.supervision.reports.overdue", reportsOverdue);
        return new Result(missed, overdue, supervisionOverdue, reportsOverdue);
    }

    private void count(String counter, int flagged) {
        if (flagged > 0) {
            metrics.counter(counter).increment(flagged);
        }
    }

    private int drain(String sql, Instant now) {
        int total = 0;
        for (int guard = 0; guard < 10_000; guard++) {
            int flagged = QuarkusTransaction.requiringNew().call(() -> inspections
                    .getEntityManager()
                    .createNativeQuery(sql)
                    .setParameter("now", now)
                    .setParameter("batch", config.watchBatch())
                    .executeUpdate());
            total += flagged;
            if (flagged == 0) {
                break;
            }
        }
        return total;
    }
}
