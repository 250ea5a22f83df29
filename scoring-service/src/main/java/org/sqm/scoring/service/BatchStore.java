package org.sqm.scoring.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.sqm.commons.convert.Texts;
import org.sqm.commons.error.AlreadyExistsException;
import org.sqm.commons.error.FailedPreconditionException;
import org.sqm.commons.error.NotFoundException;
import org.sqm.commons.error.Violations;
import org.sqm.commons.paging.PageTokens;
import org.sqm.scoring.domain.BatchItemEntity;
import org.sqm.scoring.domain.BatchKind;
import org.sqm.scoring.domain.InputBatchEntity;
import org.sqm.scoring.repository.BatchItemRepository;
import org.sqm.scoring.repository.InputBatchRepository;

/** The rows of every kind of batch; every method is one transaction of database work. */
@ApplicationScoped
@Transactional
public class BatchStore {

    private final InputBatchRepository batches;
    private final BatchItemRepository items;
    private final PageTokens pageTokens;
    private final CallerUnits scopes;

    public BatchStore(
            InputBatchRepository batches, BatchItemRepository items, PageTokens pageTokens, CallerUnits scopes) {
        this.batches = batches;
        this.items = items;
        this.pageTokens = pageTokens;
        this.scopes = scopes;
    }

    /** The header of the batch with the id, of any kind. */
    public Optional<InputBatchEntity> header(String batchId) {
        return batches.findByBatchId(batchId);
    }

    /**
     * The batch of a kind with its items; NOT_FOUND when no batch of the kind has the id. A caller cut
     * to units gets the items of its units only, and NOT_FOUND for a batch without any.
     */
    public <E extends BatchItemEntity> StoredBatch<E> get(
            BatchKind kind, String resource, Class<E> type, String batchId) {
        InputBatchEntity header = batches.findByBatchId(Texts.nullToEmpty(batchId))
                .filter(b -> b.kind == kind)
                .orElseThrow(() -> new NotFoundException(resource, batchId));
        StoredBatch<E> batch = read(header, type);
        Optional<Set<UUID>> visible = scopes.visibleUnits();
        if (visible.isEmpty()) {
            return batch;
        }
        List<E> seen = batch.items().stream()
                .filter(i -> visible.get().contains(i.unitId))
                .toList();
        if (seen.isEmpty()) {
            throw new NotFoundException(resource, batchId);
        }
        return new StoredBatch<>(batch.header(), batch.supersededBy(), seen);
    }

    /** A recorded batch with its items. */
    public <E extends BatchItemEntity> StoredBatch<E> read(InputBatchEntity header, Class<E> type) {
        return new StoredBatch<>(
                header, batches.supersededBy(header.batchId).orElse(null), items.ofBatch(type, header.id));
    }

    /**
     * Checks that the batch a correction names exists and is of the same kind; a batch that another
     * correction already superseded is FAILED_PRECONDITION.
     */
    public void checkSupersedes(BatchKind kind, String supersedes, String field, Violations v) {
        Optional<InputBatchEntity> old = batches.findByBatchId(supersedes).filter(b -> b.kind == kind);
        v.check(old.isPresent(), field, "names no " + kind.name().toLowerCase().replace('_', ' ') + " batch");
        old.flatMap(b -> batches.supersededBy(b.batchId)).ifPresent(by -> {
            throw alreadySuperseded(supersedes, by);
        });
    }

    static FailedPreconditionException alreadySuperseded(String batchId, String by) {
        return new FailedPreconditionException(
                "BATCH_ALREADY_SUPERSEDED",
                "batch " + batchId + " was already superseded" + (by == null ? "" : " by " + by)
                        + "; correct the current batch instead",
                by == null ? Map.of("batch_id", batchId) : Map.of("batch_id", batchId, "superseded_by", by));
    }

    /**
     * Records a batch: retires the items of the batch it supersedes, refuses an item whose key is
     * current in another batch, then inserts the header and the items and answers with them. Runs in
     * the transaction that {@code IdempotentCreate} opens.
     */
    public <I, E extends BatchItemEntity> StoredBatch<E> insert(
            BatchRules<I, E> rules, NewBatch<I> batch, String fingerprint) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        if (batch.supersedesBatchId() != null) {
            // Locked: a racing correction of the same batch waits here, then finds it superseded.
            InputBatchEntity old = batches.lockByBatchId(batch.supersedesBatchId())
                    .orElseThrow(() -> new IllegalStateException("checked before: batches are never deleted"));
            if (batches.supersededBy(old.batchId).isPresent()) {
                throw alreadySuperseded(
                        old.batchId, batches.supersededBy(old.batchId).get());
            }
            items.retire(rules.entityType(), old.id);
        }
        InputBatchEntity header = new InputBatchEntity();
        header.id = UUID.randomUUID();
        header.batchId = batch.batchId();
        header.kind = rules.kind();
        header.source = batch.source().strip();
        header.supersedesBatchId = batch.supersedesBatchId();
        header.scaleMin = batch.scaleMin();
        header.scaleMax = batch.scaleMax();
        header.itemCount = batch.items().size();
        header.fingerprint = fingerprint;
        header.recordTime = now;
        List<E> rows = new ArrayList<>();
        for (int i = 0; i < batch.items().size(); i++) {
            E row = rules.toEntity(batch.items().get(i), header);
            row.id = UUID.randomUUID();
            row.batchPk = header.id;
            row.itemIndex = i;
            row.unitId = UUID.fromString(rules.unitId(batch.items().get(i)));
            row.current = true;
            row.recordTime = now;
            rows.add(row);
        }
        refuseCurrentKeys(rules, rows);
        batches.persist(header);
        items.persist(rows);
        return new StoredBatch<>(header, null, rows);
    }

    /** An item whose key another batch holds as current is refused, naming the item and that batch. */
    private <E extends BatchItemEntity> void refuseCurrentKeys(BatchRules<?, E> rules, List<E> rows) {
        if (rules.keyConstraint() == null) {
            return;
        }
        Map<List<String>, E> current = new HashMap<>();
        items.currentOfUnits(
                        rules.entityType(),
                        rows.stream().map(r -> r.unitId).distinct().toList())
                .forEach(e -> current.put(rules.storedKey(e), e));
        for (E row : rows) {
            E holder = current.get(rules.storedKey(row));
            if (holder != null) {
                String holderBatch = batches.findById(holder.batchPk).batchId;
                throw new AlreadyExistsException(
                        rules.itemResource(),
                        rules.field() + "." + rules.itemsField() + "[" + row.itemIndex + "]",
                        String.join(" ", rules.storedKey(row)) + " in batch " + holderBatch);
            }
        }
    }

    /**
     * One page of the items of a kind in the order recorded, current ones only unless {@code
     * superseded}, with the batch ids of the corrections that superseded their batches.
     *
     * @param listCall the list call and its filters, to which the page token is bound
     */
    public <E extends BatchItemEntity> ItemPage<E> page(
            Class<E> type,
            String table,
            Map<String, Object> filters,
            boolean superseded,
            String listCall,
            int pageSize,
            String pageToken) {
        int size = PageTokens.pageSize(pageSize);
        String query = listCall + "|" + scopes.scopeKey();
        List<String> key = pageTokens.decode(pageToken, query, 3);
        Optional<Set<UUID>> visible = scopes.visibleUnits();
        if (visible.isPresent()) {
            if (visible.get().isEmpty()) {
                return new ItemPage<>(new PageTokens.Page<>(List.of(), ""), Map.of(), Map.of());
            }
            filters = new LinkedHashMap<>(filters);
            filters.put("i.unit_id in (?)", visible.get());
        }
        BatchItemRepository.After after = key.isEmpty()
                ? null
                : new BatchItemRepository.After(
                        Instant.parse(key.get(0)), UUID.fromString(key.get(1)), Integer.parseInt(key.get(2)));
        List<E> read = items.page(type, table, filters, superseded, after, size + 1);
        PageTokens.Page<E> page = pageTokens.page(
                read,
                size,
                query,
                e -> List.of(e.recordTime.toString(), e.batchPk.toString(), String.valueOf(e.itemIndex)));
        Map<UUID, InputBatchEntity> headers = new HashMap<>();
        page.items().forEach(e -> headers.computeIfAbsent(e.batchPk, batches::findById));
        Map<String, String> supersededBy = batches.supersededBy(
                headers.values().stream().map(b -> b.batchId).toList());
        return new ItemPage<>(page, headers, supersededBy);
    }

    /** A page of items with their batches' headers (by primary key) and the corrections that superseded them (by batch id). */
    public record ItemPage<E>(
            PageTokens.Page<E> page, Map<UUID, InputBatchEntity> headers, Map<String, String> supersededBy) {}
}
