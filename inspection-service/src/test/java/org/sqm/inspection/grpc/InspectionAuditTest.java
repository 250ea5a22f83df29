package org.sqm.inspection.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.sqm.commons.convert.ProtoTime;
import org.sqm.inspection.service.InspectionWatch;
import org.sqm.proto.common.v1.AuditEvent;
import org.sqm.proto.common.v1.AuditServiceGrpc.AuditServiceBlockingStub;
import org.sqm.proto.common.v1.FieldChange;
import org.sqm.proto.common.v1.ListAuditEventsRequest;
import org.sqm.proto.common.v1.ListAuditEventsResponse;
import org.sqm.proto.inspection.v1.AssignInspectorsRequest;
import org.sqm.proto.inspection.v1.AuthorityLevel;
import org.sqm.proto.inspection.v1.CreateInspectionRequest;
import org.sqm.proto.inspection.v1.CreateInspectorRequest;
import org.sqm.proto.inspection.v1.Inspection;
import org.sqm.proto.inspection.v1.InspectionKind;
import org.sqm.proto.inspection.v1.InspectionServiceGrpc.InspectionServiceBlockingStub;
import org.sqm.proto.inspection.v1.Inspector;
import org.sqm.proto.inspection.v1.InspectorServiceGrpc.InspectorServiceBlockingStub;
import org.sqm.proto.inspection.v1.RateElementsRequest;
import org.sqm.proto.inspection.v1.Rating;
import org.sqm.proto.inspection.v1.StartInspectionRequest;
import org.sqm.proto.standards.v1.UnitType;
import org.sqm.testing.EmbeddedPostgresResource;

/**
 * The audit trail of an inspection: each change through gRPC is recorded under inspections/{id} with
 * the token's subject, the RPC, the request id and the fields that changed; the watch under its job
 * name; the trail itself refuses to change.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class InspectionAuditTest {

    static final String RATE = "sqm.inspection.v1.InspectionService/RateElements";

    @GrpcClient("inspections")
    InspectionServiceBlockingStub inspections;

    @GrpcClient("inspectors")
    InspectorServiceBlockingStub inspectors;

    @GrpcClient("audit")
    AuditServiceBlockingStub audit;

    @Inject
    DataSource db;

    @Inject
    InspectionWatch watch;

    String subject = "inspector-" + UUID.randomUUID() + "@sqm.dev";

    Inspection assignedInspection(Instant windowStart, Instant windowEnd) {
        String unit = FakeStandardsBackend.unit(null, UnitType.UNIT_TYPE_SERVICE_HALL);
        String std = "STD-" + UUID.randomUUID().toString().substring(0, 8);
        FakeStandardsBackend.publish(std, 1, "1.1.1:m", "1.1.2");
        String cert = "C-" + UUID.randomUUID().toString().substring(0, 12);
        Instant now = Instant.now();
        Inspector inspector = inspectors.createInspector(CreateInspectorRequest.newBuilder()
                .setInspector(Inspector.newBuilder()
                        .setName("Inspector " + cert)
                        .setCertificateNumber(cert)
                        .setAuthorityLevel(AuthorityLevel.AUTHORITY_LEVEL_PROVINCIAL)
                        .setValidFrom(ProtoTime.timestamp(now.minus(Duration.ofDays(30))))
                        .setValidUntil(ProtoTime.timestamp(now.plus(Duration.ofDays(400))))
                        .addQualifiedKinds(InspectionKind.INSPECTION_KIND_ON_SITE_ASSESSMENT)
                        .setSubject(subject))
                .build());
        Inspection created = inspections.createInspection(CreateInspectionRequest.newBuilder()
                .setInspection(Inspection.newBuilder()
                        .setUnitId(unit)
                        .setKind(InspectionKind.INSPECTION_KIND_ON_SITE_ASSESSMENT)
                        .setAuthorityLevel(AuthorityLevel.AUTHORITY_LEVEL_UNIT)
                        .setStandardCode(std)
                        .setWindowStart(ProtoTime.timestamp(windowStart))
                        .setWindowEnd(ProtoTime.timestamp(windowEnd)))
                .build());
        return inspections.assignInspectors(AssignInspectorsRequest.newBuilder()
                .setId(created.getId())
                .setEtag(created.getEtag())
                .addInspectorIds(inspector.getId())
                .build());
    }

    List<AuditEvent> trail(String resource) {
        AuditServiceBlockingStub asQualityManager = Tokens.as(audit, Tokens.of("quality-manager"));
        ListAuditEventsResponse page = asQualityManager.listAuditEvents(ListAuditEventsRequest.newBuilder()
                .setResource(resource)
                .setPageSize(1000)
                .build());
        assertEquals("", page.getNextPageToken());
        return page.getEventsList();
    }

    static Map<String, FieldChange> changes(AuditEvent event) {
        return event.getChangesList().stream().collect(Collectors.toMap(FieldChange::getField, c -> c));
    }

    @Test
    void aRatingIsRecordedUnderItsInspectionWithWhoWhatWhichRequestAndTheFieldsThatChanged() {
        Instant now = Instant.now();
        Inspection inspection = assignedInspection(now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(30)));
        String token = Tokens.of(subject, List.of("inspector"), List.of());
        Tokens.as(inspections, token, "start-" + UUID.randomUUID())
                .startInspection(StartInspectionRequest.newBuilder()
                        .setId(inspection.getId())
                        .setEtag(inspection.getEtag())
                        .build());
        String first = "rate-" + UUID.randomUUID();
        Tokens.as(inspections, token, first)
                .rateElements(RateElementsRequest.newBuilder()
                        .setId(inspection.getId())
                        .addRatings(Rating.newBuilder()
                                .setElementCode("1.1.1")
                                .setLevelCode("COMPLIANT")
                                .setEvidenceNotes("queue under five minutes"))
                        .build());
        String second = "rate-" + UUID.randomUUID();
        Tokens.as(inspections, token, second)
                .rateElements(RateElementsRequest.newBuilder()
                        .setId(inspection.getId())
                        .addRatings(Rating.newBuilder()
                                .setElementCode("1.1.1")
                                .setLevelCode("NON_COMPLIANCE")
                                .setEvidenceNotes("queue over thirty minutes"))
                        .build());

        List<AuditEvent> trail = trail("inspections/" + inspection.getId());
        List<AuditEvent> ratings =
                trail.stream().filter(e -> e.getRecord().equals("rating")).toList();
        assertEquals(2, ratings.size(), trail.toString());

        AuditEvent inserted = ratings.get(0);
        assertEquals("INSERT", inserted.getOperation());
        assertEquals(subject, inserted.getActor());
        assertEquals(RATE, inserted.getAction());
        assertEquals(first, inserted.getRequestId());
        assertEquals("\"COMPLIANT\"", changes(inserted).get("level_code").getAfter());
        assertEquals(
                "\"" + inspection.getId() + "\"",
                changes(inserted).get("inspection_id").getAfter());

        AuditEvent updated = ratings.get(1);
        assertEquals("UPDATE", updated.getOperation());
        assertEquals(subject, updated.getActor());
        assertEquals(second, updated.getRequestId());
        FieldChange level = changes(updated).get("level_code");
        assertEquals("\"COMPLIANT\"", level.getBefore());
        assertEquals("\"NON_COMPLIANCE\"", level.getAfter());
        assertEquals(
                "\"queue over thirty minutes\"",
                changes(updated).get("evidence_notes").getAfter());
        assertTrue(!changes(updated).containsKey("element_code"), "unchanged fields are left out");

        // The inspection's own rows and its moves are there too, in order.
        List<String> records =
                trail.stream().map(AuditEvent::getRecord).distinct().toList();
        assertTrue(
                records.containsAll(List.of("inspection", "inspection_inspector", "move_history", "rating")),
                records.toString());
        assertTrue(trail.stream()
                .anyMatch(e -> e.getRecord().equals("move_history")
                        && e.getAction().equals("sqm.inspection.v1.InspectionService/StartInspection")
                        && e.getActor().equals(subject)));
        for (int i = 1; i < trail.size(); i++) {
            assertTrue(trail.get(i - 1).getSequence() < trail.get(i).getSequence());
        }
    }

    @Test
    void theWatchIsRecordedUnderItsJobName() throws Exception {
        Instant now = Instant.now();
        Inspection inspection = assignedInspection(now.minus(Duration.ofDays(2)), now.plus(Duration.ofDays(1)));
        try (Connection c = db.getConnection();
                Statement s = c.createStatement()) {
            s.executeUpdate("update inspection set window_end = now() - interval '1 hour' where id = '"
                    + inspection.getId() + "'");
        }
        Method scheduled = InspectionWatch.class.getDeclaredMethod("scheduled");
        scheduled.setAccessible(true);
        scheduled.invoke(watch);
        AuditEvent missed = trail("inspections/" + inspection.getId()).stream()
                .filter(e -> e.getOperation().equals("UPDATE") && changes(e).containsKey("missed"))
                .findFirst()
                .orElseThrow();
        assertEquals("job:inspection-watch", missed.getAction());
        assertEquals("service:inspection-service", missed.getActor());
        assertEquals("true", changes(missed).get("missed").getAfter());
    }

    @Test
    void theTrailRefusesUpdateAndDelete() throws Exception {
        Instant now = Instant.now();
        Inspection inspection = assignedInspection(now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(30)));
        assertTrue(!trail("inspections/" + inspection.getId()).isEmpty());
        for (String sql : List.of(
                "update audit_event set actor = 'someone else' where resource = 'inspections/" + inspection.getId()
                        + "'",
                "delete from audit_event where resource = 'inspections/" + inspection.getId() + "'")) {
            try (Connection c = db.getConnection();
                    Statement s = c.createStatement()) {
                SQLException refused = assertThrows(SQLException.class, () -> s.executeUpdate(sql), sql);
                assertEquals("42501", refused.getSQLState(), sql);
            }
        }
    }
}
