package org.sqm.inspection.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.sqm.commons.error.FailedPreconditionException;
import org.sqm.commons.error.InvalidArgumentException;
import org.sqm.commons.error.Violations;
import org.sqm.inspection.config.Clocks;
import org.sqm.inspection.domain.ContactMode;
import org.sqm.inspection.domain.InspectionEntity;
import org.sqm.inspection.domain.InspectionKind;
import org.sqm.inspection.domain.InspectionStatus;
import org.sqm.inspection.domain.InspectorEntity;
import org.sqm.inspection.repository.InspectorRepository;

/** Who inspects (the team, each inspector qualified), and the mystery shopper's visit or call. */
@ApplicationScoped
@Transactional
public class InspectionFieldwork {

    static final int MAX_INSPECTORS = 10;

    private final InspectorRepository inspectors;
    private final InspectionLocks locks;
    private final InspectionViews views;

    private final Clock clock;

    public InspectionFieldwork(
            InspectorRepository inspectors, InspectionLocks locks, InspectionViews views, Clock clock) {
        this.inspectors = inspectors;
        this.locks = locks;
        this.views = views;
        this.clock = clock;
    }

    /** Replaces the inspectors; each must qualify, and a regulator inspection needs two or more. */
    public InspectionView assign(String id, String etag, List<String> inspectorIds) {
        InspectionEntity e = locks.forChange(id, etag);
        if (!(e.status == InspectionStatus.SCHEDULED || e.status.ratable())) {
            throw InspectionLocks.notInStatus(e, "assign inspectors");
        }
        Violations v = new Violations();
        v.check(
                inspectorIds.size() <= MAX_INSPECTORS,
                "inspector_ids",
                "must hold at most " + MAX_INSPECTORS + " inspectors");
        int needed = e.authorityLevel.isRegulator() ? 2 : 1;
        v.check(
                inspectorIds.size() >= needed,
                "inspector_ids",
                e.authorityLevel.isRegulator()
                        ? "a " + e.authorityLevel + " inspection is a regulator's and needs at least 2 inspectors; "
                                + inspectorIds.size() + " given"
                        : "needs at least one inspector");
        Instant now = Clocks.now(clock);
        Set<UUID> chosen = new LinkedHashSet<>();
        for (int i = 0; i < inspectorIds.size(); i++) {
            String field = "inspector_ids[" + i + "]";
            UUID inspectorId;
            try {
                inspectorId = Violations.parseId(field, inspectorIds.get(i));
            } catch (InvalidArgumentException ex) {
                ex.violations().forEach(f -> v.check(false, f.field(), f.description()));
                continue;
            }
            if (!chosen.add(inspectorId)) {
                v.check(false, field, "is listed twice");
                continue;
            }
            InspectorEntity inspector = inspectors.findById(inspectorId);
            if (inspector == null) {
                v.check(false, field, "no inspector has this id");
                continue;
            }
            qualifies(v, field, inspector, e, now);
        }
        v.throwIfAny();
        e.inspectorIds.clear();
        e.inspectorIds.addAll(chosen);
        e.updateTime = now;
        return views.flushed(e);
    }

    /** Certificate valid now and through the window, qualified for the kind, of sufficient authority. */
    private static void qualifies(
            Violations v, String field, InspectorEntity inspector, InspectionEntity e, Instant now) {
        String cert = "certificate " + inspector.certificateNumber;
        v.check(!inspector.validFrom.isAfter(now), field, cert + " is not valid before " + inspector.validFrom);
        v.check(inspector.validUntil.isAfter(now), field, cert + " expired at " + inspector.validUntil);
        v.check(
                !inspector.validUntil.isBefore(e.windowEnd) || !inspector.validUntil.isAfter(now),
                field,
                cert + " expires at " + inspector.validUntil + ", before the inspection's window ends at "
                        + e.windowEnd);
        v.check(inspector.qualifiedKinds.contains(e.kind), field, "the inspector is not qualified for " + e.kind);
        v.check(
                inspector.authorityLevel.covers(e.authorityLevel),
                field,
                cert + " is of " + inspector.authorityLevel + " level, below the inspection's " + e.authorityLevel
                        + " authority");
    }

    /** Records a mystery shopper's visit or call; it must lie within the window. */
    public InspectionView recordContact(String id, String etag, ContactMode mode, Instant time, String scenario) {
        InspectionEntity e = locks.forChange(id, etag);
        if (e.kind != InspectionKind.MYSTERY_SHOPPING) {
            throw new FailedPreconditionException(
                    "NOT_MYSTERY_SHOPPING", "inspection " + e.id + " is a " + e.kind + ", which records no contact");
        }
        if (!e.status.ratable()) {
            throw InspectionLocks.notInStatus(e, "record a contact");
        }
        Instant now = Clocks.now(clock);
        Violations v = new Violations()
                .requireEnum("contact.mode", mode != null)
                .check(time != null, "contact.contact_time", "is required")
                .requireText("contact.scenario", scenario, 2000);
        if (time != null) {
            v.check(
                    !time.isBefore(e.windowStart) && time.isBefore(e.windowEnd),
                    "contact.contact_time",
                    "must lie within the inspection's window [" + e.windowStart + ", " + e.windowEnd + ")");
            v.check(!time.isAfter(now.plusSeconds(300)), "contact.contact_time", "must not be in the future");
        }
        v.throwIfAny();
        e.contactMode = mode;
        e.contactTime = time.truncatedTo(ChronoUnit.MICROS);
        e.contactScenario = scenario.strip();
        e.updateTime = now;
        return views.flushed(e);
    }
}
