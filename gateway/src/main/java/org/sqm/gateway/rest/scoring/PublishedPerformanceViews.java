package org.sqm.gateway.rest.scoring;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.sqm.gateway.rest.standards.UnitViews.UnitType;

/** The JSON shapes of published performance in the REST API. */
public final class PublishedPerformanceViews {

    private PublishedPerformanceViews() {}

    /**
     * A period's publication.
     *
     * @param publishTime when it was published (RFC 3339)
     * @param actor       who published it: the subject of the caller's token
     * @param fingerprint SHA-256 (hex) of its rows: the same for every read, for ever
     */
    @Schema(name = "PerformancePublication")
    public record PublicationView(String period, String publishTime, String actor, int unitCount, String fingerprint) {}

    /** One page of a published period: the publication and its rows by unit code. */
    @Schema(name = "PublishedPerformancePage")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PublishedPageView(PublicationView publication, List<PublishedRowView> rows, String nextPageToken) {}

    /**
     * One unit's published figures for the period.
     *
     * @param parentUnitId absent at the top
     * @param scorecardId  the scorecard the figures were taken from
     * @param modelId      the scoring model version whose targets are shown
     */
    @Schema(name = "PublishedPerformance")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PublishedRowView(
            String period,
            @Schema(format = "uuid") String unitId,
            String unitCode,
            String unitName,
            UnitType unitType,
            int level,
            @Schema(format = "uuid") String parentUnitId,
            @Schema(format = "uuid") String scorecardId,
            @Schema(format = "uuid") String modelId,
            @Schema(
                            description =
                                    "Satisfaction index, complaint timeliness, complaint rate, then the model's indicators")
                    List<PublishedFigureView> figures) {}

    /**
     * A target next to what was achieved.
     *
     * @param indicatorCode for INDICATOR, the indicator's code
     * @param achieved      absent when there is no data (note says why)
     * @param sampleSize    the responses, resolved complaints, customers served or sampled cases it rests on
     * @param target        the target of the unit's model; absent when the model sets none
     * @param targetMet     whether achieved is at or beyond the target; absent without both
     * @param note          why a figure is missing or what qualifies it
     */
    @Schema(name = "PublishedFigure")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PublishedFigureView(
            @Schema(enumeration = {"SATISFACTION_INDEX", "COMPLAINT_TIMELINESS", "COMPLAINT_RATE", "INDICATOR"})
                    String measure,
            String indicatorCode,
            String name,
            Double achieved,
            long sampleSize,
            Double target,
            Boolean targetMet,
            String note) {}
}
