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
import java.util.Set;
import java.util.UUID;
import org.sqm.commons.convert.ProtoEnums;
import org.sqm.commons.persistence.Jdbc;
import org.sqm.proto.scoring.v1.Scorecard;

/**
 * The scorecards of the runs: written in batches (one multi-row insert per batch), read only through
 * a period's current run. Every method is one short transaction of database work.
 */
@ApplicationScoped
@Transactional
public class ScorecardStore {

    /** A scorecard as stored: the computed card (without id, run and compute time) and those three. */
    public record Stored(UUID id, UUID runId, Scorecard card, Instant computeTime) {}

    /** One point of a trend: a period's current scorecard, without its explanation. */
    public record TrendRow(
            String period, UUID id, String status, Double score, String grade, String modelId, int modelVersion) {}

    /** The filters of a list; null for unset. */
    public record Filter(String unitType, Integer level, UUID parentUnitId, Set<UUID> visible) {}

    private final AgroalDataSource db;
    private final ScorecardFiguresStore figures;

    public ScorecardStore(AgroalDataSource db, ScorecardFiguresStore figures) {
        this.db = db;
        this.figures = figures;
    }

    /**
     * Inserts the scorecards of a run in one batch, and their figures in the same transaction (so the
     * figures of a run are there exactly when its scorecards are).
     */
    public void insert(List<Stored> cards, Collection<UnitFigures> cardFigures) {
        String sql = "insert into scorecard (id, run_id, unit_id, unit_code, unit_type, parent_unit_id, level, period,"
                + " status, score, grade, model_id, model_version, explanation, fingerprint, compute_time)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        try (Connection c = db.getConnection()) {
            Jdbc.batch(c, sql, cards, (ps, s) -> {
                Scorecard card = s.card();
                ps.setObject(1, s.id());
                ps.setObject(2, s.runId());
                ps.setObject(3, UUID.fromString(card.getUnitId()));
                ps.setString(4, card.getUnitCode());
                ps.setString(5, ProtoEnums.shortName(card.getUnitType()));
                ps.setObject(
                        6,
                        card.getParentUnitId().isEmpty() ? null : UUID.fromString(card.getParentUnitId()),
                        Types.OTHER);
                ps.setInt(7, card.getLevel());
                ps.setString(8, card.getPeriod());
                ps.setString(9, ProtoEnums.shortName(card.getStatus()));
                if (card.hasScore()) {
                    ps.setDouble(10, card.getScore());
                } else {
                    ps.setNull(10, Types.DOUBLE);
                }
                ps.setString(11, card.getGrade().isEmpty() ? null : card.getGrade());
                ps.setString(12, card.getModelId());
                ps.setInt(13, card.getModelVersion());
                ps.setString(14, card.getExplanation());
                ps.setString(15, card.getInputsFingerprint());
                Jdbc.setInstant(ps, 16, s.computeTime());
            });
        } catch (SQLException e) {
            throw new IllegalStateException("writing scorecards failed", e);
        }
        figures.insert(cardFigures);
    }

    /** The run whose scorecards are current for the period, if any. */
    public Optional<UUID> currentRun(String period) {
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement("select run_id from scorecard_current where period = ?")) {
            ps.setString(1, period);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getObject(1, UUID.class)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The unit's current scorecard of the period. */
    public Optional<Stored> current(UUID unitId, String period) {
        return select(
                        " where s.period = ? and s.unit_id = ?"
                                + " and s.run_id = (select c.run_id from scorecard_current c where c.period = ?)",
                        period,
                        unitId,
                        period)
                .stream()
                .findFirst();
    }

    /** A page of the period's current scorecards after the unit code, by unit code. */
    public List<Stored> list(String period, Filter filter, String afterCode, int limit) {
        StringBuilder where = new StringBuilder(
                " where s.run_id = (select c.run_id from scorecard_current c where c.period = ?) and s.period = ?");
        List<Object> args = new ArrayList<>(List.of(period, period));
        if (filter.unitType() != null) {
            where.append(" and s.unit_type = ?");
            args.add(filter.unitType());
        }
        if (filter.level() != null) {
            where.append(" and s.level = ?");
            args.add(filter.level());
        }
        if (filter.parentUnitId() != null) {
            where.append(" and s.parent_unit_id = ?");
            args.add(filter.parentUnitId());
        }
        if (filter.visible() != null) {
            where.append(" and s.unit_id = any(?)");
            args.add(filter.visible().toArray(new UUID[0]));
        }
        if (afterCode != null) {
            where.append(" and s.unit_code > ?");
            args.add(afterCode);
        }
        where.append(" order by s.unit_code limit ?");
        args.add(limit);
        return select(where.toString(), args.toArray());
    }

    /** The unit's current scorecards of the periods. */
    public List<TrendRow> trend(UUID unitId, List<String> periods) {
        String sql = "select s.period, s.id, s.status, s.score, s.grade, s.model_id, s.model_version"
                + " from scorecard_current c join scorecard s on s.run_id = c.run_id and s.period = c.period"
                + " where c.period = any(?) and s.unit_id = ?";
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setArray(1, c.createArrayOf("varchar", periods.toArray()));
            ps.setObject(2, unitId);
            List<TrendRow> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    double score = rs.getDouble(4);
                    // wasNull speaks of the last column read: ask it before reading the others.
                    boolean noScore = rs.wasNull();
                    rows.add(new TrendRow(
                            rs.getString(1),
                            rs.getObject(2, UUID.class),
                            rs.getString(3),
                            noScore ? null : score,
                            rs.getString(5),
                            rs.getString(6),
                            rs.getInt(7)));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The ids of a run's scorecards by "unit id/period", for the given units and periods: what a
     * roll-up's children and a quarter's months are named by (their explanation leaves those ids out).
     */
    public Map<String, String> ids(UUID runId, List<String> unitIds, List<String> periods) {
        String sql =
                "select unit_id, period, id from scorecard where run_id = ? and unit_id = any(?) and period = any(?)";
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, runId);
            ps.setArray(
                    2,
                    c.createArrayOf(
                            "uuid", unitIds.stream().map(UUID::fromString).toArray()));
            ps.setArray(3, c.createArrayOf("varchar", periods.toArray()));
            Map<String, String> ids = new HashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.put(rs.getString(1) + "/" + rs.getString(2), rs.getString(3));
                }
            }
            return ids;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<Stored> select(String where, Object... args) {
        String sql = "select s.id, s.run_id, s.explanation, s.compute_time from scorecard s" + where;
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            RecomputeRuns.bind(ps, args);
            List<Stored> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Stored(
                            rs.getObject(1, UUID.class),
                            rs.getObject(2, UUID.class),
                            ScorecardCalculator.parse(rs.getString(3)).build(),
                            instant(rs, 4)));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
