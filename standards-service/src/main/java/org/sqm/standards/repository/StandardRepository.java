package org.sqm.standards.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.sqm.standards.domain.StandardEntity;
import org.sqm.standards.domain.StandardStatus;

/** Reads and writes standard versions. */
@ApplicationScoped
public class StandardRepository implements PanacheRepositoryBase<StandardEntity, UUID> {

    public Optional<StandardEntity> findByRequestId(String requestId) {
        return find("requestId", requestId).firstResultOptional();
    }

    public boolean existsByCode(String code) {
        return count("code", code) > 0;
    }

    public boolean hasDraft(String code) {
        return count("code = ?1 and status = ?2", code, StandardStatus.DRAFT) > 0;
    }

    public int latestVersion(String code) {
        Integer latest = getEntityManager()
                .createQuery("select max(s.versionNumber) from StandardEntity s where s.code = :code", Integer.class)
                .setParameter("code", code)
                .getSingleResult();
        return latest == null ? 0 : latest;
    }

    /** The published versions in force on {@code day}: effective_from <= day < effective_until. */
    /** The ids of the published versions in force on {@code day}, without loading their trees. */
    public List<java.util.UUID> publishedIdsInForce(java.time.LocalDate day) {
        return getEntityManager()
                .createQuery(
                        "select s.id from StandardEntity s where s.status = :status and s.effectiveFrom <= :day"
                                + " and (s.effectiveUntil is null or s.effectiveUntil > :day)",
                        java.util.UUID.class)
                .setParameter("status", StandardStatus.PUBLISHED)
                .setParameter("day", day)
                .getResultList();
    }

    /** A page ordered by code then version, after (afterCode, afterVersion). */
    public List<StandardEntity> page(
            String afterCode, int afterVersion, String code, StandardStatus status, int limit) {
        StringBuilder query = new StringBuilder("(code > :code or (code = :code and versionNumber > :version))");
        Parameters params = Parameters.with("code", afterCode).and("version", afterVersion);
        if (code != null) {
            query.append(" and code = :only");
            params.and("only", code);
        }
        if (status != null) {
            query.append(" and status = :status");
            params.and("status", status);
        }
        return find(query.toString(), Sort.by("code").and("versionNumber"), params)
                .range(0, limit - 1)
                .list();
    }
}
