package org.sqm.complaint.service;

import static org.sqm.commons.convert.Texts.notBlank;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.sqm.commons.error.FailedPreconditionException;
import org.sqm.commons.error.Violations;
import org.sqm.commons.persistence.Etags;
import org.sqm.complaint.domain.ComplaintEntity;
import org.sqm.complaint.domain.ComplaintEntity.Deadline;
import org.sqm.complaint.domain.ComplaintStatus;
import org.sqm.complaint.domain.DeadlineKind;

/**
 * What the customer says after a resolution: satisfaction with the handling and, for a dissatisfied
 * customer, the call-back with its own deadline (computed by standards-service with no transaction
 * open, then recorded in one short transaction).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.NEVER)
public class ComplaintFeedback {

    private final ComplaintStore store;
    private final DeadlineClock clock;
    private final ComplaintScope scope;

    public ComplaintFeedback(ComplaintStore store, DeadlineClock clock, ComplaintScope scope) {
        this.store = store;
        this.clock = clock;
        this.scope = scope;
    }

    /** Records satisfaction with the handling; 1 or 2 opens a call-back task with its own deadline. */
    public ComplaintDetail recordSatisfaction(String id, String etag, int score, String note, String actor) {
        new Violations()
                .check(score >= 1 && score <= 5, "score", "must be 1 to 5")
                .maxLength("note", note, 2000)
                .maxLength("actor", actor, 100)
                .throwIfAny();
        ComplaintScope.Visible visible = scope.current();
        ComplaintEntity seen = store.read("id", id, visible);
        Etags.require(etag, seen.version, "complaint", id, "etag");
        if (seen.status != ComplaintStatus.RESOLVED) {
            throw new FailedPreconditionException(
                    "COMPLAINT_NOT_RESOLVED",
                    "satisfaction is asked after resolution; this complaint is " + seen.status);
        }
        if (seen.satisfaction != null) {
            throw new FailedPreconditionException(
                    "SATISFACTION_RECORDED", "satisfaction was already recorded for this resolution");
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        DeadlineClock.Due callBack = score <= 2 && seen.callBackSeconds != null
                ? clock.due(seen.calendarId, now, seen.callBackSeconds, List.of(), true)
                : null;
        return store.change(id, etag, now, visible, change -> {
            ComplaintEntity e = change.complaint();
            e.satisfaction = (short) score;
            change.record(
                    actor, "SATISFACTION", e.status, e.status, "score " + score + (notBlank(note) ? ": " + note : ""));
            if (callBack != null) {
                Deadline d = new Deadline(DeadlineKind.CALL_BACK, e.callBackSeconds, callBack.due());
                d.warnTime = callBack.warn();
                e.deadlines.add(d);
                change.record(
                        ComplaintStore.SYSTEM, "CALL_BACK_SCHEDULED", e.status, e.status, "due at " + callBack.due());
            }
        });
    }

    /** Records the call-back to a dissatisfied customer. */
    public ComplaintDetail recordCallBack(String id, String etag, String outcome, String actor) {
        new Violations()
                .requireText("outcome", outcome, 2000)
                .maxLength("actor", actor, 100)
                .throwIfAny();
        ComplaintScope.Visible visible = scope.current();
        return store.change(id, etag, Instant.now().truncatedTo(ChronoUnit.MICROS), visible, change -> {
            ComplaintEntity e = change.complaint();
            e.deadline(DeadlineKind.CALL_BACK)
                    .filter(d -> d.metTime == null)
                    .orElseThrow(() -> new FailedPreconditionException(
                            "NO_CALL_BACK_OPEN", "this complaint has no open call-back"));
            ComplaintLifecycle.meet(e, DeadlineKind.CALL_BACK, change.time());
            e.callBackOutcome = outcome.strip();
            change.record(actor, "CALL_BACK", e.status, e.status, outcome);
        });
    }
}
