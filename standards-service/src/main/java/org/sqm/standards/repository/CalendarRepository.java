package org.sqm.standards.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.sqm.standards.domain.CalendarEntity;

/** Reads and writes business calendars. */
@ApplicationScoped
public class CalendarRepository implements PanacheRepositoryBase<CalendarEntity, UUID> {

    public Optional<CalendarEntity> findByRequestId(String requestId) {
        return find("requestId", requestId).firstResultOptional();
    }

    public boolean existsByCode(String code) {
        return count("code", code) > 0;
    }

    /** The first {@code limit} calendars by code after {@code afterCode} ("" for the start). */
    public List<CalendarEntity> pageByCode(String afterCode, int limit) {
        return find("code > ?1", Sort.by("code"), afterCode).range(0, limit - 1).list();
    }
}
