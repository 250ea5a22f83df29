package org.sqm.gateway.rest.scoring;

import static org.sqm.commons.convert.Texts.emptyToNull;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.sqm.commons.convert.ProtoEnums;
import org.sqm.gateway.rest.http.Times;
import org.sqm.proto.scoring.v1.TriggeredSpotCheck;

/** The JSON shape of a fired spot-check trigger (the closed loop) and its translation. */
public final class SpotCheckViews {

    private SpotCheckViews() {}

    /** One figure behind a fired trigger. */
    @Schema(name = "TriggerFigure")
    public record FigureView(
            @Schema(examples = "complaint rate per 10 000 customers") String name,
            @Schema(examples = "2026-03") String period,
            double value) {}

    /** A spot-check trigger of a scoring model that fired for a unit and a month. */
    @Schema(name = "TriggeredSpotCheck")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TriggeredSpotCheckView(
            @Schema(format = "uuid", description = "The requested inspection's origin reference") String id,
            @Schema(format = "uuid") String unitId,
            @Schema(examples = "2026-03") String period,
            @Schema(format = "uuid", description = "The scoring model version whose trigger fired") String modelId,
            @Schema(examples = "COMPLAINT_RATE_HIGH") String triggerCode,
            String reason,
            List<FigureView> figures,
            @Schema(
                            enumeration = {"PENDING", "REQUESTED"},
                            description = "PENDING: inspection-service was unreachable; the next evaluation retries")
                    String status,
            @Schema(format = "uuid", description = "The spot check in inspection-service; absent while pending")
                    String inspectionId,
            @Schema(format = "date-time") String fireTime,
            @Schema(format = "date-time", description = "Absent while pending") String requestTime) {}

    static TriggeredSpotCheckView view(TriggeredSpotCheck t) {
        return new TriggeredSpotCheckView(
                t.getId(),
                t.getUnitId(),
                t.getPeriod(),
                t.getModelId(),
                t.getTriggerCode(),
                t.getReason(),
                t.getFiguresList().stream()
                        .map(f -> new FigureView(f.getName(), f.getPeriod(), f.getValue()))
                        .toList(),
                ProtoEnums.shortName(t.getStatus()),
                emptyToNull(t.getInspectionId()),
                Times.text(t.getFireTime()),
                Times.textOrNull(t.hasRequestTime(), t.getRequestTime()));
    }
}
