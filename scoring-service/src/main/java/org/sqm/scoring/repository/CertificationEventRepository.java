package org.sqm.scoring.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.sqm.scoring.domain.CertificationEventEntity;

/** Reads and appends the changes of certifications. */
@ApplicationScoped
public class CertificationEventRepository
        implements PanacheRepositoryBase<CertificationEventEntity, CertificationEventEntity.Key> {

    /** Every change of a certification, oldest first. */
    public List<CertificationEventEntity> history(UUID certificationId) {
        return list("key.certificationId", Sort.by("key.seq"), certificationId);
    }

    /** The change a decision made, if it made one. */
    public Optional<CertificationEventEntity> byDecision(UUID decisionId) {
        return find("decisionId", decisionId).firstResultOptional();
    }

    /** The number the certification's next change gets. */
    public int nextSeq(UUID certificationId) {
        Integer last = getEntityManager()
                .createQuery(
                        "select max(e.key.seq) from CertificationEventEntity e where e.key.certificationId = ?1",
                        Integer.class)
                .setParameter(1, certificationId)
                .getSingleResult();
        return last == null ? 1 : last + 1;
    }
}
