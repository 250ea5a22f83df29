package org.sqm.complaint.service;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.sqm.complaint.domain.ComplaintChannel;
import org.sqm.complaint.domain.Severity;

/**
 * What complaint handling needs from standards-service: units, service-level targets and
 * business-time arithmetic (which only standards-service does).
 */
public interface Standards {

    /** A unit as far as complaints care. */
    record Unit(UUID id, UUID parentId, boolean active) {}

    /**
     * The deadlines for a case: business durations (null when the rule sets none), the instants they
     * fall due for a case received at the asked instant, the instants the warning share of each is
     * used, their calendar and where they come from — all in one call to standards-service.
     */
    record ServiceLevel(
            Duration acknowledgeWithin,
            Duration firstResponseWithin,
            Duration resolveWithin,
            Duration callBackWithin,
            Instant acknowledgeDue,
            Instant firstResponseDue,
            Instant resolveDue,
            Instant acknowledgeWarn,
            Instant firstResponseWarn,
            Instant resolveWarn,
            UUID calendarId,
            String source,
            Unit unit) {}

    /** An interval [start, end). */
    record Interval(Instant start, Instant end) {}

    /** The unit, or empty when no unit has the id. */
    Optional<Unit> unit(UUID id);

    /**
     * The unit as the service itself reads it (its own service token, not the caller's): for the unit
     * above the one a complaint is escalated to now, which may lie above the caller's units.
     */
    Optional<Unit> unitAsService(UUID id);

    /**
     * The deadlines for a complaint about the unit, with the unit itself (state and parent); empty when
     * the unit does not exist, no rule applies or the unit has no calendar.
     */
    Optional<ServiceLevel> serviceLevel(
            UUID unitId, ComplaintChannel channel, String category, Severity severity, Instant at, double warningShare);

    /** When {@code duration} of business time from {@code start} runs out, pauses left out. */
    Instant dueTime(UUID calendarId, Instant start, Duration duration, List<Interval> pauses);

    /** The business time between two instants, pauses left out. */
    Duration businessTime(UUID calendarId, Instant start, Instant end, List<Interval> pauses);

    /** The ids of every unit below the unit. */
    List<UUID> descendants(UUID unitId);
}
