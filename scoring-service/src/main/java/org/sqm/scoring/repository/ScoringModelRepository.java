package org.sqm.scoring.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.sqm.scoring.domain.ScoringModelEntity;
import org.sqm.scoring.domain.ScoringModelState;

/** Reads and writes scoring model versions. */
@ApplicationScoped
public class ScoringModelRepository implements PanacheRepositoryBase<ScoringModelEntity, UUID> {

    public Optional<ScoringModelEntity> findByRequestId(String requestId) {
        return find("requestId", requestId).firstResultOptional();
    }

    /** The code's version with the highest number, if the code has any. */
    public Optional<ScoringModelEntity> latest(String code) {
        return find("code", Sort.descending("versionNumber"), code).firstResultOptional();
    }

    public boolean hasDraft(String code) {
        return count("code = ?1 and state = ?2", code, ScoringModelState.DRAFT) > 0;
    }

    /** The version published for the unit type (short name), if any. */
    public Optional<ScoringModelEntity> published(String unitType) {
        return find("unitType = ?1 and state = ?2", unitType, ScoringModelState.PUBLISHED)
                .firstResultOptional();
    }

    /** Every published version, by unit type. */
    public List<ScoringModelEntity> allPublished() {
        return list("state", Sort.by("unitType"), ScoringModelState.PUBLISHED);
    }

    /** A page ordered by code then version, after (afterCode, afterVersion); null filters select all. */
    public List<ScoringModelEntity> page(
            String afterCode, int afterVersion, String code, String unitType, ScoringModelState state, int limit) {
        StringBuilder query = new StringBuilder("(code > :code or (code = :code and versionNumber > :version))");
        Parameters params = Parameters.with("code", afterCode).and("version", afterVersion);
        if (code != null) {
            query.append(" and code = :only");
            params.and("only", code);
        }
        if (unitType != null) {
            query.append(" and unitType = :unitType");
            params.and("unitType", unitType);
        }
        if (state != null) {
            query.append(" and state = :state");
            params.and("state", state);
        }
        return find(query.toString(), Sort.by("code").and("versionNumber"), params)
                .range(0, limit - 1)
                .list();
    }
}
