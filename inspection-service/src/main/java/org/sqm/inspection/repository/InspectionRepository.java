package org.sqm.inspection.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.sqm.inspection.domain.InspectionEntity;
import org.sqm.inspection.domain.InspectionPlanEntity;
import org.sqm.inspection.domain.InspectionStatus;

/** Reads and writes inspections. */
@ApplicationScoped
public class InspectionRepository implements PanacheRepositoryBase<InspectionEntity, UUID> {

    public Optional<InspectionEntity> findByRequestId(String requestId) {
        return find("requestId", requestId).firstResultOptional();
    }

    /** The inspection, locked for the rest of the transaction so changes to it are made one at a time. */
    public Optional<InspectionEntity> findForUpdate(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** The units a plan's occurrence starting at {@code windowStart} already inspects. */
    public Set<UUID> unitsOfOccurrence(UUID planId, Instant windowStart) {
        return new HashSet<>(getEntityManager()
                .createQuery("select unitId from InspectionEntity where planId = ?1 and windowStart = ?2", UUID.class)
                .setParameter(1, planId)
                .setParameter(2, windowStart)
                .getResultList());
    }

    /**
     * Inserts a plan's scheduled inspection of one unit and period unless it exists (plan, unit and
     * window start are unique, so racing calls never double it); returns 1 when inserted, else 0.
     */
    public int insertOccurrence(
            InspectionPlanEntity plan, UUID unitId, UUID standardId, Instant start, Instant end, Instant now) {
        return getEntityManager()
                .createNativeQuery("INSERT INTO inspection (id, unit_id, kind, authority_level, plan_id,"
                        + " standard_id, window_start, window_end, status, missed, create_time,"
                        + " update_time, version) VALUES (:id, :unit, :kind, :authority, :plan,"
                        + " :standard, :start, :end, :status, false, :now, :now, 0)"
                        + " ON CONFLICT (plan_id, unit_id, window_start) DO NOTHING")
                .setParameter("id", UUID.randomUUID())
                .setParameter("unit", unitId)
                .setParameter("kind", plan.kind.name())
                .setParameter("authority", plan.authorityLevel.name())
                .setParameter("plan", plan.id)
                .setParameter("standard", standardId)
                .setParameter("start", start)
                .setParameter("end", end)
                .setParameter("status", InspectionStatus.SCHEDULED.name())
                .setParameter("now", now)
                .executeUpdate();
    }
}
