package org.sqm.scoring.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.sqm.scoring.domain.AccreditationRulesEntity;

/** Reads and writes accreditation rule versions. */
@ApplicationScoped
public class AccreditationRulesRepository implements PanacheRepositoryBase<AccreditationRulesEntity, UUID> {

    public Optional<AccreditationRulesEntity> findByRequestId(String requestId) {
        return find("requestId", requestId).firstResultOptional();
    }

    /** The code's version with the highest number, if the code has any. */
    public Optional<AccreditationRulesEntity> latest(String code) {
        return find("code", Sort.descending("versionNumber"), code).firstResultOptional();
    }

    /** A page ordered by code then version, after (afterCode, afterVersion); a null code selects all. */
    public List<AccreditationRulesEntity> page(String afterCode, int afterVersion, String code, int limit) {
        StringBuilder query = new StringBuilder("(code > :code or (code = :code and versionNumber > :version))");
        Parameters params = Parameters.with("code", afterCode).and("version", afterVersion);
        if (code != null) {
            query.append(" and code = :only");
            params.and("only", code);
        }
        return find(query.toString(), Sort.by("code").and("versionNumber"), params)
                .range(0, limit - 1)
                .list();
    }
}
