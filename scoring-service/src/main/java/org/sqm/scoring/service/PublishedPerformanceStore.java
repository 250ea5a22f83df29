package org.sqm.scoring.service;

import static org.sqm.scoring.service.RecomputeRuns.instant;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.sqm.commons.persistence.Jdbc;

/**
 * The publications of periods and their rows (tables performance_publication and
 * published_performance), and the reads a publication is made from: the period's current scorecards
 * with their units' names, and the names of indicators. Database work in the caller's transaction.
 */
@ApplicationScoped
@Transactional
public class PublishedPerformanceStore {

    /** A period's publication as stored. */
    public record Publication(String period, Instant publishTime, String actor, int unitCount, String fingerprint) {}

    /**
     * A published row as stored: the filter columns and the row's canonical JSON.
     *
     * @param parentUnitId null at the top
     */
    public record Row(String unitCode, UUID unitId, String unitType, UUID parentUnitId, String json) {}

    private final AgroalDataSource db;

    public PublishedPerformanceStore(AgroalDataSource db) {
        this.db = db;
    }

    /** The period's publication, if it is published. */
    public Optional<Publication> find(String period) {
        String sql = "select period, publish_time, actor, unit_count, fingerprint from performance_publication"
                + " where period = ?";
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, period);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Publication(
                        rs.getString(1), instant(rs, 2), rs.getString(3), rs.getInt(4), rs.getString(5)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Inserts the publication with its rows unless the period is published already (then answers false
     * and writes nothing; a racing publication waits here until the first commits).
     */
    public boolean insert(Publication p, List<Row> rows) {
        try (Connection c = db.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("insert into performance_publication"
                    + " (period, publish_time, actor, unit_count, fingerprint) values (?, ?, ?, ?, ?)"
                    + " on conflict (period) do nothing")) {
                ps.setString(1, p.period());
                Jdbc.setInstant(ps, 2, p.publishTime());
                ps.setString(3, p.actor());
                ps.setInt(4, p.unitCount());
                ps.setString(5, p.fingerprint());
                if (ps.executeUpdate() == 0) {
                    return false;
                }
            }
            Jdbc.batch(
                    c,
                    "insert into published_performance"
                            + " (period, unit_code, unit_id, unit_type, parent_unit_id, row_json) values (?, ?, ?, ?, ?, ?)",
                    rows,
                    (ps, r) -> {
                        ps.setString(1, p.period());
                        ps.setString(2, r.unitCode());
                        ps.setObject(3, r.unitId());
                        ps.setString(4, r.unitType());
                        ps.setObject(5, r.parentUnitId(), Types.OTHER);
                        ps.setString(6, r.json());
                    });
            return true;
        } catch (SQLException e) {
            throw new IllegalStateException("writing the publication of " + p.period() + " failed", e);
        }
    }

    /** A page of the period's rows after (unit code, unit id), by unit code; null filters for none. */
    public List<Row> rows(
            String period, String unitType, UUID parentUnitId, String afterCode, UUID afterId, int limit) {
        StringBuilder sql = new StringBuilder(
                "select unit_code, unit_id, unit_type, parent_unit_id, row_json from published_performance"
                        + " where period = ?");
        List<Object> args = new ArrayList<>(List.of(period));
        if (unitType != null) {
            sql.append(" and unit_type = ?");
            args.add(unitType);
        }
        if (parentUnitId != null) {
            sql.append(" and parent_unit_id = ?");
            args.add(parentUnitId);
        }
        if (afterCode != null) {
            sql.append(" and (unit_code, unit_id) > (?, ?)");
            args.add(afterCode);
            args.add(afterId);
        }
        sql.append(" order by unit_code, unit_id limit ?");
        args.add(limit);
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement(sql.toString())) {
            RecomputeRuns.bind(ps, args.toArray());
            List<Row> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(
                            rs.getString(1),
                            rs.getObject(2, UUID.class),
                            rs.getString(3),
                            rs.getObject(4, UUID.class),
                            rs.getString(5)));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The units with a current scorecard for the period, by scorecard id (the name from its explanation). */
    public Map<UUID, PerformanceRows.Unit> currentUnits(String period) {
        String sql = "select s.id, s.unit_id, s.unit_code, s.explanation::jsonb ->> 'unit_name', s.unit_type, s.level,"
                + " s.parent_unit_id from scorecard_current c"
                + " join scorecard s on s.run_id = c.run_id and s.period = c.period where c.period = ?";
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, period);
            Map<UUID, PerformanceRows.Unit> units = new HashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    UUID parent = rs.getObject(7, UUID.class);
                    units.put(
                            rs.getObject(1, UUID.class),
                            new PerformanceRows.Unit(
                                    rs.getString(2),
                                    rs.getString(3),
                                    rs.getString(4) == null ? "" : rs.getString(4),
                                    rs.getString(5),
                                    rs.getInt(6),
                                    parent == null ? "" : parent.toString()));
                }
            }
            return units;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The names of the indicators, by code. */
    public Map<String, String> indicatorNames(Collection<String> codes) {
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement("select code, name from indicator where code = any(?)")) {
            ps.setArray(1, c.createArrayOf("varchar", codes.toArray()));
            Map<String, String> names = new HashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    names.put(rs.getString(1), rs.getString(2));
                }
            }
            return names;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
