package org.sqm.inspection.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.sqm.inspection.domain.InspectorEntity;

/** Reads and writes inspectors. */
@ApplicationScoped
public class InspectorRepository implements PanacheRepositoryBase<InspectorEntity, UUID> {

    public Optional<InspectorEntity> findByRequestId(String requestId) {
        return find("requestId", requestId).firstResultOptional();
    }

    /** The inspector whose bearer tokens carry this subject. */
    public Optional<InspectorEntity> findBySubject(String subject) {
        return find("subject", subject).firstResultOptional();
    }

    public boolean existsByCertificateNumber(String certificateNumber) {
        return count("certificateNumber", certificateNumber) > 0;
    }

    /** The first {@code limit} inspectors by certificate number after {@code after} (null: from the start). */
    public List<InspectorEntity> pageByCertificateNumber(String after, int limit) {
        var query = after == null
                ? findAll(Sort.by("certificateNumber"))
                : find("certificateNumber > ?1", Sort.by("certificateNumber"), after);
        return query.range(0, limit - 1).list();
    }
}
