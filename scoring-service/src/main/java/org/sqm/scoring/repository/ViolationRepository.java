package org.sqm.scoring.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Query;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.sqm.scoring.domain.ViolationEntity;
import org.sqm.scoring.domain.ViolationWithdrawalEntity;

/** Appends to the violations ledger and reads it; nothing here changes or deletes a row. */
@ApplicationScoped
public class ViolationRepository implements PanacheRepositoryBase<ViolationEntity, UUID> {

    public Optional<ViolationEntity> findByRequestId(String requestId) {
        return find("requestId", requestId).firstResultOptional();
    }

    /** The violation, locked until the transaction ends, so withdrawals of one violation queue. */
    public Optional<ViolationEntity> lock(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    public Optional<ViolationWithdrawalEntity> withdrawal(UUID violationId) {
        return Optional.ofNullable(getEntityManager().find(ViolationWithdrawalEntity.class, violationId));
    }

    /** The withdrawals of any of the violations, by violation id. */
    public Map<UUID, ViolationWithdrawalEntity> withdrawals(Collection<UUID> violationIds) {
        Map<UUID, ViolationWithdrawalEntity> byId = new HashMap<>();
        if (!violationIds.isEmpty()) {
            getEntityManager()
                    .createQuery(
                            "from ViolationWithdrawalEntity where violationId in :ids", ViolationWithdrawalEntity.class)
                    .setParameter("ids", violationIds)
                    .getResultList()
                    .forEach(w -> byId.put(w.violationId, w));
        }
        return byId;
    }

    public void add(ViolationWithdrawalEntity withdrawal) {
        getEntityManager().persist(withdrawal);
        getEntityManager().flush();
    }

    /**
     * Records the violation unless one with its source id exists (then nothing happens): the unique
     * source id, not a read before the write, decides between runs and replicas racing each other.
     *
     * @return whether this call recorded it
     */
    public boolean addUnlessRecorded(ViolationEntity v) {
        return getEntityManager()
                        .createNativeQuery("insert into violation (id, unit_id, rule_id, rule_code, points_millis,"
                                + " occurred_time, evidence, reported_by, source, source_id, record_time)"
                                + " values (:id, :unit, :rule, :code, :points, :occurred, :evidence, :by, :source,"
                                + " :sourceId, :recorded) on conflict (source_id) do nothing")
                        .setParameter("id", v.id)
                        .setParameter("unit", v.unitId)
                        .setParameter("rule", v.ruleId)
                        .setParameter("code", v.ruleCode)
                        .setParameter("points", v.pointsMillis)
                        .setParameter("occurred", v.occurredTime)
                        .setParameter("evidence", v.evidence)
                        .setParameter("by", v.reportedBy)
                        .setParameter("source", v.source.name())
                        .setParameter("sourceId", v.sourceId)
                        .setParameter("recorded", v.recordTime)
                        .executeUpdate()
                == 1;
    }

    /** Where a list resumes: after the violation with this time and id. */
    public record After(Instant occurredTime, UUID id) {}

    /**
     * The first {@code limit} violations by occurred time then id after {@code after} (null: from
     * the start), of the unit and in [start, end) when given, withdrawn ones only when asked.
     */
    public List<ViolationEntity> page(
            UUID unitId, Instant start, Instant end, boolean withdrawn, Set<UUID> visible, After after, int limit) {
        if (visible != null && visible.isEmpty()) {
            return List.of();
        }
        StringBuilder sql = new StringBuilder("select v.* from violation v where true");
        Map<String, Object> params = new HashMap<>();
        if (visible != null) {
            sql.append(" and v.unit_id in (:visible)");
            params.put("visible", visible);
        }
        if (unitId != null) {
            sql.append(" and v.unit_id = :unit");
            params.put("unit", unitId);
        }
        if (start != null) {
            sql.append(" and v.occurred_time >= :start");
            params.put("start", start);
        }
        if (end != null) {
            sql.append(" and v.occurred_time < :end");
            params.put("end", end);
        }
        if (!withdrawn) {
            sql.append(" and not exists (select 1 from violation_withdrawal w where w.violation_id = v.id)");
        }
        if (after != null) {
            sql.append(" and (v.occurred_time, v.id) > (:afterTime, :afterId)");
            params.put("afterTime", after.occurredTime());
            params.put("afterId", after.id());
        }
        sql.append(" order by v.occurred_time, v.id limit :limit");
        params.put("limit", limit);
        Query query = getEntityManager().createNativeQuery(sql.toString(), ViolationEntity.class);
        params.forEach(query::setParameter);
        @SuppressWarnings("unchecked") // a native query with an entity class answers entities
        List<ViolationEntity> rows = query.getResultList();
        return rows;
    }
}
