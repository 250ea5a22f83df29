package org.sqm.scoring.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.sqm.commons.error.Violations;
import org.sqm.commons.persistence.IdempotentCreate;
import org.sqm.scoring.domain.DeductionRuleEntity;
import org.sqm.scoring.domain.ViolationEntity;
import org.sqm.scoring.domain.ViolationSource;

/**
 * Records a violation that a person reports, at most once per request id. Asks standards-service
 * whether the unit exists, so it opens no transaction around its work: it reads the rule in one short
 * transaction, asks with none open, and appends in another ({@link IdempotentCreate}).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.NEVER)
public class ViolationRecording {

    // Clocks of callers and of this service differ a little; a violation this far ahead is still "now".
    static final long CLOCK_SKEW_SECONDS = 300;

    private final ViolationLedger ledger;
    private final DeductionRuleService rules;
    private final Units units;

    public ViolationRecording(ViolationLedger ledger, DeductionRuleService rules, Units units) {
        this.ledger = ledger;
        this.rules = rules;
        this.units = units;
    }

    /** What a person reports; {@code occurredTime} null when unset. */
    public record NewViolation(
            String unitId, String ruleCode, Instant occurredTime, String evidence, String reportedBy) {}

    /**
     * Records the violation, or answers the one an earlier call with the request id recorded; the same
     * request id for another violation is ALREADY_EXISTS (REQUEST_ID_REUSED).
     */
    public ViolationLedger.Entry create(NewViolation n, String requestId) {
        Instant now = Instant.now();
        new Violations()
                .requireText("request_id", requestId, 100)
                .check(n.unitId() != null && !n.unitId().isEmpty(), "violation.unit_id", "is required")
                .optionalId("violation.unit_id", n.unitId())
                .requireText("violation.rule_code", n.ruleCode(), 64)
                .check(n.occurredTime() != null, "violation.occurred_time", "is required")
                .check(
                        n.occurredTime() == null || !n.occurredTime().isAfter(now.plusSeconds(CLOCK_SKEW_SECONDS)),
                        "violation.occurred_time",
                        "must not lie in the future")
                .requireText("violation.evidence", n.evidence(), 2000)
                .requireText("violation.reported_by", n.reportedBy(), 200)
                .throwIfAny();
        String fingerprint = IdempotentCreate.fingerprint(
                n.unitId(), n.ruleCode(), n.occurredTime().toString(), n.evidence(), n.reportedBy());
        Optional<ViolationLedger.Entry> earlier = ledger.findByRequestId(requestId);
        if (earlier.isPresent()) {
            return IdempotentCreate.sameRequest(earlier.get(), requestId, fingerprint, e -> e.violation().requestHash);
        }
        Optional<DeductionRuleEntity> rule = rules.findByCode(n.ruleCode());
        new Violations()
                .check(rule.isPresent(), "violation.rule_code", "names no deduction rule")
                .throwIfAny();
        UUID unitId = UUID.fromString(n.unitId());
        new Violations()
                .check(units.unit(unitId).isPresent(), "violation.unit_id", "names no unit of standards-service")
                .throwIfAny();
        ViolationEntity v = new ViolationEntity();
        v.id = UUID.randomUUID();
        v.unitId = unitId;
        v.ruleId = rule.get().id;
        v.ruleCode = rule.get().code;
        v.pointsMillis = rule.get().pointsMillis;
        v.occurredTime = n.occurredTime().truncatedTo(ChronoUnit.MICROS);
        v.evidence = n.evidence().strip();
        v.reportedBy = n.reportedBy().strip();
        v.source = ViolationSource.MANUAL;
        v.requestId = requestId;
        v.requestHash = fingerprint;
        v.recordTime = now.truncatedTo(ChronoUnit.MICROS);
        return IdempotentCreate.create(
                requestId,
                fingerprint,
                e -> e.violation().requestHash,
                ledger::findByRequestId,
                () -> ledger.add(v),
                constraint -> null);
    }
}
