package org.sqm.complaint.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.FlushModeType;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hibernate.Session;
import org.hibernate.jpa.HibernateHints;
import org.sqm.commons.persistence.Jdbc;
import org.sqm.complaint.domain.ComplaintEventEntity;

/** Appends to and reads the history of complaints. */
@ApplicationScoped
public class ComplaintEventRepository implements PanacheRepository<ComplaintEventEntity> {

    public List<ComplaintEventEntity> history(UUID complaintId) {
        return list("complaintId", Sort.by("id"), complaintId);
    }

    private static final String INSERT = "INSERT INTO complaint_event (complaint_id, event_time, actor, action,"
            + " from_status, to_status, note) VALUES (?, ?, ?, ?, ?, ?, ?)";

    /**
     * Appends events in JDBC batches on the transaction's connection: Hibernate does not batch the
     * inserts of entities whose ids the database assigns. The events keep no id (none is shown).
     */
    public void insertAll(List<ComplaintEventEntity> news) {
        getEntityManager()
                .unwrap(Session.class)
                .doWork(connection -> Jdbc.batch(connection, INSERT, news, (s, e) -> {
                    int i = 0;
                    s.setObject(++i, e.complaintId);
                    Jdbc.setInstant(s, ++i, e.time);
                    s.setString(++i, e.actor);
                    s.setString(++i, e.action);
                    s.setString(++i, Jdbc.name(e.fromStatus));
                    s.setString(++i, Jdbc.name(e.toStatus));
                    s.setString(++i, e.note);
                }));
    }

    /**
     * The histories of many complaints, in one query. The complaints they belong to are loaded in the
     * same session and unchanged: the query does not dirty-check them first (a retried batch of 1 000
     * would otherwise check every complaint and its deadlines before reading their events).
     */
    public Map<UUID, List<ComplaintEventEntity>> histories(Collection<UUID> complaintIds) {
        return complaintIds.isEmpty()
                ? Map.of()
                : find("complaintId in ?1", Sort.by("id"), complaintIds)
                        .withHint(HibernateHints.HINT_FLUSH_MODE, FlushModeType.COMMIT)
                        .list()
                        .stream()
                        .collect(Collectors.groupingBy(e -> e.complaintId));
    }
}
