package org.sqm.inspection.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.sqm.commons.error.Violations;
import org.sqm.inspection.config.Clocks;
import org.sqm.inspection.domain.InspectionEntity;
import org.sqm.inspection.domain.InspectionKind;
import org.sqm.inspection.domain.OrderLapse;

/**
 * A whole period for every unit at once, for scoring: the inspections finalized in it with their
 * scores, and the order lapses it ends with. Read in batches, each one short transaction of its own,
 * and handed to the sink with no transaction open, so a period of 100 000 inspections never sits in
 * memory and a slow reader holds no database connection.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.NEVER)
public class InspectionFeeds {

    static final int RESULT_BATCH = 500;
    static final int LAPSE_BATCH = 1000;
    static final Duration MAX_PERIOD = Duration.ofDays(400);

    private final InspectionResults results;
    private final OrderLapses lapses;
    private final Clock clock;

    public InspectionFeeds(InspectionResults results, OrderLapses lapses, Clock clock) {
        this.results = results;
        this.lapses = lapses;
        this.clock = clock;
    }

    /**
     * Every inspection finalized in [start, end) (or, {@code byWindowStart}, every finalized inspection
     * whose window starts in it), of {@code kind} when set, by that time then id; their ratings only
     * when {@code withRatings}.
     */
    public void results(
            Instant start,
            Instant end,
            InspectionKind kind,
            boolean byWindowStart,
            boolean withRatings,
            Consumer<InspectionView> sink) {
        checkPeriod(start, end, false);
        Instant afterTime = null;
        UUID afterId = null;
        while (true) {
            List<InspectionView> batch =
                    results.feedBatch(start, end, kind, byWindowStart, withRatings, afterTime, afterId, RESULT_BATCH);
            batch.forEach(sink);
            if (batch.size() < RESULT_BATCH) {
                return;
            }
            InspectionEntity last = batch.get(batch.size() - 1).inspection();
            afterTime = byWindowStart ? last.windowStart : last.finalizeTime;
            afterId = last.id;
        }
    }

    /** Every order lapse of [start, end), by occurred time then lapse id; the period must have ended. */
    public void lapses(Instant start, Instant end, Consumer<OrderLapse> sink) {
        checkPeriod(start, end, true);
        Instant afterTime = null;
        String afterId = null;
        while (true) {
            List<OrderLapse> batch = lapses.batch(start, end, afterTime, afterId, LAPSE_BATCH);
            batch.forEach(sink);
            if (batch.size() < LAPSE_BATCH) {
                return;
            }
            OrderLapse last = batch.get(batch.size() - 1);
            afterTime = last.occurredTime();
            afterId = last.lapseId();
        }
    }

    /** [start, end): both set, end after start, at most 400 days, starting (or, when asked, ending) by now. */
    private void checkPeriod(Instant start, Instant end, boolean endedByNow) {
        Instant now = Clocks.now(clock);
        Violations v = new Violations()
                .check(start != null, "period_start", "is required")
                .check(end != null, "period_end", "is required");
        if (start != null) {
            v.check(!start.isAfter(now), "period_start", "must not be in the future");
        }
        if (start != null && end != null) {
            v.check(end.isAfter(start), "period_end", "must be after period_start");
            v.check(!end.isAfter(start.plus(MAX_PERIOD)), "period_end", "must be at most 400 days after period_start");
        }
        if (end != null && endedByNow) {
            v.check(
                    !end.isAfter(now),
                    "period_end",
                    "must not be in the future: an order cannot be overdue at an end that has not come");
        }
        v.throwIfAny();
    }
}
