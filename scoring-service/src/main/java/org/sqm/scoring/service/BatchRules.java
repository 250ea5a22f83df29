package org.sqm.scoring.service;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;
import org.sqm.commons.error.Violations;
import org.sqm.scoring.domain.BatchItemEntity;
import org.sqm.scoring.domain.BatchKind;
import org.sqm.scoring.domain.InputBatchEntity;

/**
 * What differs between the kinds of batch; {@link BatchIntake} runs the parts in its one order (own
 * fields, a batch sent again, stored state, units, insert). One instance serves one call.
 *
 * @param <I> an item as the caller sends it
 * @param <E> an item as it is stored
 */
public abstract class BatchRules<I, E extends BatchItemEntity> {

    private final BatchKind kind;
    private final String field;
    private final String itemsField;
    private final String itemResource;
    private final Class<E> entityType;
    private final String keyConstraint;
    private final Function<I, String> unitId;

    /**
     * @param field         the request field holding the batch, e.g. {@code measurement_batch}: its name in errors too
     * @param itemsField    the batch's field holding the items, e.g. {@code items}
     * @param itemResource  what one item is called in errors, e.g. {@code measurement}
     * @param keyConstraint the unique index that keeps the current items' {@linkplain #key keys} apart;
     *                      null when items may repeat
     * @param unitId        the unit id an item names, as the caller wrote it
     */
    protected BatchRules(
            BatchKind kind,
            String field,
            String itemsField,
            String itemResource,
            Class<E> entityType,
            String keyConstraint,
            Function<I, String> unitId) {
        this.kind = kind;
        this.field = field;
        this.itemsField = itemsField;
        this.itemResource = itemResource;
        this.entityType = entityType;
        this.keyConstraint = keyConstraint;
        this.unitId = unitId;
    }

    public final BatchKind kind() {
        return kind;
    }

    public final String field() {
        return field;
    }

    public final String itemsField() {
        return itemsField;
    }

    public final String itemResource() {
        return itemResource;
    }

    public final Class<E> entityType() {
        return entityType;
    }

    public final String keyConstraint() {
        return keyConstraint;
    }

    public final String unitId(I item) {
        return unitId.apply(item);
    }

    /** Checks the batch's own fields beyond those every batch has. */
    protected void checkHeader(NewBatch<I> batch, Violations v) {}

    /**
     * Checks an item's own fields but its unit id (the intake checks that), {@code path} being e.g.
     * {@code measurement_batch.items[3]}; answers whether they are all valid.
     */
    protected abstract boolean checkItem(NewBatch<I> batch, I item, String path, LocalDate today, Violations v);

    /**
     * What an item may not share with another item of the batch, nor with a current item of another
     * batch (e.g. unit, indicator and period), the unit id in its canonical form; null when items may
     * repeat. Called on valid items only.
     */
    protected List<String> key(I item) {
        return null;
    }

    /** The same key of a stored item. */
    protected List<String> storedKey(E item) {
        return null;
    }

    /** The parts of an item that its batch's fingerprint covers: all of them. */
    protected abstract List<String> fingerprint(I item);

    /** Checks the items against stored state (e.g. known indicators); runs in a transaction of its own. */
    protected void checkStored(List<I> items, String itemsPath, Violations v) {}

    /** Checks an item against its unit as standards-service knows it (the intake checked that it exists). */
    protected void checkUnit(I item, Units.Unit unit, String path, Violations v) {}

    /** A new stored item of the batch, with the kind's own fields set; the store sets the shared ones. */
    protected abstract E toEntity(I item, InputBatchEntity batch);
}
