package org.sqm.scoring.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A spot-check trigger that fired for a unit and a month, with the spot check it asks for and where
 * the request is (PENDING until inspection-service created it, then REQUESTED).
 *
 * @param authorityLevel the inspecting authority's short name, e.g. "CITY"
 * @param inspectionId   null while pending
 * @param requestTime    null while pending
 */
public record TriggeredSpotCheck(
        UUID id,
        UUID unitId,
        String period,
        UUID modelId,
        String triggerCode,
        String reason,
        List<Figure> figures,
        String standardCode,
        String authorityLevel,
        int windowDays,
        String status,
        UUID inspectionId,
        Instant fireTime,
        Instant requestTime) {

    public static final String PENDING = "PENDING";
    public static final String REQUESTED = "REQUESTED";

    public TriggeredSpotCheck {
        figures = List.copyOf(figures);
    }

    /** One figure behind a fired trigger: what it is, its month and its value. */
    public record Figure(String name, String period, double value) {}
}
