package org.sqm.scoring.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.sqm.scoring.domain.DeductionRuleEntity;

/** Reads and writes deduction rules. */
@ApplicationScoped
public class DeductionRuleRepository implements PanacheRepositoryBase<DeductionRuleEntity, UUID> {

    public Optional<DeductionRuleEntity> findByRequestId(String requestId) {
        return find("requestId", requestId).firstResultOptional();
    }

    public Optional<DeductionRuleEntity> findByCode(String code) {
        return find("code", code).firstResultOptional();
    }

    /** The rules with any of the codes. */
    public List<DeductionRuleEntity> findByCodes(Collection<String> codes) {
        return codes.isEmpty() ? List.of() : list("code in ?1", codes);
    }

    public boolean existsByCode(String code) {
        return count("code", code) > 0;
    }

    /** The first {@code limit} rules by code after {@code afterCode} (null: from the start). */
    public List<DeductionRuleEntity> pageByCode(String afterCode, int limit) {
        var query = afterCode == null ? findAll(Sort.by("code")) : find("code > ?1", Sort.by("code"), afterCode);
        return query.range(0, limit - 1).list();
    }
}
