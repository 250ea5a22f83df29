package org.sqm.scoring.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.sqm.scoring.config.ScoringConfig;
import org.sqm.scoring.domain.CertificationEntity;

/**
 * The calendar of certification cycles: months and days counted in the scoring time zone (a cycle
 * granted on 1 December ends on 1 December three years on, local time), reviews numbered within a
 * cycle, dates in words.
 */
@ApplicationScoped
public class CertificationCalendar {

    private final ZoneId zone;

    public CertificationCalendar(ScoringConfig config) {
        this.zone = config.timeZone();
    }

    public Instant plusMonths(Instant from, int months) {
        return from.atZone(zone).plusMonths(months).toInstant();
    }

    public Instant plusDays(Instant from, int days) {
        return from.atZone(zone).plusDays(days).toInstant();
    }

    /** The local date of an instant, for reasons in words. */
    public LocalDate date(Instant instant) {
        return LocalDate.ofInstant(instant, zone);
    }

    /**
     * Schedules review {@code number} of the certification's current cycle: due {@code number} review
     * intervals after the cycle's start, or at the cycle's end (then it is the reassessment).
     */
    public void scheduleReview(CertificationEntity c, int number) {
        Instant due = plusMonths(c.cycleStart, number * c.reviewIntervalMonths);
        c.nextReviewNumber = number;
        c.nextReviewIsReassessment = !due.isBefore(c.validUntil);
        c.nextReviewDueTime = c.nextReviewIsReassessment ? c.validUntil : due;
    }

    /** How many reviews the current cycle has before its reassessment. */
    public int reviewsInCycle(CertificationEntity c) {
        int reviews = 0;
        while (plusMonths(c.cycleStart, (reviews + 1) * c.reviewIntervalMonths).isBefore(c.validUntil)) {
            reviews++;
        }
        return reviews;
    }

    /** The next review in words, e.g. "annual review 1 of 2" or "the reassessment". */
    public String nextReview(CertificationEntity c) {
        if (c.nextReviewIsReassessment) {
            return "the reassessment";
        }
        return (c.reviewIntervalMonths == 12 ? "annual review " : "review ") + c.nextReviewNumber + " of "
                + reviewsInCycle(c);
    }
}
