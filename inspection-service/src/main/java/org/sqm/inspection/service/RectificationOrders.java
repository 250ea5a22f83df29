package org.sqm.inspection.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.sqm.commons.audit.ReadOnlyTransaction;
import org.sqm.commons.convert.Texts;
import org.sqm.commons.error.FailedPreconditionException;
import org.sqm.commons.error.InvalidArgumentException;
import org.sqm.commons.error.NotFoundException;
import org.sqm.commons.error.Violations;
import org.sqm.commons.paging.PageTokens;
import org.sqm.commons.persistence.Etags;
import org.sqm.inspection.config.Clocks;
import org.sqm.inspection.domain.FindingEntity;
import org.sqm.inspection.domain.InspectionEntity;
import org.sqm.inspection.domain.MoveEntity;
import org.sqm.inspection.domain.RatingEntity;
import org.sqm.inspection.domain.RectificationAction;
import org.sqm.inspection.domain.RectificationOrderEntity;
import org.sqm.inspection.domain.RectificationStatus;
import org.sqm.inspection.domain.StandardSnapshot;
import org.sqm.inspection.repository.FindingRepository;
import org.sqm.inspection.repository.PinnedStandardRepository;
import org.sqm.inspection.repository.RatingRepository;
import org.sqm.inspection.repository.RectificationOrderRepository;

/**
 * Findings and rectification orders: issued when an inspection is finalized, carried out by their
 * owners (start, complete), verified by inspectors. Plain database work in the caller's transaction
 * or one of its own; a change of owner is checked with standards-service by {@link RectificationOrderUpdate}.
 */
@ApplicationScoped
@Transactional
public class RectificationOrders {

    private static final int MAX_TEXT = 4000;

    private final RectificationOrderRepository orders;
    private final FindingRepository findings;
    private final RatingRepository ratings;
    private final PinnedStandardRepository pinned;
    private final PageTokens pageTokens;
    private final Moves moves;
    private final Clock clock;
    private final InspectionAccess access;

    public RectificationOrders(
            RectificationOrderRepository orders,
            FindingRepository findings,
            RatingRepository ratings,
            PinnedStandardRepository pinned,
            PageTokens pageTokens,
            Moves moves,
            Clock clock,
            InspectionAccess access) {
        this.orders = orders;
        this.findings = findings;
        this.ratings = ratings;
        this.pinned = pinned;
        this.pageTokens = pageTokens;
        this.moves = moves;
        this.clock = clock;
        this.access = access;
    }

    /** List filters. */
    public record OrderFilter(
            String ownerUnitId,
            String inspectionId,
            RectificationStatus status,
            boolean overdueOnly,
            boolean openOnly) {}

    /** One page of orders. */
    public record OrderPage(List<RectificationOrderEntity> orders, String nextPageToken) {}

    /** The new values of an update; only the fields its mask names are applied. */
    public record OrderChange(
            String id, String etag, String ownerUnitId, String description, Instant dueTime, String actor) {}

    /** An order with its history of moves (empty in lists). */
    public record OrderView(RectificationOrderEntity order, List<MoveEntity> history) {}

    /**
     * A finding and a rectification order, owned by the inspected unit, for every rating that does not
     * meet the requirement; each order's history starts with its issue by whoever finalized.
     */
    void issueFindings(InspectionEntity e, Instant now, String actor) {
        StandardSnapshot standard = pinned.snapshot(e.standardId);
        for (RatingEntity r : ratings.ofInspection(e.id)) {
            if (r.meetsRequirement || r.notApplicable) {
                continue;
            }
            StandardSnapshot.Element element = standard.element(r.elementCode).orElseThrow();
            FindingEntity f = new FindingEntity();
            f.id = UUID.randomUUID();
            f.inspectionId = e.id;
            f.unitId = e.unitId;
            f.elementCode = element.code();
            f.elementTitle = element.title();
            f.levelCode = r.levelCode;
            f.points = r.points;
            f.severity = standard.severity(element, r.levelCode, r.score);
            f.evidenceNotes = r.evidenceNotes;
            findings.persist(f);
            RectificationOrderEntity o = new RectificationOrderEntity();
            o.id = UUID.randomUUID();
            o.finding = f;
            o.ownerUnitId = e.unitId;
            String rated = r.levelCode != null ? "rated " + r.levelCode : "scored " + r.score;
            o.description = Texts.truncate(
                    "Rectify " + element.code() + " \"" + element.title() + "\" (" + rated + " in the " + e.kind
                            + " of " + e.finalizeTime.toString().substring(0, 10) + ")",
                    MAX_TEXT);
            o.dueTime = f.severity.dueFrom(now);
            o.status = RectificationStatus.OPEN;
            o.createTime = now;
            o.updateTime = now;
            orders.persist(o);
            moves.record(
                    MoveEntity.Subject.RECTIFICATION,
                    o.id,
                    now,
                    actor,
                    "ISSUE",
                    null,
                    o.status,
                    "issued on finalizing inspection " + e.id);
        }
    }

    /** Returns the order with that id and its history. */
    public OrderView get(String id) {
        RectificationOrderEntity o = access.require(orders.findByIdOptional(Violations.parseId("id", id))
                .orElseThrow(() -> new NotFoundException("rectification order", id)));
        return new OrderView(o, moves.history(o.id));
    }

    /** Lists orders, earliest due first. */
    @ReadOnlyTransaction
    public OrderPage list(OrderFilter filter, int pageSize, String pageToken) {
        new Violations()
                .optionalId("owner_unit_id", filter.ownerUnitId())
                .optionalId("inspection_id", filter.inspectionId())
                .check(
                        !filter.openOnly() || filter.status() == null,
                        "open_only",
                        InspectionQueries.OPEN_ONLY_WITH_STATUS)
                .throwIfAny();
        PageTokens.Page<RectificationOrderEntity> page = access.restrictOrders(KeysetQuery.oldestFirst("dueTime"))
                .where("ownerUnitId = :owner", "owner", KeysetQuery.id(filter.ownerUnitId()))
                .where("finding.inspectionId = :inspection", "inspection", KeysetQuery.id(filter.inspectionId()))
                .where("status = :status", "status", filter.status())
                .whereIf(filter.overdueOnly(), "overdue = true")
                .where("status in :open", "open", filter.openOnly() ? RectificationStatus.OPEN_STATUSES : null)
                .page(
                        orders,
                        pageTokens,
                        "orders:" + filter + "|" + access.scopeKey(),
                        pageToken,
                        pageSize,
                        o -> o.dueTime,
                        o -> o.id);
        return new OrderPage(page.items(), page.nextPageToken());
    }

    /** OPEN -> IN_PROGRESS. */
    public OrderView start(String id, String etag, String note, String actor) {
        return move(id, etag, RectificationAction.START, note, false, actor);
    }

    /** OPEN or IN_PROGRESS -> DONE; the note says what was done. */
    public OrderView complete(String id, String etag, String note, String actor) {
        return move(id, etag, RectificationAction.COMPLETE, note, false, actor);
    }

    /** DONE -> VERIFIED when the fix was effective, back to OPEN (counted) when not; the note says what was checked. */
    public OrderView verify(String id, String etag, String note, boolean effective, String actor) {
        return move(id, etag, RectificationAction.VERIFY, note, effective, actor);
    }

    private OrderView move(
            String id, String etag, RectificationAction action, String note, boolean effective, String actor) {
        Violations v = new Violations().maxLength("note", note, MAX_TEXT);
        if (action != RectificationAction.START) {
            v.requireText("note", note, MAX_TEXT);
        }
        Moves.checkActor(v, actor).throwIfAny();
        RectificationOrderEntity o = find(id, LockModeType.PESSIMISTIC_WRITE, "id");
        Etags.require(etag, o.version, "rectification order", id, "etag");
        RectificationStatus to = action.from(o.status, effective)
                .orElseThrow(() -> new FailedPreconditionException(
                        "INVALID_TRANSITION",
                        "cannot " + action + " an order that is " + o.status,
                        Map.of("status", o.status.name(), "action", action.name())));
        Instant now = Clocks.now(clock);
        RectificationStatus from = o.status;
        switch (action) {
            case COMPLETE -> {
                o.completionNote = note.strip();
                o.doneTime = now;
            }
            case VERIFY -> {
                o.verificationNote = note.strip();
                if (effective) {
                    o.verifyTime = now;
                } else {
                    o.reopenCount++;
                }
            }
            default -> {}
        }
        o.status = to;
        o.updateTime = now;
        moves.record(MoveEntity.Subject.RECTIFICATION, o.id, now, actor, action.name(), from, to, note);
        return flushed(o);
    }

    /** Writes the pending changes (so the etag is the new one) and answers with the order and its history. */
    private OrderView flushed(RectificationOrderEntity o) {
        orders.flush();
        return new OrderView(o, moves.history(o.id));
    }

    /** Refuses early, before standards-service is asked about a new owner: an unknown, stale or finished order. */
    void requireChangeable(String id, String etag) {
        changeable(find(id, LockModeType.NONE, "order.id"), id, etag);
    }

    /** Applies the fields of {@code paths} to the order, which must still be open or in progress at the etag. */
    OrderView update(OrderChange change, Set<String> paths) {
        RectificationOrderEntity o =
                changeable(find(change.id(), LockModeType.PESSIMISTIC_WRITE, "order.id"), change.id(), change.etag());
        if (paths.contains("due_time") && !change.dueTime().isAfter(o.createTime)) {
            throw new InvalidArgumentException(
                    "order.due_time", "must be after the order was issued at " + o.createTime);
        }
        Instant now = Clocks.now(clock);
        List<String> changed = new ArrayList<>();
        if (paths.contains("owner_unit_id")) {
            UUID owner = UUID.fromString(change.ownerUnitId());
            // A unit manager hands an order only to a unit it sees; another is NOT_FOUND, as unknown.
            access.requireVisible(owner, "unit", change.ownerUnitId());
            changed.add("owner_unit_id " + o.ownerUnitId + " -> " + owner);
            o.ownerUnitId = owner;
        }
        if (paths.contains("description")) {
            o.description = change.description().strip();
            changed.add("description");
        }
        if (paths.contains("due_time")) {
            Instant due = change.dueTime().truncatedTo(ChronoUnit.MICROS);
            changed.add("due_time " + o.dueTime + " -> " + due);
            o.dueTime = due;
            // A new due time in the future lifts the overdue flag; the watch sets it again if it passes.
            o.overdue = o.overdue && !o.dueTime.isAfter(now);
        }
        o.updateTime = now;
        moves.record(
                MoveEntity.Subject.RECTIFICATION,
                o.id,
                now,
                change.actor(),
                "UPDATE",
                o.status,
                o.status,
                String.join("; ", changed));
        return flushed(o);
    }

    private RectificationOrderEntity find(String id, LockModeType lock, String idField) {
        return access.require(orders.findByIdOptional(Violations.parseId(idField, id), lock)
                .orElseThrow(() -> new NotFoundException("rectification order", id)));
    }

    private static RectificationOrderEntity changeable(RectificationOrderEntity o, String id, String etag) {
        Etags.require(etag, o.version, "rectification order", id, "order.etag");
        if (o.status == RectificationStatus.DONE || o.status == RectificationStatus.VERIFIED) {
            throw new FailedPreconditionException(
                    "INVALID_STATUS", "a " + o.status + " order cannot change", Map.of("status", o.status.name()));
        }
        return o;
    }
}
