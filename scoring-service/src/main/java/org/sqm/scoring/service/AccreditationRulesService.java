package org.sqm.scoring.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.sqm.commons.convert.Texts;
import org.sqm.commons.error.AlreadyExistsException;
import org.sqm.commons.error.ConcurrentModificationException;
import org.sqm.commons.error.NotFoundException;
import org.sqm.commons.error.Violations;
import org.sqm.commons.paging.PageTokens;
import org.sqm.commons.persistence.IdempotentCreate;
import org.sqm.commons.persistence.UniqueViolation;
import org.sqm.proto.scoring.v1.AccreditationRules;
import org.sqm.scoring.config.Clocks;
import org.sqm.scoring.domain.AccreditationRulesEntity;
import org.sqm.scoring.repository.AccreditationRulesRepository;

/**
 * Accreditation rule versions: created (version 1 of a code, or the next version), never changed, read
 * and listed. Every method is one transaction of database work.
 */
@ApplicationScoped
@Transactional
public class AccreditationRulesService {

    private static final String CODE_VERSION = "uk_accreditation_rules_code_version";

    private final AccreditationRulesRepository rules;
    private final PageTokens pageTokens;
    private final Clock clock;
    private final RatingScales scales;

    public AccreditationRulesService(
            AccreditationRulesRepository rules, PageTokens pageTokens, Clock clock, RatingScales scales) {
        this.rules = rules;
        this.pageTokens = pageTokens;
        this.clock = clock;
        this.scales = scales;
    }

    /**
     * Creates the next version of the rules' code (version 1 of a new code), or returns the version an
     * earlier call with the same request id created. Fails with INVALID_ARGUMENT naming every bad
     * field and every contradiction, and every level code that the rating scale of the standard's latest
     * version in standards-service does not have (read before any transaction opens); nothing is
     * written then.
     */
    // Not in the class's transaction: IdempotentCreate inserts in one of its own and reads a racing retry's in another.
    @Transactional(TxType.NEVER)
    public AccreditationRulesEntity create(AccreditationRules asked, String requestId) {
        AccreditationRules normalised = AccreditationRulesDocument.normalised(asked);
        Violations v = new Violations();
        AccreditationRulesDocument.check(normalised, "rules", v);
        checkLevels(normalised, v);
        v.maxLength("request_id", requestId, 100).throwIfAny();
        String fingerprint = IdempotentCreate.fingerprint(AccreditationRulesDocument.json(normalised));
        return IdempotentCreate.create(
                requestId,
                fingerprint,
                e -> e.requestHash,
                rules::findByRequestId,
                () -> {
                    int next = rules.latest(normalised.getCode())
                                    .map(l -> l.versionNumber)
                                    .orElse(0)
                            + 1;
                    AccreditationRulesEntity e = newVersion(normalised, next);
                    e.requestId = Texts.emptyToNull(requestId);
                    e.requestHash = e.requestId == null ? null : fingerprint;
                    return insert(e);
                },
                constraint -> constraint.equals(CODE_VERSION)
                        ? new ConcurrentModificationException("accreditation rules", normalised.getCode())
                        : null);
    }

    /** Checks the level codes against the standard's rating scale, unless the standard code is malformed. */
    private void checkLevels(AccreditationRules r, Violations v) {
        if (!AccreditationRulesDocument.wellFormedCode(r.getStandardCode())) {
            return;
        }
        Optional<List<String>> levels = scales.levelCodes(r.getStandardCode());
        if (levels.isEmpty()) {
            v.check(
                    false,
                    "rules.standard_code",
                    "no standard has the code " + r.getStandardCode() + " in standards-service");
            return;
        }
        if (levels.get().isEmpty()) {
            v.check(
                    false,
                    "rules.standard_code",
                    "standard " + r.getStandardCode()
                            + " rates with scores, not levels: accreditation rules need a scale of levels");
            return;
        }
        level(
                r.getStandardCode(),
                "rules.non_compliance_level_codes",
                r.getNonComplianceLevelCodesList(),
                levels.get(),
                v);
        level(
                r.getStandardCode(),
                "rules.partial_compliance_level_codes",
                r.getPartialComplianceLevelCodesList(),
                levels.get(),
                v);
        level(
                r.getStandardCode(),
                "rules.compliance_plus_level_codes",
                r.getCompliancePlusLevelCodesList(),
                levels.get(),
                v);
    }

    private static void level(String standard, String field, List<String> codes, List<String> known, Violations v) {
        for (int i = 0; i < codes.size(); i++) {
            v.check(
                    known.contains(codes.get(i)) || !AccreditationRulesDocument.wellFormedCode(codes.get(i)),
                    field + "[" + i + "]",
                    codes.get(i) + " is not a level of standard " + standard + " (" + String.join(", ", known) + ")");
        }
    }

    /**
     * Creates version 1 of a code that has none (what a catalogue load does). Fails with ALREADY_EXISTS
     * when the code has a version, also one a racing call just created.
     */
    public AccreditationRulesEntity createFirst(AccreditationRules checked) {
        AccreditationRules normalised = AccreditationRulesDocument.normalised(checked);
        if (rules.latest(normalised.getCode()).isPresent()) {
            throw new AlreadyExistsException("accreditation_rules", "code", normalised.getCode());
        }
        try {
            return insert(newVersion(normalised, 1));
        } catch (PersistenceException ex) {
            if (UniqueViolation.constraintOf(ex).filter(CODE_VERSION::equals).isPresent()) {
                throw new AlreadyExistsException("accreditation_rules", "code", normalised.getCode());
            }
            throw ex;
        }
    }

    private AccreditationRulesEntity newVersion(AccreditationRules normalised, int version) {
        AccreditationRulesEntity e = new AccreditationRulesEntity();
        e.id = UUID.randomUUID();
        e.code = normalised.getCode();
        e.versionNumber = version;
        e.name = normalised.getName();
        e.standardCode = normalised.getStandardCode();
        e.definition = AccreditationRulesDocument.definition(normalised);
        e.createTime = Clocks.now(clock);
        return e;
    }

    private AccreditationRulesEntity insert(AccreditationRulesEntity e) {
        rules.persistAndFlush(e);
        return e;
    }

    /** Returns the version with that id. */
    public AccreditationRulesEntity get(String id) {
        return rules.findByIdOptional(Violations.parseId("id", id))
                .orElseThrow(() -> new NotFoundException("accreditation_rules", id));
    }

    /** The version with that id, if any. */
    public Optional<AccreditationRulesEntity> find(UUID id) {
        return rules.findByIdOptional(id);
    }

    /** The code's version with the highest number, if the code has any. */
    public Optional<AccreditationRulesEntity> latest(String code) {
        return rules.latest(code);
    }

    /** Lists versions by code, then version. */
    public PageTokens.Page<AccreditationRulesEntity> list(int pageSize, String pageToken, String code) {
        int size = PageTokens.pageSize(pageSize);
        String only = Texts.emptyToNull(code);
        String query = "accreditation-rules:" + only;
        List<String> after = pageTokens.decode(pageToken, query, 2);
        List<AccreditationRulesEntity> page = after.isEmpty()
                ? rules.page("", 0, only, size + 1)
                : rules.page(after.get(0), Integer.parseInt(after.get(1)), only, size + 1);
        return pageTokens.page(page, size, query, r -> List.of(r.code, String.valueOf(r.versionNumber)));
    }
}
