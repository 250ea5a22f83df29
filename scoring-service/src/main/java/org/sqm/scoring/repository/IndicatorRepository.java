package org.sqm.scoring.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.sqm.scoring.domain.IndicatorEntity;

/** Reads and writes indicators. */
@ApplicationScoped
public class IndicatorRepository implements PanacheRepositoryBase<IndicatorEntity, UUID> {

    public Optional<IndicatorEntity> findByRequestId(String requestId) {
        return find("requestId", requestId).firstResultOptional();
    }

    public Optional<IndicatorEntity> findByCode(String code) {
        return find("code", code).firstResultOptional();
    }

    /** The indicators with any of the codes. */
    public List<IndicatorEntity> findByCodes(Collection<String> codes) {
        return codes.isEmpty() ? List.of() : list("code in ?1", codes);
    }

    /** The first {@code limit} indicators by code after {@code afterCode} (null: from the start). */
    public List<IndicatorEntity> pageByCode(String afterCode, int limit) {
        var query = afterCode == null ? findAll(Sort.by("code")) : find("code > ?1", Sort.by("code"), afterCode);
        return query.range(0, limit - 1).list();
    }
}
