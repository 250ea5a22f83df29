package org.sqm.scoring.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.sqm.scoring.domain.AccreditationDecisionEntity;

/** Reads and writes accreditation decisions. */
@ApplicationScoped
public class AccreditationDecisionRepository implements PanacheRepositoryBase<AccreditationDecisionEntity, UUID> {

    /** The decision on this assessment of the unit under this rules version, if made. */
    public Optional<AccreditationDecisionEntity> find(UUID unitId, UUID rulesId, UUID inspectionId) {
        return find("unitId = ?1 and rulesId = ?2 and inspectionId = ?3", unitId, rulesId, inspectionId)
                .firstResultOptional();
    }

    /**
     * A page, newest first, after (afterTime, afterId) when afterTime is set; null filters select all.
     */
    public List<AccreditationDecisionEntity> page(
            Instant afterTime, UUID afterId, UUID unitId, String rulesCode, Set<UUID> visible, int limit) {
        if (visible != null && visible.isEmpty()) {
            return List.of();
        }
        StringBuilder query = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (afterTime != null) {
            query.append(" and (decideTime < :time or (decideTime = :time and id < :id))");
            params.and("time", afterTime).and("id", afterId);
        }
        if (unitId != null) {
            query.append(" and unitId = :unit");
            params.and("unit", unitId);
        }
        if (visible != null) {
            query.append(" and unitId in :visible");
            params.and("visible", visible);
        }
        if (rulesCode != null) {
            query.append(" and rulesCode = :code");
            params.and("code", rulesCode);
        }
        return find(query.toString(), Sort.descending("decideTime").and("id", Sort.Direction.Descending), params)
                .range(0, limit - 1)
                .list();
    }
}
