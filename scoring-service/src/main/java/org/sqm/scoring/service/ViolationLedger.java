package org.sqm.scoring.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.sqm.commons.error.FailedPreconditionException;
import org.sqm.commons.error.NotFoundException;
import org.sqm.commons.error.Violations;
import org.sqm.commons.paging.PageTokens;
import org.sqm.commons.persistence.Etags;
import org.sqm.scoring.domain.ViolationEntity;
import org.sqm.scoring.domain.ViolationWithdrawalEntity;
import org.sqm.scoring.repository.ViolationRepository;

/**
 * The violations ledger's reads and its database writes: every method is one transaction. The ledger
 * only grows: a violation is added once, a withdrawal is added to it, nothing is changed or deleted.
 */
@ApplicationScoped
@Transactional
public class ViolationLedger {

    private final ViolationRepository violations;
    private final PageTokens pageTokens;
    private final CallerUnits scopes;

    public ViolationLedger(ViolationRepository violations, PageTokens pageTokens, CallerUnits scopes) {
        this.violations = violations;
        this.pageTokens = pageTokens;
        this.scopes = scopes;
    }

    /** A violation with its withdrawal (null while it stands). */
    public record Entry(ViolationEntity violation, ViolationWithdrawalEntity withdrawal) {

        /** The etag: the number of facts the ledger holds on the violation (1, or 2 once withdrawn). */
        public String etag() {
            return Etags.of(withdrawal == null ? 1 : 2);
        }
    }

    public Entry get(String id) {
        ViolationEntity v = violations
                .findByIdOptional(Violations.parseId("id", id))
                .orElseThrow(() -> new NotFoundException("violation", id));
        scopes.requireVisible(v.unitId, "violation", id);
        return new Entry(v, violations.withdrawal(v.id).orElse(null));
    }

    /** Adds a manual violation; runs in the transaction that {@code IdempotentCreate} opens. */
    public Entry add(ViolationEntity v) {
        violations.persistAndFlush(v);
        return new Entry(v, null);
    }

    /** The manual violation an earlier call with the request id recorded. */
    public Optional<Entry> findByRequestId(String requestId) {
        return violations
                .findByRequestId(requestId)
                .map(v -> new Entry(v, violations.withdrawal(v.id).orElse(null)));
    }

    /**
     * Adds each violation whose source id has none yet, in one transaction, in the order of their
     * source ids so that runs racing each other take their locks in one order and never deadlock.
     *
     * @return how many it added
     */
    public int addUnlessRecorded(List<ViolationEntity> batch) {
        int added = 0;
        for (ViolationEntity v : batch) {
            if (violations.addUnlessRecorded(v)) {
                added++;
            }
        }
        return added;
    }

    /** Adds the withdrawal of a violation (an appeal upheld); the violation stays, withdrawn. */
    public Entry withdraw(String id, String etag, String reason, String actor) {
        UUID violationId = Violations.parseId("id", id);
        new Violations()
                .requireText("reason", reason, 2000)
                .requireText("actor", actor, 200)
                .throwIfAny();
        ViolationEntity v = violations.lock(violationId).orElseThrow(() -> new NotFoundException("violation", id));
        Entry current = new Entry(v, violations.withdrawal(violationId).orElse(null));
        Etags.require(etag, current.withdrawal() == null ? 1 : 2, "violation", id, "etag");
        if (current.withdrawal() != null) {
            throw new FailedPreconditionException(
                    "VIOLATION_ALREADY_WITHDRAWN", "violation " + id + " is withdrawn already", Map.of("id", id));
        }
        ViolationWithdrawalEntity w = new ViolationWithdrawalEntity();
        w.violationId = violationId;
        w.reason = reason.strip();
        w.withdrawnBy = actor.strip();
        w.withdrawTime = Instant.now().truncatedTo(ChronoUnit.MICROS);
        violations.add(w);
        return new Entry(v, w);
    }

    /** What a list of violations is filtered by; null for a filter not set. */
    public record Filter(String unitId, Instant periodStart, Instant periodEnd, boolean showWithdrawn) {}

    /** One page of violations by occurred time then id. */
    public PageTokens.Page<Entry> list(Filter filter, int pageSize, String pageToken) {
        new Violations()
                .optionalId("unit_id", filter.unitId())
                .check(
                        filter.periodStart() == null
                                || filter.periodEnd() == null
                                || filter.periodStart().isBefore(filter.periodEnd()),
                        "period_end",
                        "must be after period_start")
                .throwIfAny();
        int size = PageTokens.pageSize(pageSize);
        String listCall = String.join(
                "|",
                "violations",
                String.valueOf(filter.unitId()),
                String.valueOf(filter.periodStart()),
                String.valueOf(filter.periodEnd()),
                String.valueOf(filter.showWithdrawn()),
                scopes.scopeKey());
        List<String> key = pageTokens.decode(pageToken, listCall, 2);
        List<ViolationEntity> read = violations.page(
                filter.unitId() == null ? null : UUID.fromString(filter.unitId()),
                filter.periodStart(),
                filter.periodEnd(),
                filter.showWithdrawn(),
                scopes.visibleUnits().orElse(null),
                key.isEmpty()
                        ? null
                        : new ViolationRepository.After(Instant.parse(key.get(0)), UUID.fromString(key.get(1))),
                size + 1);
        PageTokens.Page<ViolationEntity> page =
                pageTokens.page(read, size, listCall, v -> List.of(v.occurredTime.toString(), v.id.toString()));
        Map<UUID, ViolationWithdrawalEntity> withdrawals =
                violations.withdrawals(page.items().stream().map(v -> v.id).toList());
        return page.map(v -> new Entry(v, withdrawals.get(v.id)));
    }
}
