package org.sqm.scoring.service;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.sqm.proto.inspection.v1.AuthorityLevel;
import org.sqm.proto.inspection.v1.InspectionKind;
import org.sqm.proto.standards.v1.UnitType;

/** What the scorecard calculator computes from: one unit's gathered inputs of one month, as plain values. */
public final class ScorecardInputs {

    private ScorecardInputs() {}

    /**
     * A unit as scored.
     *
     * @param parentId the parent's id, or empty at the top
     * @param level its depth, 0 at the top
     */
    public record UnitInfo(String id, String code, String name, UnitType type, String parentId, int level) {}

    /**
     * A finalized inspection as inspection-service scored it.
     *
     * @param score null when no element counted
     * @param failedElements the critical elements that failed, when {@code failed}
     */
    public record Inspection(
            String id,
            InspectionKind kind,
            AuthorityLevel level,
            Double score,
            boolean failed,
            List<String> failedElements) {}

    /**
     * The current responses of one survey batch and one segment in the month: how many and the sum of
     * their scores normalised to 0-100.
     */
    public record SurveyGroup(String batchId, String segment, long responses, double normalisedSum) {}

    /** A current measurement: a rate when {@code denominator} is above 0, else a mean over {@code sampleSize}. */
    public record Measurement(String batchId, long numerator, long denominator, double mean, long sampleSize) {

        public boolean rate() {
            return denominator > 0;
        }
    }

    /** A unit's complaint statistics for the month from complaint-service. */
    public record ComplaintStats(
            long received,
            long resolved,
            long resolvedWithinDeadline,
            double shareResolvedWithinDeadline,
            long callBacksRequired,
            long callBacksDone) {}

    /** A current customers-served figure. */
    public record Customers(String batchId, long customers) {}

    /** A not withdrawn violation of the ledger. */
    public record Violation(String id, String ruleCode, int pointsMillis, Instant occurredTime) {}

    /**
     * Everything a unit's month is computed from; absent sources are empty lists, empty maps or null.
     *
     * @param measurements by indicator code
     * @param complaints null when complaint-service has no complaint of the unit in the month
     */
    public record Month(
            List<Inspection> inspections,
            List<SurveyGroup> surveys,
            Map<String, Measurement> measurements,
            ComplaintStats complaints,
            Customers customers,
            List<Violation> violations) {

        public static Month empty() {
            return new Month(List.of(), List.of(), Map.of(), null, null, List.of());
        }
    }

    /**
     * A scorecard of this run another one is computed from: a roll-up's child or a quarter's month.
     *
     * @param score null without a score
     */
    public record CardRef(String id, String unitId, String period, Double score, String fingerprint) {}

    /**
     * A child of a roll-up unit.
     *
     * @param card its scorecard of the month in this run, or null
     * @param customers its current customers-served figure of the month, or null
     */
    public record Child(UnitInfo unit, CardRef card, Customers customers) {}

    /**
     * A month of a quarter or a quarter of a year.
     *
     * @param card the unit's scorecard of the sub-period in this run, or null
     */
    public record SubPeriod(String period, CardRef card) {}
}
