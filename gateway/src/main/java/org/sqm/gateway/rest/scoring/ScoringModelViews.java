package org.sqm.gateway.rest.scoring;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.sqm.gateway.rest.inspections.InspectionViews.Authority;
import org.sqm.gateway.rest.inspections.InspectionViews.Kind;
import org.sqm.gateway.rest.scoring.ScoringViews.Segment;
import org.sqm.gateway.rest.standards.UnitViews.UnitType;

/**
 * The JSON shapes of scoring models in the REST API. A component's source and mapping are objects
 * with exactly one field set, named after the kind ({@code {"inspectionScore": {...}}}, {@code
 * {"target": {"target": 95, "floor": 80}}}), as the proto's oneofs read in JSON.
 */
public final class ScoringModelViews {

    private ScoringModelViews() {}

    /** What a recompute does when a source has no data for a unit in the period. */
    public enum MissingSourcePolicy {
        RESPREAD,
        INSUFFICIENT_DATA
    }

    /** How a roll-up weighs its children. */
    public enum RollUpWeighting {
        EQUAL,
        CUSTOMERS_SERVED
    }

    /** A source or mapping without settings: the empty object. */
    @Schema(name = "NoSettings")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record NoSettings() {}

    /** The weight of one authority level's mean inspection score, in basis points. */
    @Schema(name = "AuthorityWeight")
    public record AuthorityWeightBody(
            @Schema(required = true) Authority level,
            @Schema(required = true, examples = "5000") Integer weightBasisPoints) {}

    /**
     * The mean score of the unit's finalized inspections of one kind whose window starts in the
     * period, combined over authority levels by weight.
     *
     * @param failedCountsAsZero an inspection failed on a critical element counts 0 instead of its score
     */
    @Schema(name = "InspectionScoreSource")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record InspectionScoreBody(
            @Schema(required = true) Kind kind,
            @Schema(required = true) List<AuthorityWeightBody> authorityWeights,
            Boolean failedCountsAsZero) {}

    /**
     * The satisfaction index of the unit's survey responses dated in the period.
     *
     * @param segment   absent for all segments together
     * @param minSample the fewest responses that count; fewer is a missing source (absent or 0: 1)
     */
    @Schema(name = "SatisfactionIndexSource")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SatisfactionSourceBody(Segment segment, Integer minSample) {}

    /**
     * A sampled indicator's current measurement for the unit and period.
     *
     * @param minSample the smallest denominator or sample size that counts (absent or 0: 1)
     */
    @Schema(name = "IndicatorSource")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record IndicatorSourceBody(@Schema(required = true) String indicatorCode, Integer minSample) {}

    /** Where a component's raw value comes from: exactly one field. */
    @Schema(name = "ComponentSource")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SourceBody(
            InspectionScoreBody inspectionScore,
            SatisfactionSourceBody satisfactionIndex,
            IndicatorSourceBody indicator,
            @Schema(description = "Share of complaints resolved by their deadline, in percent")
                    NoSettings complaintTimeliness,
            @Schema(description = "Complaints per 10 000 customers served") NoSettings complaintRate,
            @Schema(description = "Call-backs made of those owed, in percent") NoSettings callBackCoverage) {}

    /** Score against a target: at or beyond it 100, at or beyond the floor 0, linear between. */
    @Schema(name = "TargetMapping")
    public record TargetBody(@Schema(required = true) Double target, @Schema(required = true) Double floor) {}

    /** How a raw value maps onto 0-100: exactly one field. */
    @Schema(name = "ScoreMapping")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record MappingBody(
            @Schema(description = "The raw value as it is, clamped to [0, 100]") NoSettings direct,
            TargetBody target) {}

    /** One thing a unit is scored on. */
    @Schema(name = "ScoreComponent")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ComponentBody(
            @Schema(required = true, examples = "MYSTERY_SHOPPING") String code,
            @Schema(required = true) String name,
            @Schema(required = true, examples = "5000", description = "1 to 10000; the components add up to 10000")
                    Integer weightBasisPoints,
            @Schema(required = true) SourceBody source,
            @Schema(required = true) MappingBody mapping) {}

    /** A roll-up: the unit's score is the weighted mean of its direct children's scores. */
    @Schema(name = "RollUp")
    public record RollUpBody(@Schema(required = true) RollUpWeighting weighting) {}

    /** A grade from a minimum score. */
    @Schema(name = "GradeBand")
    public record GradeBandBody(
            @Schema(required = true, examples = "A") String grade,
            @Schema(required = true, examples = "90") Double minScore) {}

    /**
     * The unit's complaint rate above the upper quartile (75th percentile) of the units of its type at
     * its level, several months running; fires once per run.
     *
     * @param minUnits the fewest units with a rate at the level for the quartile to count (absent or 0: 4)
     */
    @Schema(name = "ComplaintRateAboveUpperQuartile")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RateAboveQuartileBody(
            @Schema(required = true, examples = "2", description = "1 to 12") Integer consecutiveMonths,
            Integer minUnits) {}

    /**
     * The satisfaction index of all segments fell by more than points against the month before.
     *
     * @param minSample the fewest responses in each of the two months (absent or 0: 30)
     */
    @Schema(name = "SatisfactionIndexDrop")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record IndexDropBody(
            @Schema(required = true, examples = "10", description = "Above 0, at most 100") Double points,
            Integer minSample) {}

    /** The spot check a trigger requests from inspection-service. */
    @Schema(name = "SpotCheckSpec")
    public record SpotCheckSpecBody(
            @Schema(required = true, examples = "SQM-HALL-HOTLINE") String standardCode,
            @Schema(required = true) Authority authorityLevel,
            @Schema(required = true, examples = "14", description = "1 to 90; the window starts when it fires")
                    Integer windowDays) {}

    /** A condition on a unit's monthly figures that requests a spot check: exactly one condition. */
    @Schema(name = "SpotCheckTrigger")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SpotCheckTriggerBody(
            @Schema(required = true, examples = "COMPLAINT_RATE_HIGH") String code,
            RateAboveQuartileBody complaintRateAboveUpperQuartile,
            IndexDropBody satisfactionIndexDrop,
            @Schema(required = true) SpotCheckSpecBody spotCheck) {}

    /**
     * The body that creates a draft version of a scoring model, and a model of a catalogue: version 1
     * of a new code, or the next version of an existing code.
     *
     * @param components         1 to 20 components whose weights add up to 10000; absent for a roll-up
     * @param rollUp             set for a model that scores a unit from its children instead
     * @param deductionCapPoints the most points deductions may take off in one period; absent for no cap
     * @param baseScore          the points a unit scores with every component at 100, before deductions
     * @param gradeBands         by descending minScore; the last starts at 0
     * @param spotCheckTriggers  at most 10, distinct codes: the closed loop's conditions (see /spotChecks)
     */
    @Schema(name = "NewScoringModel")
    public record ScoringModelBody(
            @Schema(required = true, examples = "SERVICE_HALL") String code,
            @Schema(required = true) String name,
            String description,
            @Schema(required = true) UnitType unitType,
            List<ComponentBody> components,
            RollUpBody rollUp,
            @Schema(required = true) MissingSourcePolicy missingSourcePolicy,
            List<String> deductionRuleCodes,
            Double deductionCapPoints,
            @Schema(required = true, examples = "100") Double baseScore,
            @Schema(required = true) List<GradeBandBody> gradeBands,
            List<SpotCheckTriggerBody> spotCheckTriggers) {}

    /** A version of a scoring model. */
    @Schema(name = "ScoringModel")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ScoringModelView(
            @Schema(format = "uuid") String id,
            String code,
            int version,
            String name,
            String description,
            UnitType unitType,
            @Schema(enumeration = {"DRAFT", "PUBLISHED", "RETIRED"}) String state,
            List<ComponentBody> components,
            RollUpBody rollUp,
            MissingSourcePolicy missingSourcePolicy,
            List<String> deductionRuleCodes,
            @Schema(description = "Absent: no cap") Double deductionCapPoints,
            double baseScore,
            List<GradeBandBody> gradeBands,
            List<SpotCheckTriggerBody> spotCheckTriggers,
            String etag,
            @Schema(format = "date-time") String createTime,
            @Schema(format = "date-time") String publishTime,
            @Schema(format = "date-time") String retireTime) {}
}
