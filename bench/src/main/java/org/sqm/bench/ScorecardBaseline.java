package org.sqm.bench;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * What a month's recompute reads, as plain SQL straight in each service's database: the units to
 * score, complaint statistics per unit (complaint-service's own feed aggregation), the mean inspection
 * score per unit, kind and authority level by window start, the survey index and count per unit, per
 * unit and segment and per unit and batch, violations per unit and rule, customers served and the
 * indicators' measurements per unit. Each query on a new connection (as a fresh service transaction
 * would plan it), every column of every row read; their times are summed into the baseline.
 */
final class ScorecardBaseline {

    /**
     * One query's time and answer: its rows and what they count (complaints, inspections, survey
     * responses or violations), to check against what was seeded.
     */
    record Timing(String name, String database, double seconds, long rows, long counted) {}

    /** Binds a query's parameters. */
    private interface Binder {
        void bind(PreparedStatement query) throws SQLException;
    }

    /**
     * A query, the database it runs in, and the column whose sum is checked against the seed (0: none;
     * the survey query sums only its per-unit rows, GROUPING 3).
     */
    private record Query(String name, String database, String sql, Binder binder, int counted) {}

    static final String UNITS = "units to score (standards)";
    static final String COMPLAINTS = "complaint statistics per unit (complaint)";
    static final String INSPECTIONS = "inspection mean score per unit, kind, authority (inspection)";
    static final String SURVEYS = "survey index and count per unit, segment, batch (scoring)";
    static final String VIOLATIONS = "violations per unit and rule (scoring)";
    static final String CUSTOMERS = "customers served per unit (scoring)";
    static final String MEASUREMENTS = "indicator measurements per unit (scoring)";

    private ScorecardBaseline() {}

    private static List<Query> queries(YearMonth month, Instant from, Instant to) {
        Binder instants = q -> {
            q.setTimestamp(1, Timestamp.from(from));
            q.setTimestamp(2, Timestamp.from(to));
        };
        Binder dates = q -> {
            q.setDate(1, Date.valueOf(month.atDay(1)));
            q.setDate(2, Date.valueOf(month.plusMonths(1).atDay(1)));
        };
        Binder period = q -> q.setString(1, month.toString());
        List<Query> queries = new ArrayList<>();
        queries.add(new Query(
                UNITS,
                "standards",
                "SELECT id, code, name, type, parent_id FROM unit WHERE state = 'ACTIVE' ORDER BY code",
                q -> {},
                0));
        queries.add(new Query(COMPLAINTS, "complaint", ComplaintFeedBenchmark.AGGREGATION, instants, 2));
        queries.add(new Query(
                INSPECTIONS,
                "inspection",
                """
                SELECT unit_id, kind, authority_level, count(*), count(score), avg(score),
                       avg(CASE WHEN failed THEN 0 ELSE score END), count(*) FILTER (WHERE failed)
                FROM inspection
                WHERE status = 'FINALIZED' AND window_start >= ? AND window_start < ?
                GROUP BY unit_id, kind, authority_level""",
                instants,
                4));
        queries.add(new Query(
                SURVEYS,
                "scoring",
                """
                SELECT r.unit_id, r.segment, b.batch_id, count(*), avg(r.normalised), GROUPING(r.segment, b.batch_id)
                FROM survey_response r JOIN input_batch b ON b.id = r.batch_pk
                WHERE r.current AND r.response_date >= ? AND r.response_date < ?
                GROUP BY GROUPING SETS ((r.unit_id), (r.unit_id, r.segment), (r.unit_id, b.batch_id))""",
                dates,
                4));
        queries.add(new Query(
                VIOLATIONS,
                "scoring",
                """
                SELECT v.unit_id, v.rule_code, count(*), sum(v.points_millis)
                FROM violation v
                WHERE v.occurred_time >= ? AND v.occurred_time < ?
                  AND NOT EXISTS (SELECT 1 FROM violation_withdrawal w WHERE w.violation_id = v.id)
                GROUP BY v.unit_id, v.rule_code""",
                instants,
                3));
        queries.add(new Query(
                CUSTOMERS,
                "scoring",
                """
                SELECT c.unit_id, c.customers, b.batch_id
                FROM customers_served c JOIN input_batch b ON b.id = c.batch_pk
                WHERE c.current AND c.period = ?""",
                period,
                0));
        queries.add(new Query(
                MEASUREMENTS,
                "scoring",
                """
                SELECT m.unit_id, m.indicator_code, m.numerator, m.denominator, m.mean, m.sample_size, b.batch_id
                FROM measurement m JOIN input_batch b ON b.id = m.batch_pk
                WHERE m.current AND m.period = ?""",
                period,
                0));
        return queries;
    }

    /** Runs every query once, in order; answers their timings. */
    static List<Timing> run(BenchContext ctx, YearMonth month, Instant from, Instant to) throws SQLException {
        List<Timing> timings = new ArrayList<>();
        for (Query q : queries(month, from, to)) {
            long start = System.nanoTime();
            long rows = 0;
            long counted = 0;
            try (Connection db = ctx.connect(q.database());
                    PreparedStatement query = db.prepareStatement(q.sql())) {
                q.binder().bind(query);
                try (ResultSet rs = query.executeQuery()) {
                    int columns = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        for (int i = 1; i <= columns; i++) {
                            rs.getObject(i);
                        }
                        rows++;
                        if (q.counted() > 0 && (!q.name().equals(SURVEYS) || rs.getInt(6) == 3)) {
                            counted += rs.getLong(q.counted());
                        }
                    }
                }
            }
            timings.add(new Timing(q.name(), q.database(), (System.nanoTime() - start) / 1e9, rows, counted));
        }
        return timings;
    }

    /** The sum of the timings' seconds. */
    static double seconds(List<Timing> timings) {
        return timings.stream().mapToDouble(Timing::seconds).sum();
    }
}
