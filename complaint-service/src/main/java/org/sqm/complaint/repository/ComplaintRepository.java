package org.sqm.complaint.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.hibernate.Session;
import org.hibernate.jpa.HibernateHints;
import org.sqm.commons.persistence.Jdbc;
import org.sqm.complaint.domain.ComplaintChannel;
import org.sqm.complaint.domain.ComplaintEntity;
import org.sqm.complaint.domain.ComplaintStatus;
import org.sqm.complaint.domain.CustomerSegment;

/** Reads and writes complaints. */
@ApplicationScoped
public class ComplaintRepository implements PanacheRepositoryBase<ComplaintEntity, UUID> {

    public Optional<ComplaintEntity> findByRequestId(String requestId) {
        return find("requestId", requestId).firstResultOptional();
    }

    /** The complaints earlier calls created with these request ids, in one query. */
    public List<ComplaintEntity> findByRequestIds(Collection<String> requestIds) {
        return requestIds.isEmpty() ? List.of() : list("requestId in ?1", requestIds);
    }

    private static final String INSERT_COMPLAINT = "INSERT INTO complaint (id, reference, unit_id, channel,"
            + " category, severity, description, remedy_sought, complainant_name, complainant_email,"
            + " complainant_phone, status, receive_time, request_id, request_hash, escalated_to_unit_id,"
            + " escalation_level, escalation_pending, root_cause, remedy, resolve_time, calendar_id,"
            + " call_back_seconds, deadline_source, satisfaction, call_back_outcome, resolution_business_seconds,"
            + " reopen_count, customer_segment, first_contact_resolution, create_time, update_time, version)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private static final String INSERT_DEADLINE = "INSERT INTO complaint_deadline (complaint_id, kind,"
            + " allowed_seconds, due_time, met_time, breached, warn_time, warned) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

    /**
     * Inserts new complaints with their deadlines, every column as the entity holds it, in JDBC batches
     * on the transaction's connection (the driver sends them as multi-row INSERTs). Hibernate's persist
     * and flush did the same with a dirty check, cascade and copy of every row: about four fifths of
     * complaint-service's time in a batch of 1 000 (bench/README.md). The entities stay detached: a new
     * complaint is answered from what was written, never read back in the same transaction.
     */
    public void insertAll(List<ComplaintEntity> news) {
        List<DeadlineRow> deadlines = new ArrayList<>(news.size() * 3);
        for (ComplaintEntity e : news) {
            for (ComplaintEntity.Deadline d : e.deadlines) {
                deadlines.add(new DeadlineRow(e.id, d));
            }
        }
        getEntityManager().unwrap(Session.class).doWork(connection -> {
            Jdbc.batch(connection, INSERT_COMPLAINT, news, ComplaintRepository::bind);
            Jdbc.batch(connection, INSERT_DEADLINE, deadlines, ComplaintRepository::bind);
        });
    }

    private record DeadlineRow(UUID complaintId, ComplaintEntity.Deadline deadline) {}

    private static void bind(PreparedStatement s, DeadlineRow row) throws SQLException {
        ComplaintEntity.Deadline d = row.deadline();
        int i = 0;
        s.setObject(++i, row.complaintId());
        s.setString(++i, d.kind.name());
        s.setLong(++i, d.allowedSeconds);
        Jdbc.setInstant(s, ++i, d.dueTime);
        Jdbc.setInstant(s, ++i, d.metTime);
        s.setBoolean(++i, d.breached);
        Jdbc.setInstant(s, ++i, d.warnTime);
        s.setBoolean(++i, d.warned);
    }

    private static void bind(PreparedStatement s, ComplaintEntity e) throws SQLException {
        if (!e.pauses.isEmpty()) {
            throw new IllegalArgumentException("a new complaint has no pauses");
        }
        int i = 0;
        s.setObject(++i, e.id);
        s.setString(++i, e.reference);
        s.setObject(++i, e.unitId);
        s.setString(++i, Jdbc.name(e.channel));
        s.setString(++i, e.category);
        s.setString(++i, Jdbc.name(e.severity));
        s.setString(++i, e.description);
        s.setString(++i, e.remedySought);
        s.setString(++i, e.complainantName);
        s.setString(++i, e.complainantEmail);
        s.setString(++i, e.complainantPhone);
        s.setString(++i, Jdbc.name(e.status));
        Jdbc.setInstant(s, ++i, e.receiveTime);
        s.setString(++i, e.requestId);
        s.setString(++i, e.requestHash);
        s.setObject(++i, e.escalatedToUnitId, Types.OTHER);
        s.setInt(++i, e.escalationLevel);
        s.setBoolean(++i, e.escalationPending);
        s.setString(++i, e.rootCause);
        s.setString(++i, e.remedy);
        Jdbc.setInstant(s, ++i, e.resolveTime);
        s.setObject(++i, e.calendarId, Types.OTHER);
        s.setObject(++i, e.callBackSeconds, Types.BIGINT);
        s.setString(++i, e.deadlineSource);
        s.setObject(++i, e.satisfaction, Types.SMALLINT);
        s.setString(++i, e.callBackOutcome);
        s.setObject(++i, e.resolutionBusinessSeconds, Types.BIGINT);
        s.setInt(++i, e.reopenCount);
        s.setString(++i, Jdbc.name(e.customerSegment));
        s.setBoolean(++i, e.firstContactResolution);
        Jdbc.setInstant(s, ++i, e.createTime);
        Jdbc.setInstant(s, ++i, e.updateTime);
        s.setLong(++i, e.version);
    }

    /** As many reference numbers as asked for, in one round trip; see {@link #nextReferenceNumber()}. */
    public List<Long> nextReferenceNumbers(int count) {
        return getEntityManager()
                .createNativeQuery("SELECT nextval('complaint_reference_seq') FROM generate_series(1, ?1)")
                .setParameter(1, count)
                .getResultList()
                .stream()
                .map(n -> ((Number) n).longValue())
                .toList();
    }

    /** The next number for a human-readable reference; a sequence, so concurrent intakes never share one. */
    public long nextReferenceNumber() {
        return ((Number) getEntityManager()
                        .createNativeQuery("SELECT nextval('complaint_reference_seq')")
                        .getSingleResult())
                .longValue();
    }

    /**
     * What a list may be filtered by; null fields do not filter. {@code visibleUnits} are the units of
     * the caller's scope: a complaint about one of them or escalated to one of them.
     */
    public record Filter(
            Collection<UUID> unitIds,
            Collection<UUID> visibleUnits,
            ComplaintStatus status,
            boolean overdueOnly,
            String category,
            ComplaintChannel channel,
            Instant receivedAfter,
            Instant receivedBefore,
            boolean openOnly,
            Instant now) {}

    /** The first {@code limit} complaints, newest receipt first, after the given one (null: from the start). */
    public List<ComplaintEntity> page(Filter filter, Instant afterReceiveTime, UUID afterId, int limit) {
        StringBuilder q = new StringBuilder("from ComplaintEntity c where 1 = 1");
        Parameters p = new Parameters();
        if (afterReceiveTime != null) {
            q.append(" and (c.receiveTime < :afterTime or (c.receiveTime = :afterTime and c.id < :afterId))");
            p.and("afterTime", afterReceiveTime).and("afterId", afterId);
        }
        if (filter.unitIds() != null && filter.unitIds().size() == 1) {
            // A unit's own page compares with "=": with a list parameter Hibernate translates the query to
            // SQL again on every call (the SQL depends on the list's length), a third of the page's time.
            q.append(" and c.unitId = :unit");
            p.and("unit", filter.unitIds().iterator().next());
        } else if (filter.unitIds() != null) {
            q.append(" and c.unitId in :units");
            p.and("units", filter.unitIds());
        }
        if (filter.visibleUnits() != null) {
            if (filter.visibleUnits().isEmpty()) {
                return List.of();
            }
            q.append(" and (c.unitId in :visible or c.escalatedToUnitId in :visible)");
            p.and("visible", filter.visibleUnits());
        }
        if (filter.status() != null) {
            q.append(" and c.status = :status");
            p.and("status", filter.status());
        }
        if (filter.openOnly()) {
            q.append(" and c.status in :openStatuses");
            p.and("openStatuses", ComplaintStatus.OPEN_STATUSES);
        }
        if (filter.category() != null) {
            q.append(" and c.category = :category");
            p.and("category", filter.category());
        }
        if (filter.channel() != null) {
            q.append(" and c.channel = :channel");
            p.and("channel", filter.channel());
        }
        if (filter.receivedAfter() != null) {
            q.append(" and c.receiveTime >= :from");
            p.and("from", filter.receivedAfter());
        }
        if (filter.receivedBefore() != null) {
            q.append(" and c.receiveTime < :to");
            p.and("to", filter.receivedBefore());
        }
        if (filter.overdueOnly()) {
            // Breached: marked by the watch, met late, or still open past its due time.
            q.append(" and exists (select 1 from ComplaintEntity o join o.deadlines d where o.id = c.id and"
                    + " (d.breached = true or d.metTime > d.dueTime"
                    + " or (d.metTime is null and d.dueTime < :now and o.status in :open)))");
            p.and("now", filter.now()).and("open", ComplaintStatus.OPEN_STATUSES);
        }
        q.append(" order by c.receiveTime desc, c.id desc");
        return find(q.toString(), p).range(0, limit - 1).list();
    }

    /**
     * The raw figures of a unit set and period; percentiles in seconds, null when nothing is
     * resolved; the complaints received per segment, the unknown segment (null) first.
     */
    public record Statistics(
            long received,
            long resolved,
            long resolvedWithinDeadline,
            Double medianSeconds,
            Double p90Seconds,
            long satisfactionResponses,
            Double meanSatisfaction,
            long reopened,
            long escalated,
            long callBacksRequired,
            long callBacksDone,
            long firstContactResolutions,
            List<SegmentReceived> receivedBySegment) {}

    /** Complaints of one customer segment received; {@code segment} null for "not known". */
    public record SegmentReceived(CustomerSegment segment, long received) {}

    /** The figures of one unit, as one row of the grouped aggregation. */
    public record UnitStatistics(UUID unitId, Statistics statistics) {}

    /** The segments in the order the figures list them: unknown (null) first, then the enum's order. */
    private static final List<CustomerSegment> SEGMENTS = Stream.concat(
                    Stream.of((CustomerSegment) null), Arrays.stream(CustomerSegment.values()))
            .toList();

    /**
     * Every figure of a group of complaints, as aggregate expressions: one SELECT list for one unit
     * set and for every unit of a period alike, so both always compute the same numbers.
     */
    private static final String FIGURES =
            """
            count(*),
            count(*) FILTER (WHERE c.resolve_time IS NOT NULL),
            count(*) FILTER (WHERE c.resolve_time IS NOT NULL AND r.met_time <= r.due_time),
            percentile_cont(0.5) WITHIN GROUP (ORDER BY c.resolution_business_seconds),
            percentile_cont(0.9) WITHIN GROUP (ORDER BY c.resolution_business_seconds),
            count(c.satisfaction),
            avg(c.satisfaction),
            count(*) FILTER (WHERE c.reopen_count > 0),
            count(*) FILTER (WHERE c.escalation_level > 0),
            count(cb.kind),
            count(cb.met_time),
            count(*) FILTER (WHERE c.first_contact_resolution)"""
                    + SEGMENTS.stream()
                            .map(segment -> segment == null
                                    ? ",\ncount(*) FILTER (WHERE c.customer_segment IS NULL)"
                                    : ",\ncount(*) FILTER (WHERE c.customer_segment = '" + segment.name() + "')")
                            .collect(Collectors.joining())
                    + "\n";

    /** The complaints received in [:from, :to) with their resolution and call-back deadlines. */
    private static final String RECEIVED_IN_PERIOD =
            """
            FROM complaint c
            LEFT JOIN complaint_deadline r ON r.complaint_id = c.id AND r.kind = 'RESOLVE'
            LEFT JOIN complaint_deadline cb ON cb.complaint_id = c.id AND cb.kind = 'CALL_BACK'
            WHERE c.receive_time >= :from AND c.receive_time < :to
            """;

    /** Every figure in one SQL query over the complaints about the units received in [from, to). */
    public Statistics statistics(Collection<UUID> unitIds, Instant from, Instant to) {
        Object[] row = (Object[]) getEntityManager()
                .createNativeQuery("SELECT " + FIGURES + RECEIVED_IN_PERIOD + "AND c.unit_id IN (:units)")
                .setParameter("units", unitIds)
                .setParameter("from", from)
                .setParameter("to", to)
                .getSingleResult();
        return statistics(row, 0);
    }

    /**
     * The figures of every unit with complaints received in [from, to), ordered by unit id: one SQL
     * aggregation grouped by unit, read through a database cursor {@code fetchSize} rows at a time
     * and handed to {@code each} row by row, so no more than one fetch of units is held in memory.
     * Runs inside the caller's transaction (a cursor needs one). Null {@code visibleUnits}: every unit;
     * otherwise only those.
     */
    @SuppressWarnings("unchecked")
    public void everyUnitStatistics(
            Instant from, Instant to, Collection<UUID> visibleUnits, int fetchSize, Consumer<UnitStatistics> each) {
        if (visibleUnits != null && visibleUnits.isEmpty()) {
            return;
        }
        // From its sixth run on, the driver prepares the statement on the server, and PostgreSQL may
        // then plan it once for any period: guessing that a period holds a few thousand complaints, it
        // picks an index lookup per complaint, more than twice as slow as the hash joins of a custom
        // plan for a month of a million (measured in bench/). Plan every run for its own period.
        getEntityManager()
                .createNativeQuery("SET LOCAL plan_cache_mode = force_custom_plan")
                .executeUpdate();
        // The caller's units, when it is cut to some, as one array parameter: a scope can hold thousands.
        var query = getEntityManager()
                .createNativeQuery("SELECT c.unit_id, " + FIGURES + RECEIVED_IN_PERIOD
                        + (visibleUnits == null ? "" : "AND c.unit_id = ANY (CAST(:visible AS uuid[])) ")
                        + "GROUP BY c.unit_id ORDER BY c.unit_id")
                .setParameter("from", from)
                .setParameter("to", to);
        if (visibleUnits != null) {
            query.setParameter(
                    "visible", visibleUnits.stream().map(UUID::toString).collect(Collectors.joining(",", "{", "}")));
        }
        try (Stream<Object[]> rows = query.setHint(HibernateHints.HINT_FETCH_SIZE, fetchSize)
                .setHint(HibernateHints.HINT_READ_ONLY, true)
                .getResultStream()) {
            rows.forEach(row -> each.accept(new UnitStatistics((UUID) row[0], statistics(row, 1))));
        }
    }

    /** The figures of a row of {@link #FIGURES}, which start at column {@code first}. */
    private static Statistics statistics(Object[] row, int first) {
        List<SegmentReceived> bySegment = new ArrayList<>();
        int segmentColumn = first + 12;
        for (CustomerSegment segment : SEGMENTS) {
            bySegment.add(new SegmentReceived(segment, number(row[segmentColumn++])));
        }
        return new Statistics(
                number(row[first]),
                number(row[first + 1]),
                number(row[first + 2]),
                decimal(row[first + 3]),
                decimal(row[first + 4]),
                number(row[first + 5]),
                decimal(row[first + 6]),
                number(row[first + 7]),
                number(row[first + 8]),
                number(row[first + 9]),
                number(row[first + 10]),
                number(row[first + 11]),
                bySegment);
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }

    private static Double decimal(Object value) {
        return value == null ? null : ((Number) value).doubleValue();
    }
}
