package org.sqm.standards.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.FieldMask;
import io.agroal.api.AgroalDataSource;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.sqm.proto.common.v1.AuditEvent;
import org.sqm.proto.common.v1.AuditServiceGrpc.AuditServiceBlockingStub;
import org.sqm.proto.common.v1.FieldChange;
import org.sqm.proto.common.v1.ListAuditEventsRequest;
import org.sqm.proto.standards.v1.CreateUnitRequest;
import org.sqm.proto.standards.v1.Unit;
import org.sqm.proto.standards.v1.UnitServiceGrpc;
import org.sqm.proto.standards.v1.UnitServiceGrpc.UnitServiceBlockingStub;
import org.sqm.proto.standards.v1.UnitType;
import org.sqm.proto.standards.v1.UpdateUnitRequest;
import org.sqm.testing.EmbeddedPostgresResource;
import org.sqm.testing.auth.Bearer;

/** Every change is recorded with who, what RPC, which request and which fields; the trail is append-only. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class AuditTrailTest {

    @GrpcClient("units")
    UnitServiceBlockingStub units;

    @GrpcClient("audit")
    AuditServiceBlockingStub audit;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void anUpdateOfAUnitIsRecordedWithActorActionRequestIdAndChangedFields() {
        String code = "AUD-" + UUID.randomUUID().toString().substring(0, 8);
        Unit unit = units.createUnit(CreateUnitRequest.newBuilder()
                .setUnit(Unit.newBuilder().setCode(code).setName("Before").setType(UnitType.UNIT_TYPE_COMPANY))
                .build());
        String requestId = "req-" + UUID.randomUUID();

        As.headers(units, Bearer.administratorAs("auditor@sqm.dev"), requestId)
                .updateUnit(UpdateUnitRequest.newBuilder()
                        .setUnit(unit.toBuilder().setName("After"))
                        .setUpdateMask(FieldMask.newBuilder().addPaths("name"))
                        .build());

        List<AuditEvent> events = audit.listAuditEvents(ListAuditEventsRequest.newBuilder()
                        .setResource("units/" + unit.getId())
                        .build())
                .getEventsList();
        assertEquals(
                List.of("INSERT", "UPDATE"),
                events.stream().map(AuditEvent::getOperation).toList());
        AuditEvent created = events.get(0);
        assertEquals("service:standards-service", created.getActor());
        assertEquals(UnitServiceGrpc.getCreateUnitMethod().getFullMethodName(), created.getAction());
        AuditEvent updated = events.get(1);
        assertEquals("auditor@sqm.dev", updated.getActor());
        assertEquals("sqm.standards.v1.UnitService/UpdateUnit", updated.getAction());
        assertEquals(requestId, updated.getRequestId());
        assertEquals("unit", updated.getRecord());
        FieldChange name = updated.getChangesList().stream()
                .filter(c -> c.getField().equals("name"))
                .findFirst()
                .orElseThrow();
        assertEquals("\"Before\"", name.getBefore());
        assertEquals("\"After\"", name.getAfter());
        assertTrue(updated.getChangesList().stream().anyMatch(c -> c.getField().equals("version")));
        assertTrue(updated.getChangesList().stream().noneMatch(c -> c.getField().equals("code")));
    }

    @Test
    void theTrailRefusesUpdateDeleteAndTruncate() throws SQLException {
        units.createUnit(CreateUnitRequest.newBuilder()
                .setUnit(Unit.newBuilder()
                        .setCode("AUD-" + UUID.randomUUID().toString().substring(0, 8))
                        .setName("Any")
                        .setType(UnitType.UNIT_TYPE_COMPANY))
                .build());
        for (String sql : List.of(
                "update audit_event set actor = 'someone else'", "delete from audit_event", "truncate audit_event")) {
            try (Connection connection = dataSource.getConnection();
                    Statement statement = connection.createStatement()) {
                SQLException refused = assertThrows(SQLException.class, () -> statement.execute(sql), sql);
                assertEquals("42501", refused.getSQLState(), sql);
            }
        }
    }

    @Test
    void everyTableOfTheServiceIsAudited() throws SQLException {
        List<String> unaudited = new java.util.ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                java.sql.ResultSet tables = statement.executeQuery(
                        """
                        select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                        where n.nspname = current_schema() and c.relkind = 'r'
                          and c.relname not in ('audit_event', 'flyway_schema_history')
                          and not exists (select 1 from pg_trigger t
                                          where t.tgrelid = c.oid and t.tgname = 'audit')
                        order by 1""")) {
            while (tables.next()) {
                unaudited.add(tables.getString(1));
            }
        }
        assertEquals(List.of(), unaudited);
    }

    @Test
    void personalColumnsAreRecordedAsChangedWithoutTheirValuesAndNoOpUpdatesNotAtAll() throws SQLException {
        String id = UUID.randomUUID().toString();
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("create temporary table contact (id text primary key, name text, phone text)");
            statement.execute("create trigger audit after insert or update or delete on contact for each row"
                    + " execute function sqm_audit_row('contacts', 'id', 'phone')");
            statement.execute("insert into contact values ('" + id + "', 'Ann', '+1 555 0100')");
            statement.execute("update contact set phone = '+1 555 0199' where id = '" + id + "'");
            statement.execute("update contact set name = name where id = '" + id + "'");
            statement.execute("drop table contact");
        }

        List<AuditEvent> events = audit.listAuditEvents(ListAuditEventsRequest.newBuilder()
                        .setResource("contacts/" + id)
                        .build())
                .getEventsList();
        assertEquals(
                List.of("INSERT", "UPDATE"),
                events.stream().map(AuditEvent::getOperation).toList());
        FieldChange phone = events.get(1).getChanges(0);
        assertEquals(1, events.get(1).getChangesCount());
        assertEquals("phone", phone.getField());
        assertTrue(phone.getRedacted());
        assertEquals("", phone.getBefore());
        assertEquals("", phone.getAfter());
        assertTrue(events.get(0).getChangesList().stream()
                .filter(c -> c.getField().equals("phone"))
                .allMatch(c -> c.getRedacted() && c.getAfter().isEmpty()));
        assertTrue(events.get(0).getChangesList().stream()
                .anyMatch(c -> c.getField().equals("name") && c.getAfter().equals("\"Ann\"")));
        // Outside any service transaction the database names the session user.
        assertTrue(
                events.get(0).getActor().startsWith("database:"), events.get(0).getActor());
    }
}
