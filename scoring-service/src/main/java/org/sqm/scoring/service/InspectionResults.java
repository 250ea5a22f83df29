package org.sqm.scoring.service;

import java.time.Instant;
import java.util.List;

/** What scoring reads from inspection-service for scorecards: the finalized inspections of a span, all units at once. */
public interface InspectionResults {

    /** One finalized inspection with its unit and the start of its window. */
    record Result(String unitId, Instant windowStart, ScorecardInputs.Inspection inspection) {}

    /** Every finalized inspection whose window starts in [start, end), read in one streamed call. */
    List<Result> byWindowStart(Instant start, Instant end);
}
