package org.sqm.scoring.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.sqm.commons.error.AlreadyExistsException;
import org.sqm.commons.error.Violations;
import org.sqm.commons.persistence.IdempotentCreate;
import org.sqm.scoring.config.ScoringConfig;
import org.sqm.scoring.domain.BatchItemEntity;
import org.sqm.scoring.domain.InputBatchEntity;

/**
 * Takes in a batch of any kind, in one order: the batch's own fields; a batch sent again is answered
 * from what is stored (the same content) or refused (other content, ALREADY_EXISTS); the items
 * against stored state; their units at standards-service, with no transaction open; then one short
 * transaction inserts it. Nothing is written when any check fails.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.NEVER)
public class BatchIntake {

    static final Pattern BATCH_ID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");
    static final int MAX_ITEMS = 10_000;

    private final BatchStore store;
    private final Units units;
    private final ScoringConfig config;

    public BatchIntake(BatchStore store, Units units, ScoringConfig config) {
        this.store = store;
        this.units = units;
        this.config = config;
    }

    /** Records the batch, or answers the batch recorded first under its id; see the class comment. */
    public <I, E extends BatchItemEntity> StoredBatch<E> record(BatchRules<I, E> rules, NewBatch<I> batch) {
        checkOwnFields(rules, batch);
        String fingerprint = fingerprint(rules, batch);
        // Sent again: answered from what is stored, without asking standards-service anything.
        Optional<InputBatchEntity> earlier = store.header(batch.batchId());
        if (earlier.isPresent()) {
            return same(rules, batch, fingerprint, earlier.get());
        }
        String itemsPath = rules.field() + "." + rules.itemsField();
        Violations stored = new Violations();
        QuarkusTransaction.requiringNew().run(() -> {
            if (batch.supersedesBatchId() != null) {
                store.checkSupersedes(
                        rules.kind(), batch.supersedesBatchId(), rules.field() + ".supersedes_batch_id", stored);
            }
            rules.checkStored(batch.items(), itemsPath, stored);
        });
        stored.throwIfAny();
        checkUnits(rules, batch, itemsPath);
        StoredBatch<E> written = IdempotentCreate.create(
                batch.batchId(),
                id -> store.header(id).map(h -> store.read(h, rules.entityType())),
                () -> store.insert(rules, batch, fingerprint),
                constraint -> conflict(rules, batch, constraint));
        return same(rules, batch, fingerprint, written);
    }

    private <I, E extends BatchItemEntity> void checkOwnFields(BatchRules<I, E> rules, NewBatch<I> batch) {
        String f = rules.field();
        Violations v = new Violations()
                .requirePattern(
                        f + ".batch_id",
                        batch.batchId(),
                        BATCH_ID,
                        "must be 1 to 100 letters, digits, '.', '_', ':' or '-'")
                .requireText(f + ".source", batch.source(), 200);
        if (batch.supersedesBatchId() != null) {
            v.check(
                            BATCH_ID.matcher(batch.supersedesBatchId()).matches(),
                            f + ".supersedes_batch_id",
                            "must be the batch_id of a recorded batch")
                    .check(
                            !batch.supersedesBatchId().equals(batch.batchId()),
                            f + ".supersedes_batch_id",
                            "must name another batch than this one");
        }
        String itemsPath = f + "." + rules.itemsField();
        v.check(
                !batch.items().isEmpty() && batch.items().size() <= MAX_ITEMS,
                itemsPath,
                "must hold 1 to " + MAX_ITEMS + " items");
        rules.checkHeader(batch, v);
        LocalDate today = LocalDate.now(config.timeZone());
        Map<List<String>, Integer> seen = new HashMap<>();
        for (int i = 0; i < Math.min(batch.items().size(), MAX_ITEMS); i++) {
            I item = batch.items().get(i);
            String path = itemsPath + "[" + i + "]";
            String unitId = rules.unitId(item);
            v.check(unitId != null && !unitId.isEmpty(), path + ".unit_id", "is required")
                    .optionalId(path + ".unit_id", unitId);
            boolean valid = rules.checkItem(batch, item, path, today, v);
            if (valid && unitId != null && isUuid(unitId)) {
                List<String> key = rules.key(item);
                Integer first = key == null ? null : seen.putIfAbsent(key, i);
                v.check(first == null, path, "repeats " + rules.itemsField() + "[" + first + "]");
            }
        }
        v.throwIfAny();
    }

    private static boolean isUuid(String value) {
        try {
            return UUID.fromString(value).toString().equalsIgnoreCase(value);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Asks standards-service for each distinct unit once, with no transaction open. */
    private <I, E extends BatchItemEntity> void checkUnits(
            BatchRules<I, E> rules, NewBatch<I> batch, String itemsPath) {
        Map<UUID, Optional<Units.Unit>> known = new HashMap<>();
        Violations v = new Violations();
        for (int i = 0; i < batch.items().size(); i++) {
            I item = batch.items().get(i);
            String path = itemsPath + "[" + i + "]";
            Optional<Units.Unit> unit = known.computeIfAbsent(UUID.fromString(rules.unitId(item)), units::unit);
            v.check(unit.isPresent(), path + ".unit_id", "names no unit of standards-service");
            unit.ifPresent(u -> rules.checkUnit(item, u, path, v));
        }
        v.throwIfAny();
    }

    /** The batch recorded under the id, if it has this content; otherwise the id is taken. */
    private <I, E extends BatchItemEntity> StoredBatch<E> same(
            BatchRules<I, E> rules, NewBatch<I> batch, String fingerprint, InputBatchEntity earlier) {
        if (!earlier.fingerprint.equals(fingerprint)) {
            throw taken(rules, batch);
        }
        return store.read(earlier, rules.entityType());
    }

    private <I, E extends BatchItemEntity> StoredBatch<E> same(
            BatchRules<I, E> rules, NewBatch<I> batch, String fingerprint, StoredBatch<E> written) {
        if (!written.header().fingerprint.equals(fingerprint)) {
            throw taken(rules, batch);
        }
        return written;
    }

    private static AlreadyExistsException taken(BatchRules<?, ?> rules, NewBatch<?> batch) {
        return new AlreadyExistsException(rules.field(), "batch_id", batch.batchId());
    }

    private static RuntimeException conflict(BatchRules<?, ?> rules, NewBatch<?> batch, String constraint) {
        if (constraint.equals("uk_input_batch_supersedes")) {
            return BatchStore.alreadySuperseded(batch.supersedesBatchId(), null);
        }
        if (constraint.equals(rules.keyConstraint())) {
            return new AlreadyExistsException(
                    rules.itemResource(),
                    rules.field() + "." + rules.itemsField(),
                    "an item of a batch recorded at the same moment");
        }
        return null;
    }

    /** A digest of everything the batch says, so the same id with other content is told apart. */
    private static <I> String fingerprint(BatchRules<I, ?> rules, NewBatch<I> batch) {
        List<String> parts = new ArrayList<>(List.of(
                rules.kind().name(),
                batch.batchId(),
                batch.source(),
                String.valueOf(batch.supersedesBatchId()),
                String.valueOf(batch.scaleMin()),
                String.valueOf(batch.scaleMax())));
        batch.items().forEach(item -> parts.addAll(rules.fingerprint(item)));
        return IdempotentCreate.fingerprint(parts.toArray(String[]::new));
    }
}
