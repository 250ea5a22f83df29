package org.sqm.inspection.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.sqm.inspection.domain.InspectionPlanEntity;

/** Reads and writes inspection plans. */
@ApplicationScoped
public class InspectionPlanRepository implements PanacheRepositoryBase<InspectionPlanEntity, UUID> {

    public Optional<InspectionPlanEntity> findByRequestId(String requestId) {
        return find("requestId", requestId).firstResultOptional();
    }

    /** The first {@code limit} plans, newest first, after the key (null: from the start). */
    public List<InspectionPlanEntity> pageNewestFirst(Instant afterTime, UUID afterId, int limit) {
        Sort sort = Sort.descending("createTime", "id");
        var query = afterTime == null
                ? findAll(sort)
                : find("createTime < ?1 or (createTime = ?1 and id < ?2)", sort, afterTime, afterId);
        return query.range(0, limit - 1).list();
    }
}
