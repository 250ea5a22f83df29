package org.sqm.scoring.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What scoring reads from inspection-service: the order lapses a period ends with, for every unit at once. */
public interface OrderLapses {

    /** What went wrong with an order. */
    enum Kind {
        /** Not done by its due time: completed late, or still open at a period's end past it. */
        ORDER_NOT_DONE_IN_TIME,
        /** A status report came after its due time or had not come at a period's end. */
        STATUS_REPORT_LATE
    }

    /** Which kind of order lapsed. */
    enum OrderKind {
        RECTIFICATION,
        SUPERVISION
    }

    /** One lapse, with the stable id that makes its violation unique. */
    record Lapse(
            String lapseId,
            Kind kind,
            OrderKind orderKind,
            String orderId,
            UUID unitId,
            Instant dueTime,
            Instant occurredTime,
            String description) {}

    /** Every lapse of [start, end), read in one streamed call. */
    List<Lapse> lapses(Instant start, Instant end);
}
