package org.sqm.complaint.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.sqm.commons.convert.Texts;
import org.sqm.commons.error.FailedPreconditionException;
import org.sqm.commons.error.Violations;
import org.sqm.commons.persistence.Etags;
import org.sqm.complaint.config.ComplaintConfig;
import org.sqm.complaint.domain.ComplaintAction;
import org.sqm.complaint.domain.ComplaintEntity;
import org.sqm.complaint.domain.ComplaintEntity.Deadline;
import org.sqm.complaint.domain.ComplaintEntity.Pause;
import org.sqm.complaint.domain.ComplaintStatus;
import org.sqm.complaint.domain.DeadlineKind;

/**
 * The complaint lifecycle: acknowledge, investigate, wait on the customer, resume, resolve, close,
 * reopen, withdraw, and escalation up the unit hierarchy. A move that needs standards-service (the
 * business time of a resolution, a resolution deadline moved by a pause, the unit above) reads the
 * complaint in one short transaction, asks standards-service with no transaction open, and applies
 * the move in a second short transaction that checks the etag again ({@link ComplaintStore#change}).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.NEVER)
public class ComplaintLifecycle {

    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,39}");

    private final ComplaintStore store;
    private final DeadlineClock clock;
    private final Standards standards;
    private final ComplaintConfig config;
    private final ComplaintScope scope;

    public ComplaintLifecycle(
            ComplaintStore store,
            DeadlineClock clock,
            Standards standards,
            ComplaintConfig config,
            ComplaintScope scope) {
        this.store = store;
        this.clock = clock;
        this.standards = standards;
        this.config = config;
        this.scope = scope;
    }

    /**
     * A move as the caller asks for it; root cause, remedy and whether the complaint was resolved at
     * first contact only for RESOLVE.
     */
    public record Move(
            ComplaintAction action, String note, String actor, String rootCause, String remedy, boolean firstContact) {

        /** A move that takes nothing but a note. */
        public static Move of(ComplaintAction action, String note, String actor) {
            return new Move(action, note, actor, null, null, false);
        }
    }

    /** Applies one move of the lifecycle, if the table allows it from the current status. */
    public ComplaintDetail move(String id, String etag, Move move) {
        ComplaintAction action = move.action();
        Violations v = new Violations()
                .requireEnum("action", action != null)
                .maxLength("note", move.note(), 2000)
                .maxLength("actor", move.actor(), 100);
        if (action == ComplaintAction.RESOLVE) {
            v.requirePattern("root_cause", move.rootCause(), CODE, "is required: a code of capitals, digits and '_'");
            v.requireText("remedy", move.remedy(), 2000);
        }
        v.throwIfAny();
        ComplaintScope.Visible visible = scope.current();
        ComplaintEntity seen = store.read("id", id, visible);
        Etags.require(etag, seen.version, "complaint", id, "etag");
        ComplaintStore.requireAllowed(seen, action);
        if (action == ComplaintAction.RESOLVE && move.firstContact()) {
            requireFirstContact(seen);
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        // What standards-service must answer, asked while no transaction is open.
        Long resolutionSeconds = null;
        DeadlineClock.Due resolveDue = null;
        switch (action) {
            case RESOLVE -> resolutionSeconds = clock.businessTime(
                            seen.calendarId,
                            seen.receiveTime,
                            now,
                            DeadlineClock.pauses(seen.pauses, DeadlineKind.RESOLVE, now))
                    .getSeconds();
            case RESUME -> resolveDue = resolveDeadline(seen, closeOpenPause(seen.pauses, now));
            case REOPEN -> {
                if (now.isAfter(seen.resolveTime.plus(config.reopenWindow()))) {
                    throw new FailedPreconditionException(
                            "REOPEN_WINDOW_PASSED",
                            "a complaint can be reopened within " + config.reopenWindow() + " of its resolution");
                }
                resolveDue = resolveDeadline(seen, withPause(seen.pauses, new Pause(seen.resolveTime, now)));
            }
            case CLOSE -> {
                if (seen.deadline(DeadlineKind.CALL_BACK)
                        .filter(d -> d.metTime == null)
                        .isPresent()) {
                    throw new FailedPreconditionException(
                            "CALL_BACK_OPEN", "call the dissatisfied customer back before closing the complaint");
                }
            }
            default -> {}
        }
        Long resolution = resolutionSeconds;
        DeadlineClock.Due moved = resolveDue;
        // The etag is the version: a complaint whose etag still matches is the one prepared for above.
        return store.change(id, etag, now, visible, change -> {
            ComplaintEntity e = change.complaint();
            ComplaintStatus from = e.status;
            switch (action) {
                case ACKNOWLEDGE -> meet(e, DeadlineKind.ACKNOWLEDGE, now);
                case START_INVESTIGATION -> {
                    meet(e, DeadlineKind.ACKNOWLEDGE, now);
                    meet(e, DeadlineKind.FIRST_RESPONSE, now);
                }
                case WAIT_ON_CUSTOMER -> e.pauses.add(new Pause(now, null));
                case RESUME -> {
                    e.pauses.get(e.pauses.size() - 1).endTime = now;
                    moveResolveDeadline(e, moved);
                }
                case RESOLVE -> {
                    meet(e, DeadlineKind.RESOLVE, now);
                    e.rootCause = move.rootCause();
                    e.remedy = move.remedy().strip();
                    e.resolveTime = now;
                    e.resolutionBusinessSeconds = resolution;
                    e.firstContactResolution = move.firstContact();
                }
                case REOPEN -> {
                    // The clock stood still while the complaint was resolved; it runs again from now.
                    e.pauses.add(new Pause(e.resolveTime, now));
                    e.reopenCount++;
                    // The customer had to come back: whatever the first resolution was, it was not final.
                    e.firstContactResolution = false;
                    e.deadline(DeadlineKind.RESOLVE).ifPresent(d -> d.metTime = null);
                    moveResolveDeadline(e, moved);
                }
                case CLOSE, WITHDRAW -> {}
            }
            e.status = action.target();
            change.record(move.actor(), action.name(), from, e.status, move.note());
        });
    }

    /**
     * Refuses a claim of first-contact resolution that the complaint's own record contradicts: it was
     * reopened or waited on the customer (the customer was contacted again), it was escalated (passed
     * on), or it came as a referral (the customer had complained elsewhere first). The etag check of
     * the change that follows makes this record the one the resolution applies to.
     */
    private static void requireFirstContact(ComplaintEntity e) {
        List<String> contradictions = new ArrayList<>();
        if (e.reopenCount > 0) {
            contradictions.add("it was reopened");
        } else if (!e.pauses.isEmpty()) {
            contradictions.add("it waited on the customer");
        }
        if (e.escalationLevel > 0) {
            contradictions.add("it was escalated");
        }
        if (e.channel.isReferral()) {
            contradictions.add("it was referred by a third party (" + e.channel + ")");
        }
        if (!contradictions.isEmpty()) {
            throw new FailedPreconditionException(
                    "NOT_FIRST_CONTACT",
                    "the complaint cannot be resolved at first contact: " + String.join(", ", contradictions));
        }
    }

    /** Escalates an open complaint one level up the unit hierarchy. */
    public ComplaintDetail escalate(String id, String etag, String note, String actor) {
        new Violations()
                .maxLength("note", note, 2000)
                .maxLength("actor", actor, 100)
                .throwIfAny();
        ComplaintScope.Visible visible = scope.current();
        ComplaintEntity seen = store.read("id", id, visible);
        Etags.require(etag, seen.version, "complaint", id, "etag");
        if (!seen.status.isOpen()) {
            throw new FailedPreconditionException(
                    "COMPLAINT_NOT_OPEN", "only an open complaint can be escalated; this one is " + seen.status);
        }
        UUID current = seen.currentUnitId();
        // The unit it is with now may lie above the caller's units (escalated before): the service asks.
        UUID above =
                standards.unitAsService(current).map(Standards.Unit::parentId).orElse(null);
        if (above == null) {
            throw new FailedPreconditionException(
                    "NO_UNIT_ABOVE", "unit " + current + " has no unit above it to escalate to");
        }
        return store.change(id, etag, Instant.now().truncatedTo(ChronoUnit.MICROS), visible, change -> {
            ComplaintEntity e = change.complaint();
            e.escalatedToUnitId = above;
            e.escalationLevel++;
            change.record(actor, "ESCALATE", e.status, e.status, Texts.notBlank(note) ? note : "escalated to " + above);
        });
    }

    /** Meets a deadline that is still running; met after its due time, it counts as breached. */
    static void meet(ComplaintEntity e, DeadlineKind kind, Instant now) {
        e.deadline(kind).filter(d -> d.metTime == null).ifPresent(d -> {
            d.metTime = now;
            d.breached = d.breached || now.isAfter(d.dueTime);
        });
    }

    /** The resolution deadline under the given pauses; it moves by exactly their business time. Null without one. */
    private DeadlineClock.Due resolveDeadline(ComplaintEntity e, List<Pause> pauses) {
        Deadline d = e.deadline(DeadlineKind.RESOLVE).orElse(null);
        if (d == null) {
            return null;
        }
        return clock.due(
                e.calendarId,
                e.receiveTime,
                d.allowedSeconds,
                DeadlineClock.pauses(pauses, DeadlineKind.RESOLVE, null),
                !d.warned);
    }

    private static void moveResolveDeadline(ComplaintEntity e, DeadlineClock.Due moved) {
        e.deadline(DeadlineKind.RESOLVE).ifPresent(d -> {
            d.dueTime = moved.due();
            if (!d.warned) {
                d.warnTime = moved.warn();
            }
        });
    }

    private static List<Pause> closeOpenPause(List<Pause> pauses, Instant now) {
        List<Pause> closed = new ArrayList<>();
        for (Pause p : pauses) {
            closed.add(new Pause(p.startTime, p.endTime != null ? p.endTime : now));
        }
        return closed;
    }

    private static List<Pause> withPause(List<Pause> pauses, Pause added) {
        List<Pause> all = new ArrayList<>(pauses);
        all.add(added);
        return all;
    }
}
