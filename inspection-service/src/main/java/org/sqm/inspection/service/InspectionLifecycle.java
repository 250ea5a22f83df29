package org.sqm.inspection.service;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.sqm.commons.error.FailedPreconditionException;
import org.sqm.commons.error.FieldViolation;
import org.sqm.commons.error.Violations;
import org.sqm.commons.persistence.AfterCommit;
import org.sqm.inspection.domain.InspectionAction;
import org.sqm.inspection.domain.InspectionEntity;
import org.sqm.inspection.domain.InspectionKind;
import org.sqm.inspection.domain.InspectionStatus;
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

    public InspectionLifecycle(
            RatingRepository ratings,
            PinnedStandardRepository pinned,
            InspectionLocks locks,
            InspectionViews views,
            RectificationOrders orders,
            MeterRegistry metrics,
            AfterCommit afterCommit) {
        this.ratings = ratings;
        this.pinned = pinned;
        this.locks = locks;
        this.views = views;
        this.orders = orders;
        this.metrics = metrics;
        this.afterCommit = afterCommit;
    }

    /** SCHEDULED -> IN_PROGRESS, once the inspectors are assigned. */
    public InspectionView start(String id, String etag, String note) {
        return move(id, etag, InspectionAction.START, note);
    }

    /** IN_PROGRESS or RETURNED -> SUBMITTED, once every mandatory element is rated (and the contact recorded). */
    public InspectionView submit(String id, String etag, String note) {
        return move(id, etag, InspectionAction.SUBMIT, note);
    }

    /** SUBMITTED -> RETURNED; the note says what to revise. */
    public InspectionView returnForRevision(String id, String etag, String note) {
        return move(id, etag, InspectionAction.RETURN, note);
    }

    /** SUBMITTED -> FINALIZED, with a finding and a rectification order for every failing rating. */
    public InspectionView finalizeInspection(String id, String etag, String note) {
        return move(id, etag, InspectionAction.FINALIZE, note);
    }

    /** SCHEDULED, IN_PROGRESS or RETURNED -> CANCELLED; the note says why. */
    public InspectionView cancel(String id, String etag, String note) {
        return move(id, etag, InspectionAction.CANCEL, note);
    }

    private InspectionView move(String id, String etag, InspectionAction action, String note) {
        Violations v = new Violations().maxLength("note", note, MAX_NOTE);
        if (action.needsNote()) {
            v.requireText("note", note, MAX_NOTE);
        }
        v.throwIfAny();
        InspectionEntity e = locks.forChange(id, etag);
        InspectionStatus to = action.from(e.status)
                .orElseThrow(() -> new FailedPreconditionException(
                        "INVALID_TRANSITION",
                        "cannot " + action + " an inspection that is " + e.status,
                        Map.of("status", e.status.name(), "action", action.name())));
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
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
                orders.issueFindings(e, now);
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
        return views.flushed(e);
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
