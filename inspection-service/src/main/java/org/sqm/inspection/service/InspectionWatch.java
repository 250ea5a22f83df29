package org.sqm.inspection.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.jboss.logging.Logger;
import org.sqm.inspection.config.InspectionConfig;
import org.sqm.inspection.repository.InspectionRepository;

/**
 * The watch: flags inspections whose window ended before they were submitted as missed, and
 * rectification orders past their due time as overdue. Safe with several replicas: each statement
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

    public InspectionWatch(InspectionRepository inspections, InspectionConfig config, MeterRegistry metrics) {
        this.inspections = inspections;
        this.config = config;
        this.metrics = metrics;
    }

    /** What one pass flagged. */
    public record Result(int missed, int overdue) {}

    @Scheduled(
            identity = "inspection-watch",
            every = "${sqm.inspections.watch-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        Result result = runOnce();
        if (result.missed() + result.overdue() > 0) {
            LOG.infof("Inspection watch: %d inspections missed, %d orders overdue", result.missed(), result.overdue());
        }
    }

    /** One pass, in batches of {@code watch-batch} rows per transaction. */
    public Result runOnce() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
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
        if (missed > 0) {
            metrics.counter("sqm.inspections.missed").increment(missed);
        }
        if (overdue > 0) {
            metrics.counter("sqm.rectification.orders.overdue").increment(overdue);
        }
        return new Result(missed, overdue);
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
