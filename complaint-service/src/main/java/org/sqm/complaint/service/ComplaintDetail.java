package org.sqm.complaint.service;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.sqm.complaint.domain.ComplaintEntity;
import org.sqm.complaint.domain.ComplaintEventEntity;
import org.sqm.complaint.domain.DeadlineKind;

/**
 * A complaint with its history and, where measured, the business time each deadline has used. Reads
 * measure the time used; writes answer with what they wrote and leave it empty.
 */
public record ComplaintDetail(
        ComplaintEntity complaint, List<ComplaintEventEntity> history, Map<DeadlineKind, Duration> used) {

    /** What a write wrote: the complaint and its history, no measurement. */
    public static ComplaintDetail written(ComplaintEntity complaint, List<ComplaintEventEntity> history) {
        return new ComplaintDetail(complaint, history, Map.of());
    }
}
