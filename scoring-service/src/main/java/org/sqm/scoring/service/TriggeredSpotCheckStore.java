package org.sqm.scoring.service;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.sqm.commons.persistence.Jdbc;
import org.sqm.scoring.domain.TriggeredSpotCheck;
import org.sqm.scoring.domain.TriggeredSpotCheck.Figure;

/**
 * The fired triggers (table triggered_spot_check): every method is one short transaction of database
 * work. The unique key (unit, trigger code, month) makes a trigger fire at most once, however many
 * evaluations race.
 */
@ApplicationScoped
@Transactional
public class TriggeredSpotCheckStore {

    private static final String COLUMNS = "id, unit_id, period, model_id, trigger_code, reason, figure_names,"
            + " figure_periods, figure_values, standard_code, authority_level, window_days, status, inspection_id,"
            + " fire_time, request_time";

    private final AgroalDataSource db;

    public TriggeredSpotCheckStore(AgroalDataSource db) {
        this.db = db;
    }

    /** Inserts a fired trigger as PENDING unless the unit's trigger already fired for the month; answers whether it did. */
    public boolean insertIfAbsent(TriggeredSpotCheck t) {
        String sql = "insert into triggered_spot_check (id, unit_id, period, model_id, trigger_code, reason,"
                + " figure_names, figure_periods, figure_values, standard_code, authority_level, window_days,"
                + " status, fire_time) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', ?)"
                + " on conflict (unit_id, trigger_code, period) do nothing";
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, t.id());
            ps.setObject(2, t.unitId());
            ps.setString(3, t.period());
            ps.setObject(4, t.modelId());
            ps.setString(5, t.triggerCode());
            ps.setString(6, t.reason());
            ps.setArray(
                    7,
                    c.createArrayOf(
                            "varchar", t.figures().stream().map(Figure::name).toArray()));
            ps.setArray(
                    8,
                    c.createArrayOf(
                            "varchar", t.figures().stream().map(Figure::period).toArray()));
            ps.setArray(
                    9,
                    c.createArrayOf(
                            "float8", t.figures().stream().map(Figure::value).toArray()));
            ps.setString(10, t.standardCode());
            ps.setString(11, t.authorityLevel());
            ps.setInt(12, t.windowDays());
            Jdbc.setInstant(ps, 13, t.fireTime());
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The oldest fired triggers whose inspection is not requested yet. */
    public List<TriggeredSpotCheck> pending(int limit) {
        return query(
                "select " + COLUMNS + " from triggered_spot_check where status = 'PENDING'"
                        + " order by fire_time, id limit ?",
                limit);
    }

    /** Records the requested inspection of a PENDING trigger; answers false when it was no longer pending. */
    public boolean markRequested(UUID id, UUID inspectionId, Instant now) {
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement("update triggered_spot_check set status = 'REQUESTED',"
                        + " inspection_id = ?, request_time = ? where id = ? and status = 'PENDING'")) {
            ps.setObject(1, inspectionId);
            Jdbc.setInstant(ps, 2, now);
            ps.setObject(3, id);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Fired triggers newest month first, then by unit and trigger code, after the given key (period,
     * unit, trigger code) of the last row of the previous page.
     */
    public List<TriggeredSpotCheck> page(UUID unitId, String period, List<String> after, int limit) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from triggered_spot_check where true");
        List<Object> args = new ArrayList<>();
        if (unitId != null) {
            sql.append(" and unit_id = ?");
            args.add(unitId);
        }
        if (period != null) {
            sql.append(" and period = ?");
            args.add(period);
        }
        if (!after.isEmpty()) {
            sql.append(" and (period < ? or (period = ? and (unit_id, trigger_code) > (?, ?)))");
            args.add(after.get(0));
            args.add(after.get(0));
            args.add(UUID.fromString(after.get(1)));
            args.add(after.get(2));
        }
        sql.append(" order by period desc, unit_id, trigger_code limit ?");
        args.add(limit);
        return query(sql.toString(), args.toArray());
    }

    private List<TriggeredSpotCheck> query(String sql, Object... args) {
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            RecomputeRuns.bind(ps, args);
            List<TriggeredSpotCheck> found = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(row(rs));
                }
            }
            return found;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static TriggeredSpotCheck row(ResultSet rs) throws SQLException {
        String[] names = (String[]) rs.getArray(7).getArray();
        String[] periods = (String[]) rs.getArray(8).getArray();
        Double[] values = (Double[]) rs.getArray(9).getArray();
        List<Figure> figures = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            figures.add(new Figure(names[i], periods[i], values[i]));
        }
        return new TriggeredSpotCheck(
                rs.getObject(1, UUID.class),
                rs.getObject(2, UUID.class),
                rs.getString(3),
                rs.getObject(4, UUID.class),
                rs.getString(5),
                rs.getString(6),
                figures,
                rs.getString(10),
                rs.getString(11),
                rs.getInt(12),
                rs.getString(13),
                rs.getObject(14, UUID.class),
                RecomputeRuns.instant(rs, 15),
                RecomputeRuns.instant(rs, 16));
    }
}
