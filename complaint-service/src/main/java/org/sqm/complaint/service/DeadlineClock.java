package org.sqm.complaint.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.sqm.complaint.config.ComplaintConfig;
import org.sqm.complaint.domain.ComplaintEntity;
import org.sqm.complaint.domain.ComplaintEntity.Deadline;
import org.sqm.complaint.domain.ComplaintEntity.Pause;
import org.sqm.complaint.domain.DeadlineKind;

/**
 * Business-time arithmetic for complaint deadlines, which only standards-service does: when an
 * allowance runs out, when its warning share is used, how much of it is used. Never inside a
 * transaction: every answer is a call to standards-service.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.NEVER)
public class DeadlineClock {

    private final Standards standards;
    private final ComplaintConfig config;

    public DeadlineClock(Standards standards, ComplaintConfig config) {
        this.standards = standards;
        this.config = config;
    }

    /** A due instant and its warning instant (null when the share leaves nothing to warn about). */
    public record Due(Instant due, Instant warn) {}

    /**
     * When {@code allowedSeconds} of business time from {@code start} run out and, if {@code withWarning},
     * when its warning share is used.
     */
    public Due due(
            UUID calendarId, Instant start, long allowedSeconds, List<Standards.Interval> pauses, boolean withWarning) {
        Instant due = standards.dueTime(calendarId, start, Duration.ofSeconds(allowedSeconds), pauses);
        long warnSeconds = (long) Math.floor(allowedSeconds * config.warningShare());
        Instant warn = !withWarning || warnSeconds <= 0 || warnSeconds >= allowedSeconds
                ? null
                : standards.dueTime(calendarId, start, Duration.ofSeconds(warnSeconds), pauses);
        return new Due(due.truncatedTo(ChronoUnit.MICROS), warn == null ? null : warn.truncatedTo(ChronoUnit.MICROS));
    }

    /** The business time between two instants of the complaint's calendar, pauses left out. */
    public Duration businessTime(UUID calendarId, Instant start, Instant end, List<Standards.Interval> pauses) {
        return standards.businessTime(calendarId, start, end, pauses);
    }

    /**
     * The business time each deadline has used by {@code now}; empty when standards-service cannot
     * answer (a read still answers without it). Deadlines measured over the same span (typically
     * acknowledge and first response) share one call; an empty span needs none.
     */
    public Map<DeadlineKind, Duration> used(ComplaintEntity e, Instant now) {
        Map<DeadlineKind, Duration> used = new EnumMap<>(DeadlineKind.class);
        Map<List<Object>, Duration> measured = new HashMap<>();
        try {
            for (Deadline d : e.deadlines) {
                Instant end = d.metTime != null ? d.metTime : (e.status.isOpen() ? now : e.updateTime);
                List<Standards.Interval> paused = pauses(e.pauses, d.kind, end);
                used.put(
                        d.kind,
                        measured.computeIfAbsent(
                                List.of(end, paused),
                                k -> e.receiveTime.isBefore(end)
                                        ? standards.businessTime(e.calendarId, e.receiveTime, end, paused)
                                        : Duration.ZERO));
            }
        } catch (RuntimeException unavailable) {
            used.clear();
        }
        return used;
    }

    /**
     * The pauses that count for a deadline: only the resolution clock stops; a pause still open ends
     * at {@code end} (left out when {@code end} is null).
     */
    public static List<Standards.Interval> pauses(List<Pause> pauses, DeadlineKind kind, Instant end) {
        if (kind != DeadlineKind.RESOLVE) {
            return List.of();
        }
        List<Standards.Interval> out = new ArrayList<>();
        for (Pause p : pauses) {
            Instant stop = p.endTime != null ? p.endTime : end;
            if (stop != null) {
                out.add(new Standards.Interval(p.startTime, stop));
            }
        }
        return out;
    }
}
