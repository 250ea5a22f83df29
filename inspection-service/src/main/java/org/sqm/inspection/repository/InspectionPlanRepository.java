package org.sqm.inspection.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.sqm.inspection.domain.InspectionPlanEntity;

/** Reads and writes inspection plans. */
@ApplicationScoped
public class InspectionPlanRepository implements PanacheRepositoryBase<InspectionPlanEntity, UUID> {

    public Optional<InspectionPlanEntity> findByRequestId(String requestId) {
        return find("requestId", requestId).firstResultOptional();
    }

    /**
     * The ids of the plans that concern any of the units: naming one as a target, targeting the units
     * below one, or having an inspection of one.
     */
    @SuppressWarnings("unchecked")
    public List<UUID> concerning(Collection<UUID> units) {
        if (units.isEmpty()) {
            return List.of();
        }
        // Unit ids are UUIDs, so the comma-joined list cannot smuggle anything into the array.
        String csv = units.stream().map(UUID::toString).collect(Collectors.joining(","));
        return getEntityManager()
                .createNativeQuery(
                        "select p.id from inspection_plan p, string_to_array(:units, ',') u"
                                + " where p.target_parent_id::text = any(u) or jsonb_exists_any(p.target_unit_ids, u)"
                                + " or exists (select 1 from inspection i where i.plan_id = p.id"
                                + " and i.unit_id::text = any(u))",
                        UUID.class)
                .setParameter("units", csv)
                .getResultList();
    }
}
