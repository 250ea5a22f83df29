package org.sqm.scoring.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.sqm.commons.audit.ReadOnlyTransaction;
import org.sqm.commons.convert.ProtoEnums;
import org.sqm.commons.convert.Texts;
import org.sqm.commons.error.NotFoundException;
import org.sqm.commons.error.Violations;
import org.sqm.commons.paging.PageTokens;
import org.sqm.proto.scoring.v1.AccreditationDecision;
import org.sqm.scoring.domain.AccreditationDecisionEntity;
import org.sqm.scoring.repository.AccreditationDecisionRepository;

/**
 * Accreditation decisions in the database: the one made on an assessment, a new one written together
 * with what the certification cycle did about it ({@link AccreditationDecided}, in the same
 * transaction), and the reads. Every method is one transaction.
 */
@ApplicationScoped
@Transactional
public class AccreditationDecisionStore {

    /** The unique key that makes a decision on the same assessment under the same rules version one. */
    static final String ONE_PER_ASSESSMENT = "uk_accreditation_decision_assessment";

    private final AccreditationDecisionRepository decisions;
    private final Event<AccreditationDecided> decided;
    private final PageTokens pageTokens;
    private final CallerUnits scopes;

    public AccreditationDecisionStore(
            AccreditationDecisionRepository decisions,
            Event<AccreditationDecided> decided,
            PageTokens pageTokens,
            CallerUnits scopes) {
        this.decisions = decisions;
        this.decided = decided;
        this.pageTokens = pageTokens;
        this.scopes = scopes;
    }

    /** The decision already made on this assessment of the unit under this rules version, if any. */
    public Optional<AccreditationDecisionEntity> made(UUID unitId, UUID rulesId, UUID inspectionId) {
        return decisions.find(unitId, rulesId, inspectionId);
    }

    /**
     * Writes a new decision ({@code decision} without id and certification) and tells the certification
     * cycle, which answers in the same transaction with what it did; a racing identical decision that
     * committed first fails this one on {@link #ONE_PER_ASSESSMENT}.
     */
    public AccreditationDecisionEntity record(AccreditationDecision decision, AccreditationDecided.Facts facts) {
        AccreditationDecisionEntity e = new AccreditationDecisionEntity();
        e.id = facts.decisionId();
        e.unitId = facts.unitId();
        e.rulesId = facts.rulesId();
        e.rulesCode = facts.rulesCode();
        e.inspectionId = facts.inspectionId();
        e.outcome = ProtoEnums.shortName(decision.getOutcome());
        e.decision = AccreditationRulesDocument.json(decision);
        e.decideTime = facts.decideTime();
        e.actor = facts.actor();
        decisions.persistAndFlush(e);
        AccreditationDecided event = new AccreditationDecided(facts);
        decided.fire(event);
        e.certificationId = event.certificationId();
        e.certificationAction = ProtoEnums.shortName(event.action());
        decisions.flush();
        return e;
    }

    /** Returns the decision with that id. */
    public AccreditationDecisionEntity get(String id) {
        AccreditationDecisionEntity decision = decisions
                .findByIdOptional(Violations.parseId("id", id))
                .orElseThrow(() -> new NotFoundException("accreditation_decision", id));
        scopes.requireVisible(decision.unitId, "accreditation_decision", id);
        return decision;
    }

    /** Lists decisions, newest first, of one unit and one rules code when given. */
    @ReadOnlyTransaction
    public PageTokens.Page<AccreditationDecisionEntity> list(
            int pageSize, String pageToken, String unitId, String rulesCode) {
        new Violations().optionalId("unit_id", unitId).throwIfAny();
        int size = PageTokens.pageSize(pageSize);
        UUID unit = Texts.emptyToNull(unitId) == null ? null : UUID.fromString(unitId);
        String code = Texts.emptyToNull(rulesCode);
        String query = "accreditation-decisions:" + unit + ":" + code + ":" + scopes.scopeKey();
        List<String> after = pageTokens.decode(pageToken, query, 2);
        Set<UUID> visible = scopes.visibleUnits().orElse(null);
        List<AccreditationDecisionEntity> page = after.isEmpty()
                ? decisions.page(null, null, unit, code, visible, size + 1)
                : decisions.page(
                        Instant.parse(after.get(0)), UUID.fromString(after.get(1)), unit, code, visible, size + 1);
        return pageTokens.page(page, size, query, d -> List.of(d.decideTime.toString(), d.id.toString()));
    }
}
