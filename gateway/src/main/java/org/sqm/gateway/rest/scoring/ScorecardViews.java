package org.sqm.gateway.rest.scoring;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.sqm.gateway.rest.scoring.ScoringModelViews.SourceBody;
import org.sqm.gateway.rest.standards.UnitViews.UnitType;

/** The JSON shapes of scorecards, score trends and recompute operations in the REST API. */
public final class ScorecardViews {

    private ScorecardViews() {}

    /** The period to recompute. */
    @Schema(name = "RecomputeScorecards")
    public record RecomputeBody(
            @Schema(required = true, examples = "2026-03", description = "A month, quarter or year that has ended")
                    String period) {}

    /** One identified input and what was taken from it. */
    @Schema(name = "ScorecardInput")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record InputView(
            @Schema(
                            enumeration = {
                                "INSPECTION",
                                "SURVEY_BATCH",
                                "MEASUREMENT_BATCH",
                                "CUSTOMERS_SERVED_BATCH",
                                "COMPLAINT_STATISTICS",
                                "VIOLATION",
                                "SCORECARD"
                            })
                    String kind,
            @Schema(description = "Its id in the context that owns it") String id,
            double value,
            String detail) {}

    /**
     * One component as computed.
     *
     * @param effectiveWeightPercent the weight used after re-spreading missing components' weights
     * @param contribution           mappedValue x effectiveWeightPercent / 100
     */
    @Schema(name = "ComponentScore")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ComponentScoreView(
            String code,
            String name,
            SourceBody source,
            int weightBasisPoints,
            boolean present,
            String missingReason,
            Double rawValue,
            Double mappedValue,
            String mappingRule,
            double effectiveWeightPercent,
            double contribution,
            List<InputView> inputs) {}

    /** One deduction as applied. */
    @Schema(name = "DeductionApplied")
    public record DeductionView(
            @Schema(format = "uuid") String violationId,
            String ruleCode,
            double points,
            @Schema(format = "date-time") String occurredTime) {}

    /** One child of a roll-up as used. */
    @Schema(name = "ChildScore")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ChildView(
            @Schema(format = "uuid") String unitId,
            String unitCode,
            String scorecardId,
            Double score,
            boolean present,
            String missingReason,
            long customersServed,
            double effectiveWeightPercent,
            double contribution) {}

    /** One month of a quarter, or one quarter of a year, as averaged. */
    @Schema(name = "SubPeriodScore")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SubPeriodView(
            String period, String scorecardId, Double score, boolean present, String missingReason) {}

    /**
     * A unit's score for a period and how it came about, point by point.
     *
     * @param explanation       this scorecard without id, operation and compute time as canonical JSON:
     *                          the same inputs give the same text
     * @param inputsFingerprint SHA-256 (hex) of every input: equal fingerprints, equal inputs
     */
    @Schema(name = "Scorecard")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ScorecardView(
            @Schema(format = "uuid") String id,
            @Schema(format = "uuid") String unitId,
            String unitCode,
            String unitName,
            UnitType unitType,
            @Schema(format = "uuid") String parentUnitId,
            @Schema(description = "Depth in the hierarchy: 0 at the top") int level,
            String period,
            @Schema(enumeration = {"SCORED", "INSUFFICIENT_DATA"}) String status,
            @Schema(format = "uuid") String modelId,
            String modelCode,
            int modelVersion,
            List<ComponentScoreView> components,
            List<ChildView> children,
            List<SubPeriodView> subPeriods,
            Double weightedScore,
            double baseScore,
            List<DeductionView> deductions,
            double deductionPoints,
            boolean deductionCapped,
            Double score,
            String grade,
            List<String> insufficientDataReasons,
            String inputsFingerprint,
            String explanation,
            @Schema(examples = "operations/8f0c…") String operation,
            @Schema(format = "date-time") String computeTime) {}

    /**
     * One period of a trend; without a scorecard only the period and, when it has survey responses,
     * the satisfaction index are set.
     */
    @Schema(name = "TrendPoint")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TrendPointView(
            String period,
            @Schema(enumeration = {"SCORED", "INSUFFICIENT_DATA"}) String status,
            Double score,
            String grade,
            @Schema(format = "uuid") String modelId,
            Integer modelVersion,
            @Schema(format = "uuid") String scorecardId,
            @Schema(
                            description = "The unit's satisfaction index for the period over all segments (0-100),"
                                    + " the index GET /api/v1/units/{id}/satisfactionIndex gives without a segment;"
                                    + " absent when the period has no survey responses. It does not need a"
                                    + " scorecard.",
                            minimum = "0",
                            maximum = "100")
                    Double satisfactionIndex) {}

    /** A unit's scores over consecutive periods, oldest first. */
    @Schema(name = "ScoreTrend")
    public record TrendView(
            @Schema(format = "uuid") String unitId,
            List<TrendPointView> points,
            @JsonInclude(JsonInclude.Include.NON_NULL)
                    @Schema(
                            description = "With includeLatestScorecard=true: the full scorecard of the latest point"
                                    + " with a scorecardId, as GET /api/v1/units/{id}/scorecards/{period} gives it;"
                                    + " absent when not asked for or when no period of the trend has one")
                    ScorecardView latestScorecard) {}

    /** The progress of a recompute. */
    @Schema(name = "RecomputeProgress")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RecomputeMetadataView(
            String period,
            @Schema(examples = "scoring 2026-03") String stage,
            long unitsTotal,
            long unitsDone,
            int progressPercent,
            @Schema(format = "date-time") String startTime,
            @Schema(format = "date-time", description = "Absent while it runs") String endTime,
            boolean cancelRequested) {}

    /** A unit that could not be scored, and why. */
    @Schema(name = "UnscoredUnit")
    public record UnscoredUnitView(
            @Schema(format = "uuid") String unitId, String unitCode, String period, String reason) {}

    /** What a completed recompute wrote. */
    @Schema(name = "RecomputeResult")
    public record RecomputeResultView(
            String period,
            long scored,
            long insufficientData,
            @Schema(description = "At most the first 1000") List<UnscoredUnitView> unscoredUnits,
            long unscored,
            List<String> modelIds) {}

    /**
     * Why an operation failed or was cancelled.
     *
     * @param code    the canonical gRPC code's name, e.g. CANCELLED, FAILED_PRECONDITION
     * @param reason  the ErrorInfo reason among the details, when there is one
     * @param details the google.rpc error details, each with its {@code @type}
     */
    @Schema(name = "OperationError")
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record OperationErrorView(String code, String message, String reason, List<JsonNode> details) {}

    /**
     * A long-running operation (AIP-151): a recompute. When done, exactly one of response and error.
     *
     * @param name "operations/{id}"; read it at /api/v1/operations/{id}
     */
    @Schema(name = "Operation")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record OperationView(
            @Schema(examples = "operations/8f0c…") String name,
            boolean done,
            RecomputeMetadataView metadata,
            RecomputeResultView response,
            OperationErrorView error) {}
}
