package org.sqm.inspection.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.Optional;
import java.util.UUID;
import org.sqm.inspection.domain.InspectionEntity;

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
}
