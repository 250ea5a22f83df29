package org.sqm.scoring.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Timestamp;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sqm.commons.convert.ProtoTime;
import org.sqm.proto.scoring.v1.CreateViolationRequest;
import org.sqm.proto.scoring.v1.GetViolationRequest;
import org.sqm.proto.scoring.v1.ListViolationsRequest;
import org.sqm.proto.scoring.v1.LoadScoringCatalogueRequest;
import org.sqm.proto.scoring.v1.ScoringCatalogueServiceGrpc.ScoringCatalogueServiceBlockingStub;
import org.sqm.proto.scoring.v1.Violation;
import org.sqm.proto.scoring.v1.ViolationServiceGrpc.ViolationServiceBlockingStub;
import org.sqm.proto.scoring.v1.ViolationSource;
import org.sqm.proto.scoring.v1.ViolationState;
import org.sqm.proto.scoring.v1.WithdrawViolationRequest;
import org.sqm.proto.standards.v1.UnitType;
import org.sqm.testing.EmbeddedPostgresResource;
import org.sqm.testing.GrpcErrors;

@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class ViolationLedgerTest {

    @GrpcClient("scoring")
    ViolationServiceBlockingStub violations;

    @GrpcClient("scoring")
    ScoringCatalogueServiceBlockingStub catalogue;

    @Inject
    EntityManager em;

    String county;

    @BeforeEach
    void catalogueAndUnit() {
        catalogue.loadScoringCatalogue(LoadScoringCatalogueRequest.getDefaultInstance());
        county = FakeBackends.unit(UnitType.UNIT_TYPE_COUNTY_BRANCH);
    }

    static Timestamp at(String instant) {
        return ProtoTime.timestamp(Instant.parse(instant));
    }

    static Violation violation(String unit, String rule, String when) {
        return Violation.newBuilder()
                .setUnitId(unit)
                .setRuleCode(rule)
                .setOccurredTime(at(when))
                .setEvidence("Monthly service report for March came in on 2026-04-09, due 2026-04-05")
                .setReportedBy("City customer service department")
                .build();
    }

    Violation record(Violation v, String requestId) {
        return violations.createViolation(CreateViolationRequest.newBuilder()
                .setViolation(v)
                .setRequestId(requestId)
                .build());
    }

    List<Violation> list(String unit, String from, String to, boolean withdrawn) {
        ListViolationsRequest.Builder request =
                ListViolationsRequest.newBuilder().setUnitId(unit).setShowWithdrawn(withdrawn);
        if (from != null) {
            request.setPeriodStart(at(from)).setPeriodEnd(at(to));
        }
        return violations.listViolations(request.build()).getViolationsList();
    }

    @Test
    void aViolationIsRecordedOncePerRequestIdWithItsRulesPoints() {
        String requestId = UUID.randomUUID().toString();
        Violation recorded = record(violation(county, "REPORT_LATE", "2026-04-09T02:00:00Z"), requestId);

        assertEquals(500, recorded.getPointsMillis());
        assertEquals(ViolationSource.VIOLATION_SOURCE_MANUAL, recorded.getSource());
        assertEquals(ViolationState.VIOLATION_STATE_ACTIVE, recorded.getState());
        assertEquals("", recorded.getSourceId());
        assertEquals(recorded, record(violation(county, "REPORT_LATE", "2026-04-09T02:00:00Z"), requestId));
        assertEquals(1, list(county, null, null, true).size());

        var reused = assertThrows(
                StatusRuntimeException.class,
                () -> record(violation(county, "REPORT_FALSE", "2026-04-09T02:00:00Z"), requestId));
        assertEquals(Status.Code.ALREADY_EXISTS, reused.getStatus().getCode());
        assertEquals("REQUEST_ID_REUSED", GrpcErrors.errorInfo(reused).getReason());
    }

    @Test
    void badViolationsAreNamedAndNothingIsWritten() {
        var e = assertThrows(
                StatusRuntimeException.class,
                () -> violations.createViolation(CreateViolationRequest.newBuilder()
                        .setViolation(
                                Violation.newBuilder().setUnitId("nope").setOccurredTime(at("2099-01-01T00:00:00Z")))
                        .build()));
        assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode());
        assertEquals(
                List.of(
                        "request_id",
                        "violation.unit_id",
                        "violation.rule_code",
                        "violation.occurred_time",
                        "violation.evidence",
                        "violation.reported_by"),
                GrpcErrors.violatedFields(e));

        var rule = assertThrows(
                StatusRuntimeException.class,
                () -> record(
                        violation(county, "NO_SUCH_RULE", "2026-04-09T02:00:00Z"),
                        UUID.randomUUID().toString()));
        assertEquals(List.of("violation.rule_code"), GrpcErrors.violatedFields(rule));
        var unit = assertThrows(
                StatusRuntimeException.class,
                () -> record(
                        violation(UUID.randomUUID().toString(), "REPORT_LATE", "2026-04-09T02:00:00Z"),
                        UUID.randomUUID().toString()));
        assertEquals(List.of("violation.unit_id"), GrpcErrors.violatedFields(unit));
        assertEquals(List.of(), list(county, null, null, true));
    }

    @Test
    void aWithdrawalIsAddedNeverAChangeAndTheListSaysBoth() {
        Violation late = record(
                violation(county, "REPORT_LATE", "2026-04-09T02:00:00Z"),
                UUID.randomUUID().toString());
        Violation major = record(
                violation(county, "MAJOR_PROBLEM_NO_IMPROVEMENT", "2026-04-20T02:00:00Z"),
                UUID.randomUUID().toString());
        record(
                violation(county, "REPORT_INCOMPLETE", "2026-05-02T02:00:00Z"),
                UUID.randomUUID().toString());

        var stale = assertThrows(
                StatusRuntimeException.class,
                () -> violations.withdrawViolation(WithdrawViolationRequest.newBuilder()
                        .setId(late.getId())
                        .setEtag("2")
                        .setReason("Appeal upheld")
                        .setActor("Province")
                        .build()));
        assertEquals(Status.Code.ABORTED, stale.getStatus().getCode());
        var noReason = assertThrows(
                StatusRuntimeException.class,
                () -> violations.withdrawViolation(WithdrawViolationRequest.newBuilder()
                        .setId(late.getId())
                        .setEtag(late.getEtag())
                        .build()));
        assertEquals(List.of("reason", "actor"), GrpcErrors.violatedFields(noReason));

        Violation withdrawn = violations.withdrawViolation(WithdrawViolationRequest.newBuilder()
                .setId(late.getId())
                .setEtag(late.getEtag())
                .setReason("Appeal 2026-07 upheld: the report came in on time by e-mail")
                .setActor("Wang Fang, city customer service department")
                .build());
        assertEquals(ViolationState.VIOLATION_STATE_WITHDRAWN, withdrawn.getState());
        assertEquals(
                "Wang Fang, city customer service department",
                withdrawn.getWithdrawal().getWithdrawnBy());
        assertEquals(late.getEvidence(), withdrawn.getEvidence());
        assertEquals(
                withdrawn,
                violations.getViolation(
                        GetViolationRequest.newBuilder().setId(late.getId()).build()));

        var twice = assertThrows(
                StatusRuntimeException.class,
                () -> violations.withdrawViolation(WithdrawViolationRequest.newBuilder()
                        .setId(late.getId())
                        .setEtag(withdrawn.getEtag())
                        .setReason("again")
                        .setActor("someone")
                        .build()));
        assertEquals(Status.Code.FAILED_PRECONDITION, twice.getStatus().getCode());
        assertEquals("VIOLATION_ALREADY_WITHDRAWN", GrpcErrors.errorInfo(twice).getReason());

        // April, without and with the withdrawn one; ordered by when they occurred.
        assertEquals(
                List.of(major.getId()),
                list(county, "2026-04-01T00:00:00Z", "2026-05-01T00:00:00Z", false).stream()
                        .map(Violation::getId)
                        .toList());
        assertEquals(
                List.of(late.getId(), major.getId()),
                list(county, "2026-04-01T00:00:00Z", "2026-05-01T00:00:00Z", true).stream()
                        .map(Violation::getId)
                        .toList());
        assertEquals(3, list(county, null, null, true).size());
    }

    @Test
    void theDatabaseRefusesToChangeOrDeleteTheLedger() {
        Violation v = record(
                violation(county, "REPORT_FALSE", "2026-04-09T02:00:00Z"),
                UUID.randomUUID().toString());
        for (String sql : List.of(
                "update violation set points_millis = 1 where id = '" + v.getId() + "'",
                "delete from violation where id = '" + v.getId() + "'",
                "truncate violation_withdrawal")) {
            var e = assertThrows(RuntimeException.class, () -> QuarkusTransaction.requiringNew()
                    .run(() -> em.createNativeQuery(sql).executeUpdate()));
            assertTrue(String.valueOf(rootMessage(e)).contains("append-only"), sql + ": " + rootMessage(e));
        }
        assertEquals(
                500,
                violations
                        .getViolation(GetViolationRequest.newBuilder()
                                .setId(v.getId())
                                .build())
                        .getPointsMillis());
    }

    private static String rootMessage(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        return c.getMessage();
    }
}
