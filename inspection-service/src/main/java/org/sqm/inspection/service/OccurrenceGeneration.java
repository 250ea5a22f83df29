package org.sqm.inspection.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.sqm.commons.error.InvalidArgumentException;
import org.sqm.commons.error.Violations;
import org.sqm.inspection.config.Clocks;
import org.sqm.inspection.domain.Cadence;
import org.sqm.inspection.domain.InspectionPlanEntity;
import org.sqm.inspection.domain.StandardSnapshot;
import org.sqm.inspection.domain.UnitSample;
import org.sqm.inspection.repository.InspectionPlanRepository;
import org.sqm.inspection.repository.InspectionRepository;

/**
 * Generates a plan's scheduled inspections. Reads the plan in a short transaction, asks
 * standards-service for the target units and the version in force with no transaction open, then
 * inserts in one short transaction.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.NEVER)
public class OccurrenceGeneration {

    static final int MAX_OCCURRENCES_PER_CALL = 10_000;

    private final PlanQueries plans;
    private final InspectionRepository inspections;
    private final Standards standards;
    private final PinnedStandards pinned;
    private final InspectionPlanRepository planRows;
    private final Clock clock;

    public OccurrenceGeneration(
            PlanQueries plans,
            InspectionRepository inspections,
            Standards standards,
            PinnedStandards pinned,
            InspectionPlanRepository planRows,
            Clock clock) {
        this.plans = plans;
        this.inspections = inspections;
        this.standards = standards;
        this.pinned = pinned;
        this.planRows = planRows;
        this.clock = clock;
    }

    /** What generating did. */
    public record Generated(int created, int existing, String pinnedStandard) {}

    /**
     * Creates the scheduled inspections of every period starting on or before {@code throughDate} for
     * every target unit (or the period's sample of them), pinned to the version in force now; existing
     * ones are left alone (the unique key plan + unit + window start decides, so even racing calls
     * never double them; a sampled plan's generations take turns on the plan's row, so a period never
     * gets more than its sample size).
     */
    public Generated generate(String planId, String throughDate) {
        InspectionPlanEntity plan = plans.get(planId);
        Violations v = new Violations();
        LocalDate through = PlanCreation.date(v, "through_date", throughDate, false);
        v.throwIfAny();
        ZoneId zone = ZoneId.of(plan.timeZone);
        List<Cadence.Period> periods = plan.cadence.periods(
                plan.startDate,
                plan.endDate,
                plan.explicitDates.stream().map(LocalDate::parse).toList(),
                through == null ? plan.endDate : through);
        List<UUID> units = targetUnits(plan);
        int perPeriod = plan.sampleSize > 0 ? Math.min(plan.sampleSize, units.size()) : units.size();
        long wanted = (long) periods.size() * perPeriod;
        if (wanted > MAX_OCCURRENCES_PER_CALL) {
            throw new InvalidArgumentException(
                    "through_date",
                    "would generate " + wanted + " inspections; at most " + MAX_OCCURRENCES_PER_CALL
                            + " per call: generate in steps with an earlier through_date");
        }
        if (wanted == 0) {
            return new Generated(0, 0, "");
        }
        StandardSnapshot standard = pinned.inForce(plan.standardCode);
        int created = QuarkusTransaction.requiringNew().call(() -> {
            Instant now = Clocks.now(clock);
            if (plan.sampleSize > 0) {
                planRows.findByIdOptional(plan.id, LockModeType.PESSIMISTIC_WRITE);
            }
            int count = 0;
            for (Cadence.Period period : periods) {
                count += plan.sampleSize > 0
                        ? insertSample(plan, period, zone, units, perPeriod, standard, now)
                        : insertAll(plan, period, zone, units, standard, now);
            }
            return count;
        });
        return new Generated(created, (int) wanted - created, created > 0 ? standard.label() : "");
    }

    private int insertAll(
            InspectionPlanEntity plan,
            Cadence.Period period,
            ZoneId zone,
            List<UUID> units,
            StandardSnapshot standard,
            Instant now) {
        int count = 0;
        for (UUID unit : units) {
            count += inspections.insertOccurrence(
                    plan, unit, standard.id(), period.startIn(zone), period.endIn(zone), now);
        }
        return count;
    }

    /**
     * Fills the period up to its sample: the units of the period's ranking not yet inspected, in rank
     * order, until {@code size} are (occurrences generated earlier count, so nothing is sampled twice).
     */
    private int insertSample(
            InspectionPlanEntity plan,
            Cadence.Period period,
            ZoneId zone,
            List<UUID> units,
            int size,
            StandardSnapshot standard,
            Instant now) {
        Instant start = period.startIn(zone);
        Set<UUID> sampled = inspections.unitsOfOccurrence(plan.id, start);
        int count = 0;
        for (UUID unit : UnitSample.ranked(plan.id, period.first(), units)) {
            if (sampled.size() >= size) {
                break;
            }
            if (sampled.add(unit)) {
                count += inspections.insertOccurrence(plan, unit, standard.id(), start, period.endIn(zone), now);
            }
        }
        return count;
    }

    /** The plan's units now: the listed ones that are active, or the active units of the type below the parent. */
    private List<UUID> targetUnits(InspectionPlanEntity plan) {
        if (plan.targetParentId != null) {
            if (standards.unit(plan.targetParentId).isEmpty()) {
                throw new InvalidArgumentException(
                        "plan.targets.parent_unit_id", "the plan's parent unit no longer exists");
            }
            return standards.activeDescendants(plan.targetParentId, plan.targetUnitType);
        }
        return plan.targetUnitIds.stream()
                .filter(id -> standards.unit(id).map(Standards.Unit::active).orElse(false))
                .toList();
    }
}
