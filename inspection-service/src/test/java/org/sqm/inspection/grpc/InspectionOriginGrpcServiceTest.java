package org.sqm.inspection.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.sqm.commons.convert.ProtoTime;
import org.sqm.proto.inspection.v1.AssignInspectorsRequest;
import org.sqm.proto.inspection.v1.AuthorityLevel;
import org.sqm.proto.inspection.v1.CreateInspectionRequest;
import org.sqm.proto.inspection.v1.CreateInspectorRequest;
import org.sqm.proto.inspection.v1.GetInspectionRequest;
import org.sqm.proto.inspection.v1.Inspection;
import org.sqm.proto.inspection.v1.InspectionKind;
import org.sqm.proto.inspection.v1.InspectionOrigin;
import org.sqm.proto.inspection.v1.InspectionServiceGrpc.InspectionServiceBlockingStub;
import org.sqm.proto.inspection.v1.Inspector;
import org.sqm.proto.inspection.v1.InspectorServiceGrpc.InspectorServiceBlockingStub;
import org.sqm.proto.inspection.v1.ListInspectionsRequest;
import org.sqm.proto.inspection.v1.OriginFigure;
import org.sqm.proto.inspection.v1.StartInspectionRequest;
import org.sqm.proto.standards.v1.UnitType;
import org.sqm.testing.EmbeddedPostgresResource;
import org.sqm.testing.GrpcErrors;

/** An inspection's origin: validated and stored at create, returned everywhere, never changed. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class InspectionOriginGrpcServiceTest {

    static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @GrpcClient("inspections")
    InspectionServiceBlockingStub inspections;

    @GrpcClient("inspectors")
    InspectorServiceBlockingStub inspectors;

    static InspectionOrigin origin(String reason) {
        return InspectionOrigin.newBuilder()
                .setRequestedBy("scoring-service/spot-checks")
                .setReference(UUID.randomUUID().toString())
                .setReason(reason)
                .addFigures(OriginFigure.newBuilder()
                        .setName("satisfaction index (all segments)")
                        .setPeriod("2026-02")
                        .setValue(82.5))
                .addFigures(OriginFigure.newBuilder()
                        .setName("satisfaction index (all segments)")
                        .setPeriod("2026-03")
                        .setValue(70.25))
                .addFigures(OriginFigure.newBuilder().setName("points").setValue(10))
                .build();
    }

    Inspection create(String unit, String standard, InspectionOrigin origin, String requestId) {
        Inspection.Builder i = Inspection.newBuilder()
                .setUnitId(unit)
                .setKind(InspectionKind.INSPECTION_KIND_SPOT_CHECK)
                .setAuthorityLevel(AuthorityLevel.AUTHORITY_LEVEL_CITY)
                .setStandardCode(standard)
                .setWindowStart(ProtoTime.timestamp(NOW))
                .setWindowEnd(ProtoTime.timestamp(NOW.plus(Duration.ofDays(14))));
        if (origin != null) {
            i.setOrigin(origin);
        }
        return inspections.createInspection(CreateInspectionRequest.newBuilder()
                .setInspection(i)
                .setRequestId(requestId)
                .build());
    }

    List<Inspection> listed(String unit) {
        return inspections
                .listInspections(
                        ListInspectionsRequest.newBuilder().setUnitId(unit).build())
                .getInspectionsList();
    }

    String inspector(AuthorityLevel level) {
        String cert = "C-" + UUID.randomUUID().toString().substring(0, 12);
        return inspectors
                .createInspector(CreateInspectorRequest.newBuilder()
                        .setInspector(Inspector.newBuilder()
                                .setName("Inspector " + cert)
                                .setCertificateNumber(cert)
                                .setAuthorityLevel(level)
                                .setValidFrom(ProtoTime.timestamp(NOW.minus(Duration.ofDays(30))))
                                .setValidUntil(ProtoTime.timestamp(NOW.plus(Duration.ofDays(400))))
                                .addQualifiedKinds(InspectionKind.INSPECTION_KIND_SPOT_CHECK))
                        .build())
                .getId();
    }

    @Test
    void originIsStoredReturnedByGetListsAndChangesAndNeverChanges() {
        String unit = FakeStandardsBackend.unit(null, UnitType.UNIT_TYPE_SERVICE_HALL);
        String std = InspectionFlows.code();
        FakeStandardsBackend.publish(std, 1, "1.1.1:m", "1.1.2");
        InspectionOrigin origin = origin("satisfaction index fell by 12.25 points against the month before");

        Inspection created = create(unit, std, origin, "spot-check:" + origin.getReference());
        assertEquals(origin, created.getOrigin());
        assertEquals(
                origin,
                inspections
                        .getInspection(GetInspectionRequest.newBuilder()
                                .setId(created.getId())
                                .build())
                        .getOrigin());
        assertEquals(
                List.of(origin),
                listed(unit).stream().map(Inspection::getOrigin).toList());

        Inspection assigned = inspections.assignInspectors(AssignInspectorsRequest.newBuilder()
                .setId(created.getId())
                .setEtag(created.getEtag())
                .addInspectorIds(inspector(AuthorityLevel.AUTHORITY_LEVEL_CITY))
                .addInspectorIds(inspector(AuthorityLevel.AUTHORITY_LEVEL_PROVINCIAL))
                .build());
        assertEquals(origin, assigned.getOrigin());
        Inspection started = inspections.startInspection(StartInspectionRequest.newBuilder()
                .setId(assigned.getId())
                .setEtag(assigned.getEtag())
                .build());
        assertEquals(origin, started.getOrigin());
    }

    @Test
    void anInspectionWithoutOriginHasNone() {
        String unit = FakeStandardsBackend.unit(null, UnitType.UNIT_TYPE_SERVICE_HALL);
        String std = InspectionFlows.code();
        FakeStandardsBackend.publish(std, 1, "1.1.1:m");
        Inspection created = create(unit, std, null, "");
        assertFalse(created.hasOrigin());
        assertFalse(listed(unit).get(0).hasOrigin());
    }

    @Test
    void theOriginIsPartOfTheRequestIdComparison() {
        String unit = FakeStandardsBackend.unit(null, UnitType.UNIT_TYPE_SERVICE_HALL);
        String std = InspectionFlows.code();
        FakeStandardsBackend.publish(std, 1, "1.1.1:m");
        InspectionOrigin origin = origin("complaint rate above the upper quartile");
        String requestId = "spot-check:" + origin.getReference();

        Inspection first = create(unit, std, origin, requestId);
        Inspection again = create(unit, std, origin, requestId);
        assertEquals(first.getId(), again.getId());

        InspectionOrigin other = origin.toBuilder().setReason("another reason").build();
        StatusRuntimeException reused =
                assertThrows(StatusRuntimeException.class, () -> create(unit, std, other, requestId));
        assertEquals(Status.Code.ALREADY_EXISTS, reused.getStatus().getCode());
        assertEquals("REQUEST_ID_REUSED", GrpcErrors.errorInfo(reused).getReason());
        assertEquals(1, listed(unit).size());
    }

    @Test
    void aBadOriginNamesEveryBadFieldAndWritesNothing() {
        String unit = FakeStandardsBackend.unit(null, UnitType.UNIT_TYPE_SERVICE_HALL);
        String std = InspectionFlows.code();
        FakeStandardsBackend.publish(std, 1, "1.1.1:m");
        InspectionOrigin.Builder bad = InspectionOrigin.newBuilder()
                .setRequestedBy("x".repeat(101))
                .setReference("")
                .setReason(" ")
                .addFigures(OriginFigure.newBuilder().setName("").setPeriod("p".repeat(21)));
        for (int i = 0; i < 20; i++) {
            bad.addFigures(OriginFigure.newBuilder().setName("figure " + i).setValue(i));
        }

        StatusRuntimeException e = assertThrows(
                StatusRuntimeException.class, () -> create(unit, std, bad.build(), "r-" + UUID.randomUUID()));
        assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode());
        List<String> fields = GrpcErrors.violatedFields(e);
        for (String field : List.of(
                "inspection.origin.requested_by",
                "inspection.origin.reference",
                "inspection.origin.reason",
                "inspection.origin.figures",
                "inspection.origin.figures[0].name",
                "inspection.origin.figures[0].period")) {
            assertTrue(fields.contains(field), field + " in " + fields);
        }
        assertEquals(6, fields.size(), fields.toString());
        assertTrue(listed(unit).isEmpty());
    }
}
