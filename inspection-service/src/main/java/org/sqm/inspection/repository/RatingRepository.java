package org.sqm.inspection.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.hibernate.jpa.HibernateHints;
import org.sqm.inspection.domain.RatingEntity;

/** Reads and writes ratings. */
@ApplicationScoped
public class RatingRepository implements PanacheRepositoryBase<RatingEntity, RatingEntity.Key> {

    /** The ratings of an inspection in the order of its standard's elements. */
    public List<RatingEntity> ofInspection(UUID inspectionId) {
        return list("inspectionId = ?1 order by position", inspectionId);
    }

    /**
     * The ratings of several inspections, in element order within each, read only: results and feeds
     * show them and never change them, so no change-tracking copy of their JSON columns is kept.
     */
    public List<RatingEntity> ofInspections(Collection<UUID> inspectionIds) {
        return inspectionIds.isEmpty()
                ? List.of()
                : find("inspectionId in ?1 order by inspectionId, position", inspectionIds)
                        .withHint(HibernateHints.HINT_READ_ONLY, true)
                        .list();
    }

    public long countOf(UUID inspectionId) {
        return count("inspectionId", inspectionId);
    }
}
