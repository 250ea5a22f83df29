package org.sqm.inspection.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.sqm.commons.convert.Texts;
import org.sqm.commons.error.Violations;
import org.sqm.commons.persistence.IdempotentCreate;
import org.sqm.inspection.config.Clocks;
import org.sqm.inspection.domain.AuthorityLevel;
import org.sqm.inspection.domain.Cadence;
import org.sqm.inspection.domain.InspectionKind;
import org.sqm.inspection.domain.InspectionPlanEntity;
import org.sqm.inspection.repository.InspectionPlanRepository;

/**
 * Creates inspection plans. Asks standards-service whether the target units exist first, with no
 * transaction open; the insert is one short transaction of its own.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.NEVER)
public class PlanCreation {

    static final Pattern STANDARD_CODE = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    static final int MAX_TARGETS = 1000;

    private final InspectionPlanRepository plans;
    private final Standards standards;

    private final Clock clock;

    public PlanCreation(InspectionPlanRepository plans, Standards standards, Clock clock) {
        this.plans = plans;
        this.standards = standards;
        this.clock = clock;
    }

    /** What a caller asks to plan; dates as "YYYY-MM-DD" text, validated here. */
    public record NewPlan(
            String name,
            InspectionKind kind,
            AuthorityLevel authorityLevel,
            String standardCode,
            List<String> targetUnitIds,
            String targetParentId,
            String targetUnitType,
            Cadence cadence,
            List<String> explicitDates,
            String startDate,
            String endDate,
            String timeZone,
            int sampleSize) {}

    /** Creates a plan, or returns the one an earlier call with the same request id created. */
    public InspectionPlanEntity create(NewPlan plan, String requestId) {
        Violations v = new Violations()
                .requireText("plan.name", plan.name(), 200)
                .requireEnum("plan.kind", plan.kind() != null)
                .requireEnum("plan.authority_level", plan.authorityLevel() != null)
                .requirePattern(
                        "plan.standard_code",
                        plan.standardCode(),
                        STANDARD_CODE,
                        "must be 1 to 64 letters, digits, '.', '_' or '-'")
                .requireEnum("plan.cadence", plan.cadence() != null)
                .maxLength("request_id", requestId, 100);
        v.check(
                plan.kind() != InspectionKind.SELF_INSPECTION || plan.authorityLevel() == AuthorityLevel.UNIT,
                "plan.authority_level",
                "must be UNIT for a self-inspection");
        LocalDate start = date(v, "plan.start_date", plan.startDate(), true);
        LocalDate end = date(v, "plan.end_date", plan.endDate(), true);
        if (start != null && end != null) {
            v.check(!end.isBefore(start), "plan.end_date", "must be on or after start_date");
            v.check(!end.isAfter(start.plusYears(5)), "plan.end_date", "must be at most 5 years after start_date");
        }
        ZoneId zone = zone(v, plan.timeZone());
        List<LocalDate> dates = explicitDates(v, plan, start, end);
        List<UUID> targets = targets(v, plan);
        v.check(
                plan.sampleSize() >= 0 && plan.sampleSize() <= MAX_TARGETS,
                "plan.sample_size",
                "must be between 0 (inspect every target unit) and " + MAX_TARGETS);
        v.check(
                plan.sampleSize() <= 0 || targets.isEmpty() || plan.sampleSize() < targets.size(),
                "plan.sample_size",
                "must be fewer than the " + targets.size() + " listed units; 0 inspects them all");
        v.throwIfAny();
        checkTargetsExist(plan, targets);
        List<String> parts = new ArrayList<>(Arrays.asList(
                plan.name(),
                String.valueOf(plan.kind()),
                String.valueOf(plan.authorityLevel()),
                plan.standardCode(),
                targets.toString(),
                plan.targetParentId(),
                plan.targetUnitType(),
                String.valueOf(plan.cadence()),
                dates.toString(),
                start.toString(),
                end.toString(),
                zone.getId()));
        if (plan.sampleSize() > 0) {
            // Only sampled plans add the size: a plan without one keeps the fingerprint it had before.
            parts.add(Integer.toString(plan.sampleSize()));
        }
        String fingerprint = IdempotentCreate.fingerprint(parts.toArray(String[]::new));
        return IdempotentCreate.create(
                requestId,
                fingerprint,
                p -> p.fingerprint,
                plans::findByRequestId,
                () -> {
                    InspectionPlanEntity e = new InspectionPlanEntity();
                    e.id = UUID.randomUUID();
                    e.name = plan.name().strip();
                    e.kind = plan.kind();
                    e.authorityLevel = plan.authorityLevel();
                    e.standardCode = plan.standardCode();
                    e.targetUnitIds = targets;
                    e.targetParentId = Texts.emptyToNull(plan.targetParentId()) == null
                            ? null
                            : UUID.fromString(plan.targetParentId());
                    e.targetUnitType = e.targetParentId == null ? null : plan.targetUnitType();
                    e.cadence = plan.cadence();
                    e.explicitDates = dates.stream().map(LocalDate::toString).toList();
                    e.startDate = start;
                    e.endDate = end;
                    e.timeZone = zone.getId();
                    e.sampleSize = plan.sampleSize();
                    e.requestId = Texts.emptyToNull(requestId);
                    e.fingerprint = fingerprint;
                    e.createTime = Clocks.now(clock);
                    plans.persistAndFlush(e);
                    return e;
                },
                constraint -> null);
    }

    private static List<LocalDate> explicitDates(Violations v, NewPlan plan, LocalDate start, LocalDate end) {
        List<LocalDate> dates = new ArrayList<>();
        if (plan.cadence() != Cadence.EXPLICIT_DATES) {
            v.check(
                    plan.explicitDates().isEmpty(),
                    "plan.explicit_dates",
                    "must be empty unless the cadence is EXPLICIT_DATES");
            return dates;
        }
        v.check(!plan.explicitDates().isEmpty(), "plan.explicit_dates", "needs at least one day");
        v.check(plan.explicitDates().size() <= 366, "plan.explicit_dates", "must hold at most 366 days");
        Set<LocalDate> seen = new HashSet<>();
        for (int i = 0; i < plan.explicitDates().size(); i++) {
            String field = "plan.explicit_dates[" + i + "]";
            LocalDate d = date(v, field, plan.explicitDates().get(i), true);
            if (d == null) {
                continue;
            }
            v.check(seen.add(d), field, "is listed twice");
            v.check(
                    start == null || end == null || (!d.isBefore(start) && !d.isAfter(end)),
                    field,
                    "must lie within the plan's window " + start + " to " + end);
            dates.add(d);
        }
        dates.sort(null);
        return dates;
    }

    private static List<UUID> targets(Violations v, NewPlan plan) {
        boolean listed = !plan.targetUnitIds().isEmpty();
        boolean below = Texts.emptyToNull(plan.targetParentId()) != null;
        v.check(listed != below, "plan.targets", "set either unit_ids or parent_unit_id (with unit_type), not both");
        v.check(
                plan.targetUnitIds().size() <= MAX_TARGETS,
                "plan.targets.unit_ids",
                "must hold at most " + MAX_TARGETS + " units");
        List<UUID> ids = new ArrayList<>();
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < plan.targetUnitIds().size(); i++) {
            String field = "plan.targets.unit_ids[" + i + "]";
            String raw = plan.targetUnitIds().get(i);
            v.optionalId(field, raw).check(raw != null && !raw.isEmpty(), field, "is required");
            if (raw != null && raw.length() == 36) {
                try {
                    UUID id = UUID.fromString(raw);
                    v.check(seen.add(id), field, "is listed twice");
                    ids.add(id);
                } catch (IllegalArgumentException ignored) {
                    // Reported by optionalId.
                }
            }
        }
        if (below) {
            v.optionalId("plan.targets.parent_unit_id", plan.targetParentId());
            v.requireEnum("plan.targets.unit_type", plan.targetUnitType() != null);
        } else {
            v.check(plan.targetUnitType() == null, "plan.targets.unit_type", "is only used with parent_unit_id");
        }
        return ids;
    }

    /** Listed units and the parent must exist in standards-service: a plan of unknown units is a typo. */
    private void checkTargetsExist(NewPlan plan, List<UUID> targets) {
        Violations v = new Violations();
        for (int i = 0; i < targets.size(); i++) {
            v.check(
                    standards.unit(targets.get(i)).isPresent(),
                    "plan.targets.unit_ids[" + i + "]",
                    "no unit has this id");
        }
        if (Texts.emptyToNull(plan.targetParentId()) != null) {
            v.check(
                    standards.unit(UUID.fromString(plan.targetParentId())).isPresent(),
                    "plan.targets.parent_unit_id",
                    "no unit has this id");
        }
        v.throwIfAny();
    }

    static LocalDate date(Violations v, String field, String value, boolean required) {
        if (value == null || value.isEmpty()) {
            v.check(!required, field, "is required");
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            v.check(false, field, "must be a date \"YYYY-MM-DD\"");
            return null;
        }
    }

    private static ZoneId zone(Violations v, String value) {
        if (value == null || value.isEmpty()) {
            return ZoneId.of("UTC");
        }
        try {
            return ZoneId.of(value);
        } catch (DateTimeException e) {
            v.check(false, "plan.time_zone", "must be an IANA time zone such as \"Asia/Shanghai\"");
            return ZoneId.of("UTC");
        }
    }
}
