package org.sqm.complaint.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.sqm.commons.persistence.AfterCommit;
import org.sqm.complaint.config.ComplaintConfig;
import org.sqm.complaint.domain.ComplaintEntity;
import org.sqm.complaint.domain.ComplaintEntity.Deadline;
import org.sqm.complaint.domain.ComplaintEventEntity;
import org.sqm.complaint.repository.ComplaintEventRepository;
import org.sqm.complaint.repository.ComplaintRepository;

/**
 * The deadline watch: marks breached deadlines, warns when the configured share of a deadline is
 * used, and escalates a complaint one level up the unit hierarchy for each deadline it misses.
 * Several replicas may run it at once: each claims its complaints with {@code FOR UPDATE SKIP
 * LOCKED}, and the flags it sets are checked again under the lock, so nothing is marked, warned or
 * escalated twice.
 */
@ApplicationScoped
public class DeadlineWatch {

    private static final Logger LOG = Logger.getLogger(DeadlineWatch.class);
    // A resolved complaint can still owe a call-back; its other deadlines are met by then.
    private static final String RUNNING = "('RECEIVED', 'ACKNOWLEDGED', 'INVESTIGATING', 'RESOLVED')";

    private final ComplaintRepository complaints;
    private final ComplaintEventRepository events;
    private final Standards standards;
    private final ComplaintConfig config;
    private final MeterRegistry metrics;
    private final AfterCommit afterCommit;

    public DeadlineWatch(
            ComplaintRepository complaints,
            ComplaintEventRepository events,
            Standards standards,
            ComplaintConfig config,
            MeterRegistry metrics,
            AfterCommit afterCommit) {
        this.complaints = complaints;
        this.events = events;
        this.standards = standards;
        this.config = config;
        this.metrics = metrics;
        this.afterCommit = afterCommit;
    }

    /** What one pass did. */
    public record Result(int breaches, int warnings, int escalations) {
        Result plus(Result other) {
            return new Result(breaches + other.breaches, warnings + other.warnings, escalations + other.escalations);
        }
    }

    @Scheduled(
            identity = "deadline-watch",
            every = "${sqm.complaints.watch-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        Result result = runOnce();
        if (result.breaches() + result.warnings() > 0) {
            LOG.infof(
                    "Deadline watch: %d breaches, %d warnings, %d escalations",
                    result.breaches(), result.warnings(), result.escalations());
        }
    }

    /** One pass over every due deadline, in batches of {@code watch-batch} complaints per transaction. */
    public Result runOnce() {
        Result total = new Result(0, 0, 0);
        for (int guard = 0; guard < 1000; guard++) {
            Result batch = QuarkusTransaction.requiringNew().call(this::batch);
            total = total.plus(batch);
            if (batch.breaches() + batch.warnings() == 0) {
                break;
            }
        }
        return total;
    }

    @SuppressWarnings("unchecked")
    private Result batch() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        EntityManager em = complaints.getEntityManager();
        List<UUID> due = em.createNativeQuery("SELECT c.id FROM complaint c WHERE c.status IN " + RUNNING
                        + " AND EXISTS (SELECT 1 FROM complaint_deadline d WHERE d.complaint_id = c.id"
                        + " AND d.met_time IS NULL AND NOT d.breached"
                        + " AND (d.due_time < :now OR (NOT d.warned AND d.warn_time < :now)))"
                        + " ORDER BY c.receive_time LIMIT :batch FOR UPDATE OF c SKIP LOCKED")
                .setParameter("now", now)
                .setParameter("batch", config.watchBatch())
                .getResultList();
        int breaches = 0;
        int warnings = 0;
        int escalations = 0;
        for (UUID id : due) {
            ComplaintEntity e = complaints.findById(id);
            boolean breachedNow = false;
            for (Deadline d : e.deadlines) {
                if (d.metTime != null || d.breached) {
                    continue;
                }
                if (d.dueTime.isBefore(now)) {
                    d.breached = true;
                    breachedNow = true;
                    breaches++;
                    String kind = d.kind.name();
                    afterCommit.run(() -> metrics.counter("sqm.complaints.deadlines.breached", "kind", kind)
                            .increment());
                    record(e, now, "DEADLINE_BREACHED", d.kind + " was due at " + d.dueTime);
                } else if (!d.warned && d.warnTime != null && d.warnTime.isBefore(now)) {
                    d.warned = true;
                    warnings++;
                    record(e, now, "DEADLINE_WARNING", d.kind + " falls due at " + d.dueTime);
                }
            }
            if (breachedNow && escalate(e, now)) {
                escalations++;
            }
            e.updateTime = now;
        }
        return new Result(breaches, warnings, escalations);
    }

    /** Escalates one level up; at the top of the hierarchy the breach stays on record without escalation. */
    private boolean escalate(ComplaintEntity e, Instant now) {
        UUID current = e.escalatedToUnitId != null ? e.escalatedToUnitId : e.unitId;
        UUID above = standards.unit(current).map(Standards.Unit::parentId).orElse(null);
        if (above == null) {
            return false;
        }
        e.escalatedToUnitId = above;
        e.escalationLevel++;
        record(e, now, "ESCALATE", "overdue: escalated to " + above);
        return true;
    }

    private void record(ComplaintEntity e, Instant now, String action, String note) {
        ComplaintEventEntity event = new ComplaintEventEntity();
        event.complaintId = e.id;
        event.time = now;
        event.actor = ComplaintService.SYSTEM;
        event.action = action;
        event.fromStatus = e.status;
        event.toStatus = e.status;
        event.note = note;
        events.persist(event);
    }
}
