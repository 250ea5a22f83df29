package org.sqm.complaint.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.sqm.complaint.domain.ComplaintEntity;

/** Reads and writes complaints. */
@ApplicationScoped
public class ComplaintRepository implements PanacheRepositoryBase<ComplaintEntity, UUID> {

    private static final Sort NEWEST_FIRST = Sort.descending("receiveTime", "id");

    public Optional<ComplaintEntity> findByRequestId(String requestId) {
        return find("requestId", requestId).firstResultOptional();
    }

    /** The next number for a human-readable reference; a sequence, so concurrent intakes never share one. */
    public long nextReferenceNumber() {
        return ((Number) getEntityManager()
                        .createNativeQuery("SELECT nextval('complaint_reference_seq')")
                        .getSingleResult())
                .longValue();
    }

    /** The first {@code limit} complaints, newest receipt first, after the given one (null: from the start). */
    public List<ComplaintEntity> pageNewestFirst(Instant afterReceiveTime, UUID afterId, int limit) {
        var query = afterReceiveTime == null
                ? findAll(NEWEST_FIRST)
                : find("receiveTime < ?1 or (receiveTime = ?1 and id < ?2)", NEWEST_FIRST, afterReceiveTime, afterId);
        return query.range(0, limit - 1).list();
    }
}
