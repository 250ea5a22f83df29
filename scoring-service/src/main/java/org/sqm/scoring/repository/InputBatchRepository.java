package org.sqm.scoring.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.sqm.scoring.domain.InputBatchEntity;

/** Reads and writes batch headers; which batch superseded which is read off the corrections. */
@ApplicationScoped
public class InputBatchRepository implements PanacheRepositoryBase<InputBatchEntity, UUID> {

    public Optional<InputBatchEntity> findByBatchId(String batchId) {
        return find("batchId", batchId).firstResultOptional();
    }

    /** The batch, locked until the transaction ends: corrections of one batch queue behind each other. */
    public Optional<InputBatchEntity> lockByBatchId(String batchId) {
        return find("batchId", batchId).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    /** The batch id of the correction that superseded the batch, if any. */
    public Optional<String> supersededBy(String batchId) {
        return find("supersedesBatchId", batchId).firstResultOptional().map(b -> b.batchId);
    }

    /** For each of the batches that a correction superseded, that correction's batch id. */
    public Map<String, String> supersededBy(Collection<String> batchIds) {
        Map<String, String> by = new HashMap<>();
        if (!batchIds.isEmpty()) {
            list("supersedesBatchId in ?1", batchIds).forEach(c -> by.put(c.supersedesBatchId, c.batchId));
        }
        return by;
    }
}
