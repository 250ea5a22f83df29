package org.sqm.scoring.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sqm.scoring.grpc.AsCaller.as;
import static org.sqm.scoring.grpc.AsCaller.code;

import io.grpc.Status;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sqm.proto.scoring.v1.Certification;
import org.sqm.proto.scoring.v1.CertificationServiceGrpc;
import org.sqm.proto.scoring.v1.CertificationServiceGrpc.CertificationServiceBlockingStub;
import org.sqm.proto.scoring.v1.CreateSurveyBatchRequest;
import org.sqm.proto.scoring.v1.CreateViolationRequest;
import org.sqm.proto.scoring.v1.GetCertificationRequest;
import org.sqm.proto.scoring.v1.GetSatisfactionIndexRequest;
import org.sqm.proto.scoring.v1.GetScoreTrendRequest;
import org.sqm.proto.scoring.v1.GetScorecardRequest;
import org.sqm.proto.scoring.v1.GetSurveyBatchRequest;
import org.sqm.proto.scoring.v1.GetViolationRequest;
import org.sqm.proto.scoring.v1.ListCertificationsRequest;
import org.sqm.proto.scoring.v1.ListViolationsRequest;
import org.sqm.proto.scoring.v1.ListViolationsResponse;
import org.sqm.proto.scoring.v1.LoadScoringCatalogueRequest;
import org.sqm.proto.scoring.v1.ScorecardServiceGrpc;
import org.sqm.proto.scoring.v1.ScoringCatalogueServiceGrpc.ScoringCatalogueServiceBlockingStub;
import org.sqm.proto.scoring.v1.SurveyBatch;
import org.sqm.proto.scoring.v1.SurveyServiceGrpc;
import org.sqm.proto.scoring.v1.SurveyServiceGrpc.SurveyServiceBlockingStub;
import org.sqm.proto.scoring.v1.Violation;
import org.sqm.proto.scoring.v1.ViolationServiceGrpc;
import org.sqm.proto.scoring.v1.ViolationServiceGrpc.ViolationServiceBlockingStub;
import org.sqm.proto.standards.v1.UnitType;
import org.sqm.testing.EmbeddedPostgresResource;
import org.sqm.testing.auth.DevTokens;

/**
 * A unit manager of unit A sees A and the units below it, never unit B: B's violations,
 * certifications, survey items, trend and satisfaction index are NOT_FOUND as if they did not exist,
 * lists leave them out, and a page token minted for A's manager is refused to B's.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class UnitScopeTest extends CertificationFixture {

    @GrpcClient("scoring")
    ViolationServiceBlockingStub violations;

    @GrpcClient("scoring")
    SurveyServiceBlockingStub surveys;

    @GrpcClient("scoring")
    ScoringCatalogueServiceBlockingStub catalogue;

    String a;
    String a1;
    String b;
    String managerOfA;
    String managerOfB;

    @BeforeEach
    void units() {
        catalogue.loadScoringCatalogue(LoadScoringCatalogueRequest.getDefaultInstance());
        a = FakeBackends.unit(UnitType.UNIT_TYPE_COUNTY_BRANCH);
        a1 = FakeBackends.child(UnitType.UNIT_TYPE_SERVICE_HALL, a);
        b = FakeBackends.unit(UnitType.UNIT_TYPE_SERVICE_HALL);
        managerOfA = DevTokens.token("unit-manager", a);
        managerOfB = DevTokens.token("unit-manager", b);
    }

    Violation violation(String unit) {
        return violations.createViolation(CreateViolationRequest.newBuilder()
                .setViolation(ViolationLedgerTest.violation(unit, "REPORT_LATE", "2026-04-09T02:00:00Z"))
                .setRequestId(UUID.randomUUID().toString())
                .build());
    }

    @Test
    void violationsOfAnotherUnitAreNotFoundAndLeftOutOfLists() {
        Violation ofA1 = violation(a1);
        Violation ofA = violation(a);
        Violation ofB = violation(b);
        ViolationServiceBlockingStub asA = as(ViolationServiceGrpc.newBlockingStub(AsCaller.channel()), managerOfA);

        assertEquals(
                ofA1,
                asA.getViolation(
                        GetViolationRequest.newBuilder().setId(ofA1.getId()).build()));
        assertEquals(
                Status.Code.NOT_FOUND,
                code(() -> asA.getViolation(
                        GetViolationRequest.newBuilder().setId(ofB.getId()).build())));
        assertEquals(
                List.of(),
                asA.listViolations(
                                ListViolationsRequest.newBuilder().setUnitId(b).build())
                        .getViolationsList());

        // Page by page, A's manager reads A's and A1's violations and nothing else.
        ListViolationsResponse first = asA.listViolations(
                ListViolationsRequest.newBuilder().setPageSize(1).build());
        List<String> seen = new java.util.ArrayList<>(
                first.getViolationsList().stream().map(Violation::getId).toList());
        String token = first.getNextPageToken();
        while (!token.isEmpty()) {
            ListViolationsResponse page = asA.listViolations(ListViolationsRequest.newBuilder()
                    .setPageSize(1)
                    .setPageToken(token)
                    .build());
            page.getViolationsList().forEach(v -> seen.add(v.getId()));
            token = page.getNextPageToken();
        }
        assertTrue(seen.containsAll(List.of(ofA.getId(), ofA1.getId())), seen.toString());
        assertFalse(seen.contains(ofB.getId()));
        for (String id : seen) {
            Violation v = violations.getViolation(
                    GetViolationRequest.newBuilder().setId(id).build());
            assertTrue(v.getUnitId().equals(a) || v.getUnitId().equals(a1), v.toString());
        }

        // A page token minted for A's manager does not serve B's.
        String minted = first.getNextPageToken();
        assertFalse(minted.isEmpty());
        assertEquals(Status.Code.INVALID_ARGUMENT, code(() -> as(
                        ViolationServiceGrpc.newBlockingStub(AsCaller.channel()), managerOfB)
                .listViolations(ListViolationsRequest.newBuilder()
                        .setPageSize(1)
                        .setPageToken(minted)
                        .build())));
    }

    @Test
    void certificationsOfAnotherUnitAreNotFound() {
        clock.set(T0);
        UUID ofA1 = decide(UUID.fromString(a1), ACCREDITED).certificationId();
        UUID ofB = decide(UUID.fromString(b), ACCREDITED).certificationId();
        CertificationServiceBlockingStub asA =
                as(CertificationServiceGrpc.newBlockingStub(AsCaller.channel()), managerOfA);

        assertEquals(
                get(ofA1),
                asA.getCertification(GetCertificationRequest.newBuilder()
                        .setId(ofA1.toString())
                        .build()));
        assertEquals(
                Status.Code.NOT_FOUND,
                code(() -> asA.getCertification(GetCertificationRequest.newBuilder()
                        .setId(ofB.toString())
                        .build())));
        List<String> listed = asA
                .listCertifications(
                        ListCertificationsRequest.newBuilder().setPageSize(1000).build())
                .getCertificationsList()
                .stream()
                .map(Certification::getId)
                .toList();
        assertTrue(listed.contains(ofA1.toString()), listed.toString());
        assertFalse(listed.contains(ofB.toString()));
        // A viewer of B is cut the same way; a quality manager is not cut at all.
        assertEquals(Status.Code.NOT_FOUND, code(() -> as(
                        CertificationServiceGrpc.newBlockingStub(AsCaller.channel()), DevTokens.token("viewer", b))
                .getCertification(GetCertificationRequest.newBuilder()
                        .setId(ofA1.toString())
                        .build())));
        assertEquals(Status.Code.OK, code(() -> as(
                        CertificationServiceGrpc.newBlockingStub(AsCaller.channel()),
                        DevTokens.token("quality-manager"))
                .getCertification(GetCertificationRequest.newBuilder()
                        .setId(ofB.toString())
                        .build())));
    }

    @Test
    void aBatchShowsOnlyTheItemsOfTheCallersUnitsAndTheUnitsFiguresAreCut() {
        SurveyBatch mixed = surveys.createSurveyBatch(CreateSurveyBatchRequest.newBuilder()
                .setSurveyBatch(SurveyBatchTest.batch(
                        "scope-" + UUID.randomUUID(),
                        1,
                        5,
                        SurveyBatchTest.response(a1, SurveyBatchTest.MOBILE, "2026-03-02", 5),
                        SurveyBatchTest.response(b, SurveyBatchTest.MOBILE, "2026-03-03", 2)))
                .build());
        SurveyBatch onlyB = surveys.createSurveyBatch(CreateSurveyBatchRequest.newBuilder()
                .setSurveyBatch(SurveyBatchTest.batch(
                        "scope-" + UUID.randomUUID(),
                        1,
                        5,
                        SurveyBatchTest.response(b, SurveyBatchTest.MOBILE, "2026-03-04", 3)))
                .build());
        SurveyServiceGrpc.SurveyServiceBlockingStub asA =
                as(SurveyServiceGrpc.newBlockingStub(AsCaller.channel()), managerOfA);

        SurveyBatch seen = asA.getSurveyBatch(GetSurveyBatchRequest.newBuilder()
                .setBatchId(mixed.getBatchId())
                .build());
        assertEquals(
                List.of(a1),
                seen.getResponsesList().stream().map(r -> r.getUnitId()).toList());
        assertEquals(
                Status.Code.NOT_FOUND,
                code(() -> asA.getSurveyBatch(GetSurveyBatchRequest.newBuilder()
                        .setBatchId(onlyB.getBatchId())
                        .build())));

        assertEquals(
                Status.Code.OK,
                code(() -> asA.getSatisfactionIndex(GetSatisfactionIndexRequest.newBuilder()
                        .setUnitId(a1)
                        .setPeriod("2026-03")
                        .build())));
        assertEquals(
                Status.Code.NOT_FOUND,
                code(() -> asA.getSatisfactionIndex(GetSatisfactionIndexRequest.newBuilder()
                        .setUnitId(b)
                        .setPeriod("2026-03")
                        .build())));

        ScorecardServiceGrpc.ScorecardServiceBlockingStub scorecards =
                as(ScorecardServiceGrpc.newBlockingStub(AsCaller.channel()), managerOfA);
        assertEquals(
                Status.Code.OK,
                code(() -> scorecards.getScoreTrend(GetScoreTrendRequest.newBuilder()
                        .setUnitId(a1)
                        .setPeriod("2026-03")
                        .build())));
        assertEquals(
                Status.Code.NOT_FOUND,
                code(() -> scorecards.getScoreTrend(GetScoreTrendRequest.newBuilder()
                        .setUnitId(b)
                        .setPeriod("2026-03")
                        .build())));
        assertEquals(
                Status.Code.NOT_FOUND,
                code(() -> scorecards.getScorecard(GetScorecardRequest.newBuilder()
                        .setUnitId(b)
                        .setPeriod("2026-03")
                        .build())));
    }
}
