package org.sqm.scoring.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.sqm.commons.convert.Texts;
import org.sqm.commons.error.ConcurrentModificationException;
import org.sqm.scoring.domain.CertificationChange;
import org.sqm.scoring.domain.CertificationEntity;
import org.sqm.scoring.domain.CertificationEventEntity;
import org.sqm.scoring.domain.CertificationStatus;
import org.sqm.scoring.repository.CertificationEventRepository;
import org.sqm.scoring.repository.CertificationRepository;

/**
 * The database side of every certification change: a change of status is always written together
 * with its event (time, reason, actor), and the watch's and the planner's changes are applied only
 * to the row as they read it. Every method is database work in the caller's transaction or its own.
 */
@ApplicationScoped
@Transactional
public class CertificationLedger {

    /** Who the watch's changes are by. */
    public static final String WATCH = "certification-watch";
    /** Who a change is by when the request named no one. */
    public static final String API = "api";

    /** The changes that plan the next review. */
    static final Set<CertificationChange> PLANNING =
            EnumSet.of(CertificationChange.GRANT, CertificationChange.REVIEW_PASSED, CertificationChange.RENEW);

    private final CertificationRepository certifications;
    private final CertificationEventRepository events;

    public CertificationLedger(CertificationRepository certifications, CertificationEventRepository events) {
        this.certifications = certifications;
        this.events = events;
    }

    /** Moves the certification to {@code to} (it may stay where it is) and appends the event that says so. */
    public CertificationEventEntity record(
            CertificationEntity c,
            CertificationChange action,
            CertificationStatus to,
            String reason,
            String actor,
            UUID decisionId,
            Instant time) {
        CertificationEventEntity e = new CertificationEventEntity();
        e.key = new CertificationEventEntity.Key(c.id, events.nextSeq(c.id));
        e.time = time;
        e.action = action;
        e.fromStatus = action == CertificationChange.GRANT ? null : c.status;
        e.toStatus = to;
        e.reason = Texts.truncate(reason, 2000);
        e.actor = Texts.blankToNull(actor) == null ? API : Texts.truncate(actor.strip(), 100);
        e.decisionId = decisionId;
        c.status = to;
        events.persist(e);
        return e;
    }

    /** The certification as it is now, if any. */
    public Optional<CertificationEntity> find(UUID id) {
        return certifications.findByIdOptional(id);
    }

    /** Every live certification as it is now (detached once the transaction ends). */
    public List<CertificationEntity> live() {
        return certifications.allLive();
    }

    /**
     * The watch's change: applied only when the certification is still the revision the watch read
     * (otherwise the next run decides again) and still in one of {@code from}.
     *
     * @return whether it was applied
     */
    public boolean changeAsRead(
            CertificationEntity read,
            Set<CertificationStatus> from,
            CertificationChange action,
            CertificationStatus to,
            String reason,
            Instant time) {
        CertificationEntity c = certifications.findById(read.id);
        if (c == null || c.revision != read.revision || !from.contains(c.status)) {
            return false;
        }
        record(c, action, to, reason, WATCH, null, time);
        try {
            certifications.flush();
        } catch (OptimisticLockException e) {
            throw new ConcurrentModificationException("certification", read.id.toString());
        }
        return true;
    }

    /**
     * Stores the inspection planned for the review due at {@code due}, on the certification and on the
     * change that planned it; nothing when a later decision has moved the review on meanwhile.
     */
    public boolean planned(UUID id, Instant due, UUID inspectionId) {
        CertificationEntity c = certifications.findById(id);
        if (c == null || !c.status.live() || !c.nextReviewDueTime.equals(due) || c.plannedInspectionId != null) {
            return false;
        }
        c.plannedInspectionId = inspectionId;
        List<CertificationEventEntity> history = events.history(id);
        for (int i = history.size() - 1; i >= 0; i--) {
            if (PLANNING.contains(history.get(i).action)) {
                history.get(i).plannedInspectionId = inspectionId;
                break;
            }
        }
        // Written now, so that a change racing this one is the caller's error and not the commit's.
        certifications.flush();
        return true;
    }
}
