package org.sqm.scoring.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.sqm.scoring.domain.BatchItemEntity;

/**
 * Reads and writes the items of every kind of batch (measurements, customer counts, survey
 * responses), which share their batch, place, unit and current flag.
 */
@ApplicationScoped
public class BatchItemRepository {

    private final EntityManager em;

    public BatchItemRepository(EntityManager em) {
        this.em = em;
    }

    /** The items of a batch in their order. */
    public <E extends BatchItemEntity> List<E> ofBatch(Class<E> type, UUID batchPk) {
        return em.createQuery("from " + type.getSimpleName() + " where batchPk = :batch order by itemIndex", type)
                .setParameter("batch", batchPk)
                .getResultList();
    }

    /** Makes a superseded batch's items no longer current; they stay. */
    public int retire(Class<? extends BatchItemEntity> type, UUID batchPk) {
        return em.createQuery("update " + type.getSimpleName() + " set current = false where batchPk = :batch")
                .setParameter("batch", batchPk)
                .executeUpdate();
    }

    /** Stores new items; they reach the database together at the flush. */
    public void persist(List<? extends BatchItemEntity> items) {
        items.forEach(em::persist);
        em.flush();
    }

    /** The current items of {@code type} for any of the units, for a check against a new batch. */
    public <E extends BatchItemEntity> List<E> currentOfUnits(Class<E> type, List<UUID> units) {
        return units.isEmpty()
                ? List.of()
                : em.createQuery("from " + type.getSimpleName() + " where current and unitId in :units", type)
                        .setParameter("units", units)
                        .getResultList();
    }

    /** Where a list of items resumes: after the item with this record time, batch and index. */
    public record After(Instant recordTime, UUID batchPk, int itemIndex) {}

    /**
     * The first {@code limit} items of a table in the order recorded (record time, batch, index)
     * after {@code after} (null: from the start), of current batches only unless {@code superseded}.
     *
     * @param filters SQL conditions on the table's columns (alias {@code i}) with their parameters
     */
    public <E extends BatchItemEntity> List<E> page(
            Class<E> type, String table, Map<String, Object> filters, boolean superseded, After after, int limit) {
        StringBuilder sql = new StringBuilder("select i.* from " + table + " i where true");
        Map<String, Object> params = new LinkedHashMap<>();
        int n = 0;
        for (Map.Entry<String, Object> filter : filters.entrySet()) {
            if (filter.getValue() != null) {
                String name = "p" + n++;
                sql.append(" and ").append(filter.getKey().replace("?", ":" + name));
                params.put(name, filter.getValue());
            }
        }
        if (!superseded) {
            sql.append(" and i.current");
        }
        if (after != null) {
            sql.append(" and (i.record_time, i.batch_pk, i.item_index) > (:t, :b, :x)");
            params.put("t", after.recordTime());
            params.put("b", after.batchPk());
            params.put("x", after.itemIndex());
        }
        sql.append(" order by i.record_time, i.batch_pk, i.item_index limit :limit");
        params.put("limit", limit);
        Query query = em.createNativeQuery(sql.toString(), type);
        params.forEach(query::setParameter);
        @SuppressWarnings("unchecked") // a native query with an entity class answers entities
        List<E> rows = query.getResultList();
        return rows;
    }
}
