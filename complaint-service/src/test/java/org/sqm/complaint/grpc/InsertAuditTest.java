package org.sqm.complaint.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.sqm.proto.common.v1.Severity;
import org.sqm.proto.complaint.v1.BatchCreateComplaintResult;
import org.sqm.proto.complaint.v1.BatchCreateComplaintsRequest;
import org.sqm.proto.complaint.v1.BatchCreateComplaintsResponse;
import org.sqm.proto.complaint.v1.Complainant;
import org.sqm.proto.complaint.v1.Complaint;
import org.sqm.proto.complaint.v1.ComplaintChannel;
import org.sqm.proto.complaint.v1.ComplaintServiceGrpc;
import org.sqm.proto.complaint.v1.ComplaintServiceGrpc.ComplaintServiceBlockingStub;
import org.sqm.proto.complaint.v1.CreateComplaintRequest;
import org.sqm.testing.EmbeddedPostgresResource;

/**
 * Inserts are audited per statement (sqm_audit_inserts(), over the statement's new rows) and the events
 * are exactly the row trigger's: every stored INSERT event is compared, in the same database, with what
 * sqm_audit_row() writes for the same rows inserted into a copy of the table that has only the row
 * trigger.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class InsertAuditTest {

    private static final String HALL = UUID.randomUUID().toString();

    /** The row trigger's arguments per audited part of a complaint, as R__audit_triggers.sql attaches them. */
    private static final Map<String, String> ROW_TRIGGER = Map.of(
            "complaint",
            "'complaints', 'id', 'complainant_name', 'complainant_email', 'complainant_phone', 'request_hash'",
            "complaint_deadline",
            "'complaints', 'complaint_id'",
            "complaint_pause",
            "'complaints', 'complaint_id'",
            "complaint_event",
            "'complaints', 'complaint_id'");

    /**
     * An event as the API reads it: its changes through sqm_audit_changes(), which expands the compact form
     * the statement trigger stores; the stored form itself follows, so a personal value stored in either
     * shows.
     */
    private static final String EVENT_COLUMNS = "actor || '|' || action || '|' || request_id || '|' || resource || '|'"
            + " || record || '|' || operation || '|' || sqm_audit_changes(changes)::text";

    private static final String STORED_CHANGES = "changes::text";

    static {
        FakeStandardsBackend.register(HALL, null, true, true);
    }

    @GrpcClient("complaints")
    ComplaintServiceBlockingStub complaints;

    @Inject
    DataSource dataSource;

    private static Complaint.Builder complaint(String description, Complainant.Builder complainant) {
        return Complaint.newBuilder()
                .setUnitId(HALL)
                .setChannel(ComplaintChannel.COMPLAINT_CHANNEL_PHONE)
                .setCategory("BILLING")
                .setSeverity(Severity.SEVERITY_MEDIUM)
                .setDescription(description)
                .setComplainant(complainant);
    }

    @Test
    void aComplaintCreatedAloneIsAuditedAsTheRowTriggerAuditsIt() throws SQLException {
        String requestId = "insert-audit-" + UUID.randomUUID();
        Complaint created = AsRole.withRequestId(complaints, requestId, "complaint-handler", HALL)
                .withDeadlineAfter(60, TimeUnit.SECONDS)
                .createComplaint(CreateComplaintRequest.newBuilder()
                        .setComplaint(complaint(
                                        "Charged twice for the same month.",
                                        Complainant.newBuilder()
                                                .setName("Zhao Liu")
                                                .setEmail("zhao.liu@example.org")
                                                .setPhone("+86 10 5555 0142"))
                                .setRemedySought("Refund"))
                        .build());

        List<String> stored = assertSameAsRowTrigger(
                List.of(created.getId()),
                "complaint-handler@sqm.dev",
                ComplaintServiceGrpc.getCreateComplaintMethod().getFullMethodName(),
                requestId);
        assertEquals(5, stored.size(), "the complaint, its 3 deadlines and its history's first event: " + stored);
    }

    @Test
    void aBatchIsAuditedAsTheRowTriggerAuditsIt() throws SQLException {
        String requestId = "insert-audit-batch-" + UUID.randomUUID();
        BatchCreateComplaintsRequest.Builder request = BatchCreateComplaintsRequest.newBuilder();
        for (int i = 0; i < 4; i++) {
            // Half without e-mail: a personal column that is null is recorded as redacted all the same.
            Complainant.Builder complainant =
                    Complainant.newBuilder().setName("Sun Qi " + i).setPhone("+86 10 5555 02" + i + "0");
            if (i % 2 == 0) {
                complainant.setEmail("sun.qi." + i + "@example.org");
            }
            request.addRequests(CreateComplaintRequest.newBuilder()
                    .setComplaint(complaint("Billed for a line never installed, item " + i + ".", complainant))
                    .setRequestId(requestId + "-" + i)
                    .setActor("import"));
        }
        BatchCreateComplaintsResponse answer = AsRole.withRequestId(complaints, requestId, "complaint-handler", HALL)
                .withDeadlineAfter(60, TimeUnit.SECONDS)
                .batchCreateComplaints(request.build());
        List<String> ids = answer.getResultsList().stream()
                .map(BatchCreateComplaintResult::getComplaint)
                .map(Complaint::getId)
                .toList();
        assertEquals(4, ids.size());
        assertTrue(ids.stream().noneMatch(String::isEmpty), answer::toString);

        List<String> stored = assertSameAsRowTrigger(
                ids,
                "complaint-handler@sqm.dev",
                ComplaintServiceGrpc.getBatchCreateComplaintsMethod().getFullMethodName(),
                requestId);
        assertEquals(4 * 5, stored.size(), stored::toString);
    }

    @Test
    void insertsOutsideAnyRpcFallBackAsTheRowTriggerDoes() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement sql = connection.createStatement()) {
                long before = lastSequence(sql);
                UUID first = UUID.randomUUID();
                UUID second = UUID.randomUUID();
                // Multi-row statements without any audit settings: one complaint with its nullable columns
                // null, one with a contact, two pauses, an event.
                String inserts =
                        "INSERT INTO %1$scomplaint (id, reference, unit_id, channel, description, receive_time,"
                                + " create_time, category, severity, complainant_name, update_time) VALUES"
                                + " ('" + first + "', 'C-T-" + first.toString().substring(0, 8) + "', '" + HALL
                                + "', 'PHONE', 'Loud music in the hall.', now(), now(), 'OTHER', 'LOW', NULL, now()),"
                                + " ('" + second + "', 'C-T-"
                                + second.toString().substring(0, 8) + "', '" + HALL
                                + "', 'EMAIL', 'Wrong tariff.', now(), now(), 'BILLING', 'HIGH', 'Qian Ba', now());"
                                + " INSERT INTO %1$scomplaint_pause (complaint_id, position, start_time, end_time) VALUES"
                                + " ('" + first + "', 0, now(), now()), ('" + first + "', 1, now(), NULL);"
                                + " INSERT INTO %1$scomplaint_event (id, complaint_id, event_time, actor, action, to_status)"
                                + " VALUES (-1, '" + second + "', now(), 'import', 'RECEIVE', 'RECEIVED')";
                sql.execute(inserts.formatted("public."));
                List<String> stored = events(sql, before);
                assertEquals(5, stored.size(), stored::toString);
                for (String event : stored) {
                    assertTrue(
                            event.startsWith("database:") && event.contains("|unattributed||complaints/"),
                            "actor, action and request id fall back: " + event);
                }
                assertTrue(
                        stored.stream()
                                .anyMatch(e -> e.contains("{\"field\": \"complainant_name\", \"redacted\": true}")
                                        && e.contains("{\"field\": \"resolve_time\"}")),
                        "a null personal column redacted, a null column named without value: " + stored);
                assertFalse(stored.toString().contains("Qian Ba"));

                long copied = lastSequence(sql);
                createRowTriggerCopies(sql);
                sql.execute(inserts.formatted("pg_temp."));
                assertEquals(sorted(stored), sorted(events(sql, copied)));
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        }
    }

    @Test
    void theTriggersMigrationRunsAgainAndLeavesInsertsToTheStatementTrigger() throws SQLException, IOException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement sql = connection.createStatement()) {
                sql.execute(resource("db/audit/R__0_audit_trail.sql"));
                sql.execute(resource("db/migration/R__audit_triggers.sql"));
                sql.execute(resource("db/migration/R__audit_triggers.sql"));
                List<String> triggers = new ArrayList<>();
                try (ResultSet r = sql.executeQuery("SELECT c.relname || ' ' || t.tgname || ' ' || p.proname"
                        + " || ' ' || (pg_get_triggerdef(t.oid) LIKE '%FOR EACH STATEMENT%')"
                        + " || ' ' || (pg_get_triggerdef(t.oid) LIKE '%AFTER INSERT ON%')"
                        + " FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_proc p ON p.oid = t.tgfoid"
                        + " WHERE NOT t.tgisinternal AND c.relname LIKE 'complaint%'")) {
                    while (r.next()) {
                        triggers.add(r.getString(1));
                    }
                }
                assertEquals(
                        List.of(
                                "complaint audit sqm_audit_row false false",
                                "complaint audit_insert sqm_audit_inserts true true",
                                "complaint_category audit sqm_audit_row false false",
                                "complaint_deadline audit sqm_audit_row false false",
                                "complaint_deadline audit_insert sqm_audit_inserts true true",
                                "complaint_event audit sqm_audit_row false false",
                                "complaint_event audit_insert sqm_audit_inserts true true",
                                "complaint_pause audit sqm_audit_row false false",
                                "complaint_pause audit_insert sqm_audit_inserts true true"),
                        sorted(triggers));
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        }
    }

    /**
     * The stored INSERT events of the complaints (and their parts) against the row trigger's events for
     * the same rows, written under the same audit settings; answers the stored events.
     */
    private List<String> assertSameAsRowTrigger(
            List<String> complaintIds, String actor, String action, String requestId) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement sql = connection.createStatement()) {
                List<String> stored = insertEvents(connection, EVENT_COLUMNS, complaintIds);
                for (String event : stored) {
                    assertTrue(event.startsWith(actor + "|" + action + "|" + requestId + "|"), event);
                }
                String contact = stored.stream()
                        .filter(e -> e.contains("|complaint|"))
                        .findFirst()
                        .orElseThrow();
                for (String field :
                        List.of("complainant_name", "complainant_email", "complainant_phone", "request_hash")) {
                    assertTrue(contact.contains("{\"field\": \"" + field + "\", \"redacted\": true}"), field);
                }
                List<String> raw = insertEvents(connection, STORED_CHANGES, complaintIds);
                assertEquals(stored.size(), raw.size());
                for (String value : List.of("Zhao Liu", "Sun Qi", "5555 01", "5555 02", "@example.org")) {
                    assertFalse(stored.toString().contains(value), value + " in the audit trail");
                    assertFalse(raw.toString().contains(value), value + " stored in the audit trail");
                }

                long copied = lastSequence(sql);
                createRowTriggerCopies(sql);
                try (PreparedStatement settings = connection.prepareStatement(
                        "SELECT set_config('sqm.actor', ?, true), set_config('sqm.action', ?, true),"
                                + " set_config('sqm.request_id', ?, true)")) {
                    settings.setString(1, actor);
                    settings.setString(2, action);
                    settings.setString(3, requestId);
                    settings.execute();
                }
                String ids = "("
                        + String.join(
                                ", ",
                                complaintIds.stream().map(id -> "'" + id + "'").toList()) + ")";
                sql.execute("INSERT INTO pg_temp.complaint SELECT * FROM public.complaint WHERE id IN " + ids);
                for (String part : List.of("complaint_deadline", "complaint_pause", "complaint_event")) {
                    sql.execute("INSERT INTO pg_temp." + part + " SELECT * FROM public." + part
                            + " WHERE complaint_id IN " + ids);
                }
                assertEquals(sorted(stored), sorted(events(sql, copied)));
                return stored;
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        }
    }

    /** The INSERT events of the complaints (and their parts), oldest first, as {@code columns} shows them. */
    private static List<String> insertEvents(Connection connection, String columns, List<String> complaintIds)
            throws SQLException {
        List<String> events = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT " + columns
                + " FROM audit_event WHERE resource = ANY (?) AND operation = 'INSERT' ORDER BY sequence")) {
            select.setArray(
                    1,
                    connection.createArrayOf(
                            "text",
                            complaintIds.stream().map(id -> "complaints/" + id).toArray()));
            try (ResultSet r = select.executeQuery()) {
                while (r.next()) {
                    events.add(r.getString(1));
                }
            }
        }
        return events;
    }

    /**
     * Copies of the audited tables under the same names in this transaction's temporary schema, each with
     * only the row trigger for INSERT (so its events name the same record); gone at the end of it.
     */
    private static void createRowTriggerCopies(Statement sql) throws SQLException {
        for (Map.Entry<String, String> table : ROW_TRIGGER.entrySet()) {
            sql.execute("CREATE TEMP TABLE " + table.getKey() + " (LIKE public." + table.getKey()
                    + " INCLUDING DEFAULTS) ON COMMIT DROP");
            sql.execute("CREATE TRIGGER audit AFTER INSERT ON pg_temp." + table.getKey()
                    + " FOR EACH ROW EXECUTE FUNCTION sqm_audit_row(" + table.getValue() + ")");
        }
    }

    private static long lastSequence(Statement sql) throws SQLException {
        try (ResultSet r = sql.executeQuery("SELECT coalesce(max(sequence), 0) FROM audit_event")) {
            r.next();
            return r.getLong(1);
        }
    }

    private static List<String> events(Statement sql, long after) throws SQLException {
        List<String> events = new ArrayList<>();
        try (ResultSet r = sql.executeQuery(
                "SELECT " + EVENT_COLUMNS + " FROM audit_event WHERE sequence > " + after + " ORDER BY sequence")) {
            while (r.next()) {
                events.add(r.getString(1));
            }
        }
        return events;
    }

    private static List<String> sorted(List<String> events) {
        return events.stream().sorted().toList();
    }

    private static String resource(String path) throws IOException {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
