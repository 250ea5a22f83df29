package org.sqm.gateway.rest.scoring;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.sqm.gateway.rest.standards.UnitViews.UnitType;

/** The JSON shapes of scoring's inputs in the REST API: indicators, batches, the satisfaction index, deductions and violations. */
public final class ScoringViews {

    private ScoringViews() {}

    /** What a measurement of an indicator carries. */
    public enum IndicatorKind {
        RATE,
        MEAN
    }

    /** Which way an indicator improves. */
    public enum Direction {
        HIGHER_IS_BETTER,
        LOWER_IS_BETTER
    }

    /** The customer segments surveyed. */
    public enum Segment {
        MOBILE,
        HOME,
        BUSINESS,
        VIP,
        BROADBAND
    }

    /**
     * The body that creates an indicator, and an indicator of a catalogue.
     *
     * @param code      unique: 1 to 64 letters, digits, '.', '_', '-'
     * @param counted   what the numerator and denominator (or the mean) count
     * @param unitType  the type of unit it is measured for; absent for any
     */
    @Schema(name = "NewIndicator")
    public record IndicatorBody(
            @Schema(required = true, examples = "FIELD_APPOINTMENT_KEEPING") String code,
            @Schema(required = true) String name,
            @Schema(required = true) String counted,
            @Schema(required = true) IndicatorKind kind,
            @Schema(required = true) Direction direction,
            UnitType unitType) {}

    /** A sampled indicator. */
    @Schema(name = "Indicator")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record IndicatorView(
            @Schema(format = "uuid") String id,
            String code,
            String name,
            String counted,
            IndicatorKind kind,
            Direction direction,
            @Schema(description = "Absent: units of any type") UnitType unitType,
            @Schema(format = "date-time") String createTime) {}

    /**
     * The body that creates a deduction rule, and a rule of a catalogue.
     *
     * @param pointsMillis the points deducted per violation in thousandths (500 = 0.5 points), 1 to 100000
     */
    @Schema(name = "NewDeductionRule")
    public record DeductionRuleBody(
            @Schema(required = true, examples = "REPORT_LATE") String code,
            @Schema(required = true) String description,
            @Schema(required = true, examples = "500") Integer pointsMillis) {}

    /** A deduction rule. */
    @Schema(name = "DeductionRule")
    public record DeductionRuleView(
            @Schema(format = "uuid") String id,
            String code,
            String description,
            int pointsMillis,
            @Schema(format = "date-time") String createTime) {}

    /** A catalogue to load: indicators, deduction rules and scoring models (each created and published as version 1). */
    @Schema(name = "ScoringCatalogue")
    public record CatalogueBody(
            List<IndicatorBody> indicators,
            List<DeductionRuleBody> deductionRules,
            List<ScoringModelViews.ScoringModelBody> scoringModels,
            List<AccreditationViews.AccreditationRulesBody> accreditationRules) {}

    /** What loading a catalogue did to one entry. */
    @Schema(name = "CatalogueEntryOutcome")
    public record CatalogueEntryView(
            @Schema(enumeration = {"indicator", "deduction_rule", "scoring_model", "accreditation_rules"}) String kind,
            String code,
            @Schema(format = "uuid") String id,
            @Schema(enumeration = {"CREATED", "UNCHANGED", "DIFFERENT"}) String outcome) {}

    /**
     * What loading a catalogue did, entry by entry: indicators, then deduction rules, then scoring models,
     * then accreditation rules.
     */
    @Schema(name = "CatalogueLoad")
    public record CatalogueLoadView(List<CatalogueEntryView> entries) {}

    /**
     * One measurement of a batch: a rate's numerator and denominator, or a mean and its sample size.
     *
     * @param period "2026-03", "2026-Q1" or "2026"; not in the future
     */
    @Schema(name = "MeasurementItem")
    public record MeasurementItemBody(
            @Schema(required = true, format = "uuid") String unitId,
            @Schema(required = true) String indicatorCode,
            @Schema(required = true, examples = "2026-03") String period,
            Long numerator,
            Long denominator,
            Double mean,
            Long sampleSize) {}

    /** A batch of measurements; a correction names the batch it supersedes. */
    @Schema(name = "MeasurementBatch")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record MeasurementBatchBody(
            @Schema(required = true, examples = "field-sampling-2026-03") String batchId,
            @Schema(required = true) String source,
            String supersedesBatchId,
            @Schema(required = true) List<MeasurementItemBody> items,
            @Schema(readOnly = true) String supersededByBatchId,
            @Schema(readOnly = true, format = "date-time") String recordTime) {}

    /**
     * One recorded measurement.
     *
     * @param value a rate as a percentage (numerator / denominator x 100), a mean as it is
     * @param supersededByBatchId the correction that superseded its batch; absent while current
     */
    @Schema(name = "Measurement")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record MeasurementView(
            String batchId,
            int itemIndex,
            @Schema(format = "uuid") String unitId,
            String indicatorCode,
            String period,
            long numerator,
            long denominator,
            double mean,
            long sampleSize,
            double value,
            String source,
            @Schema(format = "date-time") String recordTime,
            String supersededByBatchId) {}

    /** One customer's answer to a survey. */
    @Schema(name = "SurveyResponse")
    public record SurveyResponseBody(
            @Schema(required = true, format = "uuid") String unitId,
            @Schema(required = true) Segment segment,
            @Schema(required = true, format = "date", examples = "2026-03-14") String date,
            @Schema(required = true) Double score) {}

    /** A batch of survey responses on one declared scale. */
    @Schema(name = "SurveyBatch")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SurveyBatchBody(
            @Schema(required = true) String batchId,
            @Schema(required = true) String source,
            String supersedesBatchId,
            @Schema(required = true, examples = "1") Double scaleMin,
            @Schema(required = true, examples = "5") Double scaleMax,
            @Schema(required = true) List<SurveyResponseBody> responses,
            @Schema(readOnly = true) String supersededByBatchId,
            @Schema(readOnly = true, format = "date-time") String recordTime) {}

    /** A 95 % confidence interval on 0-100. */
    @Schema(name = "ConfidenceInterval")
    public record IntervalView(double lower, double upper) {}

    /**
     * The satisfaction index of a unit, a segment (absent: all) and a period on 0-100; the index, the
     * deviation and the interval are absent when too few responses allow them.
     */
    @Schema(name = "SatisfactionIndex")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SatisfactionIndexView(
            @Schema(format = "uuid") String unitId,
            Segment segment,
            String period,
            long sampleSize,
            Double index,
            Double standardDeviation,
            IntervalView confidenceInterval,
            List<String> batchIds) {}

    /** How many customers one unit served in one period. */
    @Schema(name = "CustomersServedItem")
    public record CustomersServedItemBody(
            @Schema(required = true, format = "uuid") String unitId,
            @Schema(required = true, examples = "2026-03") String period,
            @Schema(required = true) Long customers) {}

    /** A batch of customer counts; a correction names the batch it supersedes. */
    @Schema(name = "CustomersServedBatch")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CustomersServedBatchBody(
            @Schema(required = true) String batchId,
            @Schema(required = true) String source,
            String supersedesBatchId,
            @Schema(required = true) List<CustomersServedItemBody> items,
            @Schema(readOnly = true) String supersededByBatchId,
            @Schema(readOnly = true, format = "date-time") String recordTime) {}

    /** One recorded count of customers served. */
    @Schema(name = "CustomersServed")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CustomersServedView(
            String batchId,
            int itemIndex,
            @Schema(format = "uuid") String unitId,
            String period,
            long customers,
            String source,
            @Schema(format = "date-time") String recordTime,
            String supersededByBatchId) {}

    /** The body that records a violation. */
    @Schema(name = "NewViolation")
    public record ViolationBody(
            @Schema(required = true, format = "uuid") String unitId,
            @Schema(required = true, examples = "REPORT_LATE") String ruleCode,
            @Schema(required = true, format = "date-time") String occurredTime,
            @Schema(required = true) String evidence,
            @Schema(required = true) String reportedBy) {}

    /** The withdrawal of a violation. */
    @Schema(name = "ViolationWithdrawal")
    public record WithdrawalView(
            String reason, String withdrawnBy, @Schema(format = "date-time") String withdrawTime) {}

    /** A violation in the ledger. */
    @Schema(name = "Violation")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ViolationView(
            @Schema(format = "uuid") String id,
            @Schema(format = "uuid") String unitId,
            String ruleCode,
            int pointsMillis,
            @Schema(format = "date-time") String occurredTime,
            String evidence,
            String reportedBy,
            @Schema(enumeration = {"MANUAL", "ORDER_LAPSE"}) String source,
            @Schema(description = "The order lapse it was recorded from") String sourceId,
            @Schema(format = "date-time") String recordTime,
            @Schema(enumeration = {"ACTIVE", "WITHDRAWN"}) String state,
            WithdrawalView withdrawal,
            String etag) {}

    /** The body of a state change of a violation. */
    @Schema(name = "WithdrawViolation")
    public record WithdrawBody(@Schema(required = true) String reason) {}

    /** The period whose order lapses are to be recorded as violations, [periodStart, periodEnd). */
    @Schema(name = "OrderLapsePeriod")
    public record LapsePeriodBody(
            @Schema(required = true, format = "date-time") String periodStart,
            @Schema(required = true, format = "date-time") String periodEnd) {}

    /** What a run over a period's order lapses did. */
    @Schema(name = "OrderLapseRun")
    public record LapseRunView(int lapsesRead, int violationsRecorded, int alreadyRecorded) {}
}
