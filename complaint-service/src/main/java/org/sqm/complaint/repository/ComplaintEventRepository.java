package org.sqm.complaint.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.sqm.complaint.domain.ComplaintEventEntity;

/** Appends to and reads the history of complaints. */
@ApplicationScoped
public class ComplaintEventRepository implements PanacheRepository<ComplaintEventEntity> {

    public List<ComplaintEventEntity> history(UUID complaintId) {
        return list("complaintId", Sort.by("id"), complaintId);
    }
}
