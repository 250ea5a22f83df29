package org.sqm.scoring.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.sqm.commons.audit.AuditActions;
import org.sqm.commons.client.RemoteCallException;
import org.sqm.commons.error.DomainException;
import org.sqm.scoring.config.Clocks;
import org.sqm.scoring.domain.CertificationChange;
import org.sqm.scoring.domain.CertificationEntity;
import org.sqm.scoring.domain.CertificationStatus;

/**
 * The certification watch: lapses every live certification whose validity has ended, suspends an
 * active one whose action plan is overdue (an order past its due time, neither done nor verified) or
 * whose review is overdue past its grace days, and plans the next review where that failed before.
 * The orders are read with no transaction open; each change is its own short transaction on the row
 * as read, so running it twice, or on two replicas at once, changes nothing more.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.NEVER)
public class CertificationWatch {

    private static final Logger LOG = Logger.getLogger(CertificationWatch.class);
    private static final Set<CertificationStatus> LIVE =
            EnumSet.of(CertificationStatus.ACTIVE, CertificationStatus.SUSPENDED);
    private static final Set<CertificationStatus> ACTIVE = EnumSet.of(CertificationStatus.ACTIVE);

    private final CertificationLedger ledger;
    private final ActionPlanOrders orders;
    private final ReviewPlanning planning;
    private final CertificationCalendar calendar;
    private final Clock clock;

    public CertificationWatch(
            CertificationLedger ledger,
            ActionPlanOrders orders,
            ReviewPlanning planning,
            CertificationCalendar calendar,
            Clock clock) {
        this.ledger = ledger;
        this.orders = orders;
        this.planning = planning;
        this.calendar = calendar;
        this.clock = clock;
    }

    /** What one run did. */
    public record Result(int lapsed, int suspended, int planned) {}

    @Scheduled(
            identity = "certification-watch",
            every = "${sqm.scoring.certifications.watch-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        Result result = AuditActions.call("certification-watch", this::run);
        if (result.lapsed() + result.suspended() + result.planned() > 0) {
            LOG.infof(
                    "Certification watch: %d lapsed, %d suspended, %d reviews planned",
                    result.lapsed(), result.suspended(), result.planned());
        }
    }

    /** Looks at every live certification once, at the clock's now; see the class comment. */
    public Result run() {
        Instant now = Clocks.now(clock);
        int lapsed = 0;
        int suspended = 0;
        int planned = 0;
        for (CertificationEntity c : ledger.live()) {
            try {
                if (!c.validUntil.isAfter(now)) {
                    lapsed += change(c, LIVE, CertificationChange.LAPSE, CertificationStatus.LAPSED, lapse(c), now);
                    continue;
                }
                Optional<String> cause = c.status == CertificationStatus.ACTIVE ? suspension(c, now) : Optional.empty();
                if (cause.isPresent()) {
                    suspended += change(
                            c, ACTIVE, CertificationChange.SUSPEND, CertificationStatus.SUSPENDED, cause.get(), now);
                    continue;
                }
                if (c.plannedInspectionId == null && planning.plan(c.id).isPresent()) {
                    planned++;
                }
            } catch (DomainException e) {
                LOG.warnf("Certification %s changed while the watch looked at it; next time: %s", c.id, e.getMessage());
            }
        }
        return new Result(lapsed, suspended, planned);
    }

    private int change(
            CertificationEntity c,
            Set<CertificationStatus> from,
            CertificationChange action,
            CertificationStatus to,
            String reason,
            Instant now) {
        return ledger.changeAsRead(c, from, action, to, reason, now) ? 1 : 0;
    }

    private String lapse(CertificationEntity c) {
        return "validity ended on " + calendar.date(c.validUntil) + " (" + c.validUntil
                + ") without a passed reassessment";
    }

    /** Why an active certification is to be suspended now, if it is. */
    private Optional<String> suspension(CertificationEntity c, Instant now) {
        for (UUID id : c.actionPlanOrderIds) {
            Optional<ActionPlanOrders.Order> order;
            try {
                order = orders.find(id);
            } catch (RemoteCallException e) {
                LOG.warnf("Action plan order %s of certification %s not read this time: %s", id, c.id, e.getMessage());
                continue;
            }
            if (order.isPresent() && order.get().overdue(now)) {
                return Optional.of("action plan overdue: rectification order " + id + " due "
                        + order.get().dueTime());
            }
        }
        Instant limit = calendar.plusDays(c.nextReviewDueTime, c.reviewGraceDays);
        if (!now.isBefore(limit)) {
            return Optional.of("review overdue since " + calendar.date(c.nextReviewDueTime) + ": "
                    + calendar.nextReview(c) + " was due " + c.nextReviewDueTime + ", no decision within "
                    + c.reviewGraceDays + " grace day" + (c.reviewGraceDays == 1 ? "" : "s"));
        }
        return Optional.empty();
    }
}
