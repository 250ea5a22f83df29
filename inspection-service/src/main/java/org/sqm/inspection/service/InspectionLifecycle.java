package org.sqm.inspection.service;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.sqm.commons.error.FailedPreconditionException;
import org.sqm.commons.error.FieldViolation;
import org.sqm.commons.error.Violations;
import org.sqm.commons.persistence.AfterCommit;
import org.sqm.inspection.config.Clocks;
import org.sqm.inspection.domain.InspectionAction;
import org.sqm.inspection.domain.InspectionEntity;
import org.sqm.inspection.domain.InspectionKind;
import org.sqm.inspection.domain.InspectionStatus;
import org.sqm.inspection.domain.MoveEntity;
import org.sqm.inspection.domain.ScoreCard;
import org.sqm.inspection.domain.StandardSnapshot;
import org.sqm.inspection.repository.PinnedStandardRepository;
import org.sqm.inspection.repository.RatingRepository;

/**
 * The moves of an inspection: start, submit, return, finalize, cancel. Each takes the etag; the table
 * of allowed moves is {@link InspectionAction}.
 */
@ApplicationScoped
@Transactional
public class InspectionLifecycle {

    private static final int MAX_NOTE = 2000;

    private final RatingRepository ratings;
    private final PinnedStandardRepository pinned;
    private final InspectionLocks locks;
    private final InspectionViews views;
    private final RectificationOrders orders;
    private final MeterRegistry metrics;
    private final AfterCommit afterCommit;
    private final Moves moves;
    private final Clock clock;

    public InspectionLifecycle(
            RatingRepository ratings,
            PinnedStandardRepository pinned,
            InspectionLocks locks,
            InspectionViews views,
            RectificationOrders orders,
            MeterRegistry metrics,
            AfterCommit afterCommit,
            Moves moves,
            Clock clock) {
        this.ratings = ratings;
        this.pinned = pinned;
        this.locks = locks;
        this.views = views;
        this.orders = orders;
        this.metrics = metrics;
        this.afterCommit = afterCommit;
        this.moves = moves;
        this.clock = clock;
    }

    /** What a move request carries besides the inspection and its etag. */
    public record Move(String note, String actor) {}

    /** SCHEDULED -> IN_PROGRESS, once the inspectors are assigned. */
    public InspectionView start(String id, String etag, Move move) {
        return move(id, etag, InspectionAction.START, move);
    }

    /** IN_PROGRESS or RETURNED -> SUBMITTED, once every mandatory element is rated (and the contact recorded). */
    public InspectionView submit(String id, String etag, Move move) {
        return move(id, etag, InspectionAction.SUBMIT, move);
    }

    /** SUBMITTED -> RETURNED; the note says what to revise. */
    public InspectionView returnForRevision(String id, String etag, Move move) {
        return move(id, etag, InspectionAction.RETURN, move);
    }

    /**
     * SUBMITTED -> FINALIZED: stores the score (in the same row update, which the frozen trigger still
     * lets through) and issues a finding and a rectification order for every failing rating.
     */
    public InspectionView finalizeInspection(String id, String etag, Move move) {
        return move(id, etag, InspectionAction.FINALIZE, move);
    }

    /** SCHEDULED, IN_PROGRESS or RETURNED -> CANCELLED; the note says why. */
    public InspectionView cancel(String id, String etag, Move move) {
        return move(id, etag, InspectionAction.CANCEL, move);
    }

    private InspectionView move(String id, String etag, InspectionAction action, Move move) {
        String note = move.note();
        Violations v = new Violations().maxLength("note", note, MAX_NOTE);
        if (action.needsNote()) {
            v.requireText("note", note, MAX_NOTE);
        }
        Moves.checkActor(v, move.actor()).throwIfAny();
        InspectionEntity e = locks.forChange(id, etag);
        InspectionStatus to = action.from(e.status)
                .orElseThrow(() -> new FailedPreconditionException(
                        "INVALID_TRANSITION",
                        "cannot " + action + " an inspection that is " + e.status,
                        Map.of("status", e.status.name(), "action", action.name())));
        Instant now = Clocks.now(clock);
        InspectionStatus from = e.status;
        switch (action) {
            case START -> {
                requireInspectors(e);
                e.startTime = now;
            }
            case SUBMIT -> {
                requireComplete(e);
                e.submitTime = now;
            }
            case FINALIZE -> {
                e.finalizeTime = now;
                score(e);
                orders.issueFindings(e, now, move.actor());
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
        moves.record(MoveEntity.Subject.INSPECTION, e.id, now, move.actor(), action.name(), from, to, note);
        return views.flushed(e);
    }

    /** Computes the score once, from the ratings and the pinned version; finalized inspections never change. */
    private void score(InspectionEntity e) {
        ScoreCard card = ScoreCard.of(pinned.snapshot(e.standardId), ratings.ofInspection(e.id));
        e.scoreCard = card;
        e.score = card.score();
        e.failed = card.failed();
    }

    /** One inspector, or two or more for a regulator's inspection. */
    private static void requireInspectors(InspectionEntity e) {
        int needed = e.authorityLevel.isRegulator() ? 2 : 1;
        if (e.inspectorIds.size() < needed) {
            throw new FailedPreconditionException(
                    "INSPECTORS_REQUIRED",
                    "assign at least " + needed + " inspector(s) before starting this " + e.authorityLevel
                            + " inspection",
                    Map.of("needed", Integer.toString(needed)));
        }
    }

    /** Every mandatory element rated, and a mystery shopping contact recorded. */
    private void requireComplete(InspectionEntity e) {
        StandardSnapshot standard = pinned.snapshot(e.standardId);
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
}
