package org.sqm.complaint.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.sqm.commons.audit.AuditActions;
import org.sqm.commons.client.RemoteCallException;
import org.sqm.commons.persistence.AfterCommit;
import org.sqm.complaint.config.ComplaintConfig;
import org.sqm.complaint.domain.ComplaintEntity;
import org.sqm.complaint.domain.ComplaintEntity.Deadline;
import org.sqm.complaint.repository.ComplaintRepository;

/**
 * The deadline watch: marks breached deadlines, warns when the configured share of a deadline is
 * used, and escalates a complaint one level up the unit hierarchy for each deadline it misses.
 * Several replicas may run it at once: each claims its complaints with {@code FOR UPDATE SKIP
 * LOCKED}, and the flags it sets are checked again under the lock, so nothing is marked, warned or
 * escalated twice. The unit above comes from standards-service, asked between two transactions: a
 * breach marks the complaint {@code escalation_pending} in the transaction that records it, and a
 * later step escalates and clears the mark, so a crash in between loses no escalation.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.NEVER)
public class DeadlineWatch {

    private static final Logger LOG = Logger.getLogger(DeadlineWatch.class);
    // A resolved complaint can still owe a call-back; its other deadlines are met by then.
    private static final String RUNNING = "('RECEIVED', 'ACKNOWLEDGED', 'INVESTIGATING', 'RESOLVED')";
    private static final int MAX_ROUNDS = 1000;

    private final ComplaintRepository complaints;
    private final ComplaintStore store;
    private final Standards standards;
    private final ComplaintConfig config;
    private final MeterRegistry metrics;
    private final AfterCommit afterCommit;

    public DeadlineWatch(
            ComplaintRepository complaints,
            ComplaintStore store,
            Standards standards,
            ComplaintConfig config,
            MeterRegistry metrics,
            AfterCommit afterCommit) {
        this.complaints = complaints;
        this.store = store;
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
        // Recorded in the audit trail as job:deadline-watch.
        Result result = AuditActions.call("deadline-watch", this::runOnce);
        if (result.breaches() + result.warnings() + result.escalations() > 0) {
            LOG.infof(
                    "Deadline watch: %d breaches, %d warnings, %d escalations",
                    result.breaches(), result.warnings(), result.escalations());
        }
    }

    /**
     * One pass: every due deadline, in batches of {@code watch-batch} complaints per transaction, then
     * every pending escalation. Standards-service being down leaves escalations pending for the next pass.
     */
    public Result runOnce() {
        Result total = new Result(0, 0, 0);
        for (int round = 0; round < MAX_ROUNDS; round++) {
            Result batch = QuarkusTransaction.requiringNew().call(this::markDue);
            total = total.plus(batch);
            if (batch.breaches() + batch.warnings() == 0) {
                break;
            }
        }
        return total.plus(new Result(0, 0, escalatePending()));
    }

    @SuppressWarnings("unchecked")
    private Result markDue() {
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
        for (UUID id : due) {
            ComplaintEntity e = complaints.findById(id);
            for (Deadline d : e.deadlines) {
                if (d.metTime != null || d.breached) {
                    continue;
                }
                if (d.dueTime.isBefore(now)) {
                    d.breached = true;
                    e.escalationPending = true;
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
            e.updateTime = now;
        }
        return new Result(breaches, warnings, 0);
    }

    /** A complaint waiting to go up, and the unit it is with now. */
    private record Pending(UUID id, UUID currentUnit) {}

    /**
     * Escalates every complaint marked pending one level up: reads the marks, asks standards-service
     * for the unit above each unit involved (no transaction open), then escalates under the row lock,
     * provided the complaint is still with the unit that was asked about. At the top of the hierarchy
     * the breach stays on record without escalation.
     */
    private int escalatePending() {
        int escalated = 0;
        for (int round = 0; round < MAX_ROUNDS; round++) {
            List<Pending> pending = QuarkusTransaction.requiringNew().call(this::readPending);
            if (pending.isEmpty()) {
                break;
            }
            Map<UUID, Optional<UUID>> above = new HashMap<>();
            for (Pending p : pending) {
                if (!above.containsKey(p.currentUnit())) {
                    try {
                        above.put(
                                p.currentUnit(), standards.unit(p.currentUnit()).map(Standards.Unit::parentId));
                    } catch (RemoteCallException e) {
                        // Its complaints stay pending; the next pass asks again.
                        LOG.warnf(
                                "Deadline watch: the unit above %s is unknown for now: %s",
                                p.currentUnit(), e.getMessage());
                    }
                }
            }
            int[] done = new int[2];
            QuarkusTransaction.requiringNew().run(() -> escalate(pending, above, done));
            escalated += done[0];
            if (done[1] == 0) {
                // Every one was locked or moved by someone else meanwhile: leave them to the next pass.
                break;
            }
        }
        return escalated;
    }

    @SuppressWarnings("unchecked")
    private List<Pending> readPending() {
        List<Object[]> rows = complaints
                .getEntityManager()
                .createNativeQuery("SELECT id, COALESCE(escalated_to_unit_id, unit_id) FROM complaint"
                        + " WHERE escalation_pending ORDER BY id LIMIT :batch")
                .setParameter("batch", config.watchBatch())
                .getResultList();
        return rows.stream().map(r -> new Pending((UUID) r[0], (UUID) r[1])).toList();
    }

    /** done[0]: escalations made; done[1]: marks cleared. */
    @SuppressWarnings("unchecked")
    private void escalate(List<Pending> pending, Map<UUID, Optional<UUID>> above, int[] done) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        List<UUID> locked = complaints
                .getEntityManager()
                .createNativeQuery("SELECT id FROM complaint WHERE id IN (:ids) AND escalation_pending"
                        + " FOR UPDATE SKIP LOCKED")
                .setParameter("ids", pending.stream().map(Pending::id).toList())
                .getResultList();
        for (UUID id : locked) {
            ComplaintEntity e = complaints.findById(id);
            Optional<UUID> parent = above.get(e.currentUnitId());
            if (parent == null) {
                continue; // escalated by hand since it was read: ask again next round
            }
            e.escalationPending = false;
            done[1]++;
            if (parent.isPresent()) {
                e.escalatedToUnitId = parent.get();
                e.escalationLevel++;
                e.updateTime = now;
                record(e, now, "ESCALATE", "overdue: escalated to " + parent.get());
                done[0]++;
            }
        }
    }

    private void record(ComplaintEntity e, Instant now, String action, String note) {
        store.changeOf(e, now).record(ComplaintStore.SYSTEM, action, e.status, e.status, note);
    }
}
