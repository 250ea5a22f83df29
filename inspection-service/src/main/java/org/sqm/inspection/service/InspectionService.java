package org.sqm.inspection.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.sqm.commons.error.FailedPreconditionException;
import org.sqm.commons.error.FieldViolation;
import org.sqm.commons.error.InvalidArgumentException;
import org.sqm.commons.error.NotFoundException;
import org.sqm.commons.error.Violations;
import org.sqm.commons.paging.PageToken;
import org.sqm.commons.persistence.AfterCommit;
import org.sqm.commons.persistence.Etags;
import org.sqm.commons.persistence.IdempotentCreate;
import org.sqm.inspection.domain.AuthorityLevel;
import org.sqm.inspection.domain.ContactMode;
import org.sqm.inspection.domain.FindingEntity;
import org.sqm.inspection.domain.InspectionAction;
import org.sqm.inspection.domain.InspectionEntity;
import org.sqm.inspection.domain.InspectionKind;
import org.sqm.inspection.domain.InspectionStatus;
import org.sqm.inspection.domain.InspectorEntity;
import org.sqm.inspection.domain.RatingEntity;
import org.sqm.inspection.domain.RectificationOrderEntity;
import org.sqm.inspection.domain.RectificationStatus;
import org.sqm.inspection.domain.StandardSnapshot;
import org.sqm.inspection.repository.FindingRepository;
import org.sqm.inspection.repository.InspectionRepository;
import org.sqm.inspection.repository.InspectorRepository;
import org.sqm.inspection.repository.RatingRepository;
import org.sqm.inspection.repository.RectificationOrderRepository;

/** The rules of inspections: pinning, inspectors, ratings, the lifecycle, findings, results. */
@ApplicationScoped
public class InspectionService {

    static final int MAX_INSPECTORS = 10;
    static final int MAX_RATINGS_PER_CALL = 500;
    static final Duration MAX_WINDOW = Duration.ofDays(366);
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private final InspectionRepository inspections;
    private final RatingRepository ratings;
    private final InspectorRepository inspectors;
    private final FindingRepository findings;
    private final RectificationOrderRepository orders;
    private final PinnedStandards pinned;
    private final Standards standards;
    private final MeterRegistry metrics;
    private final AfterCommit afterCommit;

    public InspectionService(
            InspectionRepository inspections,
            RatingRepository ratings,
            InspectorRepository inspectors,
            FindingRepository findings,
            RectificationOrderRepository orders,
            PinnedStandards pinned,
            Standards standards,
            MeterRegistry metrics,
            AfterCommit afterCommit) {
        this.inspections = inspections;
        this.ratings = ratings;
        this.inspectors = inspectors;
        this.findings = findings;
        this.orders = orders;
        this.pinned = pinned;
        this.standards = standards;
        this.metrics = metrics;
        this.afterCommit = afterCommit;
    }

    /** What a caller asks to inspect. */
    public record NewInspection(
            String unitId,
            InspectionKind kind,
            AuthorityLevel authorityLevel,
            String standardCode,
            String standardId,
            Instant windowStart,
            Instant windowEnd) {}

    /** An inspection with what it shows: its pinned version, ratings and inspectors. */
    public record InspectionView(
            InspectionEntity inspection,
            StandardSnapshot standard,
            List<RatingEntity> ratings,
            List<InspectorEntity> inspectors,
            int ratedCount) {}

    /** A rating as the caller sends it. */
    public record NewRating(
            String elementCode,
            String levelCode,
            Integer score,
            boolean notApplicable,
            String justification,
            String evidenceNotes,
            List<RatingEntity.Attachment> attachments,
            String observations,
            List<RatingEntity.Interview> interviews) {}

    /** List filters. */
    public record InspectionFilter(String unitId, String planId, InspectionStatus status, boolean missedOnly) {}

    /** One page of inspections. */
    public record InspectionPage(List<InspectionView> inspections, String nextPageToken) {}

    /** Results filters. */
    public record ResultFilter(
            Instant finalizedFrom,
            Instant finalizedUntil,
            String unitId,
            InspectionKind kind,
            AuthorityLevel authority) {}

    /** One page of results. */
    public record ResultPage(List<InspectionView> results, String nextPageToken) {}

    /** One element side by side with the previous inspection. */
    public record ComparedElement(
            StandardSnapshot.Element element, RatingEntity current, RatingEntity previous, String change) {}

    /** A comparison. */
    public record Comparison(UUID inspectionId, UUID previousId, List<ComparedElement> elements) {}

    // ---- create / read ----------------------------------------------------------------------------

    /** Creates a scheduled inspection pinned to a published version, or returns an earlier call's. */
    public InspectionView create(NewInspection request, String requestId) {
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
        boolean byId = request.standardId() != null && !request.standardId().isEmpty();
        if (!byId) {
            v.requirePattern(
                    "inspection.standard_code",
                    request.standardCode(),
                    PlanService.STANDARD_CODE,
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
        v.check(
                request.kind() != InspectionKind.SELF_INSPECTION || request.authorityLevel() == AuthorityLevel.UNIT,
                "inspection.authority_level",
                "must be UNIT for a self-inspection");
        v.throwIfAny();
        Standards.Unit unit = standards.unit(unitId).orElse(null);
        if (unit == null || !unit.active()) {
            throw new InvalidArgumentException(
                    "inspection.unit_id", unit == null ? "no unit has this id" : "the unit is inactive");
        }
        StandardSnapshot standard = byId
                ? pinned.pin(UUID.fromString(request.standardId()), "inspection.standard_id")
                : pinned.inForce(request.standardCode());
        if (byId
                && request.standardCode() != null
                && !request.standardCode().isEmpty()
                && !request.standardCode().equals(standard.code())) {
            throw new InvalidArgumentException("inspection.standard_code", "does not match the code of standard_id");
        }
        UUID unit0 = unitId;
        String fingerprint = IdempotentCreate.fingerprint(
                unit0.toString(),
                request.kind().name(),
                request.authorityLevel().name(),
                byId ? request.standardId() : request.standardCode(),
                request.windowStart().toString(),
                request.windowEnd().toString());
        InspectionEntity created = IdempotentCreate.create(
                requestId,
                fingerprint,
                e -> e.fingerprint,
                inspections::findByRequestId,
                () -> {
                    Instant now = now();
                    InspectionEntity e = new InspectionEntity();
                    e.id = UUID.randomUUID();
                    e.unitId = unit0;
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
                    inspections.persistAndFlush(e);
                    return e;
                },
                constraint -> null);
        return QuarkusTransaction.requiringNew().call(() -> view(find(created.id), true));
    }

    /** Returns the inspection with its ratings. */
    @Transactional
    public InspectionView get(String id) {
        return view(find(Violations.parseId("id", id)), true);
    }

    /** Lists inspections, latest window first. */
    @Transactional
    public InspectionPage list(InspectionFilter filter, int pageSize, String pageToken) {
        int size = PageToken.pageSize(pageSize);
        Violations v = new Violations().optionalId("unit_id", filter.unitId()).optionalId("plan_id", filter.planId());
        v.throwIfAny();
        String query = "inspections:" + filter;
        List<String> after = PageToken.decode(pageToken, query, 2);
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (Texts.emptyToNull(filter.unitId()) != null) {
            where.append(" and unitId = :unit");
            params.put("unit", UUID.fromString(filter.unitId()));
        }
        if (Texts.emptyToNull(filter.planId()) != null) {
            where.append(" and planId = :plan");
            params.put("plan", UUID.fromString(filter.planId()));
        }
        if (filter.status() != null) {
            where.append(" and status = :status");
            params.put("status", filter.status());
        }
        if (filter.missedOnly()) {
            where.append(" and missed = true");
        }
        if (!after.isEmpty()) {
            where.append(" and (windowStart < :afterTime or (windowStart = :afterTime and id < :afterId))");
            params.put("afterTime", Instant.parse(after.get(0)));
            params.put("afterId", UUID.fromString(after.get(1)));
        }
        List<InspectionEntity> page = inspections
                .find(where + " order by windowStart desc, id desc", params)
                .range(0, size)
                .list();
        List<InspectionView> views =
                page.stream().limit(size).map(e -> view(e, false)).toList();
        if (page.size() <= size) {
            return new InspectionPage(views, "");
        }
        InspectionEntity last = page.get(size - 1);
        return new InspectionPage(views, PageToken.encode(query, last.windowStart.toString(), last.id.toString()));
    }

    // ---- changes -----------------------------------------------------------------------------------

    /** Replaces the inspectors; each must qualify, and a regulator inspection needs two or more. */
    @Transactional
    public InspectionView assign(String id, String etag, List<String> inspectorIds) {
        InspectionEntity e = lockForChange(id, etag);
        if (!(e.status == InspectionStatus.SCHEDULED || e.status.ratable())) {
            throw notInStatus(e, "assign inspectors");
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
        Instant now = now();
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
        v.throwIfAny();
        e.inspectorIds.clear();
        e.inspectorIds.addAll(chosen);
        e.updateTime = now;
        return flushed(e);
    }

    /** Records a mystery shopper's visit or call. */
    @Transactional
    public InspectionView recordContact(String id, String etag, ContactMode mode, Instant time, String scenario) {
        InspectionEntity e = lockForChange(id, etag);
        if (e.kind != InspectionKind.MYSTERY_SHOPPING) {
            throw new FailedPreconditionException(
                    "NOT_MYSTERY_SHOPPING", "inspection " + e.id + " is a " + e.kind + ", which records no contact");
        }
        if (!e.status.ratable()) {
            throw notInStatus(e, "record a contact");
        }
        Instant now = now();
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
        return flushed(e);
    }

    /** Sets ratings, all or nothing. */
    @Transactional
    public InspectionView rate(String id, List<NewRating> requested) {
        UUID inspectionId = Violations.parseId("id", id);
        InspectionEntity e =
                inspections.findForUpdate(inspectionId).orElseThrow(() -> new NotFoundException("inspection", id));
        if (!e.status.ratable()) {
            throw notInStatus(e, "rate elements");
        }
        StandardSnapshot standard = pinned.get(e.standardId);
        Violations v = new Violations();
        v.check(!requested.isEmpty(), "ratings", "needs at least one rating");
        v.check(
                requested.size() <= MAX_RATINGS_PER_CALL,
                "ratings",
                "must hold at most " + MAX_RATINGS_PER_CALL + " ratings");
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < requested.size(); i++) {
            validate(v, "ratings[" + i + "]", requested.get(i), standard, e.kind, seen);
        }
        v.throwIfAny();
        Instant now = now();
        for (NewRating r : requested) {
            RatingEntity rating = ratings.findById(new RatingEntity.Key(e.id, r.elementCode()));
            boolean fresh = rating == null;
            if (fresh) {
                rating = new RatingEntity();
                rating.inspectionId = e.id;
                rating.elementCode = r.elementCode();
                rating.position = standard.position(r.elementCode());
            }
            apply(rating, r, standard, now);
            if (fresh) {
                ratings.persist(rating);
            }
        }
        e.updateTime = now;
        return flushed(e);
    }

    private static void validate(
            Violations v, String field, NewRating r, StandardSnapshot standard, InspectionKind kind, Set<String> seen) {
        if (r.elementCode() == null || r.elementCode().isEmpty()) {
            v.check(false, field + ".element_code", "is required");
            return;
        }
        if (standard.element(r.elementCode()).isEmpty()) {
            v.check(false, field + ".element_code", "is not an element of " + standard.label());
            return;
        }
        v.check(seen.add(r.elementCode()), field + ".element_code", "is rated twice in this call");
        boolean level = r.levelCode() != null && !r.levelCode().isEmpty();
        boolean score = r.score() != null;
        int given = (level ? 1 : 0) + (score ? 1 : 0) + (r.notApplicable() ? 1 : 0);
        v.check(given == 1, field, "set exactly one of level_code, score and not_applicable");
        StandardSnapshot.Scale scale = standard.scale();
        if (r.notApplicable()) {
            v.check(
                    scale.allowNotApplicable(),
                    field + ".not_applicable",
                    "the rating scale of " + standard.label() + " does not allow not applicable");
            v.requireText(field + ".justification", r.justification(), 2000);
        } else {
            v.check(
                    r.justification() == null || r.justification().isEmpty(),
                    field + ".justification",
                    "is only for not-applicable ratings");
        }
        if (level) {
            v.check(
                    !scale.numeric(),
                    field + ".level_code",
                    "the scale of " + standard.label() + " is numeric: send a score");
            v.check(
                    scale.numeric() || scale.level(r.levelCode()).isPresent(),
                    field + ".level_code",
                    "is not a level of the scale; one of "
                            + scale.levels().stream()
                                    .map(StandardSnapshot.Level::code)
                                    .collect(Collectors.joining(", ")));
        }
        if (score) {
            v.check(
                    scale.numeric(),
                    field + ".score",
                    "the scale of " + standard.label() + " has levels: send a level_code");
            v.check(
                    !scale.numeric() || (r.score() >= scale.minScore() && r.score() <= scale.maxScore()),
                    field + ".score",
                    "must be between " + scale.minScore() + " and " + scale.maxScore());
        }
        v.maxLength(field + ".evidence_notes", r.evidenceNotes(), 10_000);
        v.maxLength(field + ".observations", r.observations(), 10_000);
        v.check(r.attachments().size() <= 20, field + ".attachments", "must hold at most 20 attachments");
        for (int a = 0; a < r.attachments().size(); a++) {
            RatingEntity.Attachment att = r.attachments().get(a);
            String f = field + ".attachments[" + a + "]";
            v.check(isAbsoluteUri(att.uri()), f + ".uri", "must be an absolute URI of at most 2000 characters");
            v.check(
                    att.sha256() != null && SHA256.matcher(att.sha256()).matches(),
                    f + ".sha256",
                    "must be 64 lowercase hex digits");
        }
        v.check(r.interviews().size() <= 50, field + ".interviews", "must hold at most 50 interviews");
        v.check(
                r.interviews().isEmpty()
                        || kind == InspectionKind.ON_SITE_ASSESSMENT
                        || kind == InspectionKind.INTERNAL_AUDIT,
                field + ".interviews",
                "interviews are recorded in on-site assessments and internal audits only");
        for (int n = 0; n < r.interviews().size(); n++) {
            RatingEntity.Interview interview = r.interviews().get(n);
            String f = field + ".interviews[" + n + "]";
            v.requireEnum(f + ".group", interview.group() != null);
            v.requireText(f + ".note", interview.note(), 4000);
        }
    }

    private static boolean isAbsoluteUri(String uri) {
        if (uri == null || uri.isEmpty() || uri.length() > 2000) {
            return false;
        }
        try {
            return new URI(uri).isAbsolute();
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static void apply(RatingEntity rating, NewRating r, StandardSnapshot standard, Instant now) {
        StandardSnapshot.Scale scale = standard.scale();
        rating.levelCode = r.notApplicable() || scale.numeric() ? null : r.levelCode();
        rating.score = r.notApplicable() || !scale.numeric() ? null : r.score();
        rating.notApplicable = r.notApplicable();
        rating.justification = r.notApplicable() ? r.justification().strip() : null;
        rating.evidenceNotes = Texts.emptyToNull(r.evidenceNotes());
        rating.attachments = List.copyOf(r.attachments());
        rating.observations = Texts.emptyToNull(r.observations());
        rating.interviews = List.copyOf(r.interviews());
        if (r.notApplicable()) {
            rating.meetsRequirement = true;
            rating.points = 0;
        } else if (scale.numeric()) {
            rating.meetsRequirement = r.score() >= scale.passScore();
            rating.points = r.score();
        } else {
            StandardSnapshot.Level level = scale.level(r.levelCode()).orElseThrow();
            rating.meetsRequirement = level.meetsRequirement();
            rating.points = level.points();
        }
        rating.updateTime = now;
    }

    /** Moves an inspection along its lifecycle. */
    @Transactional
    public InspectionView transition(String id, String etag, InspectionAction action, String note) {
        Violations v = new Violations().requireEnum("action", action != null).maxLength("note", note, 2000);
        if (action != null && action.needsNote()) {
            v.requireText("note", note, 2000);
        }
        v.throwIfAny();
        InspectionEntity e = lockForChange(id, etag);
        InspectionStatus to = action.from(e.status)
                .orElseThrow(() -> new FailedPreconditionException(
                        "INVALID_TRANSITION",
                        "cannot " + action + " an inspection that is " + e.status,
                        Map.of("status", e.status.name(), "action", action.name())));
        Instant now = now();
        switch (action) {
            case START -> {
                int needed = e.authorityLevel.isRegulator() ? 2 : 1;
                if (e.inspectorIds.size() < needed) {
                    throw new FailedPreconditionException(
                            "INSPECTORS_REQUIRED",
                            "assign at least " + needed + " inspector(s) before starting this " + e.authorityLevel
                                    + " inspection",
                            Map.of("needed", Integer.toString(needed)));
                }
                e.startTime = now;
            }
            case SUBMIT -> {
                checkComplete(e);
                e.submitTime = now;
            }
            case FINALIZE -> {
                e.finalizeTime = now;
                issueFindings(e, now);
                String kind = e.kind.name();
                String authority = e.authorityLevel.name();
                afterCommit.run(() -> metrics.counter("sqm.inspections.finalized", "kind", kind, "authority", authority)
                        .increment());
            }
            default -> {}
        }
        e.statusNote = action.needsNote() ? note.strip() : e.statusNote;
        e.status = to;
        e.updateTime = now;
        return flushed(e);
    }

    /** Every mandatory element rated, and a mystery shopping contact recorded. */
    private void checkComplete(InspectionEntity e) {
        StandardSnapshot standard = pinned.get(e.standardId);
        Set<String> rated =
                ratings.ofInspection(e.id).stream().map(r -> r.elementCode).collect(Collectors.toSet());
        List<FieldViolation> missing = standard.elements().stream()
                .filter(StandardSnapshot.Element::mandatory)
                .filter(el -> !rated.contains(el.code()))
                .map(el -> new FieldViolation(el.code(), "mandatory element \"" + el.title() + "\" is not rated"))
                .toList();
        if (!missing.isEmpty()) {
            throw new FailedPreconditionException(
                    "UNRATED_MANDATORY_ELEMENTS",
                    missing.size() + " mandatory element(s) not rated: "
                            + missing.stream().map(FieldViolation::field).collect(Collectors.joining(", ")),
                    Map.of("count", Integer.toString(missing.size())),
                    missing);
        }
        if (e.kind == InspectionKind.MYSTERY_SHOPPING && e.contactTime == null) {
            throw new FailedPreconditionException(
                    "CONTACT_REQUIRED", "record the mystery shopping visit or call before submitting");
        }
    }

    /** A finding and a rectification order for every rating that does not meet the requirement. */
    private void issueFindings(InspectionEntity e, Instant now) {
        StandardSnapshot standard = pinned.get(e.standardId);
        for (RatingEntity r : ratings.ofInspection(e.id)) {
            if (r.meetsRequirement || r.notApplicable) {
                continue;
            }
            StandardSnapshot.Element element = standard.element(r.elementCode).orElseThrow();
            FindingEntity f = new FindingEntity();
            f.id = UUID.randomUUID();
            f.inspectionId = e.id;
            f.unitId = e.unitId;
            f.elementCode = element.code();
            f.elementTitle = element.title();
            f.levelCode = r.levelCode;
            f.points = r.points;
            f.severity = standard.severity(element, r.levelCode, r.score);
            f.evidenceNotes = r.evidenceNotes;
            findings.persist(f);
            RectificationOrderEntity o = new RectificationOrderEntity();
            o.id = UUID.randomUUID();
            o.finding = f;
            o.ownerUnitId = e.unitId;
            String rated = r.levelCode != null ? "rated " + r.levelCode : "scored " + r.score;
            o.description = truncate(
                    "Rectify " + element.code() + " \"" + element.title() + "\" (" + rated + " in the " + e.kind
                            + " of " + e.finalizeTime.toString().substring(0, 10) + ")",
                    4000);
            o.dueTime = f.severity.dueFrom(now);
            o.status = RectificationStatus.OPEN;
            o.createTime = now;
            o.updateTime = now;
            orders.persist(o);
        }
    }

    // ---- results and comparison --------------------------------------------------------------------

    /** Finalized inspections with every rating, by finalize time. */
    @Transactional
    public ResultPage results(ResultFilter filter, int pageSize, String pageToken) {
        int size = PageToken.pageSize(pageSize);
        Violations v = new Violations()
                .check(filter.finalizedFrom() != null, "finalized_from", "is required")
                .check(filter.finalizedUntil() != null, "finalized_until", "is required")
                .optionalId("unit_id", filter.unitId());
        if (filter.finalizedFrom() != null && filter.finalizedUntil() != null) {
            v.check(
                    filter.finalizedUntil().isAfter(filter.finalizedFrom()),
                    "finalized_until",
                    "must be after finalized_from");
        }
        v.throwIfAny();
        String query = "results:" + filter;
        List<String> after = PageToken.decode(pageToken, query, 2);
        StringBuilder where = new StringBuilder("status = :status and finalizeTime >= :from and finalizeTime < :until");
        Map<String, Object> params = new HashMap<>();
        params.put("status", InspectionStatus.FINALIZED);
        params.put("from", filter.finalizedFrom());
        params.put("until", filter.finalizedUntil());
        if (Texts.emptyToNull(filter.unitId()) != null) {
            where.append(" and unitId = :unit");
            params.put("unit", UUID.fromString(filter.unitId()));
        }
        if (filter.kind() != null) {
            where.append(" and kind = :kind");
            params.put("kind", filter.kind());
        }
        if (filter.authority() != null) {
            where.append(" and authorityLevel = :authority");
            params.put("authority", filter.authority());
        }
        if (!after.isEmpty()) {
            where.append(" and (finalizeTime > :afterTime or (finalizeTime = :afterTime and id > :afterId))");
            params.put("afterTime", Instant.parse(after.get(0)));
            params.put("afterId", UUID.fromString(after.get(1)));
        }
        List<InspectionEntity> page = inspections
                .find(where + " order by finalizeTime, id", params)
                .range(0, size)
                .list();
        List<InspectionEntity> shown = page.size() > size ? page.subList(0, size) : page;
        Map<UUID, List<RatingEntity>> byInspection = new LinkedHashMap<>();
        shown.forEach(e -> byInspection.put(e.id, new ArrayList<>()));
        ratings.ofInspections(byInspection.keySet())
                .forEach(r -> byInspection.get(r.inspectionId).add(r));
        Map<UUID, StandardSnapshot> snapshots = new HashMap<>();
        List<InspectionView> views = shown.stream()
                .map(e -> new InspectionView(
                        e,
                        snapshots.computeIfAbsent(e.standardId, pinned::get),
                        byInspection.get(e.id),
                        List.of(),
                        byInspection.get(e.id).size()))
                .toList();
        if (page.size() <= size) {
            return new ResultPage(views, "");
        }
        InspectionEntity last = shown.get(size - 1);
        return new ResultPage(views, PageToken.encode(query, last.finalizeTime.toString(), last.id.toString()));
    }

    /** The inspection's ratings next to those of the latest earlier finalized inspection of the same unit and kind. */
    @Transactional
    public Comparison compare(String id) {
        InspectionEntity e = find(Violations.parseId("id", id));
        Instant before = e.finalizeTime != null ? e.finalizeTime : Instant.now().plusSeconds(1);
        InspectionEntity previous = inspections
                .find(
                        "unitId = ?1 and kind = ?2 and status = ?3 and finalizeTime < ?4 and id <> ?5"
                                + " order by finalizeTime desc, id desc",
                        e.unitId,
                        e.kind,
                        InspectionStatus.FINALIZED,
                        before,
                        e.id)
                .firstResult();
        Map<String, RatingEntity> current = byCode(ratings.ofInspection(e.id));
        Map<String, RatingEntity> earlier = previous == null ? Map.of() : byCode(ratings.ofInspection(previous.id));
        List<ComparedElement> rows = pinned.get(e.standardId).elements().stream()
                .map(el -> {
                    RatingEntity now = current.get(el.code());
                    RatingEntity then = earlier.get(el.code());
                    return new ComparedElement(el, now, then, change(now, then));
                })
                .toList();
        return new Comparison(e.id, previous == null ? null : previous.id, rows);
    }

    private static String change(RatingEntity now, RatingEntity then) {
        if (then == null) {
            return "NEW";
        }
        if (now == null || now.notApplicable || then.notApplicable) {
            return "NOT_COMPARABLE";
        }
        int diff = Integer.compare(now.points, then.points);
        return diff > 0 ? "IMPROVED" : diff < 0 ? "WORSENED" : "UNCHANGED";
    }

    private static Map<String, RatingEntity> byCode(List<RatingEntity> list) {
        Map<String, RatingEntity> map = new HashMap<>();
        list.forEach(r -> map.put(r.elementCode, r));
        return map;
    }

    // ---- helpers -----------------------------------------------------------------------------------

    private InspectionEntity find(UUID id) {
        return inspections.findByIdOptional(id).orElseThrow(() -> new NotFoundException("inspection", id.toString()));
    }

    /** Locks the inspection, refuses frozen ones and stale etags. */
    private InspectionEntity lockForChange(String id, String etag) {
        UUID inspectionId = Violations.parseId("id", id);
        InspectionEntity e =
                inspections.findForUpdate(inspectionId).orElseThrow(() -> new NotFoundException("inspection", id));
        if (e.status.frozen()) {
            throw frozen(e);
        }
        Etags.require(etag, e.version, "inspection", id, "etag");
        return e;
    }

    private static FailedPreconditionException frozen(InspectionEntity e) {
        return new FailedPreconditionException(
                "INSPECTION_FROZEN",
                "inspection " + e.id + " is " + e.status + " and never changes",
                Map.of("status", e.status.name()));
    }

    private static FailedPreconditionException notInStatus(InspectionEntity e, String what) {
        if (e.status.frozen()) {
            return frozen(e);
        }
        return new FailedPreconditionException(
                "INVALID_STATUS",
                "cannot " + what + " while the inspection is " + e.status,
                Map.of("status", e.status.name()));
    }

    private InspectionView flushed(InspectionEntity e) {
        inspections.flush();
        return view(e, true);
    }

    private InspectionView view(InspectionEntity e, boolean withRatings) {
        List<InspectorEntity> assigned =
                e.inspectorIds.stream().map(inspectors::findById).toList();
        List<RatingEntity> list = withRatings ? ratings.ofInspection(e.id) : List.of();
        int rated = withRatings ? list.size() : (int) ratings.countOf(e.id);
        return new InspectionView(e, pinned.get(e.standardId), list, assigned, rated);
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
