package org.sqm.inspection.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.sqm.inspection.domain.PinnedStandardEntity;
import org.sqm.inspection.domain.StandardSnapshot;

/** Reads and writes the local copies of pinned standard versions. */
@ApplicationScoped
public class PinnedStandardRepository implements PanacheRepositoryBase<PinnedStandardEntity, UUID> {

    /** The copy of a version an inspection pinned; every inspection's version was copied when it was pinned. */
    public StandardSnapshot snapshot(UUID id) {
        PinnedStandardEntity entity = findById(id);
        if (entity == null) {
            throw new IllegalStateException("pinned standard " + id + " is missing");
        }
        return entity.content;
    }
}
