package org.sqm.scoring.service;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.sqm.scoring.domain.Period;

/**
 * The reads behind league tables, each one set-based query: a period's current scorecards under the
 * filters, the satisfaction index of all their units at once, and the definitions of the model
 * versions they used.
 */
@ApplicationScoped
@Transactional
public class LeagueTableStore {

    /** A current scorecard as a league table needs it; {@code explanation} is null when not asked for. */
    public record Entry(
            UUID scorecardId,
            UUID unitId,
            String unitCode,
            String unitType,
            UUID parentUnitId,
            int level,
            Double score,
            String grade,
            String modelId,
            String explanation) {}

    /** How many current responses a unit has in a period, their mean and sample standard deviation (0-100). */
    public record Sample(long n, Double mean, Double sd) {}

    private final AgroalDataSource db;

    public LeagueTableStore(AgroalDataSource db) {
        this.db = db;
    }

    /** The period's current scorecards that pass the filter, with their explanation when asked for. */
    public List<Entry> current(String period, ScorecardStore.Filter filter, boolean withExplanation) {
        StringBuilder sql = new StringBuilder("select s.id, s.unit_id, s.unit_code, s.unit_type, s.parent_unit_id,"
                + " s.level, s.score, s.grade, s.model_id, "
                + (withExplanation ? "s.explanation" : "null")
                + " from scorecard_current c join scorecard s on s.run_id = c.run_id and s.period = c.period"
                + " where c.period = ?");
        List<Object> args = new ArrayList<>(List.of(period));
        if (filter.unitType() != null) {
            sql.append(" and s.unit_type = ?");
            args.add(filter.unitType());
        }
        if (filter.level() != null) {
            sql.append(" and s.level = ?");
            args.add(filter.level());
        }
        if (filter.parentUnitId() != null) {
            sql.append(" and s.parent_unit_id = ?");
            args.add(filter.parentUnitId());
        }
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement(sql.toString())) {
            RecomputeRuns.bind(ps, args.toArray());
            List<Entry> entries = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    double score = rs.getDouble(7);
                    boolean noScore = rs.wasNull();
                    entries.add(new Entry(
                            rs.getObject(1, UUID.class),
                            rs.getObject(2, UUID.class),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getObject(5, UUID.class),
                            rs.getInt(6),
                            noScore ? null : score,
                            rs.getString(8),
                            rs.getString(9),
                            rs.getString(10)));
                }
            }
            return entries;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The satisfaction index samples of the units over the responses dated in the period, of all
     * segments, from batches no correction superseded (as {@link SatisfactionIndexes} reads one unit);
     * a unit without responses is absent.
     */
    public Map<UUID, Sample> satisfaction(Collection<UUID> units, Period period) {
        String sql = "select r.unit_id, count(*), avg(r.normalised), stddev_samp(r.normalised)"
                + " from survey_response r where r.current and r.unit_id = any(?)"
                + " and r.response_date >= ? and r.response_date < ? group by r.unit_id";
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setArray(1, c.createArrayOf("uuid", units.toArray()));
            ps.setObject(2, period.start());
            ps.setObject(3, period.end());
            Map<UUID, Sample> samples = new HashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    double sd = rs.getDouble(4);
                    boolean noSd = rs.wasNull();
                    samples.put(
                            rs.getObject(1, UUID.class), new Sample(rs.getLong(2), rs.getDouble(3), noSd ? null : sd));
                }
            }
            return samples;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The stored definitions (proto JSON) of the scoring model versions, by id. */
    public Map<UUID, String> definitions(Collection<UUID> modelIds) {
        try (Connection c = db.getConnection();
                PreparedStatement ps =
                        c.prepareStatement("select id, definition::text from scoring_model where id = any(?)")) {
            ps.setArray(1, c.createArrayOf("uuid", modelIds.toArray()));
            Map<UUID, String> definitions = new HashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    definitions.put(rs.getObject(1, UUID.class), rs.getString(2));
                }
            }
            return definitions;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
