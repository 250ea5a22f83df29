package org.sqm.scoring.service;

import java.time.Instant;
import java.util.Map;

/** What scoring reads from complaint-service: the complaint statistics of a period for every unit at once. */
public interface ComplaintStatistics {

    /** The statistics of the complaints received in [start, end), by unit id, read in one streamed call. */
    Map<String, ScorecardInputs.ComplaintStats> byUnit(Instant start, Instant end);
}
