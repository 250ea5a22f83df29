package org.sqm.scoring.service;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
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
import org.sqm.scoring.config.ScoringConfig;
import org.sqm.scoring.domain.Period;
import org.sqm.scoring.service.ScorecardInputs.Customers;
import org.sqm.scoring.service.ScorecardInputs.Measurement;
import org.sqm.scoring.service.ScorecardInputs.SurveyGroup;
import org.sqm.scoring.service.ScorecardInputs.Violation;

/**
 * Scoring-service's own inputs of a month for every unit at once, one set-based query per kind in one
 * short read transaction: survey responses aggregated by unit, segment and batch (counts and exact
 * sums in the database), current measurements, current customers served, and the violations that
 * occurred in the month and were not withdrawn.
 */
@ApplicationScoped
@Transactional
public class LocalScoringInputs {

    /** A month's local inputs, each by unit id. */
    public record MonthInputs(
            Map<String, List<SurveyGroup>> surveys,
            Map<String, Map<String, Measurement>> measurements,
            Map<String, Customers> customers,
            Map<String, List<Violation>> violations) {}

    private final AgroalDataSource db;
    private final ScoringConfig config;

    public LocalScoringInputs(AgroalDataSource db, ScoringConfig config) {
        this.db = db;
        this.config = config;
    }

    /** The month's inputs of every unit. */
    public MonthInputs month(Period month) {
        try (Connection c = db.getConnection()) {
            return new MonthInputs(
                    surveys(c, month.start(), month.end()),
                    measurements(c, month.text()),
                    customers(c, month.text()),
                    violations(c, month.start(), month.end()));
        } catch (SQLException e) {
            throw new IllegalStateException("reading the scoring inputs of " + month.text() + " failed", e);
        }
    }

    private static Map<String, List<SurveyGroup>> surveys(Connection c, LocalDate start, LocalDate end)
            throws SQLException {
        // numeric sums are exact whatever the order the database adds in: the same responses always
        // give the same index, to the last bit.
        String sql = "select r.unit_id, r.segment, b.batch_id, count(*), sum(r.normalised::numeric)::float8"
                + " from survey_response r join input_batch b on b.id = r.batch_pk"
                + " where r.current and r.response_date >= ? and r.response_date < ?"
                + " group by r.unit_id, r.segment, b.batch_id";
        Map<String, List<SurveyGroup>> byUnit = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, start);
            ps.setObject(2, end);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    byUnit.computeIfAbsent(rs.getString(1), u -> new ArrayList<>())
                            .add(new SurveyGroup(rs.getString(3), rs.getString(2), rs.getLong(4), rs.getDouble(5)));
                }
            }
        }
        return byUnit;
    }

    private static Map<String, Map<String, Measurement>> measurements(Connection c, String period) throws SQLException {
        String sql = "select m.unit_id, m.indicator_code, b.batch_id, m.numerator, m.denominator, m.mean,"
                + " m.sample_size from measurement m join input_batch b on b.id = m.batch_pk"
                + " where m.current and m.period = ?";
        Map<String, Map<String, Measurement>> byUnit = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, period);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    byUnit.computeIfAbsent(rs.getString(1), u -> new HashMap<>())
                            .put(
                                    rs.getString(2),
                                    new Measurement(
                                            rs.getString(3),
                                            rs.getLong(4),
                                            rs.getLong(5),
                                            rs.getDouble(6),
                                            rs.getLong(7)));
                }
            }
        }
        return byUnit;
    }

    private static Map<String, Customers> customers(Connection c, String period) throws SQLException {
        String sql = "select s.unit_id, b.batch_id, s.customers from customers_served s"
                + " join input_batch b on b.id = s.batch_pk where s.current and s.period = ?";
        Map<String, Customers> byUnit = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, period);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    byUnit.put(rs.getString(1), new Customers(rs.getString(2), rs.getLong(3)));
                }
            }
        }
        return byUnit;
    }

    private Map<String, List<Violation>> violations(Connection c, LocalDate start, LocalDate end) throws SQLException {
        String sql = "select v.id, v.unit_id, v.rule_code, v.points_millis, v.occurred_time from violation v"
                + " where v.occurred_time >= ? and v.occurred_time < ?"
                + " and not exists (select 1 from violation_withdrawal w where w.violation_id = v.id)";
        Map<String, List<Violation>> byUnit = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, start.atStartOfDay(config.timeZone()).toOffsetDateTime());
            ps.setObject(2, end.atStartOfDay(config.timeZone()).toOffsetDateTime());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    byUnit.computeIfAbsent(rs.getString(2), u -> new ArrayList<>())
                            .add(new Violation(
                                    rs.getString(1),
                                    rs.getString(3),
                                    rs.getInt(4),
                                    rs.getObject(5, OffsetDateTime.class).toInstant()));
                }
            }
        }
        return byUnit;
    }
}
