package org.sqm.scoring.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.sqm.commons.convert.Texts;
import org.sqm.commons.error.AlreadyExistsException;
import org.sqm.commons.error.NotFoundException;
import org.sqm.commons.error.Violations;
import org.sqm.commons.paging.PageTokens;
import org.sqm.commons.persistence.IdempotentCreate;
import org.sqm.scoring.domain.DeductionRuleEntity;
import org.sqm.scoring.repository.DeductionRuleRepository;

/** The rules for the catalogue of deductions; every method is one transaction of database work. */
@ApplicationScoped
@Transactional
public class DeductionRuleService {

    static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    static final int MAX_POINTS_MILLIS = 100_000;
    private static final String LIST_QUERY = "deduction-rules:by-code";

    private final DeductionRuleRepository rules;
    private final PageTokens pageTokens;

    public DeductionRuleService(DeductionRuleRepository rules, PageTokens pageTokens) {
        this.rules = rules;
        this.pageTokens = pageTokens;
    }

    /** What a caller asks to create. */
    public record NewDeductionRule(String code, String description, int pointsMillis) {}

    /** Creates a rule, or returns the one an earlier call with the same request id created. */
    // Not in the class's transaction: IdempotentCreate inserts in one of its own and reads a racing retry's in another.
    @Transactional(TxType.NEVER)
    public DeductionRuleEntity create(NewDeductionRule rule, String requestId) {
        Violations v = new Violations();
        check(rule, "deduction_rule", v);
        v.maxLength("request_id", requestId, 100).throwIfAny();
        return IdempotentCreate.create(
                requestId,
                rules::findByRequestId,
                () -> insert(rule, requestId),
                constraint -> constraint.equals("uk_deduction_rule_code")
                        ? new AlreadyExistsException("deduction_rule", "code", rule.code())
                        : null);
    }

    /** Checks a rule's fields, {@code path} being the field that holds it, e.g. {@code deduction_rule}. */
    static void check(NewDeductionRule rule, String path, Violations v) {
        v.requirePattern(
                        path + ".code",
                        rule.code(),
                        CODE,
                        "must be 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit")
                .requireText(path + ".description", rule.description(), 500)
                .check(
                        rule.pointsMillis() >= 1 && rule.pointsMillis() <= MAX_POINTS_MILLIS,
                        path + ".points_millis",
                        "must be between 1 and " + MAX_POINTS_MILLIS);
    }

    /** The rule with the code, if any. */
    public Optional<DeductionRuleEntity> findByCode(String code) {
        return rules.findByCode(code);
    }

    /** The rules with any of the codes. */
    public List<DeductionRuleEntity> findByCodes(Collection<String> codes) {
        return codes.isEmpty() ? List.of() : rules.list("code in ?1", codes);
    }

    private DeductionRuleEntity insert(NewDeductionRule rule, String requestId) {
        if (rules.existsByCode(rule.code())) {
            throw new AlreadyExistsException("deduction_rule", "code", rule.code());
        }
        DeductionRuleEntity entity = new DeductionRuleEntity();
        entity.id = UUID.randomUUID();
        entity.code = rule.code();
        entity.description = rule.description().strip();
        entity.pointsMillis = rule.pointsMillis();
        entity.requestId = Texts.emptyToNull(requestId);
        entity.createTime = Instant.now().truncatedTo(ChronoUnit.MICROS);
        rules.persistAndFlush(entity);
        return entity;
    }

    /** Returns the rule with that id. */
    public DeductionRuleEntity get(String id) {
        return rules.findByIdOptional(Violations.parseId("id", id))
                .orElseThrow(() -> new NotFoundException("deduction_rule", id));
    }

    /** Lists rules ordered by code. */
    public PageTokens.Page<DeductionRuleEntity> list(int pageSize, String pageToken) {
        int size = PageTokens.pageSize(pageSize);
        List<String> after = pageTokens.decode(pageToken, LIST_QUERY, 1);
        List<DeductionRuleEntity> page = rules.pageByCode(after.isEmpty() ? null : after.get(0), size + 1);
        return pageTokens.page(page, size, LIST_QUERY, r -> List.of(r.code));
    }
}
