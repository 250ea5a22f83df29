package org.sqm.inspection.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.sqm.inspection.domain.MoveEntity;

/** Appends and reads the history of moves. */
@ApplicationScoped
public class MoveRepository implements PanacheRepositoryBase<MoveEntity, Long> {

    /** The moves of an inspection or order, oldest first. */
    public List<MoveEntity> history(UUID subjectId) {
        return list("subjectId = ?1 order by id", subjectId);
    }
}
