package org.sqm.scoring.service;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.sqm.commons.persistence.Jdbc;
import org.sqm.scoring.domain.Period;

/**
 * The figures stored with each scorecard (table scorecard_figures): written by the recompute in the
 * transaction that writes their scorecards, read through the period's current run. Every method is
 * database work in the caller's transaction or one of its own.
 */
@ApplicationScoped
@Transactional
public class ScorecardFiguresStore implements UnitFigures.Source {

    private static final String COLUMNS = "f.scorecard_id, s.unit_id, s.unit_type, s.level, s.model_id,"
            + " f.satisfaction_index, f.responses, f.timeliness, f.resolved_on_time, f.resolved, f.complaint_rate,"
            + " f.complaints, f.customers_served, f.indicator_codes, f.indicator_values, f.indicator_samples";

    private final AgroalDataSource db;

    public ScorecardFiguresStore(AgroalDataSource db) {
        this.db = db;
    }

    /** Inserts the figures of scorecards written in the same transaction, in one batch. */
    public void insert(Collection<UnitFigures> figures) {
        if (figures.isEmpty()) {
            return;
        }
        String sql = "insert into scorecard_figures (scorecard_id, satisfaction_index, responses, timeliness,"
                + " resolved_on_time, resolved, complaint_rate, complaints, customers_served, indicator_codes,"
                + " indicator_values, indicator_samples) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        try (Connection c = db.getConnection()) {
            Jdbc.batch(c, sql, figures, (ps, f) -> {
                ps.setObject(1, f.scorecardId());
                setDouble(ps, 2, f.satisfactionIndex());
                ps.setLong(3, f.responses());
                setDouble(ps, 4, f.timeliness());
                ps.setLong(5, f.resolvedOnTime());
                ps.setLong(6, f.resolved());
                setDouble(ps, 7, f.complaintRate());
                ps.setLong(8, f.complaints());
                ps.setLong(9, f.customersServed());
                List<UnitFigures.Indicator> indicators = f.indicators();
                ps.setArray(
                        10,
                        c.createArrayOf(
                                "varchar",
                                indicators.stream()
                                        .map(UnitFigures.Indicator::code)
                                        .toArray()));
                ps.setArray(
                        11,
                        c.createArrayOf(
                                "float8",
                                indicators.stream()
                                        .map(UnitFigures.Indicator::value)
                                        .toArray()));
                ps.setArray(
                        12,
                        c.createArrayOf(
                                "int8",
                                indicators.stream()
                                        .map(UnitFigures.Indicator::sample)
                                        .toArray()));
            });
        } catch (SQLException e) {
            throw new IllegalStateException("writing scorecard figures failed", e);
        }
    }

    /** The figures of every unit with a current scorecard for the period, by unit id. */
    @Override
    public Map<UUID, UnitFigures> current(Period period) {
        Map<UUID, UnitFigures> byUnit = new HashMap<>();
        for (UnitFigures f : select(
                " join scorecard_current c on s.run_id = c.run_id and s.period = c.period where c.period = ?",
                period.text())) {
            byUnit.put(f.unitId(), f);
        }
        return byUnit;
    }

    /** The figures of these scorecards, by scorecard id; a scorecard written before figures existed has none. */
    public Map<UUID, UnitFigures> of(Collection<UUID> scorecardIds) {
        Map<UUID, UnitFigures> byCard = new HashMap<>();
        for (UnitFigures f : select(" where s.id = any(?)", scorecardIds.toArray(UUID[]::new))) {
            byCard.put(f.scorecardId(), f);
        }
        return byCard;
    }

    private List<UnitFigures> select(String where, Object arg) {
        String sql =
                "select " + COLUMNS + " from scorecard s join scorecard_figures f on f.scorecard_id = s.id" + where;
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            if (arg instanceof UUID[] ids) {
                ps.setArray(1, c.createArrayOf("uuid", ids));
            } else {
                ps.setObject(1, arg);
            }
            List<UnitFigures> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new UnitFigures(
                            rs.getObject(2, UUID.class),
                            rs.getString(3),
                            rs.getInt(4),
                            rs.getObject(1, UUID.class),
                            UUID.fromString(rs.getString(5)),
                            getDouble(rs, 6),
                            rs.getLong(7),
                            getDouble(rs, 8),
                            rs.getLong(9),
                            rs.getLong(10),
                            getDouble(rs, 11),
                            rs.getLong(12),
                            rs.getLong(13),
                            indicators(rs.getArray(14), rs.getArray(15), rs.getArray(16))));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<UnitFigures.Indicator> indicators(Array codes, Array values, Array samples)
            throws SQLException {
        Object[] c = (Object[]) codes.getArray();
        Object[] v = (Object[]) values.getArray();
        Object[] s = (Object[]) samples.getArray();
        List<UnitFigures.Indicator> indicators = new ArrayList<>(c.length);
        for (int i = 0; i < c.length; i++) {
            indicators.add(new UnitFigures.Indicator(
                    (String) c[i], v[i] == null ? null : ((Number) v[i]).doubleValue(), ((Number) s[i]).longValue()));
        }
        return List.copyOf(indicators);
    }

    private static void setDouble(PreparedStatement ps, int index, Double value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.DOUBLE);
        } else {
            ps.setDouble(index, value);
        }
    }

    private static Double getDouble(ResultSet rs, int column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : v;
    }
}
