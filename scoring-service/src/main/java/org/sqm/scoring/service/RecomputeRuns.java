package org.sqm.scoring.service;

import static org.sqm.commons.persistence.Jdbc.utc;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.sqm.commons.error.FailedPreconditionException;

/**
 * The recompute runs (the operations) and the current-run pointer of each period: every method is one
 * short transaction of database work. A run ends exactly once: each end is an update of a RUNNING
 * row, and publishing switches the pointers of all the run's periods in the same transaction.
 */
@ApplicationScoped
@Transactional
public class RecomputeRuns {

    /** The states of a run. */
    public static final String RUNNING = "RUNNING";

    public static final String SUCCEEDED = "SUCCEEDED";
    public static final String FAILED = "FAILED";
    public static final String CANCELLED = "CANCELLED";

    /**
     * A run as stored.
     *
     * @param response a serialized RecomputeScorecardsResponse once SUCCEEDED
     * @param error a serialized google.rpc.Status once FAILED or CANCELLED
     */
    public record Run(
            UUID id,
            String period,
            String status,
            String stage,
            long unitsTotal,
            long unitsDone,
            boolean cancelRequested,
            byte[] response,
            byte[] error,
            Instant startTime,
            Instant endTime,
            Instant heartbeatTime) {

        public boolean done() {
            return !RUNNING.equals(status);
        }
    }

    private static final String COLUMNS = "id, period, status, stage, units_total, units_done, cancel_requested,"
            + " response, error, start_time, end_time, heartbeat_time";

    private final AgroalDataSource db;

    public RecomputeRuns(AgroalDataSource db) {
        this.db = db;
    }

    public Optional<Run> find(UUID id) {
        List<Run> runs = query("select " + COLUMNS + " from scorecard_run where id = ?", id);
        return runs.stream().findFirst();
    }

    /** Whether the run is RUNNING. */
    public boolean running(UUID id) {
        return find(id).map(r -> !r.done()).orElse(false);
    }

    /** The run of the period that is RUNNING, if any. */
    public Optional<Run> running(String period) {
        return query("select " + COLUMNS + " from scorecard_run where period = ? and status = 'RUNNING'", period)
                .stream()
                .findFirst();
    }

    /** Inserts a RUNNING run unless the period has one already (then answers false). */
    public boolean insertRunning(UUID id, String period, Instant now) {
        return update(
                        "insert into scorecard_run (id, period, status, stage, start_time, heartbeat_time)"
                                + " values (?, ?, 'RUNNING', 'queued', ?, ?)"
                                + " on conflict (period) where status = 'RUNNING' do nothing",
                        id,
                        period,
                        utc(now),
                        utc(now))
                == 1;
    }

    /** Records progress and the heartbeat of a RUNNING run; answers whether a cancel was asked for. */
    public boolean progress(UUID id, String stage, long total, long done, Instant now) {
        update(
                "update scorecard_run set stage = ?, units_total = ?, units_done = ?, heartbeat_time = ?"
                        + " where id = ? and status = 'RUNNING'",
                stage,
                total,
                done,
                utc(now),
                id);
        return find(id).map(Run::cancelRequested).orElse(false);
    }

    /** Asks a RUNNING run to stop; answers whether the run exists. */
    public boolean requestCancel(UUID id) {
        update("update scorecard_run set cancel_requested = true where id = ? and status = 'RUNNING'", id);
        return find(id).isPresent();
    }

    /** Ends a RUNNING run without publishing (FAILED or CANCELLED); answers whether it was running. */
    public boolean end(UUID id, String status, byte[] error, Instant now) {
        return update(
                        "update scorecard_run set status = ?, stage = ?, error = ?, end_time = ?, heartbeat_time = ?"
                                + " where id = ? and status = 'RUNNING'",
                        status,
                        status.toLowerCase(java.util.Locale.ROOT),
                        error,
                        utc(now),
                        utc(now),
                        id)
                == 1;
    }

    /**
     * Completes a run: its scorecards become current for every one of its periods and it SUCCEEDS, in
     * this one transaction; a run asked to cancel by then ends CANCELLED instead and publishes nothing.
     * Answers the status the run ended with, or empty when it was not running any more.
     */
    public Optional<String> publish(
            UUID id, List<String> periods, byte[] response, byte[] cancelled, Instant now, Attribution by) {
        List<Run> locked = query("select " + COLUMNS + " from scorecard_run where id = ? for update", id);
        if (locked.isEmpty() || locked.get(0).done()) {
            return Optional.empty();
        }
        if (locked.get(0).cancelRequested()) {
            end(id, CANCELLED, cancelled, now);
            return Optional.of(CANCELLED);
        }
        for (String period : periods) {
            audit(id, period, by);
            update(
                    "insert into scorecard_current (period, run_id, publish_time) values (?, ?, ?)"
                            + " on conflict (period) do update set run_id = excluded.run_id,"
                            + " publish_time = excluded.publish_time",
                    period,
                    id,
                    utc(now));
        }
        update(
                "update scorecard_run set status = 'SUCCEEDED', stage = 'done', units_done = units_total,"
                        + " response = ?, end_time = ?, heartbeat_time = ? where id = ?",
                response,
                utc(now),
                utc(now),
                id);
        return Optional.of(SUCCEEDED);
    }

    /** Who asked for a recompute, as the audit trail records it: the caller of RecomputeScorecards. */
    public record Attribution(String actor, String action, String requestId) {}

    /**
     * The one audit event of a period's scorecards per recompute (resource {@code scorecards/<period>}),
     * written in the publishing transaction instead of a row trigger on the scorecards (a recompute
     * writes one per unit and period: 10 000 units would be 10 000 audit rows): the run that becomes
     * current and the one it replaces, how many scorecards it wrote, and how many of them differ from
     * the unit's previous current scorecard (new, or another status, score, grade or inputs).
     */
    private void audit(UUID id, String period, Attribution by) {
        update(
                "insert into audit_event (actor, action, request_id, resource, record, operation, changes)"
                        + " select ?, ?, ?, 'scorecards/' || ?, 'scorecard', 'RECOMPUTE', jsonb_build_array("
                        + "   jsonb_strip_nulls(jsonb_build_object('field', 'run_id', 'before',"
                        + "     to_jsonb(p.run_id::text), 'after', to_jsonb(?::text))),"
                        + "   jsonb_build_object('field', 'scorecards_written', 'after',"
                        + "     (select count(*) from scorecard n where n.run_id = ? and n.period = ?)),"
                        + "   jsonb_build_object('field', 'scorecards_changed', 'after',"
                        + "     (select count(*) from scorecard n left join scorecard o on o.run_id = p.run_id"
                        + "        and o.period = n.period and o.unit_id = n.unit_id"
                        + "      where n.run_id = ? and n.period = ? and (o.id is null or o.status <> n.status"
                        + "        or o.score is distinct from n.score or o.grade is distinct from n.grade"
                        + "        or o.fingerprint <> n.fingerprint))))"
                        + " from (select (select run_id from scorecard_current where period = ?) as run_id) p",
                by.actor(),
                by.action(),
                by.requestId(),
                period,
                id.toString(),
                id,
                period,
                id,
                period,
                period);
    }

    /**
     * Deletes an ended run and the scorecards it wrote, when none of them is current: a superseded,
     * failed or cancelled run. Answers false when there is no such run.
     */
    public boolean delete(UUID id) {
        List<Run> locked = query("select " + COLUMNS + " from scorecard_run where id = ? for update", id);
        if (locked.isEmpty()) {
            return false;
        }
        Run run = locked.get(0);
        if (!run.done()) {
            throw new FailedPreconditionException(
                    "OPERATION_RUNNING",
                    "operation " + id + " is still running; cancel it and wait for its end first",
                    Map.of("period", run.period()));
        }
        List<String> current = strings("select period from scorecard_current where run_id = ? order by period", id);
        if (!current.isEmpty()) {
            throw new FailedPreconditionException(
                    "OPERATION_CURRENT",
                    "operation " + id + " wrote the current scorecards of " + String.join(", ", current)
                            + "; recompute the period before deleting it",
                    Map.of("periods", String.join(",", current)));
        }
        update("delete from scorecard where run_id = ?", id);
        update("delete from scorecard_run where id = ?", id);
        return true;
    }

    private List<String> strings(String sql, Object... args) {
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            List<String> values = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs newest first after the given (start time, id), of one period or all. */
    public List<Run> list(String period, Instant afterStart, UUID afterId, int limit) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from scorecard_run where true");
        List<Object> args = new ArrayList<>();
        if (period != null) {
            sql.append(" and period = ?");
            args.add(period);
        }
        if (afterStart != null) {
            sql.append(" and (start_time, id) < (?, ?)");
            args.add(utc(afterStart));
            args.add(afterId);
        }
        sql.append(" order by start_time desc, id desc limit ?");
        args.add(limit);
        return query(sql.toString(), args.toArray());
    }

    private List<Run> query(String sql, Object... args) {
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            List<Run> runs = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    runs.add(new Run(
                            rs.getObject(1, UUID.class),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getLong(5),
                            rs.getLong(6),
                            rs.getBoolean(7),
                            rs.getBytes(8),
                            rs.getBytes(9),
                            instant(rs, 10),
                            instant(rs, 11),
                            instant(rs, 12)));
                }
            }
            return runs;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private int update(String sql, Object... args) {
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static void bind(PreparedStatement ps, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            if (args[i] instanceof byte[] bytes) {
                ps.setBytes(i + 1, bytes);
            } else if (args[i] instanceof UUID[] ids) {
                ps.setArray(i + 1, ps.getConnection().createArrayOf("uuid", ids));
            } else {
                ps.setObject(i + 1, args[i]);
            }
        }
    }

    static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
