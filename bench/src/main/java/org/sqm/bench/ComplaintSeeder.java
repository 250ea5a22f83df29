package org.sqm.bench;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Writes a period's complaints straight into complaint-service's database with COPY: the one piece of
 * the benchmark that writes another service's tables, because a million complaints through the API
 * would take an hour and measure intake, not the feed. The rows are what the service itself writes:
 * every column the statistics read, the acknowledge, first-response and resolve deadlines, a call-back
 * deadline after a dissatisfied rating, reopenings, escalations, segments and first-contact
 * resolutions in plausible shares. Deterministic for a seed.
 */
final class ComplaintSeeder {

    /** What was written and how long it took. */
    record Seeded(int units, long complaints, long deadlines, Duration copy, Duration analyze) {}

    private static final String COMPLAINT_COLUMNS = "id, reference, unit_id, channel, description, receive_time,"
            + " create_time, update_time, category, severity, complainant_name, complainant_phone, status,"
            + " escalated_to_unit_id, escalation_level, root_cause, remedy, resolve_time, deadline_source,"
            + " satisfaction, call_back_outcome, resolution_business_seconds, reopen_count, customer_segment,"
            + " first_contact_resolution";
    private static final String DEADLINE_COLUMNS =
            "complaint_id, kind, allowed_seconds, due_time, met_time, breached, warn_time, warned";
    private static final String[] CHANNELS = {
        "PHONE",
        "PHONE",
        "PHONE",
        "EMAIL",
        "WEB_FORM",
        "SOCIAL_MEDIA",
        "IN_PERSON",
        "IN_PERSON",
        "REGULATOR_REFERRAL",
        "CONSUMER_ASSOCIATION_REFERRAL"
    };
    private static final String[] CATEGORIES = {
        "BILLING",
        "NETWORK_QUALITY",
        "SERVICE_OUTAGE",
        "INSTALLATION",
        "REPAIR",
        "STAFF_CONDUCT",
        "SALES_PRACTICE",
        "WAITING_TIME",
        "INFORMATION",
        "PRIVACY",
        "OTHER"
    };
    private static final String[] SEVERITIES = {"LOW", "MEDIUM", "MEDIUM", "MEDIUM", "HIGH", "CRITICAL"};
    private static final String[] SEGMENTS = {null, "MOBILE", "MOBILE", "HOME", "BUSINESS", "VIP", "BROADBAND"};
    private static final long ACKNOWLEDGE = 8 * 3600;
    private static final long FIRST_RESPONSE = 24 * 3600;
    private static final long RESOLVE = 120 * 3600;
    private static final long CALL_BACK = 8 * 3600;
    /** Rows per COPY: each batch of complaints is followed by its deadlines (the foreign key). */
    private static final int BATCH = 20_000;
    /** The references of {@link #seed(Connection, List, long, Instant, Instant, long)}. */
    static final String REFERENCE_PREFIX = "B-";

    private ComplaintSeeder() {}

    /** The unit ids the complaints are spread over, the same for a seed. */
    static List<UUID> units(int count, long seed) {
        Random random = new Random(seed);
        List<UUID> units = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            units.add(new UUID(random.nextLong(), random.nextLong()));
        }
        return units;
    }

    /** Writes {@code complaints} complaints received in [from, to) about {@code units}, then ANALYZEs. */
    static Seeded seed(Connection db, List<UUID> units, long complaints, Instant from, Instant to, long seed)
            throws SQLException {
        return seed(db, units, complaints, from, to, seed, REFERENCE_PREFIX);
    }

    /**
     * The same with references "{@code prefix}0", "{@code prefix}1" ...: references are unique, so two
     * seedings of one database need different prefixes. A unit may be listed more than once: the
     * complaints are drawn from the list, so a unit listed twice gets twice as many.
     */
    static Seeded seed(
            Connection db, List<UUID> units, long complaints, Instant from, Instant to, long seed, String prefix)
            throws SQLException {
        Random random = new Random(seed);
        CopyManager copy = db.unwrap(PGConnection.class).getCopyAPI();
        long began = System.nanoTime();
        long audited = Copy.auditEvents(db);
        try (Statement s = db.createStatement()) {
            // No foreign-key checks in this session: each deadline is written right after its complaint,
            // so the keys hold by construction, and checking them (a row lock on the complaint per
            // deadline) made the load several times slower. No audit triggers either (issue 17):
            // seeded rows are nobody's changes.
            s.execute("SET session_replication_role = replica");
        }
        long deadlines = 0;
        long span = Duration.between(from, to).getSeconds();
        StringBuilder complaintRows = new StringBuilder();
        StringBuilder deadlineRows = new StringBuilder();
        for (long n = 0; n < complaints; n++) {
            deadlines += row(
                    complaintRows,
                    deadlineRows,
                    prefix + n,
                    units.get(random.nextInt(units.size())),
                    units,
                    from.plusSeconds((long) (random.nextDouble() * span)),
                    random);
            if ((n + 1) % BATCH == 0 || n + 1 == complaints) {
                copy(copy, "COPY complaint (" + COMPLAINT_COLUMNS + ") FROM STDIN", complaintRows);
                copy(copy, "COPY complaint_deadline (" + DEADLINE_COLUMNS + ") FROM STDIN", deadlineRows);
            }
        }
        Duration copied = Duration.ofNanos(System.nanoTime() - began);
        long analyzing = System.nanoTime();
        try (Statement s = db.createStatement()) {
            s.execute("SET session_replication_role = origin");
            s.execute("ANALYZE complaint");
            s.execute("ANALYZE complaint_deadline");
        }
        Copy.requireNoAuditEvents(db, audited, "ComplaintSeeder");
        return new Seeded(units.size(), complaints, deadlines, copied, Duration.ofNanos(System.nanoTime() - analyzing));
    }

    /** One complaint and its deadlines in COPY text format; answers the number of deadlines. */
    private static int row(
            StringBuilder complaints,
            StringBuilder deadlines,
            String reference,
            UUID unit,
            List<UUID> units,
            Instant received,
            Random random) {
        UUID id = new UUID(random.nextLong(), random.nextLong());
        String channel = CHANNELS[random.nextInt(CHANNELS.length)];
        String severity = SEVERITIES[random.nextInt(SEVERITIES.length)];
        int outcome = random.nextInt(100);
        boolean withdrawn = outcome < 8;
        boolean resolved = outcome >= 25;
        boolean escalated = severity.equals("CRITICAL") || random.nextInt(100) < 4;
        boolean reopened = resolved && random.nextInt(100) < 6;
        // Business time to resolve: mostly a day or two, a long tail past the 120-hour deadline.
        long resolution = resolved ? 1800 + (long) (-Math.log(1 - random.nextDouble()) * 40 * 3600) : 0;
        Instant resolvedAt = received.plusSeconds(resolution + random.nextInt(3600));
        Integer satisfaction = resolved && random.nextBoolean() ? 1 + random.nextInt(5) : null;
        boolean firstContact = resolved
                && !reopened
                && !escalated
                && !channel.endsWith("REFERRAL")
                && resolution < 4 * 3600
                && random.nextInt(100) < 70;
        String status =
                withdrawn ? "WITHDRAWN" : resolved ? (random.nextBoolean() ? "CLOSED" : "RESOLVED") : "INVESTIGATING";
        Instant created = received.plusMillis(200);
        Instant updated = resolved ? resolvedAt : created;
        tsv(
                complaints,
                id,
                reference,
                unit,
                channel,
                "Seeded complaint " + reference,
                received,
                created,
                updated,
                CATEGORIES[random.nextInt(CATEGORIES.length)],
                severity,
                "Customer " + reference,
                "+86 818 " + (1_000_000 + Math.floorMod(reference.hashCode(), 9_000_000)),
                status,
                escalated ? units.get(random.nextInt(units.size())) : null,
                escalated ? 1 : 0,
                resolved ? "SEEDED_CAUSE" : null,
                resolved ? "Seeded remedy" : null,
                resolved ? resolvedAt : null,
                "BENCH v1",
                satisfaction,
                satisfaction != null && satisfaction <= 2 && random.nextBoolean() ? "Called back" : null,
                resolved ? resolution : null,
                reopened ? 1 : 0,
                SEGMENTS[random.nextInt(SEGMENTS.length)],
                firstContact);
        Instant met = withdrawn ? null : received.plusSeconds(random.nextInt(12 * 3600));
        deadline(deadlines, id, "ACKNOWLEDGE", ACKNOWLEDGE, received, met);
        deadline(deadlines, id, "FIRST_RESPONSE", FIRST_RESPONSE, received, met);
        deadline(deadlines, id, "RESOLVE", RESOLVE, received, resolved ? resolvedAt : null);
        if (satisfaction != null && satisfaction <= 2) {
            Instant callBackMet = random.nextBoolean() ? resolvedAt.plusSeconds(random.nextInt(10 * 3600)) : null;
            deadline(deadlines, id, "CALL_BACK", CALL_BACK, resolvedAt, callBackMet);
            return 4;
        }
        return 3;
    }

    private static void deadline(
            StringBuilder rows, UUID complaint, String kind, long allowed, Instant start, Instant met) {
        Instant due = start.plusSeconds(allowed);
        tsv(
                rows,
                complaint,
                kind,
                allowed,
                due,
                met,
                met != null && met.isAfter(due),
                start.plusSeconds(allowed * 3 / 4),
                met == null || met.isAfter(start.plusSeconds(allowed * 3 / 4)));
    }

    private static void tsv(StringBuilder rows, Object... values) {
        Copy.tsv(rows, values);
    }

    private static void copy(CopyManager copy, String sql, StringBuilder rows) throws SQLException {
        Copy.send(copy, sql, rows);
    }
}
