package org.sqm.inspection.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.sqm.commons.error.InvalidArgumentException;
import org.sqm.commons.error.Violations;
import org.sqm.inspection.domain.Cadence;
import org.sqm.inspection.domain.InspectionPlanEntity;
import org.sqm.inspection.domain.StandardSnapshot;
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

    public OccurrenceGeneration(
            PlanQueries plans, InspectionRepository inspections, Standards standards, PinnedStandards pinned) {
        this.plans = plans;
        this.inspections = inspections;
        this.standards = standards;
        this.pinned = pinned;
    }

    /** What generating did. */
    public record Generated(int created, int existing, String pinnedStandard) {}

    /**
     * Creates the scheduled inspections of every period starting on or before {@code throughDate} for
     * every target unit, pinned to the version in force now; existing ones are left alone (the unique
     * key plan + unit + window start decides, so even racing calls never double them).
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
        long wanted = (long) periods.size() * units.size();
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
            Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
            int count = 0;
            for (Cadence.Period period : periods) {
                for (UUID unit : units) {
                    count += inspections.insertOccurrence(
                            plan, unit, standard.id(), period.startIn(zone), period.endIn(zone), now);
                }
            }
            return count;
        });
        return new Generated(created, (int) wanted - created, created > 0 ? standard.label() : "");
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
