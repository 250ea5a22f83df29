package org.sqm.inspection.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.sqm.inspection.domain.SupervisionReportEntity;

/** Reads and writes the status reports of supervision orders. */
@ApplicationScoped
public class SupervisionReportRepository
        implements PanacheRepositoryBase<SupervisionReportEntity, SupervisionReportEntity.Key> {

    /** The reports of an order, in order. */
    public List<SupervisionReportEntity> ofOrder(UUID orderId) {
        return list("orderId = ?1 order by number", orderId);
    }
}
