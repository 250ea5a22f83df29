package org.sqm.scoring.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.sqm.commons.audit.ReadOnlyTransaction;
import org.sqm.commons.error.ConcurrentModificationException;
import org.sqm.commons.error.FailedPreconditionException;
import org.sqm.commons.error.InvalidArgumentException;
import org.sqm.commons.error.NotFoundException;
import org.sqm.commons.error.Violations;
import org.sqm.commons.paging.PageTokens;
import org.sqm.commons.persistence.Etags;
import org.sqm.scoring.config.Clocks;
import org.sqm.scoring.domain.CertificationChange;
import org.sqm.scoring.domain.CertificationEntity;
import org.sqm.scoring.domain.CertificationEventEntity;
import org.sqm.scoring.domain.CertificationStatus;
import org.sqm.scoring.repository.CertificationEventRepository;
import org.sqm.scoring.repository.CertificationRepository;

/**
 * Reading certifications (one with its history, or a page of them) and the changes made by hand:
 * suspending an active one, reinstating a suspended one within its validity. Every method is one
 * transaction of database work.
 */
@ApplicationScoped
@Transactional
public class Certifications {

    static final String INVALID_TRANSITION = "INVALID_TRANSITION";

    private final CertificationRepository certifications;
    private final CertificationEventRepository events;
    private final CertificationLedger ledger;
    private final CertificationCalendar calendar;
    private final PageTokens pageTokens;
    private final CallerUnits scopes;
    private final Clock clock;

    public Certifications(
            CertificationRepository certifications,
            CertificationEventRepository events,
            CertificationLedger ledger,
            CertificationCalendar calendar,
            PageTokens pageTokens,
            CallerUnits scopes,
            Clock clock) {
        this.certifications = certifications;
        this.events = events;
        this.ledger = ledger;
        this.calendar = calendar;
        this.pageTokens = pageTokens;
        this.scopes = scopes;
        this.clock = clock;
    }

    /** A certification with its history, oldest first (empty in lists). */
    public record View(CertificationEntity certification, List<CertificationEventEntity> history) {

        public String etag() {
            return Etags.of(certification.revision);
        }
    }

    /** Which certifications a list shows; null for any. {@code statusKnown} is false for a status this version does not know. */
    public record Filter(String unitId, CertificationStatus status, boolean statusKnown) {}

    public View get(String id) {
        CertificationEntity c = find(Violations.parseId("id", id), id);
        return new View(c, events.history(c.id));
    }

    /** Lists certifications by unit, rules code and id. */
    @ReadOnlyTransaction
    public PageTokens.Page<View> list(int pageSize, String pageToken, Filter filter) {
        new Violations()
                .optionalId("unit_id", filter.unitId())
                .check(filter.statusKnown(), "status", "must be one of the statuses, or unset for any")
                .throwIfAny();
        int size = PageTokens.pageSize(pageSize);
        UUID unit = filter.unitId() == null || filter.unitId().isEmpty() ? null : UUID.fromString(filter.unitId());
        String query = "certifications:" + unit + ":" + filter.status() + ":" + scopes.scopeKey();
        List<String> after = pageTokens.decode(pageToken, query, 3);
        List<CertificationEntity> page = certifications.page(
                after, unit, filter.status(), scopes.visibleUnits().orElse(null), size + 1);
        return pageTokens
                .page(page, size, query, c -> List.of(c.unitId.toString(), c.rulesCode, c.id.toString()))
                .map(c -> new View(c, List.of()));
    }

    /** ACTIVE -> SUSPENDED by hand. */
    public View suspend(String id, String etag, String reason, String actor) {
        return byHand(id, etag, reason, actor, CertificationChange.SUSPEND);
    }

    /** SUSPENDED -> ACTIVE by hand, within the validity. */
    public View reinstate(String id, String etag, String reason, String actor) {
        return byHand(id, etag, reason, actor, CertificationChange.REINSTATE);
    }

    private View byHand(String id, String etag, String reason, String actor, CertificationChange action) {
        Violations v = new Violations()
                .check(etag != null && !etag.isEmpty(), "etag", "is required: send the etag of your last read")
                .requireText("reason", reason, 2000)
                .maxLength("actor", actor, 100);
        UUID certificationId = null;
        try {
            certificationId = Violations.parseId("id", id);
        } catch (InvalidArgumentException e) {
            e.violations().forEach(f -> v.check(false, f.field(), f.description()));
        }
        v.throwIfAny();
        CertificationEntity c = find(certificationId, id);
        Etags.require(etag, c.revision, "certification", id, "etag");
        Instant now = Clocks.now(clock);
        boolean suspend = action == CertificationChange.SUSPEND;
        if (suspend && c.status != CertificationStatus.ACTIVE) {
            throw invalidTransition(c, "only an active certification can be suspended");
        }
        if (!suspend && c.status != CertificationStatus.SUSPENDED) {
            throw invalidTransition(c, "only a suspended certification can be reinstated");
        }
        if (!suspend && !c.validUntil.isAfter(now)) {
            throw invalidTransition(
                    c, "its validity ended on " + calendar.date(c.validUntil) + "; only a positive decision renews it");
        }
        ledger.record(
                c,
                action,
                suspend ? CertificationStatus.SUSPENDED : CertificationStatus.ACTIVE,
                reason.strip(),
                actor,
                null,
                now);
        try {
            certifications.flush();
        } catch (OptimisticLockException e) {
            throw new ConcurrentModificationException("certification", id);
        }
        return new View(c, events.history(c.id));
    }

    private static FailedPreconditionException invalidTransition(CertificationEntity c, String why) {
        return new FailedPreconditionException(
                INVALID_TRANSITION,
                "certification " + c.id + " is " + c.status + "; " + why,
                Map.of("id", c.id.toString(), "status", c.status.name()));
    }

    private CertificationEntity find(UUID id, String asGiven) {
        CertificationEntity c =
                certifications.findByIdOptional(id).orElseThrow(() -> new NotFoundException("certification", asGiven));
        scopes.requireVisible(c.unitId, "certification", asGiven);
        return c;
    }
}
