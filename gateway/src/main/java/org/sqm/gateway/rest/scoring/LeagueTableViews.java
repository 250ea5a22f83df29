package org.sqm.gateway.rest.scoring;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.sqm.gateway.rest.scoring.ScoringViews.IntervalView;
import org.sqm.gateway.rest.standards.UnitViews.UnitType;

/** The JSON shapes of league tables in the REST API. */
public final class LeagueTableViews {

    private LeagueTableViews() {}

    /**
     * A league table: the units of a period ranked by a metric.
     *
     * @param level        the depth filter; absent for every depth
     * @param parentUnitId the parent filter; absent for none
     */
    @Schema(name = "LeagueTable")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record LeagueTableView(
            String period,
            @Schema(description = "The previous period of the same kind, against which movement is given")
                    String previousPeriod,
            @Schema(enumeration = {"SCORE", "SATISFACTION_INDEX"}) String metric,
            UnitType unitType,
            Integer level,
            @Schema(format = "uuid") String parentUnitId,
            int ranked,
            int insufficientData,
            List<LeagueTableRowView> rows) {}

    /**
     * One unit in a league table.
     *
     * @param rank          from 1, equal values sharing it (1, 2, 2, 4); absent when not ranked
     * @param value         the score or the satisfaction index ranked by; absent when not ranked
     * @param sampleSize    the responses behind a satisfaction index; 0 for scores
     * @param previousRank  the rank in the previous period; absent when it was not ranked then
     * @param previousValue the value in the previous period; absent when it was not ranked then
     */
    @Schema(name = "LeagueTableRow")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record LeagueTableRowView(
            Integer rank,
            @Schema(enumeration = {"RANKED", "INSUFFICIENT_DATA"}) String status,
            @Schema(format = "uuid") String unitId,
            String unitCode,
            String unitName,
            UnitType unitType,
            int level,
            @Schema(format = "uuid") String parentUnitId,
            Double value,
            @Schema(description = "The 95 % confidence interval of a satisfaction index; absent for scores")
                    IntervalView confidenceInterval,
            long sampleSize,
            String grade,
            String scorecardId,
            String insufficientDataReason,
            Integer previousRank,
            Double previousValue,
            @Schema(enumeration = {"UP", "DOWN", "SAME", "NONE"}) String movement,
            @Schema(
                            enumeration = {
                                "NOT_APPLICABLE",
                                "WITHIN_CONFIDENCE_INTERVAL",
                                "BEYOND_CONFIDENCE_INTERVAL",
                                "NO_INTERVAL"
                            })
                    String differenceToAbove) {}
}
