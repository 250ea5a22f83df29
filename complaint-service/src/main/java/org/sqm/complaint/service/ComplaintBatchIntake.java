package org.sqm.complaint.service;

import static org.sqm.commons.convert.Texts.notBlank;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.sqm.commons.client.RemoteCallException;
import org.sqm.commons.error.AlreadyExistsException;
import org.sqm.commons.error.DomainException;
import org.sqm.commons.error.Violations;
import org.sqm.commons.persistence.AfterCommit;
import org.sqm.commons.persistence.IdempotentCreate;
import org.sqm.complaint.config.ComplaintConfig;
import org.sqm.complaint.domain.ComplaintChannel;
import org.sqm.complaint.domain.ComplaintEntity;
import org.sqm.complaint.domain.Severity;
import org.sqm.complaint.service.ComplaintIntake.NewComplaint;

/**
 * Batch intake: up to {@value #MAX_ITEMS} complaints in one call, each checked, deadlined and recorded
 * exactly as {@link ComplaintIntake} records one, each answered with its complaint or its own error.
 * What makes it cheaper than as many single calls: one standards-service call per distinct case (unit,
 * channel, category, severity, receipt instant) instead of one per complaint, one query for the earlier
 * complaints of the request ids, and one transaction of batched inserts for the lot.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.NEVER)
public class ComplaintBatchIntake {

    /** The most items one call may carry (AIP-233's usual bound; the whole call is refused above it). */
    public static final int MAX_ITEMS = 1000;

    private static final Logger LOG = Logger.getLogger(ComplaintBatchIntake.class);

    private final ComplaintIntake intake;
    private final ComplaintStore store;
    private final Standards standards;
    private final ComplaintConfig config;
    private final ComplaintScope scope;
    private final AfterCommit afterCommit;
    private final MeterRegistry metrics;

    public ComplaintBatchIntake(
            ComplaintIntake intake,
            ComplaintStore store,
            Standards standards,
            ComplaintConfig config,
            ComplaintScope scope,
            AfterCommit afterCommit,
            MeterRegistry metrics) {
        this.afterCommit = afterCommit;
        this.metrics = metrics;
        this.intake = intake;
        this.store = store;
        this.standards = standards;
        this.config = config;
        this.scope = scope;
    }

    /** One item of a batch: what CreateComplaint takes. */
    public record Item(NewComplaint complaint, String requestId, String actor) {}

    /** What became of one item: its complaint, or the error a single create would have failed with. */
    public record Outcome(ComplaintDetail detail, RuntimeException error) {

        static Outcome of(ComplaintDetail detail) {
            return new Outcome(detail, null);
        }

        static Outcome failed(RuntimeException error) {
            return new Outcome(null, error);
        }
    }

    /** Refuses a whole batch of no complaints or of more than {@value #MAX_ITEMS} (INVALID_ARGUMENT, field "requests"). */
    public static void requireSize(int items) {
        new Violations()
                .check(items > 0, "requests", "needs at least one complaint")
                .check(
                        items <= MAX_ITEMS,
                        "requests",
                        "holds at most " + MAX_ITEMS + " complaints (this one holds " + items
                                + "): split it into several calls")
                .throwIfAny();
    }

    /** The case a service level is resolved for: items of the same case share one standards-service call. */
    private record Case(UUID unitId, ComplaintChannel channel, String category, Severity severity, Instant at) {}

    /** An item ready to insert: the complaint with its deadlines and escalation settled. */
    private record Ready(
            int index,
            Item item,
            String fingerprint,
            Instant received,
            Standards.ServiceLevel level,
            UUID escalateTo) {}

    /**
     * Records the items and answers one outcome per item, in order. The same request id twice in the
     * batch is one complaint: the later item gets the earlier one's outcome when both ask for the same
     * complaint, and REQUEST_ID_REUSED when they differ — as a retry of a single create would.
     */
    public List<Outcome> create(List<Item> items) {
        requireSize(items.size());
        Instant now = Instant.now();
        ComplaintScope.Visible visible = scope.current();
        int n = items.size();
        Outcome[] outcomes = new Outcome[n];
        String[] fingerprints = new String[n];

        for (int i = 0; i < n; i++) {
            Item item = items.get(i);
            try {
                intake.validate(item.complaint(), item.requestId(), item.actor(), now);
                // A unit outside the caller's units is NOT_FOUND, as single intake answers.
                visible.requireUnit(UUID.fromString(item.complaint().unitId()));
                fingerprints[i] = ComplaintIntake.fingerprint(item.complaint());
            } catch (DomainException e) {
                outcomes[i] = Outcome.failed(e);
            }
        }

        Map<String, ComplaintDetail> earlier = earlier(items, outcomes, visible);
        Map<String, Integer> firstWithId = new HashMap<>();
        int[] sameAs = new int[n];
        List<Integer> fresh = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            sameAs[i] = -1;
            if (outcomes[i] != null) {
                continue;
            }
            String requestId = notBlank(items.get(i).requestId()) ? items.get(i).requestId() : null;
            if (requestId == null) {
                fresh.add(i);
            } else if (earlier.containsKey(requestId)) {
                outcomes[i] = retried(earlier.get(requestId), requestId, fingerprints[i], visible);
            } else if (firstWithId.containsKey(requestId)) {
                int first = firstWithId.get(requestId);
                if (fingerprints[first].equals(fingerprints[i])) {
                    sameAs[i] = first;
                } else {
                    outcomes[i] = Outcome.failed(AlreadyExistsException.requestIdReused(requestId));
                }
            } else {
                firstWithId.put(requestId, i);
                fresh.add(i);
            }
        }

        List<Ready> ready = deadlined(items, fresh, fingerprints, outcomes, now);
        if (!ready.isEmpty()) {
            insert(ready, outcomes, now, visible);
        }
        for (int i = 0; i < n; i++) {
            if (sameAs[i] >= 0) {
                outcomes[i] = outcomes[sameAs[i]];
            }
        }
        return List.of(outcomes);
    }

    /** The complaints earlier calls recorded under the batch's request ids, in one query. */
    private Map<String, ComplaintDetail> earlier(List<Item> items, Outcome[] outcomes, ComplaintScope.Visible visible) {
        Set<String> requestIds = new LinkedHashSet<>();
        for (int i = 0; i < items.size(); i++) {
            if (outcomes[i] == null && notBlank(items.get(i).requestId())) {
                requestIds.add(items.get(i).requestId());
            }
        }
        Map<String, ComplaintDetail> byRequestId = new HashMap<>();
        if (!requestIds.isEmpty()) {
            for (ComplaintDetail d : store.findByRequestIds(requestIds)) {
                byRequestId.put(d.complaint().requestId, d);
            }
        }
        return byRequestId;
    }

    private static Outcome retried(
            ComplaintDetail first, String requestId, String fingerprint, ComplaintScope.Visible visible) {
        try {
            IdempotentCreate.sameRequest(first.complaint(), requestId, fingerprint, e -> e.requestHash);
            visible.require(first.complaint(), first.complaint().id.toString());
            return Outcome.of(first);
        } catch (DomainException e) {
            return Outcome.failed(e);
        }
    }

    /**
     * Settles the deadlines and escalation of each fresh item, as single intake does, with one
     * standards-service call per distinct case and, where no rule resolves, one unit read per unit.
     */
    private List<Ready> deadlined(
            List<Item> items, List<Integer> fresh, String[] fingerprints, Outcome[] outcomes, Instant now) {
        Map<Case, Optional<Standards.ServiceLevel>> levels = new HashMap<>();
        Map<UUID, Optional<Standards.Unit>> units = new HashMap<>();
        List<Ready> ready = new ArrayList<>(fresh.size());
        for (int i : fresh) {
            NewComplaint c = items.get(i).complaint();
            UUID unitId = UUID.fromString(c.unitId());
            Instant received = (c.receiveTime() == null ? now : c.receiveTime()).truncatedTo(ChronoUnit.MICROS);
            try {
                Case key = new Case(unitId, c.channel(), c.category(), c.severity(), received);
                Optional<Standards.ServiceLevel> resolved = levels.get(key);
                if (resolved == null) {
                    resolved = standards.serviceLevel(
                            unitId, c.channel(), c.category(), c.severity(), received, config.warningShare());
                    levels.put(key, resolved);
                }
                Optional<Standards.Unit> known = resolved.map(Standards.ServiceLevel::unit);
                if (known.isEmpty()) {
                    // No rule resolved: is it the unit (unknown or inactive) or the rules?
                    known = units.get(unitId);
                    if (known == null) {
                        known = standards.unit(unitId);
                        units.put(unitId, known);
                    }
                }
                Standards.ServiceLevel level = ComplaintIntake.checkedLevel(unitId, resolved, known);
                UUID escalateTo = ComplaintIntake.escalation(c.severity(), level);
                ready.add(new Ready(i, items.get(i), fingerprints[i], received, level, escalateTo));
            } catch (DomainException | RemoteCallException e) {
                outcomes[i] = Outcome.failed(e);
            }
        }
        return ready;
    }

    /**
     * Inserts the ready items in one transaction. Should it fail (a concurrent call with one of the
     * request ids committed first, or a row the database refuses), each item is recorded on its own as
     * single intake records it, so one item's conflict costs the others nothing.
     */
    private void insert(List<Ready> ready, Outcome[] outcomes, Instant now, ComplaintScope.Visible visible) {
        List<ComplaintDetail> written;
        try {
            written = QuarkusTransaction.requiringNew().call(() -> {
                List<Long> references = store.nextReferenceNumbers(ready.size());
                List<ComplaintEntity> news = new ArrayList<>(ready.size());
                Map<ComplaintEntity, Ready> of = new HashMap<>();
                for (int k = 0; k < ready.size(); k++) {
                    Ready r = ready.get(k);
                    ComplaintEntity e = ComplaintIntake.newEntity(
                            r.item().complaint(),
                            r.item().requestId(),
                            r.fingerprint(),
                            now,
                            r.received(),
                            r.level(),
                            r.escalateTo(),
                            references.get(k));
                    ComplaintIntake.countAfterCommit(afterCommit, metrics, e);
                    news.add(e);
                    of.put(e, r);
                }
                return store.insertAll(news, (e, change) -> {
                    Ready r = of.get(e);
                    ComplaintIntake.recordReceipt(change, r.item().actor(), r.level(), r.escalateTo());
                });
            });
        } catch (RuntimeException e) {
            LOG.debugf("A batch of %d complaints is recorded item by item: %s", ready.size(), e.toString());
            for (Ready r : ready) {
                outcomes[r.index()] = one(r, now, visible);
            }
            return;
        }
        for (int k = 0; k < ready.size(); k++) {
            outcomes[ready.get(k).index()] = Outcome.of(written.get(k));
        }
    }

    /** One item in a transaction of its own, exactly as single intake records it. */
    private Outcome one(Ready r, Instant now, ComplaintScope.Visible visible) {
        try {
            ComplaintDetail created = IdempotentCreate.create(
                    r.item().requestId(),
                    r.fingerprint(),
                    d -> d.complaint().requestHash,
                    key -> store.findByRequestId(key).map(e -> ComplaintDetail.written(e, null)),
                    () -> {
                        ComplaintEntity e = ComplaintIntake.newEntity(
                                r.item().complaint(),
                                r.item().requestId(),
                                r.fingerprint(),
                                now,
                                r.received(),
                                r.level(),
                                r.escalateTo(),
                                store.nextReferenceNumber());
                        ComplaintIntake.countAfterCommit(afterCommit, metrics, e);
                        return store.insert(
                                e,
                                change -> ComplaintIntake.recordReceipt(
                                        change, r.item().actor(), r.level(), r.escalateTo()));
                    },
                    constraint -> null);
            // A racing call with the same request id won: answer with its complaint.
            return Outcome.of(
                    created.history() == null
                            ? store.readWithHistory(created.complaint().id.toString(), visible)
                            : created);
        } catch (DomainException e) {
            return Outcome.failed(e);
        }
    }
}
