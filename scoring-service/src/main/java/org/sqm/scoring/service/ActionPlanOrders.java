package org.sqm.scoring.service;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** The rectification orders of certifications' action plans, as inspection-service has them now. */
public interface ActionPlanOrders {

    /** Where an order is. */
    enum Status {
        OPEN,
        IN_PROGRESS,
        DONE,
        VERIFIED
    }

    /** One order: when it is due and where it is. */
    record Order(UUID id, Instant dueTime, Status status) {

        /** Whether it is past its due time and neither done nor verified. */
        public boolean overdue(Instant now) {
            return !dueTime.isAfter(now) && (status == Status.OPEN || status == Status.IN_PROGRESS);
        }
    }

    /** The order, or empty when inspection-service has none with the id. Never inside a transaction. */
    Optional<Order> find(UUID id);
}
