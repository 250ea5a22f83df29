package org.sqm.inspection.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.sqm.commons.audit.ReadOnlyTransaction;
import org.sqm.commons.error.FailedPreconditionException;
import org.sqm.commons.error.NotFoundException;
import org.sqm.commons.error.Violations;
import org.sqm.commons.paging.PageTokens;
import org.sqm.commons.persistence.Etags;
import org.sqm.inspection.config.Clocks;
import org.sqm.inspection.domain.MoveEntity;
import org.sqm.inspection.domain.SupervisionOrderEntity;
import org.sqm.inspection.domain.SupervisionReportEntity;
import org.sqm.inspection.domain.SupervisionStatus;
import org.sqm.inspection.repository.SupervisionOrderRepository;
import org.sqm.inspection.repository.SupervisionReportRepository;

/**
 * Supervision orders once issued: reads and lists, and the unit's moves — the cause found, the status
 * reports, completion. Plain database work; each move locks the order, checks the etag and records
 * who made it.
 */
@ApplicationScoped
@Transactional
public class SupervisionOrders {

    static final int MAX_TEXT = 4000;

    private final SupervisionOrderRepository orders;
    private final SupervisionReportRepository reports;
    private final Moves moves;
    private final PageTokens pageTokens;
    private final Clock clock;

    private final InspectionAccess access;

    public SupervisionOrders(
            SupervisionOrderRepository orders,
            SupervisionReportRepository reports,
            Moves moves,
            PageTokens pageTokens,
            Clock clock,
            InspectionAccess access) {
        this.access = access;
        this.orders = orders;
        this.reports = reports;
        this.moves = moves;
        this.pageTokens = pageTokens;
        this.clock = clock;
    }

    /** List filters. */
    public record SupervisionFilter(
            String unitId,
            SupervisionStatus status,
            boolean overdueOnly,
            boolean reportOverdueOnly,
            boolean openOnly) {}

    /** One page of orders. */
    public record SupervisionPage(List<SupervisionView> orders, String nextPageToken) {}

    /** Returns the order with its reports and history. */
    public SupervisionView get(String id) {
        return view(access.require(orders.findByIdOptional(Violations.parseId("id", id))
                .orElseThrow(() -> new NotFoundException("supervision order", id))));
    }

    /** Lists orders, earliest due first, without reports and history. */
    @ReadOnlyTransaction
    public SupervisionPage list(SupervisionFilter filter, int pageSize, String pageToken) {
        new Violations()
                .optionalId("unit_id", filter.unitId())
                .check(
                        !filter.openOnly() || filter.status() == null,
                        "open_only",
                        InspectionQueries.OPEN_ONLY_WITH_STATUS)
                .throwIfAny();
        Instant now = Clocks.now(clock);
        PageTokens.Page<SupervisionView> page = access.restrictUnits(KeysetQuery.oldestFirst("dueTime"), "unitId")
                .where("unitId = :unit", "unit", KeysetQuery.id(filter.unitId()))
                .where("status = :status", "status", filter.status())
                .whereIf(filter.overdueOnly(), "overdue = true")
                .whereIf(filter.reportOverdueOnly(), "reportOverdue = true")
                .where("status in :open", "open", filter.openOnly() ? SupervisionStatus.OPEN_STATUSES : null)
                .page(
                        orders,
                        pageTokens,
                        "supervision:" + filter + "|" + access.scopeKey(),
                        pageToken,
                        pageSize,
                        o -> o.dueTime,
                        o -> o.id)
                .map(o -> new SupervisionView(o, List.of(), List.of(), o.missingReports(now)));
        return new SupervisionPage(page.items(), page.nextPageToken());
    }

    /** Inserts an order issued by {@link SupervisionIssue}, its history starting with the issue. */
    SupervisionView insert(SupervisionOrderEntity o, String actor) {
        orders.persist(o);
        moves.record(MoveEntity.Subject.SUPERVISION, o.id, o.issueTime, actor, "ISSUE", null, o.status, o.problem);
        return flushed(o);
    }

    /** The order as it is now, with its reports and history, read in the caller's transaction. */
    SupervisionView view(SupervisionOrderEntity o) {
        return new SupervisionView(o, reports.ofOrder(o.id), moves.history(o.id), o.missingReports(Clocks.now(clock)));
    }

    /** OPEN or CAUSE_FOUND -> CAUSE_FOUND: records (or revises) the cause the unit found. */
    public SupervisionView recordCause(String id, String etag, String cause, String actor) {
        SupervisionOrderEntity o = lock(id, etag, "cause", cause, actor);
        if (o.status == SupervisionStatus.DONE) {
            throw invalidTransition(o, "RECORD_CAUSE");
        }
        Instant now = Clocks.now(clock);
        SupervisionStatus from = o.status;
        o.cause = cause.strip();
        o.causeTime = now;
        o.status = SupervisionStatus.CAUSE_FOUND;
        return recorded(o, now, actor, "RECORD_CAUSE", from, o.cause);
    }

    /**
     * Submits the next report, n: accepted from the time report n-1 was due (the issue time for the
     * first), late after its own due time. The status stays as it is.
     */
    public SupervisionView report(String id, String etag, String note, String actor) {
        SupervisionOrderEntity o = lock(id, etag, "note", note, actor);
        if (o.status == SupervisionStatus.DONE) {
            throw new FailedPreconditionException(
                    "INVALID_STATUS",
                    "supervision order " + o.id + " is DONE and takes no more reports",
                    Map.of("status", o.status.name()));
        }
        Instant now = Clocks.now(clock);
        int n = o.reportsSubmitted + 1;
        Instant opens = o.reportDue(n - 1);
        if (now.isBefore(opens)) {
            throw new FailedPreconditionException(
                    "REPORT_NOT_DUE",
                    "report " + n + " is due at " + o.reportDue(n) + " and can be submitted from " + opens,
                    Map.of("number", Integer.toString(n), "opens", opens.toString()));
        }
        SupervisionReportEntity r = new SupervisionReportEntity();
        r.orderId = o.id;
        r.number = n;
        r.dueTime = o.reportDue(n);
        r.submitTime = now;
        r.note = note.strip();
        r.late = now.isAfter(r.dueTime);
        r.actor = Moves.actorOrApi(actor);
        reports.persist(r);
        o.reportsSubmitted = n;
        o.lateReports += r.late ? 1 : 0;
        o.nextReportDueTime = o.reportDue(n + 1);
        o.reportOverdue = !o.nextReportDueTime.isAfter(now);
        String late = r.late ? " (late, due " + r.dueTime + ")" : "";
        return recorded(o, now, actor, "REPORT", o.status, "report " + n + late + ": " + r.note);
    }

    /** CAUSE_FOUND -> DONE; refused while no cause is recorded. */
    public SupervisionView complete(String id, String etag, String note, String actor) {
        SupervisionOrderEntity o = lock(id, etag, "note", note, actor);
        if (o.status == SupervisionStatus.OPEN) {
            throw new FailedPreconditionException(
                    "CAUSE_REQUIRED",
                    "record the cause of supervision order " + o.id + " before completing it",
                    Map.of("status", o.status.name()));
        }
        if (o.status == SupervisionStatus.DONE) {
            throw invalidTransition(o, "COMPLETE");
        }
        Instant now = Clocks.now(clock);
        SupervisionStatus from = o.status;
        o.status = SupervisionStatus.DONE;
        o.doneTime = now;
        o.completionNote = note.strip();
        o.overdue = o.overdue || now.isAfter(o.dueTime);
        o.nextReportDueTime = null;
        o.reportOverdue = false;
        return recorded(o, now, actor, "COMPLETE", from, o.completionNote);
    }

    /**
     * Checks a move's request (its text {@code field} required, the actor bounded) and locks the order
     * at the caller's etag: nothing is read or written for a bad request.
     */
    private SupervisionOrderEntity lock(String id, String etag, String field, String text, String actor) {
        Moves.checkActor(new Violations().requireText(field, text, MAX_TEXT), actor)
                .throwIfAny();
        return lock(id, etag);
    }

    /** Records the move that left the order in its status now, and answers with what was written. */
    private SupervisionView recorded(
            SupervisionOrderEntity o, Instant now, String actor, String action, SupervisionStatus from, String note) {
        o.updateTime = now;
        moves.record(MoveEntity.Subject.SUPERVISION, o.id, now, actor, action, from, o.status, note);
        return flushed(o);
    }

    private SupervisionOrderEntity lock(String id, String etag) {
        SupervisionOrderEntity o =
                access.require(orders.findByIdOptional(Violations.parseId("id", id), LockModeType.PESSIMISTIC_WRITE)
                        .orElseThrow(() -> new NotFoundException("supervision order", id)));
        Etags.require(etag, o.version, "supervision order", id, "etag");
        return o;
    }

    private SupervisionView flushed(SupervisionOrderEntity o) {
        orders.flush();
        return view(o);
    }

    private static FailedPreconditionException invalidTransition(SupervisionOrderEntity o, String action) {
        return new FailedPreconditionException(
                "INVALID_TRANSITION",
                "cannot " + action + " a supervision order that is " + o.status,
                Map.of("status", o.status.name(), "action", action));
    }
}
