package org.sqm.scoring.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.util.List;
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
        String where = " from survey_response r where r.current and r.unit_id = :unit"
                + " and r.response_date >= :start and r.response_date < :end"
                + (segment == null ? "" : " and r.segment = :segment");
        Object[] row = (Object[]) bind(
                        em.createNativeQuery("select count(*), avg(r.normalised), stddev_samp(r.normalised)" + where),
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
