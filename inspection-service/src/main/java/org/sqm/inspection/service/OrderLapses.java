package org.sqm.inspection.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.sqm.commons.convert.Texts;
import org.sqm.inspection.domain.OrderLapse;

/**
 * Finds the order lapses of a period in the database, one batch per call (one short transaction), in
 * the feed's order: occurred time, then lapse id (byte order). A lapse is
 * <ul>
 *   <li>a rectification or supervision order completed after its due time within the period
 *       (occurred: the completion);
 *   <li>an order still not done at the period's end, past its due time (occurred: the period's end);
 *   <li>a status report submitted after its due time within the period (occurred: the submission);
 *   <li>a status report due before the period's end (or before the order's completion within the
 *       period) and not submitted by then (occurred: the period's end, or the completion).
 * </ul>
 * "Done" is the order's status now: a rectification order that verification reopened counts as open
 * (the feed refuses period ends in the future, so "now" is after every period end it is asked about).
 */
@ApplicationScoped
@Transactional
public class OrderLapses {

    private static final String TITLE = "LEFT(%s, 100)";

    /** Every lapse of [:start, :end) after (:afterTime, :afterId), by occurred time and id. */
    private static final String SQL = "SELECT lapse_id, kind, order_kind, order_id, unit_id, due_time, occurred, title,"
            + " how, report_number FROM ("
            + notDoneInTime("RECTIFICATION", "rectification_order", "owner_unit_id", "description", "create_time")
            + " UNION ALL"
            + notDoneInTime("SUPERVISION", "supervision_order", "unit_id", "problem", "issue_time")
            // status reports submitted late within the period
            + " UNION ALL SELECT o.id::text || ':REPORT:' || r.number, 'STATUS_REPORT_LATE', 'SUPERVISION', o.id,"
            + " o.unit_id, r.due_time, r.submit_time, " + title("o.problem") + ", 'SUBMITTED_LATE', r.number"
            + " FROM supervision_report r JOIN supervision_order o ON o.id = r.order_id"
            + " WHERE r.late AND r.submit_time >= :start AND r.submit_time < :end"
            // status reports due and not submitted at the period's end (or at a completion within it):
            // reports are numbered in submission order, so those after the count submitted by then are missing
            + " UNION ALL SELECT o.id::text || ':REPORT:' || n, 'STATUS_REPORT_LATE', 'SUPERVISION', o.id, o.unit_id,"
            + " o.issue_time + (n * o.report_interval_seconds) * interval '1 second', t.at, " + title("o.problem") + ","
            + " CASE WHEN t.at < :end THEN 'MISSING_AT_COMPLETION' ELSE 'MISSING_AT_END' END, n"
            + " FROM supervision_order o"
            + " CROSS JOIN LATERAL (SELECT CASE WHEN o.status = 'DONE' AND o.done_time < :end THEN o.done_time"
            + " ELSE CAST(:end AS timestamptz) END AS at) t"
            + " CROSS JOIN LATERAL generate_series("
            + " (SELECT count(*) FROM supervision_report r WHERE r.order_id = o.id AND r.submit_time < t.at)::integer + 1,"
            + " CASE WHEN t.at > o.issue_time THEN (((extract(epoch FROM t.at - o.issue_time) * 1000000)::bigint - 1)"
            + " / (o.report_interval_seconds * 1000000))::integer ELSE 0 END) AS n"
            + " WHERE o.issue_time < :end AND (o.status <> 'DONE' OR o.done_time >= :start)"
            // Lapse ids compare byte by byte ("C"), whatever the database's collation, so the order is the same
            // everywhere.
            + ") lapses WHERE (occurred, lapse_id COLLATE \"C\") > (CAST(:afterTime AS timestamptz),"
            + " CAST(:afterId AS text) COLLATE \"C\") ORDER BY occurred, lapse_id COLLATE \"C\" LIMIT :size";

    /** The orders whose status says they are done: DONE, and for rectification also VERIFIED. */
    private static final String DONE = "o.status IN ('DONE', 'VERIFIED')";

    private final EntityManager em;

    public OrderLapses(EntityManager em) {
        this.em = em;
    }

    private static String title(String column) {
        return String.format(TITLE, column);
    }

    /**
     * The NOT_DONE_IN_TIME lapses of one table of orders: completed after the due time within the
     * period (occurred: the completion), or not done at the period's end past the due time (occurred:
     * the end).
     */
    private static String notDoneInTime(
            String orderKind, String table, String unit, String titleColumn, String created) {
        String select = " SELECT o.id::text || ':NOT_DONE_IN_TIME' AS lapse_id, 'ORDER_NOT_DONE_IN_TIME' AS kind, '"
                + orderKind + "' AS order_kind, o.id AS order_id, o." + unit + " AS unit_id, o.due_time, ";
        String from = " FROM " + table + " o WHERE ";
        return select + "o.done_time AS occurred, " + title("o." + titleColumn) + " AS title, 'COMPLETED' AS how,"
                + " CAST(NULL AS integer) AS report_number" + from + DONE + " AND o.done_time >= :start"
                + " AND o.done_time < :end AND o.done_time > o.due_time"
                + " UNION ALL" + select + "CAST(:end AS timestamptz), " + title("o." + titleColumn)
                + ", 'OPEN_AT_END', NULL"
                + from + "o.due_time < :end AND o." + created + " < :end AND (NOT " + DONE + " OR o.done_time >= :end)";
    }

    /**
     * Up to {@code size} lapses of [start, end) after (afterTime, afterId), or from the first when
     * {@code afterTime} is null.
     */
    public List<OrderLapse> batch(Instant start, Instant end, Instant afterTime, String afterId, int size) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(SQL)
                .setParameter("start", start)
                .setParameter("end", end)
                // Every lapse occurs at or after the period's start: one microsecond before it is before all.
                .setParameter("afterTime", afterTime == null ? start.minusNanos(1000) : afterTime)
                .setParameter("afterId", afterTime == null ? "" : afterId)
                .setParameter("size", size)
                .getResultList();
        return rows.stream().map(OrderLapses::lapse).toList();
    }

    private static OrderLapse lapse(Object[] row) {
        OrderLapse.Kind kind = OrderLapse.Kind.valueOf((String) row[1]);
        OrderLapse.OrderKind orderKind = OrderLapse.OrderKind.valueOf((String) row[2]);
        Instant due = instant(row[5]);
        Instant occurred = instant(row[6]);
        return new OrderLapse(
                (String) row[0],
                kind,
                orderKind,
                (UUID) row[3],
                (UUID) row[4],
                due,
                occurred,
                description(orderKind, (String) row[7], (String) row[8], row[9], due, occurred));
    }

    /** The lapse in words, for a violation's evidence. */
    private static String description(
            OrderLapse.OrderKind orderKind,
            String title,
            String how,
            Object reportNumber,
            Instant due,
            Instant occurred) {
        String order = orderKind.name().toLowerCase() + " order '" + Texts.nullToEmpty(title) + "'";
        String subject = reportNumber == null ? order : "status report " + reportNumber + " of " + order;
        String what =
                switch (how) {
                    case "COMPLETED" -> "completed " + occurred;
                    case "SUBMITTED_LATE" -> "submitted " + occurred;
                    case "MISSING_AT_COMPLETION" -> "never submitted; the order was completed " + occurred;
                    case "MISSING_AT_END" -> "not submitted by " + occurred;
                    default -> "still not done at " + occurred;
                };
        return subject + " due " + due + ", " + what;
    }

    /** A timestamptz as the driver hands it to a native query. */
    private static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }
}
