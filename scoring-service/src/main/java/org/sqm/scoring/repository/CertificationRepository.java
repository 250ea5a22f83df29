package org.sqm.scoring.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.sqm.scoring.domain.CertificationEntity;
import org.sqm.scoring.domain.CertificationStatus;

/** Reads and writes certifications. */
@ApplicationScoped
public class CertificationRepository implements PanacheRepositoryBase<CertificationEntity, UUID> {

    private static final List<CertificationStatus> LIVE =
            List.of(CertificationStatus.ACTIVE, CertificationStatus.SUSPENDED);

    /** The unit's live (active or suspended) certification under the rules code, if any. */
    public Optional<CertificationEntity> live(UUID unitId, String rulesCode) {
        return find("unitId = ?1 and rulesCode = ?2 and status in ?3", unitId, rulesCode, LIVE)
                .firstResultOptional();
    }

    /** Every live certification, by id. */
    public List<CertificationEntity> allLive() {
        return list("status in ?1", Sort.by("id"), LIVE);
    }

    /** A page ordered by unit, rules code and id, after the given key (null for the first page). */
    public List<CertificationEntity> page(
            List<String> after, UUID unitId, CertificationStatus status, Set<UUID> visible, int limit) {
        if (visible != null && visible.isEmpty()) {
            return List.of();
        }
        StringBuilder query = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (!after.isEmpty()) {
            query.append(" and (unitId > :unit or (unitId = :unit and (rulesCode > :code"
                    + " or (rulesCode = :code and id > :id))))");
            params.and("unit", UUID.fromString(after.get(0)))
                    .and("code", after.get(1))
                    .and("id", UUID.fromString(after.get(2)));
        }
        if (unitId != null) {
            query.append(" and unitId = :only");
            params.and("only", unitId);
        }
        if (visible != null) {
            query.append(" and unitId in :visible");
            params.and("visible", visible);
        }
        if (status != null) {
            query.append(" and status = :status");
            params.and("status", status);
        }
        return find(query.toString(), Sort.by("unitId").and("rulesCode").and("id"), params)
                .range(0, limit - 1)
                .list();
    }
}
