package org.sqm.scoring.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.sqm.commons.error.Violations;
import org.sqm.scoring.domain.CustomerSegment;
import org.sqm.scoring.domain.Period;

/**
 * The satisfaction index of a unit, a segment (or all) and a period: the mean of the current
 * responses' scores on 0-100, computed by the database, with a 95 % confidence interval by Student's
 * t. Every method is one transaction of database work.
 */
@ApplicationScoped
@Transactional
public class SatisfactionIndexes {

    /** The index of the counted responses: the mean of their scores on 0-100. */
    private static final String MEAN = "avg(r.normalised)";

    private final EntityManager em;
    private final CallerUnits scopes;

    public SatisfactionIndexes(EntityManager em, CallerUnits scopes) {
        this.em = em;
        this.scopes = scopes;
    }

    /**
     * An index and what it rests on; {@code index}, {@code standardDeviation} and the interval are
     * null when there are too few responses to give them (none; below two for the deviation).
     */
    public record Index(
            UUID unitId,
            CustomerSegment segment,
            String period,
            long sampleSize,
            Double index,
            Double standardDeviation,
            Double lower,
            Double upper,
            List<String> batchIds) {}

    /**
     * The index of the unit for the segment (null: all segments, every response weighing the same)
     * over the responses dated in the period, from batches no correction superseded.
     *
     * @param segmentKnown false when the caller named a segment this version does not know
     */
    public Index of(String unitId, CustomerSegment segment, boolean segmentKnown, String periodText) {
        new Violations()
                .check(unitId != null && !unitId.isEmpty(), "unit_id", "is required")
                .optionalId("unit_id", unitId)
                .check(segmentKnown, "segment", "must be one of the documented values or unset for all segments")
                .check(Period.parse(periodText).isPresent(), "period", Period.FORMAT)
                .throwIfAny();
        UUID unit = UUID.fromString(unitId);
        scopes.requireVisible(unit, "unit", unitId);
        Period period = Period.parse(periodText).orElseThrow();
        String where = " from survey_response r where " + counted(":start", ":end")
                + (segment == null ? "" : " and r.segment = :segment");
        Object[] row = (Object[]) bind(
                        em.createNativeQuery("select count(*), " + MEAN + ", stddev_samp(r.normalised)" + where),
                        unit,
                        period,
                        segment)
                .getSingleResult();
        @SuppressWarnings("unchecked") // a one-column native query answers that column's values
        List<String> batchIds = bind(
                        em.createNativeQuery("select distinct b.batch_id from input_batch b where b.id in"
                                + " (select r.batch_pk" + where + ") order by b.batch_id"),
                        unit,
                        period,
                        segment)
                .getResultList();
        long n = ((Number) row[0]).longValue();
        Double mean = row[1] == null ? null : ((Number) row[1]).doubleValue();
        Double sd = row[2] == null ? null : ((Number) row[2]).doubleValue();
        Interval ci = interval(n, mean, sd);
        return new Index(
                unit,
                segment,
                period.text(),
                n,
                mean,
                sd,
                ci == null ? null : ci.lower(),
                ci == null ? null : ci.upper(),
                batchIds);
    }

    /**
     * The index over all segments of each period for the unit, by period text, exactly as {@link #of}
     * gives it, computed in one query for all the periods (a trend's twelve months are one round trip,
     * not twelve); a period without responses is left out. The caller has checked that it may see the
     * unit.
     */
    public Map<String, Double> ofPeriods(UUID unit, List<Period> periods) {
        if (periods.isEmpty()) {
            return Map.of();
        }
        StringBuilder values = new StringBuilder();
        for (int i = 0; i < periods.size(); i++) {
            values.append(i == 0 ? "" : ", ")
                    .append("(cast(:period")
                    .append(i)
                    .append(" as varchar), cast(:start")
                    .append(i)
                    .append(" as date), cast(:end")
                    .append(i)
                    .append(" as date))");
        }
        Query query = em.createNativeQuery("select p.period, " + MEAN + " from (values " + values
                        + ") as p(period, first_day, end_day) join survey_response r on "
                        + counted("p.first_day", "p.end_day") + " group by p.period")
                .setParameter("unit", unit);
        for (int i = 0; i < periods.size(); i++) {
            Period period = periods.get(i);
            query.setParameter("period" + i, period.text())
                    .setParameter("start" + i, period.start())
                    .setParameter("end" + i, period.end());
        }
        Map<String, Double> indexes = new HashMap<>();
        for (Object result : query.getResultList()) {
            Object[] row = (Object[]) result;
            indexes.put((String) row[0], ((Number) row[1]).doubleValue());
        }
        return indexes;
    }

    /**
     * The responses an index counts, the one rule every index here follows: the unit's current
     * responses (no correction superseded their batch) dated from {@code start} up to, not including,
     * {@code end}.
     */
    private static String counted(String start, String end) {
        return "r.current and r.unit_id = :unit and r.response_date >= " + start + " and r.response_date < " + end;
    }

    /** A 95 % confidence interval on 0-100. */
    public record Interval(double lower, double upper) {}

    /**
     * The 95 % interval of a mean of {@code n} scores on 0-100 with the sample standard deviation
     * {@code sd}: mean ± t(0.975, n-1) × sd / √n clamped to the scale; null for no scores.
     */
    static Interval interval(long n, Double mean, Double sd) {
        if (n < 1) {
            return null;
        }
        if (n == 1) {
            // One answer says nothing about the spread: the interval is the whole scale.
            return new Interval(0, 100);
        }
        double half = StudentT.quantile975(n - 1) * sd / Math.sqrt(n);
        return new Interval(Math.max(0, mean - half), Math.min(100, mean + half));
    }

    private static Query bind(Query query, UUID unit, Period period, CustomerSegment segment) {
        query.setParameter("unit", unit).setParameter("start", period.start()).setParameter("end", period.end());
        if (segment != null) {
            query.setParameter("segment", segment.name());
        }
        return query;
    }
}
