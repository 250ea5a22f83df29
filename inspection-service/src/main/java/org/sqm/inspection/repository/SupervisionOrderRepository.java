package org.sqm.inspection.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;
import org.sqm.inspection.domain.SupervisionOrderEntity;

/** Reads and writes supervision orders. */
@ApplicationScoped
public class SupervisionOrderRepository implements PanacheRepositoryBase<SupervisionOrderEntity, UUID> {

    public Optional<SupervisionOrderEntity> findByRequestId(String requestId) {
        return find("requestId", requestId).firstResultOptional();
    }
}
