package org.sqm.gateway.rest.standards;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.sqm.gateway.rest.standards.UnitViews.UnitType;

/** The JSON shapes of service standards and resolved service levels in the REST API. */
public final class StandardViews {

    private StandardViews() {}

    /** A channel through which service is delivered. */
    public enum ServiceChannel {
        IN_PERSON,
        PHONE,
        ONLINE,
        EMAIL,
        SOCIAL_MEDIA,
        FIELD_VISIT,
        ACCOUNT_MANAGEMENT,
        REFERRAL
    }

    /** How serious a case is. */
    public enum Severity {
        LOW,
        MEDIUM,
        HIGH,
        CRITICAL
    }

    /**
     * Deadlines for complaint handling, as ISO-8601 business durations on the unit's calendar (on
     * an 8-hour working day, PT8H is one working day). Absent match fields match every case.
     */
    @Schema(name = "ServiceLevelTarget")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ServiceLevelTarget(
            UnitType unitType,
            ServiceChannel channel,
            @Schema(examples = "BILLING") String category,
            Severity severity,
            @Schema(examples = "PT8H") String acknowledgeWithin,
            @Schema(examples = "PT24H") String firstResponseWithin,
            @Schema(examples = "PT120H") String resolveWithin,
            @Schema(examples = "PT8H") String callBackWithin) {}

    /** How elements are rated. */
    public enum ScaleKind {
        LEVELS,
        NUMERIC
    }

    /**
     * A version of a standard.
     *
     * @param status       DRAFT, PUBLISHED or RETIRED; only a draft changes
     * @param elementCount how many elements the tree holds
     */
    @Schema(name = "Standard")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record StandardView(
            @Schema(format = "uuid") String id,
            String code,
            int version,
            String title,
            String description,
            @Schema(enumeration = {"DRAFT", "PUBLISHED", "RETIRED"}) String status,
            @Schema(format = "date") String effectiveFrom,
            @Schema(format = "date") String effectiveUntil,
            List<UnitType> unitTypes,
            List<ServiceChannel> channels,
            RatingScale ratingScale,
            List<Criterion> criteria,
            List<ServiceLevelTarget> serviceLevelTargets,
            int elementCount,
            String etag,
            @Schema(format = "date-time") String createTime,
            @Schema(format = "date-time") String updateTime,
            @Schema(format = "date-time") String publishTime,
            @Schema(format = "date-time") String retireTime) {}

    /**
     * The body that creates a standard (version 1, as a draft). Empty unitTypes or channels mean
     * "applies to all".
     */
    @Schema(name = "NewStandard")
    public record StandardBody(
            @Schema(required = true, examples = "SQM-HALL-HOTLINE") String code,
            @Schema(required = true) String title,
            String description,
            @Schema(format = "date", examples = "2026-01-01") String effectiveFrom,
            @Schema(format = "date") String effectiveUntil,
            List<UnitType> unitTypes,
            List<ServiceChannel> channels,
            RatingScale ratingScale,
            List<Criterion> criteria,
            List<ServiceLevelTarget> serviceLevelTargets) {}

    /**
     * The rating scale.
     *
     * @param kind               LEVELS or NUMERIC
     * @param levels             for LEVELS, best first
     * @param allowNotApplicable whether "not applicable" (with a written justification) is allowed
     * @param minScore           for NUMERIC, the lowest score
     * @param maxScore           for NUMERIC, the highest score
     * @param passScore          for NUMERIC, the lowest score that meets the requirement
     */
    @Schema(name = "RatingScale")
    public record RatingScale(
            ScaleKind kind,
            List<RatingLevel> levels,
            boolean allowNotApplicable,
            int minScore,
            int maxScore,
            int passScore) {}

    /**
     * One rating level.
     *
     * @param code             unique code, capitals, e.g. COMPLIANT
     * @param label            display label
     * @param points           0 to 100
     * @param meetsRequirement whether the level counts as meeting the requirement
     */
    @Schema(name = "RatingLevel")
    public record RatingLevel(String code, String label, int points, boolean meetsRequirement) {}

    /** A criterion: a main area of the standard. Weight 1 to 100 among its siblings. */
    @Schema(name = "Criterion")
    public record Criterion(
            @Schema(examples = "4") String code,
            String title,
            String description,
            int weight,
            List<SubCriterion> subCriteria) {}

    /** A sub-criterion. */
    @Schema(name = "SubCriterion")
    public record SubCriterion(
            @Schema(examples = "4.3") String code,
            String title,
            String description,
            int weight,
            List<Element> elements) {}

    /**
     * One assessable requirement.
     *
     * @param guidance  the evidence that proves the requirement is met
     * @param mandatory whether every inspection must rate it
     * @param critical  whether failing it fails the assessment
     */
    @Schema(name = "Element")
    public record Element(
            @Schema(examples = "4.3.2") String code,
            String title,
            String guidance,
            int weight,
            boolean mandatory,
            boolean critical) {}

    /**
     * The deadlines for a case and where they come from.
     *
     * @param target          the winning rule
     * @param calendarId      the effective calendar
     * @param calendarUnitId  the unit the calendar is set on (the unit or an ancestor)
     * @param standardVersion the version of the standard the rule belongs to
     * @param ruleIndex       the rule's position in that standard's serviceLevelTargets
     * @param specificity     how many match fields the rule sets
     */
    @Schema(name = "ServiceLevel")
    public record ServiceLevelView(
            ServiceLevelTarget target,
            String calendarId,
            String calendarCode,
            String calendarTimeZone,
            String calendarUnitId,
            String standardId,
            String standardCode,
            int standardVersion,
            int ruleIndex,
            int specificity) {}
}
