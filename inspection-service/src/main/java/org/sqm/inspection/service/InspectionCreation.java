package org.sqm.inspection.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.sqm.commons.convert.Texts;
import org.sqm.commons.error.InvalidArgumentException;
import org.sqm.commons.error.Violations;
import org.sqm.commons.persistence.IdempotentCreate;
import org.sqm.inspection.config.Clocks;
import org.sqm.inspection.domain.AuthorityLevel;
import org.sqm.inspection.domain.InspectionEntity;
import org.sqm.inspection.domain.InspectionKind;
import org.sqm.inspection.domain.InspectionOrigin;
import org.sqm.inspection.domain.InspectionStatus;
import org.sqm.inspection.domain.StandardSnapshot;
import org.sqm.inspection.repository.InspectionRepository;

/**
 * Creates inspections pinned to a published standard version. Asks standards-service for the unit and
 * the version first, with no transaction open; the insert is one short transaction of its own.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.NEVER)
public class InspectionCreation {

    static final Duration MAX_WINDOW = Duration.ofDays(366);

    private final InspectionRepository inspections;
    private final InspectionViews views;
    private final PinnedStandards pinned;
    private final Standards standards;

    private final Clock clock;

    public InspectionCreation(
            InspectionRepository inspections,
            InspectionViews views,
            PinnedStandards pinned,
            Standards standards,
            Clock clock) {
        this.inspections = inspections;
        this.views = views;
        this.pinned = pinned;
        this.standards = standards;
        this.clock = clock;
    }

    /** What a caller asks to inspect. */
    public record NewInspection(
            String unitId,
            InspectionKind kind,
            AuthorityLevel authorityLevel,
            String standardCode,
            String standardId,
            Instant windowStart,
            Instant windowEnd,
            InspectionOrigin origin) {}

    /** Creates a scheduled inspection pinned to a published version, or returns an earlier call's. */
    public InspectionView create(NewInspection request, String requestId) {
        UUID unitId = validate(request, requestId);
        boolean byId = Texts.emptyToNull(request.standardId()) != null;
        Standards.Unit unit = standards.unit(unitId).orElse(null);
        if (unit == null || !unit.active()) {
            throw new InvalidArgumentException(
                    "inspection.unit_id", unit == null ? "no unit has this id" : "the unit is inactive");
        }
        StandardSnapshot standard = byId
                ? pinned.pin(UUID.fromString(request.standardId()), "inspection.standard_id")
                : pinned.inForce(request.standardCode());
        if (byId
                && Texts.emptyToNull(request.standardCode()) != null
                && !request.standardCode().equals(standard.code())) {
            throw new InvalidArgumentException("inspection.standard_code", "does not match the code of standard_id");
        }
        List<String> parts = new ArrayList<>(List.of(
                unitId.toString(),
                request.kind().name(),
                request.authorityLevel().name(),
                byId ? request.standardId() : request.standardCode(),
                request.windowStart().toString(),
                request.windowEnd().toString()));
        if (request.origin() != null) {
            // Only with an origin, so the fingerprints of inspections created without one stay valid.
            parts.add(request.origin().canonical());
        }
        String fingerprint = IdempotentCreate.fingerprint(parts.toArray(String[]::new));
        return IdempotentCreate.create(
                requestId,
                fingerprint,
                view -> view.inspection().fingerprint,
                key -> inspections.findByRequestId(key).map(e -> views.of(e, true)),
                () -> insert(request, unitId, standard, requestId, fingerprint),
                constraint -> null);
    }

    private InspectionView insert(
            NewInspection request, UUID unitId, StandardSnapshot standard, String requestId, String fingerprint) {
        Instant now = Clocks.now(clock);
        InspectionEntity e = new InspectionEntity();
        e.id = UUID.randomUUID();
        e.unitId = unitId;
        e.kind = request.kind();
        e.authorityLevel = request.authorityLevel();
        e.standardId = standard.id();
        e.windowStart = request.windowStart().truncatedTo(ChronoUnit.MICROS);
        e.windowEnd = request.windowEnd().truncatedTo(ChronoUnit.MICROS);
        e.status = InspectionStatus.SCHEDULED;
        e.createTime = now;
        e.updateTime = now;
        e.requestId = Texts.emptyToNull(requestId);
        e.fingerprint = fingerprint;
        e.origin = request.origin();
        inspections.persistAndFlush(e);
        // A new inspection has no inspectors, no ratings and no moves yet.
        return new InspectionView(e, standard, List.of(), List.of(), 0, List.of());
    }

    /** Every field the caller can get wrong, reported together; returns the unit's id. */
    private static UUID validate(NewInspection request, String requestId) {
        Violations v = new Violations()
                .requireEnum("inspection.kind", request.kind() != null)
                .requireEnum("inspection.authority_level", request.authorityLevel() != null)
                .optionalId("inspection.standard_id", request.standardId())
                .check(request.windowStart() != null, "inspection.window_start", "is required")
                .check(request.windowEnd() != null, "inspection.window_end", "is required")
                .maxLength("request_id", requestId, 100);
        UUID unitId = null;
        try {
            unitId = Violations.parseId("inspection.unit_id", request.unitId());
        } catch (InvalidArgumentException e) {
            e.violations().forEach(f -> v.check(false, f.field(), f.description()));
        }
        if (Texts.emptyToNull(request.standardId()) == null) {
            v.requirePattern(
                    "inspection.standard_code",
                    request.standardCode(),
                    PlanCreation.STANDARD_CODE,
                    "is required unless standard_id is set: 1 to 64 letters, digits, '.', '_' or '-'");
        }
        if (request.windowStart() != null && request.windowEnd() != null) {
            v.check(
                    request.windowEnd().isAfter(request.windowStart()),
                    "inspection.window_end",
                    "must be after window_start");
            v.check(
                    Duration.between(request.windowStart(), request.windowEnd()).compareTo(MAX_WINDOW) <= 0,
                    "inspection.window_end",
                    "must be at most 366 days after window_start");
        }
        validateOrigin(v, request.origin());
        v.check(
                request.kind() != InspectionKind.SELF_INSPECTION || request.authorityLevel() == AuthorityLevel.UNIT,
                "inspection.authority_level",
                "must be UNIT for a self-inspection");
        v.throwIfAny();
        return unitId;
    }

    private static void validateOrigin(Violations v, InspectionOrigin origin) {
        if (origin == null) {
            return;
        }
        v.requireText("inspection.origin.requested_by", origin.requestedBy(), 100)
                .requireText("inspection.origin.reference", origin.reference(), 200)
                .requireText("inspection.origin.reason", origin.reason(), 2000)
                .check(origin.figures().size() <= 20, "inspection.origin.figures", "must be at most 20 figures");
        for (int i = 0; i < origin.figures().size(); i++) {
            InspectionOrigin.Figure f = origin.figures().get(i);
            String field = "inspection.origin.figures[" + i + "]";
            v.requireText(field + ".name", f.name(), 200)
                    .maxLength(field + ".period", f.period(), 20)
                    .check(Double.isFinite(f.value()), field + ".value", "must be a finite number");
        }
    }
}
