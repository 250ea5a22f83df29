package org.sqm.standards.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.sqm.standards.domain.BusinessCalendar;
import org.sqm.standards.domain.CalendarEntity;

/** Reads and writes business calendars. */
@ApplicationScoped
public class CalendarRepository implements PanacheRepositoryBase<CalendarEntity, UUID> {

    /** A calendar as deadline arithmetic needs it, as of one version. */
    public record Rules(UUID id, String code, String timeZone, long version, BusinessCalendar arithmetic) {}

    /**
     * Rules by calendar id. Every change of a calendar (its hours and holidays included) bumps its
     * version, so an entry is good while the stored version is the same: a hot path reads one
     * version number instead of the calendar joined with its hours and holidays.
     */
    private final Map<UUID, Rules> rules = new ConcurrentHashMap<>();

    /** The calendar's rules, current as of this transaction; empty when no calendar has the id. */
    public Optional<Rules> rules(UUID id) {
        Optional<Long> version = getEntityManager()
                .createQuery("select c.version from CalendarEntity c where c.id = :id", Long.class)
                .setParameter("id", id)
                .getResultStream()
                .findFirst();
        if (version.isEmpty()) {
            return Optional.empty();
        }
        return rules(id, version.get());
    }

    /**
     * The calendar's rules when the caller has read its stored version in this transaction: the cached
     * ones if they are of that version, else the calendar read and cached; empty when it is gone.
     */
    public Optional<Rules> rules(UUID id, long version) {
        Rules cached = rules.get(id);
        if (cached != null && cached.version() == version) {
            return Optional.of(cached);
        }
        return findByIdOptional(id).map(c -> {
            Rules fresh = new Rules(c.id, c.code, c.timeZone, c.version, c.toBusinessCalendar());
            rules.merge(id, fresh, (old, neu) -> neu.version() >= old.version() ? neu : old);
            return fresh;
        });
    }

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
