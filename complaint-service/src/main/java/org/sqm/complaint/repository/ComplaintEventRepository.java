package org.sqm.complaint.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.sqm.complaint.domain.ComplaintEventEntity;

/** Appends to and reads the history of complaints. */
@ApplicationScoped
public class ComplaintEventRepository implements PanacheRepository<ComplaintEventEntity> {

    public List<ComplaintEventEntity> history(UUID complaintId) {
        return list("complaintId", Sort.by("id"), complaintId);
    }

    /** The histories of many complaints, in one query. */
    public Map<UUID, List<ComplaintEventEntity>> histories(Collection<UUID> complaintIds) {
        return complaintIds.isEmpty()
                ? Map.of()
                : list("complaintId in ?1", Sort.by("id"), complaintIds).stream()
                        .collect(Collectors.groupingBy(e -> e.complaintId));
    }
}
