package org.sqm.scoring.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import grpc.health.v1.HealthGrpc;
import grpc.health.v1.HealthOuterClass.HealthCheckRequest;
import grpc.health.v1.HealthOuterClass.HealthCheckResponse;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.sqm.commons.paging.PageTokens;
import org.sqm.proto.scoring.v1.CreateDeductionRuleRequest;
import org.sqm.proto.scoring.v1.DeductionRule;
import org.sqm.proto.scoring.v1.DeductionRuleServiceGrpc.DeductionRuleServiceBlockingStub;
import org.sqm.proto.scoring.v1.GetDeductionRuleRequest;
import org.sqm.proto.scoring.v1.ListDeductionRulesRequest;
import org.sqm.proto.scoring.v1.ListDeductionRulesResponse;
import org.sqm.testing.EmbeddedPostgresResource;
import org.sqm.testing.GrpcErrors;

@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class DeductionRuleGrpcServiceTest {

    @GrpcClient("deductionrules")
    DeductionRuleServiceBlockingStub rules;

    @GrpcClient("health")
    HealthGrpc.HealthBlockingStub health;

    private DeductionRule create(String code, int pointsMillis, String requestId) {
        return rules.createDeductionRule(CreateDeductionRuleRequest.newBuilder()
                .setDeductionRule(DeductionRule.newBuilder()
                        .setCode(code)
                        .setDescription("Report handed in late or with false figures")
                        .setPointsMillis(pointsMillis))
                .setRequestId(requestId)
                .build());
    }

    private static String code() {
        return "LATE_REPORT-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void createdRuleCanBeReadBackWithExactPoints() {
        DeductionRule created = create(code(), 500, "");

        DeductionRule read = rules.getDeductionRule(
                GetDeductionRuleRequest.newBuilder().setId(created.getId()).build());

        assertEquals(created, read);
        assertEquals(500, read.getPointsMillis());
    }

    @Test
    void retryWithTheSameRequestIdCreatesOnce() {
        String requestId = UUID.randomUUID().toString();
        String code = code();
        assertEquals(
                create(code, 1000, requestId).getId(),
                create(code, 1000, requestId).getId());
    }

    @Test
    void invalidFieldsAreAllReported() {
        var e = assertThrows(
                StatusRuntimeException.class,
                () -> rules.createDeductionRule(CreateDeductionRuleRequest.newBuilder()
                        .setDeductionRule(DeductionRule.newBuilder().setCode("").setPointsMillis(-5))
                        .build()));

        assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode());
        assertEquals("scoring-service", GrpcErrors.errorInfo(e).getDomain());
        assertEquals(
                List.of("deduction_rule.code", "deduction_rule.description", "deduction_rule.points_millis"),
                GrpcErrors.violatedFields(e));
    }

    @Test
    void duplicateCodeIsAlreadyExistsAndUnknownIdIsNotFound() {
        String code = code();
        create(code, 500, "");

        var duplicate = assertThrows(StatusRuntimeException.class, () -> create(code, 500, ""));
        assertEquals(Status.Code.ALREADY_EXISTS, duplicate.getStatus().getCode());
        assertEquals(
                "DEDUCTION_RULE_ALREADY_EXISTS", GrpcErrors.errorInfo(duplicate).getReason());

        var missing = assertThrows(
                StatusRuntimeException.class,
                () -> rules.getDeductionRule(GetDeductionRuleRequest.newBuilder()
                        .setId(UUID.randomUUID().toString())
                        .build()));
        assertEquals(Status.Code.NOT_FOUND, missing.getStatus().getCode());
        assertEquals("DEDUCTION_RULE_NOT_FOUND", GrpcErrors.errorInfo(missing).getReason());
    }

    @Test
    void listingWalksEveryRuleOnce() {
        Set<String> created = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            created.add(create(code(), 250, "").getId());
        }
        Set<String> seen = new HashSet<>();
        String token = "";
        do {
            ListDeductionRulesResponse page = rules.listDeductionRules(ListDeductionRulesRequest.newBuilder()
                    .setPageSize(2)
                    .setPageToken(token)
                    .build());
            page.getDeductionRulesList().forEach(r -> assertTrue(seen.add(r.getId()), "a rule appeared twice"));
            token = page.getNextPageToken();
        } while (!token.isEmpty());

        assertTrue(seen.containsAll(created));
    }

    @Test
    void pageTokensCannotBeAlteredOrForged() {
        for (int i = 0; i < 2; i++) {
            create(code(), 250, "");
        }
        String token = rules.listDeductionRules(
                        ListDeductionRulesRequest.newBuilder().setPageSize(1).build())
                .getNextPageToken();
        // The first character, not the last: a base64 text's last character may carry bits the decoder
        // drops, so changing it does not always change the bytes.
        char first = token.charAt(0);
        String altered = (first == 'A' ? 'B' : 'A') + token.substring(1);
        // What the service seals, sealed under a key other than the service's.
        String forged = new PageTokens("a secret this service does not have").encode("deduction-rules:by-code", "");

        for (String bad : List.of(altered, forged, "MTAw")) {
            var e = assertThrows(
                    StatusRuntimeException.class,
                    () -> rules.listDeductionRules(ListDeductionRulesRequest.newBuilder()
                            .setPageToken(bad)
                            .build()));
            assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode());
            assertEquals(List.of("page_token"), GrpcErrors.violatedFields(e));
        }
    }

    @Test
    void grpcHealthServiceAnswersServing() {
        assertEquals(
                HealthCheckResponse.ServingStatus.SERVING,
                health.check(HealthCheckRequest.newBuilder().build()).getStatus());
    }
}
