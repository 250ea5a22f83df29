package org.sqm.inspection.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Timestamp;
import grpc.health.v1.HealthGrpc;
import grpc.health.v1.HealthOuterClass.HealthCheckRequest;
import grpc.health.v1.HealthOuterClass.HealthCheckResponse;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.sqm.proto.inspection.v1.AuthorityLevel;
import org.sqm.proto.inspection.v1.CreateInspectorRequest;
import org.sqm.proto.inspection.v1.GetInspectorRequest;
import org.sqm.proto.inspection.v1.InspectionKind;
import org.sqm.proto.inspection.v1.Inspector;
import org.sqm.proto.inspection.v1.InspectorServiceGrpc.InspectorServiceBlockingStub;
import org.sqm.proto.inspection.v1.ListInspectorsRequest;
import org.sqm.proto.inspection.v1.ListInspectorsResponse;
import org.sqm.testing.EmbeddedPostgresResource;
import org.sqm.testing.GrpcErrors;

@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class InspectorGrpcServiceTest {

    private static final Timestamp FROM = Timestamp.newBuilder()
            .setSeconds(Instant.parse("2026-01-01T00:00:00Z").getEpochSecond())
            .build();
    private static final Timestamp UNTIL = Timestamp.newBuilder()
            .setSeconds(Instant.parse("2028-01-01T00:00:00Z").getEpochSecond())
            .build();

    @GrpcClient("inspectors")
    InspectorServiceBlockingStub inspectors;

    @GrpcClient("health")
    HealthGrpc.HealthBlockingStub health;

    private Inspector register(String certificate, String requestId) {
        return inspectors.createInspector(CreateInspectorRequest.newBuilder()
                .setInspector(Inspector.newBuilder()
                        .setName("Jane Doe")
                        .setCertificateNumber(certificate)
                        .setAuthorityLevel(AuthorityLevel.AUTHORITY_LEVEL_PROVINCIAL)
                        .setValidFrom(FROM)
                        .setValidUntil(UNTIL)
                        .addQualifiedKinds(InspectionKind.INSPECTION_KIND_ON_SITE_ASSESSMENT))
                .setRequestId(requestId)
                .build());
    }

    private static String certificate() {
        return "CERT/" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void registeredInspectorCanBeReadBack() {
        Inspector created = register(certificate(), "");

        Inspector read = inspectors.getInspector(
                GetInspectorRequest.newBuilder().setId(created.getId()).build());

        assertEquals(created, read);
        assertEquals(FROM, read.getValidFrom());
        assertEquals(AuthorityLevel.AUTHORITY_LEVEL_PROVINCIAL, read.getAuthorityLevel());
    }

    @Test
    void retryWithTheSameRequestIdRegistersOnce() {
        String requestId = UUID.randomUUID().toString();
        String certificate = certificate();

        assertEquals(
                register(certificate, requestId).getId(),
                register(certificate, requestId).getId());
    }

    @Test
    void invalidFieldsAreAllReported() {
        var e = assertThrows(
                StatusRuntimeException.class,
                () -> inspectors.createInspector(CreateInspectorRequest.newBuilder()
                        .setInspector(Inspector.newBuilder()
                                .setCertificateNumber("CERT 1")
                                .setValidFrom(UNTIL)
                                .setValidUntil(FROM))
                        .build()));

        assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode());
        assertEquals("inspection-service", GrpcErrors.errorInfo(e).getDomain());
        assertEquals(
                List.of(
                        "inspector.name",
                        "inspector.certificate_number",
                        "inspector.authority_level",
                        "inspector.valid_until",
                        "inspector.qualified_kinds"),
                GrpcErrors.violatedFields(e));
    }

    @Test
    void duplicateCertificateIsAlreadyExistsAndUnknownIdIsNotFound() {
        String certificate = certificate();
        register(certificate, "");

        var duplicate = assertThrows(StatusRuntimeException.class, () -> register(certificate, ""));
        assertEquals(Status.Code.ALREADY_EXISTS, duplicate.getStatus().getCode());
        assertEquals("INSPECTOR_ALREADY_EXISTS", GrpcErrors.errorInfo(duplicate).getReason());

        var missing = assertThrows(
                StatusRuntimeException.class,
                () -> inspectors.getInspector(GetInspectorRequest.newBuilder()
                        .setId(UUID.randomUUID().toString())
                        .build()));
        assertEquals(Status.Code.NOT_FOUND, missing.getStatus().getCode());
        assertEquals("INSPECTOR_NOT_FOUND", GrpcErrors.errorInfo(missing).getReason());
    }

    @Test
    void listingWalksEveryInspectorOnce() {
        Set<String> created = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            created.add(register(certificate(), "").getId());
        }
        Set<String> seen = new HashSet<>();
        String token = "";
        do {
            ListInspectorsResponse page = inspectors.listInspectors(ListInspectorsRequest.newBuilder()
                    .setPageSize(2)
                    .setPageToken(token)
                    .build());
            page.getInspectorsList().forEach(i -> assertTrue(seen.add(i.getId()), "an inspector appeared twice"));
            token = page.getNextPageToken();
        } while (!token.isEmpty());

        assertTrue(seen.containsAll(created));
    }

    @Test
    void qualificationsAreCheckedAndMysteryShoppersNeedAUniquePseudonym() {
        String pseudonym = "Shopper-" + UUID.randomUUID().toString().substring(0, 6);
        Inspector shopper = inspectors.createInspector(CreateInspectorRequest.newBuilder()
                .setInspector(Inspector.newBuilder()
                        .setName("Wang Fang")
                        .setCertificateNumber(certificate())
                        .setAuthorityLevel(AuthorityLevel.AUTHORITY_LEVEL_CITY)
                        .setValidFrom(FROM)
                        .setValidUntil(UNTIL)
                        .addQualifiedKinds(InspectionKind.INSPECTION_KIND_SPOT_CHECK)
                        .addQualifiedKinds(InspectionKind.INSPECTION_KIND_MYSTERY_SHOPPING)
                        .setPseudonym(pseudonym))
                .build());
        assertEquals(
                List.of(InspectionKind.INSPECTION_KIND_MYSTERY_SHOPPING, InspectionKind.INSPECTION_KIND_SPOT_CHECK),
                shopper.getQualifiedKindsList());
        assertEquals(pseudonym, shopper.getPseudonym());

        var samePseudonym = assertThrows(
                StatusRuntimeException.class,
                () -> inspectors.createInspector(CreateInspectorRequest.newBuilder()
                        .setInspector(shopper.toBuilder().clearId().setCertificateNumber(certificate()))
                        .build()));
        assertEquals(Status.Code.ALREADY_EXISTS, samePseudonym.getStatus().getCode());

        var bad = assertThrows(
                StatusRuntimeException.class,
                () -> inspectors.createInspector(CreateInspectorRequest.newBuilder()
                        .setInspector(shopper.toBuilder()
                                .clearId()
                                .setCertificateNumber(certificate())
                                .setPseudonym("")
                                .clearQualifiedKinds()
                                .addQualifiedKinds(InspectionKind.INSPECTION_KIND_MYSTERY_SHOPPING)
                                .addQualifiedKinds(InspectionKind.INSPECTION_KIND_MYSTERY_SHOPPING)
                                .addQualifiedKindsValue(77))
                        .build()));
        assertEquals(
                List.of("inspector.qualified_kinds[1]", "inspector.qualified_kinds[2]", "inspector.pseudonym"),
                GrpcErrors.violatedFields(bad));
    }

    @Test
    void grpcHealthServiceAnswersServing() {
        assertEquals(
                HealthCheckResponse.ServingStatus.SERVING,
                health.check(HealthCheckRequest.newBuilder().build()).getStatus());
    }
}
