package org.sqm.complaint.service;

import static org.sqm.commons.convert.Texts.blankToNull;
import static org.sqm.commons.convert.Texts.notBlank;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.sqm.commons.error.FailedPreconditionException;
import org.sqm.commons.error.Violations;
import org.sqm.commons.persistence.AfterCommit;
import org.sqm.commons.persistence.IdempotentCreate;
import org.sqm.complaint.config.ComplaintConfig;
import org.sqm.complaint.domain.ComplaintChannel;
import org.sqm.complaint.domain.ComplaintEntity;
import org.sqm.complaint.domain.ComplaintEntity.Deadline;
import org.sqm.complaint.domain.ComplaintStatus;
import org.sqm.complaint.domain.CustomerSegment;
import org.sqm.complaint.domain.DeadlineKind;
import org.sqm.complaint.domain.Severity;

/**
 * Complaint intake: validates a new complaint, asks standards-service once for its deadlines and its
 * unit, and records it at most once per request id. Calls standards-service, so it opens no
 * transaction around its work: the insert is a short transaction of its own ({@link IdempotentCreate}).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.NEVER)
public class ComplaintIntake {

    // Clocks of callers and of this service differ a little; a receipt this far ahead is still "now".
    private static final long CLOCK_SKEW_SECONDS = 300;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,185}\\.[^@\\s]{2,}");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ()\\-]{5,30}");

    private final ComplaintStore store;
    private final Standards standards;
    private final ComplaintConfig config;
    private final MeterRegistry metrics;
    private final AfterCommit afterCommit;
    private final ComplaintScope scope;
    private final Set<String> knownCategories = ConcurrentHashMap.newKeySet();

    public ComplaintIntake(
            ComplaintStore store,
            Standards standards,
            ComplaintConfig config,
            MeterRegistry metrics,
            AfterCommit afterCommit,
            ComplaintScope scope) {
        this.scope = scope;
        this.store = store;
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
            Instant receiveTime,
            CustomerSegment customerSegment) {}

    /**
     * Records a complaint with its deadlines and answers with what it stored. A retry with the same
     * request id returns the first call's complaint, even while standards-service is unreachable.
     */
    public ComplaintDetail create(NewComplaint c, String requestId, String actor) {
        Instant now = Instant.now();
        validate(c, requestId, actor, now);
        UUID unitId = UUID.fromString(c.unitId());
        // A unit outside the caller's units is NOT_FOUND, as standards-service answers for it.
        ComplaintScope.Visible visible = scope.current();
        visible.requireUnit(unitId);
        String fingerprint = fingerprint(c);
        if (notBlank(requestId)) {
            Optional<ComplaintEntity> earlier = store.findByRequestId(requestId);
            if (earlier.isPresent()) {
                IdempotentCreate.sameRequest(earlier.get(), requestId, fingerprint, e -> e.requestHash);
                return store.readWithHistory(earlier.get().id.toString(), visible);
            }
        }

        Instant received = (c.receiveTime() == null ? now : c.receiveTime()).truncatedTo(ChronoUnit.MICROS);
        // One call to standards-service answers the deadlines and the unit's state and parent.
        Optional<Standards.ServiceLevel> resolved = standards.serviceLevel(
                unitId, c.channel(), c.category(), c.severity(), received, config.warningShare());
        Standards.ServiceLevel level = checkedLevel(
                unitId,
                resolved,
                // No rule resolved: is it the unit (unknown or inactive) or the rules?
                resolved.map(Standards.ServiceLevel::unit).or(() -> standards.unit(unitId)));
        UUID escalateTo = escalation(c.severity(), level);

        ComplaintDetail created = IdempotentCreate.create(
                requestId,
                fingerprint,
                d -> d.complaint().requestHash,
                key -> store.findByRequestId(key).map(e -> ComplaintDetail.written(e, null)),
                () -> insert(c, requestId, fingerprint, actor, now, received, level, escalateTo),
                constraint -> null);
        // A racing retry with the same request id won: answer with its complaint.
        return created.history() == null
                ? store.readWithHistory(created.complaint().id.toString(), visible)
                : created;
    }

    /**
     * What makes two creates the same complaint. The segment joins only when set, so the complaints
     * recorded before segments existed keep their fingerprints and their retries still match.
     */
    static String fingerprint(NewComplaint c) {
        List<String> parts = new ArrayList<>(List.of(
                c.unitId(),
                c.channel().name(),
                c.category(),
                c.severity().name(),
                c.description(),
                String.valueOf(c.remedySought()),
                String.valueOf(c.complainantName()),
                String.valueOf(c.complainantEmail()),
                String.valueOf(c.complainantPhone()),
                String.valueOf(c.receiveTime())));
        if (c.customerSegment() != null) {
            parts.add(c.customerSegment().name());
        }
        return IdempotentCreate.fingerprint(parts.toArray(String[]::new));
    }

    void validate(NewComplaint c, String requestId, String actor, Instant now) {
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
        v.check(
                notBlank(c.category()) && knownCategory(c.category()),
                "complaint.category",
                "is required and must be one of ListComplaintCategories");
        v.throwIfAny();
    }

    /** Whether complaints may have this category; the categories come with the schema and are only ever added. */
    private boolean knownCategory(String code) {
        if (knownCategories.contains(code)) {
            return true;
        }
        boolean known = store.categoryExists(code);
        if (known) {
            knownCategories.add(code);
        }
        return known;
    }

    /** Runs inside the short transaction that IdempotentCreate opens. */
    private ComplaintDetail insert(
            NewComplaint c,
            String requestId,
            String fingerprint,
            String actor,
            Instant now,
            Instant received,
            Standards.ServiceLevel level,
            UUID escalateTo) {
        ComplaintEntity e =
                newEntity(c, requestId, fingerprint, now, received, level, escalateTo, store.nextReferenceNumber());
        countAfterCommit(afterCommit, metrics, e);
        return store.insert(e, change -> recordReceipt(change, actor, level, escalateTo));
    }

    /** Counts a received complaint once its transaction commits. */
    static void countAfterCommit(AfterCommit afterCommit, MeterRegistry metrics, ComplaintEntity e) {
        afterCommit.run(() -> metrics.counter(
                        "sqm.complaints.received", "channel", e.channel.name(), "severity", e.severity.name())
                .increment());
    }

    /** A new complaint as intake records it: single and batch intake build it here alike. */
    static ComplaintEntity newEntity(
            NewComplaint c,
            String requestId,
            String fingerprint,
            Instant now,
            Instant received,
            Standards.ServiceLevel level,
            UUID escalateTo,
            long referenceNumber) {
        ComplaintEntity e = new ComplaintEntity();
        e.id = UUID.randomUUID();
        e.createTime = now.truncatedTo(ChronoUnit.MICROS);
        e.updateTime = e.createTime;
        e.receiveTime = received;
        e.reference = "C-%d-%06d".formatted(received.atZone(ZoneOffset.UTC).getYear(), referenceNumber);
        e.unitId = UUID.fromString(c.unitId());
        e.channel = c.channel();
        e.category = c.category();
        e.severity = c.severity();
        e.description = c.description().strip();
        e.remedySought = blankToNull(c.remedySought());
        e.complainantName = c.complainantName().strip();
        e.complainantEmail = blankToNull(c.complainantEmail());
        e.complainantPhone = blankToNull(c.complainantPhone());
        e.customerSegment = c.customerSegment();
        e.status = ComplaintStatus.RECEIVED;
        e.requestId = notBlank(requestId) ? requestId : null;
        e.requestHash = fingerprint;
        e.calendarId = level.calendarId();
        e.callBackSeconds =
                level.callBackWithin() == null ? null : level.callBackWithin().getSeconds();
        e.deadlineSource = level.source();
        e.deadlines.addAll(deadlines(level));
        if (escalateTo != null) {
            e.escalatedToUnitId = escalateTo;
            e.escalationLevel = 1;
        }
        return e;
    }

    /** The first events of a new complaint's history: its receipt and, for a critical one, its escalation. */
    static void recordReceipt(
            ComplaintStore.Change change, String actor, Standards.ServiceLevel level, UUID escalateTo) {
        change.record(actor, "RECEIVE", null, ComplaintStatus.RECEIVED, "deadlines from " + level.source());
        if (escalateTo != null) {
            change.record(
                    ComplaintStore.SYSTEM,
                    "ESCALATE",
                    ComplaintStatus.RECEIVED,
                    ComplaintStatus.RECEIVED,
                    "critical complaint: escalated at once to " + escalateTo);
        }
    }

    /** Due and warning instants come with the service level: one call to standards-service, not one per deadline. */
    private static List<Deadline> deadlines(Standards.ServiceLevel level) {
        List<Deadline> deadlines = new ArrayList<>();
        add(
                deadlines,
                DeadlineKind.ACKNOWLEDGE,
                level.acknowledgeWithin(),
                level.acknowledgeDue(),
                level.acknowledgeWarn());
        add(
                deadlines,
                DeadlineKind.FIRST_RESPONSE,
                level.firstResponseWithin(),
                level.firstResponseDue(),
                level.firstResponseWarn());
        add(deadlines, DeadlineKind.RESOLVE, level.resolveWithin(), level.resolveDue(), level.resolveWarn());
        return deadlines;
    }

    private static void add(List<Deadline> deadlines, DeadlineKind kind, Duration allowed, Instant due, Instant warn) {
        if (allowed != null && due != null) {
            Deadline d = new Deadline(kind, allowed.getSeconds(), due.truncatedTo(ChronoUnit.MICROS));
            d.warnTime = warn == null ? null : warn.truncatedTo(ChronoUnit.MICROS);
            deadlines.add(d);
        }
    }

    /**
     * The resolved service level of an active unit: a field violation when the unit is unknown or
     * inactive, FAILED_PRECONDITION NO_SERVICE_LEVEL when no rule gives it deadlines.
     */
    static Standards.ServiceLevel checkedLevel(
            UUID unitId, Optional<Standards.ServiceLevel> resolved, Optional<Standards.Unit> unit) {
        new Violations()
                .check(
                        unit.filter(Standards.Unit::active).isPresent(),
                        "complaint.unit_id",
                        "no active unit has this id")
                .throwIfAny();
        return resolved.orElseThrow(
                () -> new FailedPreconditionException(
                        "NO_SERVICE_LEVEL",
                        "no deadlines can be found for unit " + unitId
                                + ": give it (or a unit above it) a calendar and publish a standard with service-level targets"));
    }

    /** The major complaint emergency plan: a critical complaint goes up at once, to the unit above. */
    static UUID escalation(Severity severity, Standards.ServiceLevel level) {
        return severity == Severity.CRITICAL ? level.unit().parentId() : null;
    }
}
