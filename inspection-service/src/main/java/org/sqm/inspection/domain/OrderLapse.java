package org.sqm.inspection.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * One lapse of an order, as scoring deducts for it: an order not done by its due time, or a status
 * report of a supervision order not submitted by its due time. The id is stable ("<order id>:
 * NOT_DONE_IN_TIME", "<order id>:REPORT:<n>"), so the same lapse found in two periods is one lapse.
 */
public record OrderLapse(
        String lapseId,
        Kind kind,
        OrderKind orderKind,
        UUID orderId,
        UUID unitId,
        Instant dueTime,
        Instant occurredTime,
        String description) {

    /** What went wrong. */
    public enum Kind {
        ORDER_NOT_DONE_IN_TIME,
        STATUS_REPORT_LATE
    }

    /** Which kind of order. */
    public enum OrderKind {
        RECTIFICATION,
        SUPERVISION
    }
}
