package org.sqm.inspection.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;
import org.sqm.inspection.domain.InspectionPlanEntity;

/** Reads and writes inspection plans. */
@ApplicationScoped
public class InspectionPlanRepository implements PanacheRepositoryBase<InspectionPlanEntity, UUID> {

    public Optional<InspectionPlanEntity> findByRequestId(String requestId) {
        return find("requestId", requestId).firstResultOptional();
    }
}
