package org.sqm.complaint.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.sqm.commons.error.ConcurrentModificationException;
import org.sqm.commons.error.FailedPreconditionException;
import org.sqm.commons.error.InvalidArgumentException;
import org.sqm.commons.error.NotFoundException;
import org.sqm.commons.error.Violations;
import org.sqm.commons.paging.PageToken;
import org.sqm.commons.persistence.AfterCommit;
import org.sqm.commons.persistence.Etags;
import org.sqm.commons.persistence.IdempotentCreate;
import org.sqm.complaint.config.ComplaintConfig;
import org.sqm.complaint.domain.ComplaintAction;
import org.sqm.complaint.domain.ComplaintCategoryEntity;
import org.sqm.complaint.domain.ComplaintChannel;
import org.sqm.complaint.domain.ComplaintEntity;
import org.sqm.complaint.domain.ComplaintEntity.Deadline;
import org.sqm.complaint.domain.ComplaintEntity.Pause;
import org.sqm.complaint.domain.ComplaintEventEntity;
import org.sqm.complaint.domain.ComplaintStatus;
import org.sqm.complaint.domain.DeadlineKind;
import org.sqm.complaint.domain.Severity;
import org.sqm.complaint.repository.ComplaintCategoryRepository;
import org.sqm.complaint.repository.ComplaintEventRepository;
import org.sqm.complaint.repository.ComplaintRepository;

/** Complaint handling: intake against deadlines, the lifecycle, escalation and the history. */
@ApplicationScoped
public class ComplaintService {

    static final String SYSTEM = "system";
    private static final String LIST_QUERY = "complaints";
    // Clocks of callers and of this service differ a little; a receipt this far ahead is still "now".
    private static final long CLOCK_SKEW_SECONDS = 300;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,185}\\.[^@\\s]{2,}");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ()\\-]{5,30}");
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,39}");

    private final ComplaintRepository complaints;
    private final ComplaintEventRepository events;
    private final ComplaintCategoryRepository categories;
    private final Standards standards;
    private final ComplaintConfig config;
    private final MeterRegistry metrics;
    private final AfterCommit afterCommit;
    private final java.util.Set<String> knownCategories = java.util.concurrent.ConcurrentHashMap.newKeySet();

    public ComplaintService(
            ComplaintRepository complaints,
            ComplaintEventRepository events,
            ComplaintCategoryRepository categories,
            Standards standards,
            ComplaintConfig config,
            MeterRegistry metrics,
            AfterCommit afterCommit) {
        this.complaints = complaints;
        this.events = events;
        this.categories = categories;
        this.standards = standards;
        this.config = config;
        this.metrics = metrics;
        this.afterCommit = afterCommit;
    }

    /** What a caller asks to record; {@code receiveTime} null means "now"; enums null when unset or unknown. */
    public record NewComplaint(
            String unitId,
            ComplaintChannel channel,
            String category,
            Severity severity,
            String description,
            String remedySought,
            String complainantName,
            String complainantEmail,
            String complainantPhone,
            Instant receiveTime) {}

    /** A complaint with its history and, where known, the business time each deadline has used. */
    public record ComplaintDetail(
            ComplaintEntity complaint, List<ComplaintEventEntity> history, Map<DeadlineKind, Duration> used) {}

    /** One page of complaints and the token of the next page (empty at the end). */
    public record ComplaintPage(List<ComplaintEntity> complaints, String nextPageToken) {}

    /** What a list is filtered by; null or false fields do not filter. */
    public record ListQuery(
            String unitId,
            boolean includeDescendants,
            ComplaintStatus status,
            boolean overdueOnly,
            String category,
            ComplaintChannel channel,
            Instant receivedAfter,
            Instant receivedBefore) {}

    /**
     * Records a complaint with its deadlines. A retry with the same request id returns the first
     * call's complaint even while standards-service is unreachable.
     */
    public ComplaintDetail create(NewComplaint c, String requestId, String actor) {
        Instant now = Instant.now();
        Violations v = new Violations()
                .optionalId("complaint.unit_id", c.unitId())
                .check(c.unitId() != null && !c.unitId().isEmpty(), "complaint.unit_id", "is required")
                .requireEnum("complaint.channel", c.channel() != null)
                .requireEnum("complaint.severity", c.severity() != null)
                .requireText("complaint.description", c.description(), 10_000)
                .maxLength("complaint.remedy_sought", c.remedySought(), 2000)
                .requireText("complaint.complainant.name", c.complainantName(), 200)
                .check(
                        notBlank(c.complainantEmail()) || notBlank(c.complainantPhone()),
                        "complaint.complainant",
                        "needs an e-mail address or a telephone number")
                .check(
                        !notBlank(c.complainantEmail())
                                || EMAIL.matcher(c.complainantEmail()).matches(),
                        "complaint.complainant.email",
                        "is not an e-mail address")
                .check(
                        !notBlank(c.complainantPhone())
                                || PHONE.matcher(c.complainantPhone()).matches(),
                        "complaint.complainant.phone",
                        "must be 5 to 30 digits, spaces and + ( ) -")
                .check(
                        c.receiveTime() == null || !c.receiveTime().isAfter(now.plusSeconds(CLOCK_SKEW_SECONDS)),
                        "complaint.receive_time",
                        "must not lie in the future")
                .maxLength("request_id", requestId, 100)
                .maxLength("actor", actor, 100);
        boolean knownCategory = notBlank(c.category()) && knownCategory(c.category());
        v.check(knownCategory, "complaint.category", "is required and must be one of ListComplaintCategories");
        v.throwIfAny();

        String fingerprint = IdempotentCreate.fingerprint(
                c.unitId(),
                c.channel().name(),
                c.category(),
                c.severity().name(),
                c.description(),
                c.remedySought(),
                c.complainantName(),
                c.complainantEmail(),
                c.complainantPhone(),
                String.valueOf(c.receiveTime()));
        if (notBlank(requestId)) {
            Optional<ComplaintEntity> earlier =
                    QuarkusTransaction.requiringNew().call(() -> complaints.findByRequestId(requestId));
            if (earlier.isPresent()) {
                IdempotentCreate.sameRequest(earlier.get(), requestId, fingerprint, e -> e.requestHash);
                return get(earlier.get().id.toString());
            }
        }

        UUID unitId = UUID.fromString(c.unitId());
        Instant received = (c.receiveTime() == null ? now : c.receiveTime()).truncatedTo(ChronoUnit.MICROS);
        // One call to standards-service answers the deadlines and the unit's state and parent.
        Optional<Standards.ServiceLevel> resolved = standards.serviceLevel(
                unitId, c.channel(), c.category(), c.severity(), received, config.warningShare());
        Standards.Unit unit = resolved.map(Standards.ServiceLevel::unit)
                // No rule resolved: is it the unit (unknown or inactive) or the rules?
                .or(() -> standards.unit(unitId))
                .filter(Standards.Unit::active)
                .orElse(null);
        new Violations()
                .check(unit != null, "complaint.unit_id", "no active unit has this id")
                .throwIfAny();
        Standards.ServiceLevel level = resolved.orElseThrow(
                () -> new FailedPreconditionException(
                        "NO_SERVICE_LEVEL",
                        "no deadlines can be found for unit " + unitId
                                + ": give it (or a unit above it) a calendar and publish a standard with service-level targets"));
        List<Deadline> deadlines = new ArrayList<>();
        // Due and warning instants come with the service level: one call to standards-service, not one per deadline.
        addDeadline(
                deadlines,
                DeadlineKind.ACKNOWLEDGE,
                level.acknowledgeWithin(),
                level.acknowledgeDue(),
                level.acknowledgeWarn());
        addDeadline(
                deadlines,
                DeadlineKind.FIRST_RESPONSE,
                level.firstResponseWithin(),
                level.firstResponseDue(),
                level.firstResponseWarn());
        addDeadline(deadlines, DeadlineKind.RESOLVE, level.resolveWithin(), level.resolveDue(), level.resolveWarn());
        // The major complaint emergency plan: a critical complaint goes up at once.
        UUID escalateTo = c.severity() == Severity.CRITICAL ? unit.parentId() : null;

        Created created = IdempotentCreate.create(
                requestId,
                fingerprint,
                r -> r.complaint().requestHash,
                key -> complaints.findByRequestId(key).map(e -> new Created(e, null)),
                () -> insert(c, requestId, fingerprint, actor, now, received, level, deadlines, escalateTo),
                constraint -> null);
        if (created.history() == null) {
            // A racing retry with the same request id won: answer with its complaint.
            return get(created.complaint().id.toString());
        }
        // Time used as of the insert: nothing for a complaint received now, one measurement otherwise.
        return new ComplaintDetail(
                created.complaint(), created.history(), used(created.complaint(), created.complaint().createTime));
    }

    /** A complaint this call inserted, with the history it recorded; history null when another call inserted it. */
    private record Created(ComplaintEntity complaint, List<ComplaintEventEntity> history) {}

    /** Whether complaints may have this category; the categories come with the schema and are only ever added. */
    private boolean knownCategory(String code) {
        if (knownCategories.contains(code)) {
            return true;
        }
        boolean known = QuarkusTransaction.requiringNew()
                .call(() -> categories.findByIdOptional(code).isPresent());
        if (known) {
            knownCategories.add(code);
        }
        return known;
    }

    private static void addDeadline(
            List<Deadline> deadlines, DeadlineKind kind, Duration allowed, Instant due, Instant warn) {
        if (allowed != null && due != null) {
            Deadline d = new Deadline(kind, allowed.getSeconds(), due.truncatedTo(ChronoUnit.MICROS));
            d.warnTime = warn == null ? null : warn.truncatedTo(ChronoUnit.MICROS);
            deadlines.add(d);
        }
    }

    private Created insert(
            NewComplaint c,
            String requestId,
            String fingerprint,
            String actor,
            Instant now,
            Instant received,
            Standards.ServiceLevel level,
            List<Deadline> deadlines,
            UUID escalateTo) {
        ComplaintEntity e = new ComplaintEntity();
        e.id = UUID.randomUUID();
        e.createTime = now.truncatedTo(ChronoUnit.MICROS);
        e.updateTime = e.createTime;
        e.receiveTime = received;
        e.reference =
                "C-%d-%06d".formatted(received.atZone(ZoneOffset.UTC).getYear(), complaints.nextReferenceNumber());
        e.unitId = UUID.fromString(c.unitId());
        e.channel = c.channel();
        e.category = c.category();
        e.severity = c.severity();
        e.description = c.description().strip();
        e.remedySought = blankToNull(c.remedySought());
        e.complainantName = c.complainantName().strip();
        e.complainantEmail = blankToNull(c.complainantEmail());
        e.complainantPhone = blankToNull(c.complainantPhone());
        e.status = ComplaintStatus.RECEIVED;
        e.requestId = notBlank(requestId) ? requestId : null;
        e.requestHash = fingerprint;
        e.calendarId = level.calendarId();
        e.callBackSeconds =
                level.callBackWithin() == null ? null : level.callBackWithin().getSeconds();
        e.deadlineSource = level.source();
        e.deadlines.addAll(deadlines);
        complaints.persist(e);
        List<ComplaintEventEntity> history = new ArrayList<>();
        history.add(record(e, actor, "RECEIVE", null, ComplaintStatus.RECEIVED, "deadlines from " + level.source()));
        afterCommit.run(() -> metrics.counter(
                        "sqm.complaints.received", "channel", e.channel.name(), "severity", e.severity.name())
                .increment());
        if (escalateTo != null) {
            e.escalatedToUnitId = escalateTo;
            e.escalationLevel = 1;
            history.add(record(
                    e,
                    SYSTEM,
                    "ESCALATE",
                    e.status,
                    e.status,
                    "critical complaint: escalated at once to " + escalateTo));
        }
        complaints.flush();
        return new Created(e, history);
    }

    /** The complaint, its history and the business time used per deadline (left out when standards-service is down). */
    public ComplaintDetail get(String id) {
        // Read in a short transaction; measure the time used afterwards, holding no connection while
        // standards-service answers.
        ComplaintDetail read = QuarkusTransaction.requiringNew().call(() -> {
            ComplaintEntity e = find("id", id);
            return new ComplaintDetail(e, events.history(e.id), Map.of());
        });
        return new ComplaintDetail(read.complaint(), read.history(), used(read.complaint(), Instant.now()));
    }

    /**
     * The business time each deadline has used by {@code now}; empty when standards-service cannot
     * answer. Deadlines measured over the same span (typically acknowledge and first response, and
     * every deadline of a complaint just received) share one call; an empty span needs none.
     */
    private Map<DeadlineKind, Duration> used(ComplaintEntity e, Instant now) {
        Map<DeadlineKind, Duration> used = new EnumMap<>(DeadlineKind.class);
        Map<List<Object>, Duration> measured = new HashMap<>();
        try {
            for (Deadline d : e.deadlines) {
                Instant end = d.metTime != null ? d.metTime : (e.status.isOpen() ? now : e.updateTime);
                List<Standards.Interval> paused = pauses(e, d.kind, end);
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

    /** Lists complaints, newest receipt first. */
    @Transactional
    public ComplaintPage list(ListQuery query, int pageSize, String pageToken) {
        int size = PageToken.pageSize(pageSize);
        List<UUID> unitIds = null;
        if (notBlank(query.unitId())) {
            UUID unit = Violations.parseId("unit_id", query.unitId());
            unitIds = new ArrayList<>();
            unitIds.add(unit);
            if (query.includeDescendants()) {
                unitIds.addAll(standards.descendants(unit));
            }
        }
        new Violations()
                .check(
                        query.receivedAfter() == null
                                || query.receivedBefore() == null
                                || query.receivedBefore().isAfter(query.receivedAfter()),
                        "received_before",
                        "must be after received_after")
                .throwIfAny();
        String fingerprint = LIST_QUERY + ":" + query;
        List<String> after = PageToken.decode(pageToken, fingerprint, 2);
        Instant afterTime = null;
        UUID afterId = null;
        if (!after.isEmpty()) {
            try {
                afterTime = Instant.parse(after.get(0));
                afterId = UUID.fromString(after.get(1));
            } catch (RuntimeException e) {
                throw new InvalidArgumentException("page_token", "is not a token this service issued");
            }
        }
        List<ComplaintEntity> page = complaints.page(
                new ComplaintRepository.Filter(
                        unitIds,
                        query.status(),
                        query.overdueOnly(),
                        blankToNull(query.category()),
                        query.channel(),
                        query.receivedAfter(),
                        query.receivedBefore(),
                        Instant.now()),
                afterTime,
                afterId,
                size + 1);
        if (page.size() <= size) {
            return new ComplaintPage(page, "");
        }
        List<ComplaintEntity> shown = List.copyOf(page.subList(0, size));
        ComplaintEntity last = shown.get(size - 1);
        return new ComplaintPage(shown, PageToken.encode(fingerprint, last.receiveTime.toString(), last.id.toString()));
    }

    /** Applies one move of the lifecycle, if the table allows it from the current status. */
    @Transactional
    public ComplaintEntity transition(
            String id,
            String etag,
            ComplaintAction action,
            String note,
            String actor,
            String rootCause,
            String remedy) {
        Violations v = new Violations()
                .requireEnum("action", action != null)
                .maxLength("note", note, 2000)
                .maxLength("actor", actor, 100);
        if (action == ComplaintAction.RESOLVE) {
            v.requirePattern("root_cause", rootCause, CODE, "is required: a code of capitals, digits and '_'");
            v.requireText("remedy", remedy, 2000);
        }
        v.throwIfAny();
        ComplaintEntity e = find("id", id);
        Etags.require(etag, e.version, "complaint", id, "etag");
        ComplaintStatus from = e.status;
        if (!action.allowedFrom(from)) {
            throw new FailedPreconditionException(
                    "TRANSITION_NOT_ALLOWED",
                    "cannot " + action.name().toLowerCase().replace('_', ' ') + " a complaint that is " + from,
                    Map.of("status", from.name(), "action", action.name()));
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        switch (action) {
            case ACKNOWLEDGE -> meet(e, DeadlineKind.ACKNOWLEDGE, now);
            case START_INVESTIGATION -> {
                meet(e, DeadlineKind.ACKNOWLEDGE, now);
                meet(e, DeadlineKind.FIRST_RESPONSE, now);
            }
            case WAIT_ON_CUSTOMER -> e.pauses.add(new Pause(now, null));
            case RESUME -> {
                e.pauses.get(e.pauses.size() - 1).endTime = now;
                moveResolveDeadline(e);
            }
            case RESOLVE -> {
                meet(e, DeadlineKind.RESOLVE, now);
                e.rootCause = rootCause;
                e.remedy = remedy.strip();
                e.resolveTime = now;
                e.resolutionBusinessSeconds = standards
                        .businessTime(e.calendarId, e.receiveTime, now, pauses(e, DeadlineKind.RESOLVE, now))
                        .getSeconds();
            }
            case REOPEN -> {
                if (now.isAfter(e.resolveTime.plus(config.reopenWindow()))) {
                    throw new FailedPreconditionException(
                            "REOPEN_WINDOW_PASSED",
                            "a complaint can be reopened within " + config.reopenWindow() + " of its resolution");
                }
                // The clock stood still while the complaint was resolved; it runs again from now.
                e.pauses.add(new Pause(e.resolveTime, now));
                e.reopenCount++;
                e.deadline(DeadlineKind.RESOLVE).ifPresent(d -> d.metTime = null);
                moveResolveDeadline(e);
            }
            case CLOSE -> {
                if (e.deadline(DeadlineKind.CALL_BACK)
                        .filter(d -> d.metTime == null)
                        .isPresent()) {
                    throw new FailedPreconditionException(
                            "CALL_BACK_OPEN", "call the dissatisfied customer back before closing the complaint");
                }
            }
            case WITHDRAW -> {}
        }
        e.status = action.target();
        e.updateTime = now;
        record(e, actor, action.name(), from, e.status, note);
        return flush(e);
    }

    /** Records satisfaction with the handling; 1 or 2 opens a call-back task with its own deadline. */
    @Transactional
    public ComplaintEntity recordSatisfaction(String id, String etag, int score, String note, String actor) {
        new Violations()
                .check(score >= 1 && score <= 5, "score", "must be 1 to 5")
                .maxLength("note", note, 2000)
                .maxLength("actor", actor, 100)
                .throwIfAny();
        ComplaintEntity e = find("id", id);
        Etags.require(etag, e.version, "complaint", id, "etag");
        if (e.status != ComplaintStatus.RESOLVED) {
            throw new FailedPreconditionException(
                    "COMPLAINT_NOT_RESOLVED", "satisfaction is asked after resolution; this complaint is " + e.status);
        }
        if (e.satisfaction != null) {
            throw new FailedPreconditionException(
                    "SATISFACTION_RECORDED", "satisfaction was already recorded for this resolution");
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        e.satisfaction = (short) score;
        e.updateTime = now;
        record(e, actor, "SATISFACTION", e.status, e.status, "score " + score + (notBlank(note) ? ": " + note : ""));
        if (score <= 2 && e.callBackSeconds != null) {
            Deadline callBack = new Deadline(
                    DeadlineKind.CALL_BACK,
                    e.callBackSeconds,
                    standards
                            .dueTime(e.calendarId, now, Duration.ofSeconds(e.callBackSeconds), List.of())
                            .truncatedTo(ChronoUnit.MICROS));
            callBack.warnTime = warnTime(e.calendarId, now, e.callBackSeconds, List.of());
            e.deadlines.add(callBack);
            record(e, SYSTEM, "CALL_BACK_SCHEDULED", e.status, e.status, "due at " + callBack.dueTime);
        }
        return flush(e);
    }

    /** Records the call-back to a dissatisfied customer. */
    @Transactional
    public ComplaintEntity recordCallBack(String id, String etag, String outcome, String actor) {
        new Violations()
                .requireText("outcome", outcome, 2000)
                .maxLength("actor", actor, 100)
                .throwIfAny();
        ComplaintEntity e = find("id", id);
        Etags.require(etag, e.version, "complaint", id, "etag");
        Deadline callBack = e.deadline(DeadlineKind.CALL_BACK)
                .filter(d -> d.metTime == null)
                .orElseThrow(() ->
                        new FailedPreconditionException("NO_CALL_BACK_OPEN", "this complaint has no open call-back"));
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        meet(e, DeadlineKind.CALL_BACK, now);
        e.callBackOutcome = outcome.strip();
        e.updateTime = now;
        record(e, actor, "CALL_BACK", e.status, e.status, outcome);
        return flush(e);
    }

    /** Escalates an open complaint one level up the unit hierarchy. */
    @Transactional
    public ComplaintEntity escalate(String id, String etag, String note, String actor) {
        new Violations()
                .maxLength("note", note, 2000)
                .maxLength("actor", actor, 100)
                .throwIfAny();
        ComplaintEntity e = find("id", id);
        Etags.require(etag, e.version, "complaint", id, "etag");
        if (!e.status.isOpen()) {
            throw new FailedPreconditionException(
                    "COMPLAINT_NOT_OPEN", "only an open complaint can be escalated; this one is " + e.status);
        }
        UUID current = e.escalatedToUnitId != null ? e.escalatedToUnitId : e.unitId;
        UUID above = standards.unit(current).map(Standards.Unit::parentId).orElse(null);
        if (above == null) {
            throw new FailedPreconditionException(
                    "NO_UNIT_ABOVE", "unit " + current + " has no unit above it to escalate to");
        }
        e.escalatedToUnitId = above;
        e.escalationLevel++;
        e.updateTime = Instant.now().truncatedTo(ChronoUnit.MICROS);
        record(
                e,
                actor,
                "ESCALATE",
                e.status,
                e.status,
                note == null || note.isBlank() ? "escalated to " + above : note);
        return flush(e);
    }

    /** The statistics of a unit (and, if asked, every unit below it) for complaints received in [from, to). */
    @Transactional
    public ComplaintRepository.Statistics statistics(
            String unitId, boolean includeDescendants, Instant from, Instant to) {
        UUID unit = Violations.parseId("unit_id", unitId);
        new Violations()
                .check(from != null, "period_start", "is required")
                .check(to != null, "period_end", "is required")
                .check(from == null || to == null || to.isAfter(from), "period_end", "must be after period_start")
                .throwIfAny();
        List<UUID> units = new ArrayList<>();
        units.add(unit);
        if (includeDescendants) {
            units.addAll(standards.descendants(unit));
        }
        return complaints.statistics(units, from, to);
    }

    @Transactional
    public List<ComplaintCategoryEntity> categories() {
        return categories.listAll(io.quarkus.panache.common.Sort.by("code"));
    }

    private static void meet(ComplaintEntity e, DeadlineKind kind, Instant now) {
        e.deadline(kind).filter(d -> d.metTime == null).ifPresent(d -> {
            d.metTime = now;
            d.breached = d.breached || now.isAfter(d.dueTime);
        });
    }

    /** The resolution deadline moves by exactly the business time of the closed pauses. */
    private void moveResolveDeadline(ComplaintEntity e) {
        e.deadline(DeadlineKind.RESOLVE).ifPresent(d -> {
            List<Standards.Interval> pauses = pauses(e, DeadlineKind.RESOLVE, null);
            d.dueTime = standards.dueTime(e.calendarId, e.receiveTime, Duration.ofSeconds(d.allowedSeconds), pauses);
            if (!d.warned) {
                d.warnTime = warnTime(e.calendarId, e.receiveTime, d.allowedSeconds, pauses);
            }
        });
    }

    /** When the warning share of an allowance is used; null when the share leaves nothing to warn about. */
    private Instant warnTime(UUID calendarId, Instant start, long allowedSeconds, List<Standards.Interval> pauses) {
        long warnSeconds = (long) Math.floor(allowedSeconds * config.warningShare());
        if (warnSeconds <= 0 || warnSeconds >= allowedSeconds) {
            return null;
        }
        return standards
                .dueTime(calendarId, start, Duration.ofSeconds(warnSeconds), pauses)
                .truncatedTo(ChronoUnit.MICROS);
    }

    /** The pauses that count for a deadline: only the resolution clock stops; open pauses end at {@code end}. */
    private static List<Standards.Interval> pauses(ComplaintEntity e, DeadlineKind kind, Instant end) {
        if (kind != DeadlineKind.RESOLVE) {
            return List.of();
        }
        List<Standards.Interval> out = new ArrayList<>();
        for (Pause p : e.pauses) {
            Instant stop = p.endTime != null ? p.endTime : end;
            if (stop != null) {
                out.add(new Standards.Interval(p.startTime, stop));
            }
        }
        return out;
    }

    private ComplaintEventEntity record(
            ComplaintEntity e, String actor, String action, ComplaintStatus from, ComplaintStatus to, String note) {
        ComplaintEventEntity event = new ComplaintEventEntity();
        event.complaintId = e.id;
        // The event carries the instant of the change itself, so history and deadlines agree exactly.
        event.time = e.updateTime;
        event.actor = notBlank(actor) ? actor : "api";
        event.action = action;
        event.fromStatus = from;
        event.toStatus = to;
        event.note = blankToNull(note);
        events.persist(event);
        return event;
    }

    private ComplaintEntity find(String field, String id) {
        return complaints
                .findByIdOptional(Violations.parseId(field, id))
                .orElseThrow(() -> new NotFoundException("complaint", id));
    }

    private ComplaintEntity flush(ComplaintEntity e) {
        try {
            complaints.flush();
        } catch (OptimisticLockException ex) {
            throw new ConcurrentModificationException("complaint", e.id.toString());
        }
        return e;
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    private static String blankToNull(String s) {
        return notBlank(s) ? s : null;
    }
}
