package org.sqm.standards.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.sqm.standards.domain.UnitEntity;
import org.sqm.standards.domain.UnitState;
import org.sqm.standards.domain.UnitType;

/** Reads and writes units and walks their hierarchy. */
@ApplicationScoped
public class UnitRepository implements PanacheRepositoryBase<UnitEntity, UUID> {

    // Any number will do, as long as no other advisory lock of this database uses it.
    private static final long HIERARCHY_LOCK = 0x5347_4d55_4e49_54L;

    public Optional<UnitEntity> findByRequestId(String requestId) {
        return find("requestId", requestId).firstResultOptional();
    }

    public boolean existsByCode(String code) {
        return count("code", code) > 0;
    }

    /**
     * The first {@code limit} units ordered by code after {@code afterCode} ("" for the start), only
     * children of {@code parentId} when it is not null, only active ones unless {@code showInactive}, only
     * those in {@code visible} when it is present.
     */
    public List<UnitEntity> pageByCode(
            String afterCode, UUID parentId, boolean showInactive, Optional<Set<UUID>> visible, int limit) {
        if (visible.isPresent() && visible.get().isEmpty()) {
            return List.of();
        }
        StringBuilder query = new StringBuilder("code > :after");
        Parameters params = Parameters.with("after", afterCode);
        if (visible.isPresent()) {
            query.append(" and id in :visible");
            params.and("visible", visible.get());
        }
        if (parentId != null) {
            query.append(" and parentId = :parent");
            params.and("parent", parentId);
        }
        if (!showInactive) {
            query.append(" and state = :active");
            params.and("active", UnitState.ACTIVE);
        }
        return find(query.toString(), Sort.by("code"), params)
                .range(0, limit - 1)
                .list();
    }

    /** The units below {@code rootId} at any depth, ordered by code, after {@code afterCode}. */
    @SuppressWarnings("unchecked")
    public List<UnitEntity> descendants(UUID rootId, String afterCode, boolean showInactive, int limit) {
        return getEntityManager()
                .createNativeQuery(
                        """
                        WITH RECURSIVE below(id) AS (
                            SELECT id FROM unit WHERE parent_id = :root
                            UNION ALL
                            SELECT u.id FROM unit u JOIN below b ON u.parent_id = b.id)
                        SELECT u.* FROM unit u JOIN below b ON u.id = b.id
                        WHERE u.code > :after AND (:all OR u.state = 'ACTIVE')
                        ORDER BY u.code
                        LIMIT :limit""",
                        UnitEntity.class)
                .setParameter("root", rootId)
                .setParameter("after", afterCode)
                .setParameter("all", showInactive)
                .setParameter("limit", limit)
                .getResultList();
    }

    /** The ids of the unit and of every unit below it at any depth, inactive ones too. */
    @SuppressWarnings("unchecked")
    public Set<UUID> subtreeIds(UUID rootId) {
        List<UUID> ids = getEntityManager()
                .createNativeQuery(
                        """
                        WITH RECURSIVE sub(id) AS (
                            SELECT id FROM unit WHERE id = :root
                            UNION ALL
                            SELECT u.id FROM unit u JOIN sub s ON u.parent_id = s.id)
                        SELECT id FROM sub""",
                        UUID.class)
                .setParameter("root", rootId)
                .getResultList();
        return new HashSet<>(ids);
    }

    /** The unit and its ancestors, the root first. */
    @SuppressWarnings("unchecked")
    public List<UnitEntity> pathTo(UUID id) {
        return getEntityManager()
                .createNativeQuery(
                        """
                        WITH RECURSIVE up(id, parent_id, depth) AS (
                            SELECT id, parent_id, 0 FROM unit WHERE id = :id
                            UNION ALL
                            SELECT u.id, u.parent_id, up.depth + 1 FROM unit u JOIN up ON u.id = up.parent_id)
                        SELECT u.* FROM unit u JOIN up ON u.id = up.id
                        ORDER BY up.depth DESC""",
                        UnitEntity.class)
                .setParameter("id", id)
                .getResultList();
    }

    /** The types of the units right below {@code id}, active or not (an inactive one may come back). */
    public List<UnitType> childTypes(UUID id) {
        return getEntityManager()
                .createQuery("select distinct u.type from UnitEntity u where u.parentId = :id", UnitType.class)
                .setParameter("id", id)
                .getResultList();
    }

    public boolean hasActiveChildren(UUID id) {
        return count("parentId = ?1 and state = ?2", id, UnitState.ACTIVE) > 0;
    }

    /**
     * Serialises changes of the hierarchy within the current transaction, so that two concurrent
     * re-parentings cannot together make a cycle that each alone would not.
     */
    public void lockHierarchy() {
        getEntityManager()
                .createNativeQuery("SELECT pg_advisory_xact_lock(:key)")
                .setParameter("key", HIERARCHY_LOCK)
                .getSingleResult();
    }
}
