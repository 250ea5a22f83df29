package org.sqm.scoring.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sqm.scoring.grpc.AsCaller.as;
import static org.sqm.scoring.grpc.AsCaller.code;

import com.google.longrunning.GetOperationRequest;
import com.google.longrunning.OperationsGrpc;
import com.google.protobuf.Descriptors;
import io.grpc.MethodDescriptor;
import io.grpc.ServiceDescriptor;
import io.grpc.Status;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.sqm.commons.auth.Roles;
import org.sqm.proto.common.v1.Access;
import org.sqm.proto.scoring.v1.AccreditationProto;
import org.sqm.proto.scoring.v1.AccreditationServiceGrpc;
import org.sqm.proto.scoring.v1.CatalogueProto;
import org.sqm.proto.scoring.v1.CertificationServiceGrpc;
import org.sqm.proto.scoring.v1.CertificationsProto;
import org.sqm.proto.scoring.v1.CustomersServedProto;
import org.sqm.proto.scoring.v1.CustomersServedServiceGrpc;
import org.sqm.proto.scoring.v1.DeductionRuleServiceGrpc;
import org.sqm.proto.scoring.v1.DeductionRulesProto;
import org.sqm.proto.scoring.v1.GetScorecardRequest;
import org.sqm.proto.scoring.v1.IndicatorServiceGrpc;
import org.sqm.proto.scoring.v1.IndicatorsProto;
import org.sqm.proto.scoring.v1.LeagueTableServiceGrpc;
import org.sqm.proto.scoring.v1.LeagueTablesProto;
import org.sqm.proto.scoring.v1.ListDeductionRulesRequest;
import org.sqm.proto.scoring.v1.ListPublishedPerformanceRequest;
import org.sqm.proto.scoring.v1.ListTriggeredSpotChecksRequest;
import org.sqm.proto.scoring.v1.MeasurementServiceGrpc;
import org.sqm.proto.scoring.v1.MeasurementsProto;
import org.sqm.proto.scoring.v1.PerformanceProto;
import org.sqm.proto.scoring.v1.PublishedPerformanceServiceGrpc;
import org.sqm.proto.scoring.v1.RecomputeScorecardsRequest;
import org.sqm.proto.scoring.v1.ScorecardServiceGrpc;
import org.sqm.proto.scoring.v1.ScorecardsProto;
import org.sqm.proto.scoring.v1.ScoringCatalogueServiceGrpc;
import org.sqm.proto.scoring.v1.ScoringModelServiceGrpc;
import org.sqm.proto.scoring.v1.ScoringModelsProto;
import org.sqm.proto.scoring.v1.SpotCheckServiceGrpc;
import org.sqm.proto.scoring.v1.SpotChecksProto;
import org.sqm.proto.scoring.v1.SurveyServiceGrpc;
import org.sqm.proto.scoring.v1.SurveysProto;
import org.sqm.proto.scoring.v1.ViolationServiceGrpc;
import org.sqm.proto.scoring.v1.ViolationsProto;
import org.sqm.testing.EmbeddedPostgresResource;
import org.sqm.testing.auth.DevTokens;

/**
 * Who may call what on scoring-service: every RPC of sqm.scoring.v1 states its roles, the
 * google.longrunning.Operations of the recomputes too, and a role the rule leaves out is
 * PERMISSION_DENIED before the service reads the request.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class AccessRulesTest {

    /** Every service of the package: a new one without an entry here fails the first test. */
    static final List<ServiceDescriptor> SERVICES = List.of(
            AccreditationServiceGrpc.getServiceDescriptor(),
            ScoringCatalogueServiceGrpc.getServiceDescriptor(),
            CertificationServiceGrpc.getServiceDescriptor(),
            CustomersServedServiceGrpc.getServiceDescriptor(),
            DeductionRuleServiceGrpc.getServiceDescriptor(),
            IndicatorServiceGrpc.getServiceDescriptor(),
            LeagueTableServiceGrpc.getServiceDescriptor(),
            MeasurementServiceGrpc.getServiceDescriptor(),
            PublishedPerformanceServiceGrpc.getServiceDescriptor(),
            ScorecardServiceGrpc.getServiceDescriptor(),
            ScoringModelServiceGrpc.getServiceDescriptor(),
            SpotCheckServiceGrpc.getServiceDescriptor(),
            SurveyServiceGrpc.getServiceDescriptor(),
            ViolationServiceGrpc.getServiceDescriptor());

    static final List<Descriptors.FileDescriptor> FILES = List.of(
            AccreditationProto.getDescriptor(),
            CatalogueProto.getDescriptor(),
            CertificationsProto.getDescriptor(),
            CustomersServedProto.getDescriptor(),
            DeductionRulesProto.getDescriptor(),
            IndicatorsProto.getDescriptor(),
            LeagueTablesProto.getDescriptor(),
            MeasurementsProto.getDescriptor(),
            PerformanceProto.getDescriptor(),
            ScorecardsProto.getDescriptor(),
            ScoringModelsProto.getDescriptor(),
            SpotChecksProto.getDescriptor(),
            SurveysProto.getDescriptor(),
            ViolationsProto.getDescriptor());

    @Test
    void everyMethodOfThePackageStatesItsRoles() {
        Set<String> declared = new TreeSet<>();
        FILES.forEach(f -> f.getServices().forEach(s -> declared.add(s.getFullName())));
        assertEquals(
                declared,
                SERVICES.stream().map(ServiceDescriptor::getName).collect(Collectors.toCollection(TreeSet::new)),
                "every service of sqm.scoring.v1 is checked here");
        List<String> without = new ArrayList<>();
        int methods = 0;
        for (ServiceDescriptor service : SERVICES) {
            for (MethodDescriptor<?, ?> method : service.getMethods()) {
                methods++;
                Access access = Roles.access(method).orElse(null);
                if (access == null || access.getRolesCount() == 0 || access.getScopeValue() == 0) {
                    without.add(method.getFullMethodName());
                }
            }
        }
        assertEquals(List.of(), without, "methods without (sqm.common.v1.access)");
        assertTrue(methods >= 45, "read " + methods + " methods");
    }

    @Test
    void aPublicReaderReadsPublishedPerformanceOnly() {
        String reader = DevTokens.token("public-reader");
        assertNotEquals(Status.Code.PERMISSION_DENIED, code(() -> as(
                        PublishedPerformanceServiceGrpc.newBlockingStub(AsCaller.channel()), reader)
                .listPublishedPerformance(ListPublishedPerformanceRequest.newBuilder()
                        .setPeriod("2026-03")
                        .build())));
        assertEquals(Status.Code.PERMISSION_DENIED, code(() -> as(
                        ScorecardServiceGrpc.newBlockingStub(AsCaller.channel()), reader)
                .getScorecard(GetScorecardRequest.newBuilder()
                        .setUnitId(UUID.randomUUID().toString())
                        .setPeriod("2026-03")
                        .build())));
        assertEquals(Status.Code.PERMISSION_DENIED, code(() -> as(
                        DeductionRuleServiceGrpc.newBlockingStub(AsCaller.channel()), reader)
                .listDeductionRules(ListDeductionRulesRequest.getDefaultInstance())));
    }

    @Test
    void aViewerReadsButNeverRecomputesAndNoUnitLearnsOfSpotChecks() {
        String viewer = DevTokens.token("viewer", UUID.randomUUID().toString());
        ScorecardServiceGrpc.ScorecardServiceBlockingStub scorecards =
                as(ScorecardServiceGrpc.newBlockingStub(AsCaller.channel()), viewer);
        assertEquals(
                Status.Code.PERMISSION_DENIED,
                code(() -> scorecards.recomputeScorecards(RecomputeScorecardsRequest.newBuilder()
                        .setPeriod("2026-03")
                        .build())));
        assertNotEquals(Status.Code.PERMISSION_DENIED, code(() -> as(
                        DeductionRuleServiceGrpc.newBlockingStub(AsCaller.channel()), viewer)
                .listDeductionRules(ListDeductionRulesRequest.getDefaultInstance())));
        for (String role : List.of("viewer", "unit-manager", "inspector", "complaint-handler")) {
            assertEquals(
                    Status.Code.PERMISSION_DENIED,
                    code(() -> as(SpotCheckServiceGrpc.newBlockingStub(AsCaller.channel()), DevTokens.token(role))
                            .listTriggeredSpotChecks(ListTriggeredSpotChecksRequest.getDefaultInstance())),
                    role);
        }
        assertNotEquals(Status.Code.PERMISSION_DENIED, code(() -> as(
                        SpotCheckServiceGrpc.newBlockingStub(AsCaller.channel()), DevTokens.token("quality-manager"))
                .listTriggeredSpotChecks(ListTriggeredSpotChecksRequest.getDefaultInstance())));
    }

    @Test
    void aComplaintHandlerReadsScorecardsButNotCertifications() {
        String handler = DevTokens.token("complaint-handler", UUID.randomUUID().toString());
        assertNotEquals(Status.Code.PERMISSION_DENIED, code(() -> as(
                        ScorecardServiceGrpc.newBlockingStub(AsCaller.channel()), handler)
                .getScorecard(GetScorecardRequest.newBuilder()
                        .setUnitId(UUID.randomUUID().toString())
                        .setPeriod("2026-03")
                        .build())));
        assertEquals(Status.Code.PERMISSION_DENIED, code(() -> as(
                        CertificationServiceGrpc.newBlockingStub(AsCaller.channel()), handler)
                .getCertification(org.sqm.proto.scoring.v1.GetCertificationRequest.newBuilder()
                        .setId(UUID.randomUUID().toString())
                        .build())));
    }

    @Test
    void recomputeOperationsAreForThoseWhoMayRecompute() {
        for (var definition :
                new OperationsGrpcService(null, null).bindService().getMethods()) {
            MethodDescriptor<?, ?> method = definition.getMethodDescriptor();
            assertEquals(OperationsGrpcService.ACCESS, Roles.access(method).orElse(null), method.getFullMethodName());
        }
        GetOperationRequest unknown = GetOperationRequest.newBuilder()
                .setName("operations/" + UUID.randomUUID())
                .build();
        assertEquals(Status.Code.PERMISSION_DENIED, code(() -> as(
                        OperationsGrpc.newBlockingStub(AsCaller.channel()), DevTokens.token("viewer"))
                .getOperation(unknown)));
        assertNotEquals(Status.Code.PERMISSION_DENIED, code(() -> as(
                        OperationsGrpc.newBlockingStub(AsCaller.channel()), DevTokens.token("quality-manager"))
                .getOperation(unknown)));
    }
}
