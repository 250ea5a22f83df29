package org.sqm.gateway.access;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sqm.commons.auth.RequestIds;
import org.sqm.gateway.fakes.Backend;
import org.sqm.gateway.fakes.FakeBackendTest;
import org.sqm.proto.common.v1.ListAuditEventsRequest;
import org.sqm.proto.common.v1.ListAuditEventsResponse;
import org.sqm.testing.auth.DevTokens;

/**
 * The roles check at the REST door, on the audit endpoint, whose RPC states its roles in audit.proto
 * (administrator, quality manager); and the request id every request carries.
 */
@QuarkusTest
class AccessFilterTest extends FakeBackendTest {

    private static final String AUDIT = "sqm.common.v1.AuditService/ListAuditEvents";

    @Test
    void aCallerWithoutTheRoleIs403BeforeAnyInputIsJudgedAndNothingReachesTheService() {
        for (String resource : List.of("nonsense", "complaints/c1")) {
            given().header("Authorization", "Bearer " + DevTokens.token("viewer", "u1"))
                    .queryParam("resource", resource)
                    .queryParam("pageSize", "-5")
                    .when()
                    .get("/api/v1/auditEvents")
                    .then()
                    .statusCode(403)
                    .contentType("application/problem+json")
                    .body("reason", equalTo("PERMISSION_DENIED"))
                    .body("detail", containsString("administrator, quality-manager"));
        }
        assertEquals(List.of(), Backend.requests(ListAuditEventsRequest.class));
    }

    @Test
    void aCallerWithTheRoleOrAServiceTokenPassesAndBadInputIsThen400() {
        Backend.answer(ListAuditEventsRequest.class, ListAuditEventsResponse.getDefaultInstance());
        given().header("Authorization", "Bearer " + DevTokens.token("quality-manager"))
                .queryParam("resource", "complaints/c1")
                .when()
                .get("/api/v1/auditEvents")
                .then()
                .statusCode(200);
        given().header("Authorization", "Bearer " + serviceToken())
                .queryParam("resource", "complaints/c1")
                .when()
                .get("/api/v1/auditEvents")
                .then()
                .statusCode(200);
        given().header("Authorization", "Bearer " + DevTokens.token("quality-manager"))
                .queryParam("resource", "nonsense")
                .when()
                .get("/api/v1/auditEvents")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("resource"));
    }

    @Test
    void aTokenWithoutAnyRoleIs403AndNoTokenStays401() {
        given().header(
                        "Authorization",
                        "Bearer "
                                + DevTokens.token(
                                        "nobody@sqm.dev",
                                        List.of("someone-else"),
                                        List.of(),
                                        DevTokens.ISSUER,
                                        java.time.Duration.ofMinutes(5),
                                        DevTokens.privateKey()))
                .queryParam("resource", "complaints/c1")
                .when()
                .get("/api/v1/auditEvents")
                .then()
                .statusCode(403)
                .body("reason", equalTo("PERMISSION_DENIED"));
        given().header("Authorization", "")
                .queryParam("resource", "complaints/c1")
                .when()
                .get("/api/v1/auditEvents")
                .then()
                .statusCode(401)
                .header("WWW-Authenticate", "Bearer");
    }

    @Test
    void aClientsRequestIdTravelsToTheServiceAndComesBack() {
        Backend.answer(ListAuditEventsRequest.class, ListAuditEventsResponse.getDefaultInstance());
        String token = DevTokens.token("quality-manager");
        given().header("Authorization", "Bearer " + token)
                .header("X-Request-Id", "req-4711")
                .queryParam("resource", "units/u1")
                .when()
                .get("/api/v1/auditEvents")
                .then()
                .statusCode(200)
                .header("X-Request-Id", "req-4711");
        assertEquals("req-4711", Backend.metadata(AUDIT).get(RequestIds.METADATA));
        // The caller's own token goes on, so the service sees the real caller.
        assertEquals(
                "Bearer " + token,
                Backend.metadata(AUDIT)
                        .get(io.grpc.Metadata.Key.of("authorization", io.grpc.Metadata.ASCII_STRING_MARSHALLER)));
    }

    @Test
    void withoutOrWithAnUnusableRequestIdTheGatewayMakesOne() {
        Backend.answer(ListAuditEventsRequest.class, ListAuditEventsResponse.getDefaultInstance());
        String uuid = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
        String made = given().queryParam("resource", "units/u1")
                .when()
                .get("/api/v1/auditEvents")
                .then()
                .statusCode(200)
                .header("X-Request-Id", matchesPattern(uuid))
                .extract()
                .header("X-Request-Id");
        assertEquals(made, Backend.metadata(AUDIT).get(RequestIds.METADATA));
        given().header("X-Request-Id", "x".repeat(500))
                .queryParam("resource", "units/u1")
                .when()
                .get("/api/v1/auditEvents")
                .then()
                .statusCode(200)
                .header("X-Request-Id", matchesPattern(uuid));
        // Refusals carry it too.
        given().header("Authorization", "")
                .header("X-Request-Id", "req-refused")
                .when()
                .get("/api/v1/units")
                .then()
                .statusCode(401)
                .header("X-Request-Id", "req-refused");
    }

    private static String serviceToken() {
        return DevTokens.token(
                "service:test",
                List.of("service"),
                List.of(),
                DevTokens.ISSUER,
                java.time.Duration.ofMinutes(5),
                DevTokens.privateKey());
    }
}
