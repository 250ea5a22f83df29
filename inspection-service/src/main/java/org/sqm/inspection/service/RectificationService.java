package org.sqm.inspection.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.sqm.commons.error.FailedPreconditionException;
import org.sqm.commons.error.InvalidArgumentException;
import org.sqm.commons.error.NotFoundException;
import org.sqm.commons.error.Violations;
import org.sqm.commons.paging.PageToken;
import org.sqm.commons.persistence.Etags;
import org.sqm.inspection.domain.RectificationAction;
import org.sqm.inspection.domain.RectificationOrderEntity;
import org.sqm.inspection.domain.RectificationStatus;
import org.sqm.inspection.repository.RectificationOrderRepository;

/** Rectification orders: their owners carry them out, inspectors verify them. */
@ApplicationScoped
public class RectificationService {

    private final RectificationOrderRepository orders;
    private final Standards standards;

    public RectificationService(RectificationOrderRepository orders, Standards standards) {
        this.orders = orders;
        this.standards = standards;
    }

    /** List filters. */
    public record OrderFilter(
            String ownerUnitId, String inspectionId, RectificationStatus status, boolean overdueOnly) {}

    /** One page of orders. */
    public record OrderPage(List<RectificationOrderEntity> orders, String nextPageToken) {}

    /** Returns the order with that id. */
    @Transactional
    public RectificationOrderEntity get(String id) {
        return orders.findByIdOptional(Violations.parseId("id", id))
                .orElseThrow(() -> new NotFoundException("rectification order", id));
    }

    /** Lists orders, earliest due first. */
    @Transactional
    public OrderPage list(OrderFilter filter, int pageSize, String pageToken) {
        int size = PageToken.pageSize(pageSize);
        new Violations()
                .optionalId("owner_unit_id", filter.ownerUnitId())
                .optionalId("inspection_id", filter.inspectionId())
                .throwIfAny();
        String query = "orders:" + filter;
        List<String> after = PageToken.decode(pageToken, query, 2);
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (Texts.emptyToNull(filter.ownerUnitId()) != null) {
            where.append(" and ownerUnitId = :owner");
            params.put("owner", UUID.fromString(filter.ownerUnitId()));
        }
        if (Texts.emptyToNull(filter.inspectionId()) != null) {
            where.append(" and finding.inspectionId = :inspection");
            params.put("inspection", UUID.fromString(filter.inspectionId()));
        }
        if (filter.status() != null) {
            where.append(" and status = :status");
            params.put("status", filter.status());
        }
        if (filter.overdueOnly()) {
            where.append(" and overdue = true");
        }
        if (!after.isEmpty()) {
            where.append(" and (dueTime > :afterTime or (dueTime = :afterTime and id > :afterId))");
            params.put("afterTime", Instant.parse(after.get(0)));
            params.put("afterId", UUID.fromString(after.get(1)));
        }
        List<RectificationOrderEntity> page = orders.find(where + " order by dueTime, id", params)
                .range(0, size)
                .list();
        if (page.size() <= size) {
            return new OrderPage(page, "");
        }
        List<RectificationOrderEntity> shown = List.copyOf(page.subList(0, size));
        RectificationOrderEntity last = shown.get(size - 1);
        return new OrderPage(shown, PageToken.encode(query, last.dueTime.toString(), last.id.toString()));
    }

    /** Changes the owner, description or due time of an order not yet done. */
    @Transactional
    public RectificationOrderEntity update(
            String id, String etag, String ownerUnitId, String description, Instant dueTime) {
        Violations v =
                new Violations().optionalId("owner_unit_id", ownerUnitId).maxLength("description", description, 4000);
        v.throwIfAny();
        RectificationOrderEntity o = lock(id, etag);
        if (o.status == RectificationStatus.DONE || o.status == RectificationStatus.VERIFIED) {
            throw new FailedPreconditionException(
                    "INVALID_STATUS", "a " + o.status + " order cannot change", Map.of("status", o.status.name()));
        }
        if (dueTime != null && !dueTime.isAfter(o.createTime)) {
            throw new InvalidArgumentException("due_time", "must be after the order was issued at " + o.createTime);
        }
        if (Texts.emptyToNull(ownerUnitId) != null) {
            UUID owner = UUID.fromString(ownerUnitId);
            if (standards.unit(owner).isEmpty()) {
                throw new InvalidArgumentException("owner_unit_id", "no unit has this id");
            }
            o.ownerUnitId = owner;
        }
        if (description != null && !description.isBlank()) {
            o.description = description.strip();
        }
        if (dueTime != null) {
            o.dueTime = dueTime.truncatedTo(ChronoUnit.MICROS);
            // A new due time in the future lifts the overdue flag; the watch sets it again if it passes.
            o.overdue = o.overdue && !o.dueTime.isAfter(Instant.now());
        }
        o.updateTime = now();
        orders.flush();
        return o;
    }

    /** Moves an order: start, complete, verify (effective or not). */
    @Transactional
    public RectificationOrderEntity transition(
            String id, String etag, RectificationAction action, String note, boolean effective) {
        Violations v = new Violations().requireEnum("action", action != null).maxLength("note", note, 4000);
        if (action == RectificationAction.COMPLETE || action == RectificationAction.VERIFY) {
            v.requireText("note", note, 4000);
        }
        v.throwIfAny();
        RectificationOrderEntity o = lock(id, etag);
        RectificationStatus to = action.from(o.status, effective)
                .orElseThrow(() -> new FailedPreconditionException(
                        "INVALID_TRANSITION",
                        "cannot " + action + " an order that is " + o.status,
                        Map.of("status", o.status.name(), "action", action.name())));
        Instant now = now();
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
        orders.flush();
        return o;
    }

    private RectificationOrderEntity lock(String id, String etag) {
        RectificationOrderEntity o = orders.findByIdOptional(
                        Violations.parseId("id", id), LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> new NotFoundException("rectification order", id));
        Etags.require(etag, o.version, "rectification order", id, "etag");
        return o;
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
