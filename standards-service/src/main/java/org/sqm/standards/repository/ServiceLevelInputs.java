package org.sqm.standards.repository;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.sqm.standards.domain.UnitEntity;
import org.sqm.standards.domain.UnitState;
import org.sqm.standards.domain.UnitType;

/**
 * What resolving a service level reads, in one SQL statement: the unit's path (a recursive CTE), the
 * version of every calendar on it, and the published standard versions that may be in force. Plain
 * JDBC on the transaction's connection: the read is on every complaint intake, and Hibernate's query
 * handling cost more than the database's work.
 */
@ApplicationScoped
public class ServiceLevelInputs {

    /** The path's rows (depth 0 up), then the standards' (depth -1, in the id, from and until columns). */
    private static final String READ =
            """
            WITH RECURSIVE up(id, parent_id, depth) AS (
                SELECT id, parent_id, 0 FROM unit WHERE id = ?
                UNION ALL
                SELECT u.id, u.parent_id, up.depth + 1 FROM unit u JOIN up ON u.id = up.parent_id)
            SELECT up.depth, u.id, u.code, u.name, u.type, u.parent_id, u.create_time, u.state, u.update_time,
                   u.calendar_id, u.version, c.version AS calendar_version,
                   NULL::date AS effective_from, NULL::date AS effective_until
            FROM up JOIN unit u ON u.id = up.id LEFT JOIN calendar c ON c.id = u.calendar_id
            UNION ALL
            SELECT -1, s.id, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
                   s.effective_from, s.effective_until
            FROM standard s
            WHERE s.status = 'PUBLISHED' AND s.effective_from <= ? AND (s.effective_until IS NULL OR s.effective_until > ?)
            ORDER BY 1 DESC""";

    private final AgroalDataSource db;

    public ServiceLevelInputs(AgroalDataSource db) {
        this.db = db;
    }

    /** A published version with its days in force: effective_from <= day < effective_until. */
    public record StandardInForce(UUID id, LocalDate effectiveFrom, LocalDate effectiveUntil) {
        public boolean inForceOn(LocalDate day) {
            return !effectiveFrom.isAfter(day) && (effectiveUntil == null || effectiveUntil.isAfter(day));
        }
    }

    /**
     * The unit and its ancestors (the root first; empty when no unit has the id), the version of each
     * calendar they name, and the published versions in force on some day of {@code from..to}.
     */
    public record Inputs(List<UnitEntity> path, Map<UUID, Long> calendarVersions, List<StandardInForce> standards) {}

    /** Reads the inputs within the current transaction (on its connection). */
    public Inputs read(UUID unitId, LocalDate from, LocalDate to) {
        List<UnitEntity> path = new ArrayList<>();
        Map<UUID, Long> calendarVersions = new HashMap<>();
        List<StandardInForce> standards = new ArrayList<>();
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement(READ)) {
            ps.setObject(1, unitId);
            ps.setObject(2, to);
            ps.setObject(3, from);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (rs.getInt(1) < 0) {
                        standards.add(new StandardInForce(
                                rs.getObject(2, UUID.class),
                                rs.getObject(13, LocalDate.class),
                                rs.getObject(14, LocalDate.class)));
                        continue;
                    }
                    UnitEntity unit = new UnitEntity();
                    unit.id = rs.getObject(2, UUID.class);
                    unit.code = rs.getString(3);
                    unit.name = rs.getString(4);
                    unit.type = UnitType.valueOf(rs.getString(5));
                    unit.parentId = rs.getObject(6, UUID.class);
                    unit.createTime = rs.getObject(7, OffsetDateTime.class).toInstant();
                    unit.state = UnitState.valueOf(rs.getString(8));
                    unit.updateTime = rs.getObject(9, OffsetDateTime.class).toInstant();
                    unit.calendarId = rs.getObject(10, UUID.class);
                    unit.version = rs.getLong(11);
                    long calendarVersion = rs.getLong(12);
                    if (!rs.wasNull()) {
                        calendarVersions.put(unit.calendarId, calendarVersion);
                    }
                    path.add(unit);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read what resolving a service level needs", e);
        }
        return new Inputs(path, calendarVersions, standards);
    }
}
