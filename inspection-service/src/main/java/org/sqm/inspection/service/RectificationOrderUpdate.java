package org.sqm.inspection.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.sqm.commons.error.InvalidArgumentException;
import org.sqm.commons.error.Violations;
import org.sqm.inspection.service.RectificationOrders.OrderChange;

/**
 * Changes the owner, description or due time of an order (AIP-134: the fields the mask names). A new
 * owner is checked with standards-service while no transaction is open, between a short read that
 * refuses early and the short write that re-checks the etag under a lock.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.NEVER)
public class RectificationOrderUpdate {

    static final List<String> UPDATABLE = List.of("owner_unit_id", "description", "due_time");

    private final RectificationOrders orders;
    private final Standards standards;
    private final InspectionAccess access;

    public RectificationOrderUpdate(RectificationOrders orders, Standards standards, InspectionAccess access) {
        this.orders = orders;
        this.standards = standards;
        this.access = access;
    }

    /** Changes the fields {@code mask} names; a field not named is left alone. */
    public RectificationOrders.OrderView update(OrderChange change, List<String> mask) {
        Set<String> paths = Set.copyOf(mask);
        Violations v = Moves.checkActor(new Violations().updateMask(mask, UPDATABLE), change.actor());
        if (paths.contains("owner_unit_id")) {
            v.check(!change.ownerUnitId().isEmpty(), "order.owner_unit_id", "is required: the update_mask names it")
                    .optionalId("order.owner_unit_id", change.ownerUnitId());
        }
        if (paths.contains("description")) {
            v.requireText("order.description", change.description(), 4000);
        }
        if (paths.contains("due_time")) {
            v.check(change.dueTime() != null, "order.due_time", "is required: the update_mask names it");
        }
        v.throwIfAny();
        if (paths.contains("owner_unit_id")) {
            orders.requireChangeable(change.id(), change.etag());
            access.requireVisible(UUID.fromString(change.ownerUnitId()), "unit", change.ownerUnitId());
            if (standards.unit(UUID.fromString(change.ownerUnitId())).isEmpty()) {
                throw new InvalidArgumentException("order.owner_unit_id", "no unit has this id");
            }
        }
        return orders.update(change, paths);
    }
}
