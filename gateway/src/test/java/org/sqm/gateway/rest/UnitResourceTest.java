package org.sqm.gateway.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

@QuarkusTest
class UnitResourceTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void createAnswers201WithLocationAndPassesTheIdempotencyKey() {
        given().contentType(ContentType.JSON)
                .header("Idempotency-Key", "key-123")
                .body("{\"code\":\"HALL-1\",\"name\":\"Hall one\",\"type\":\"SERVICE_HALL\"}")
                .when()
                .post("/api/v1/units")
                .then()
                .statusCode(201)
                .header("Location", containsString("/api/v1/units/"))
                .body("code", equalTo("HALL-1"))
                .body("type", equalTo("SERVICE_HALL"))
                .body("parentId", nullValue())
                .body("createTime", equalTo("2026-05-28T20:26:40Z"));
        assertEquals("key-123", ScriptedStandardsBackend.REQUEST_IDS.get("HALL-1"));
    }

    @Test
    void fieldViolationsBecome400WithRestFieldNames() {
        given().contentType(ContentType.JSON)
                .body("{\"name\":\"No code\",\"type\":\"HOTLINE\",\"parentId\":\"x\"}")
                .when()
                .post("/api/v1/units")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("status", equalTo(400))
                .body("reason", equalTo("INVALID_FIELDS"))
                .body("type", equalTo("urn:sqm:problem:invalid-fields"))
                .body("instance", equalTo("/api/v1/units"))
                .body("errors.field", contains("code", "parentId"));
    }

    @Test
    void malformedJsonAndWrongTypesAre400NamingTheField() {
        given().contentType(ContentType.JSON)
                .body("{\"code\": ")
                .when()
                .post("/api/v1/units")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("reason", equalTo("MALFORMED_BODY"));
        given().contentType(ContentType.JSON)
                .body("{\"code\":\"A\",\"name\":\"B\",\"type\":\"CASTLE\"}")
                .when()
                .post("/api/v1/units")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors[0].field", equalTo("type"));
        given().contentType(ContentType.JSON)
                .when()
                .post("/api/v1/units")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors[0].field", equalTo("body"));
    }

    @Test
    void duplicateIs409() {
        given().contentType(ContentType.JSON)
                .body("{\"code\":\"DUP\",\"name\":\"Dup\",\"type\":\"HOTLINE\"}")
                .when()
                .post("/api/v1/units")
                .then()
                .statusCode(409)
                .contentType(PROBLEM)
                .body("reason", equalTo("UNIT_ALREADY_EXISTS"))
                .body("detail", containsString("already exists"));
    }

    @Test
    void unknownIdIs404() {
        given().when()
                .get("/api/v1/units/{id}", "nope")
                .then()
                .statusCode(404)
                .contentType(PROBLEM)
                .body("reason", equalTo("NOT_FOUND"));
    }

    @Test
    void unavailableBackendIs503WithoutInternals() {
        given().when()
                .get("/api/v1/units/{id}", "down")
                .then()
                .statusCode(503)
                .contentType(PROBLEM)
                .body("detail", not(containsString("10.0.0.7")))
                .body("detail", startsWith("A backend service is unavailable"));
    }

    @Test
    void readsAreRetriedWhileTheBackendIsUnavailable() {
        ScriptedStandardsBackend.FLAKY_CALLS.set(0);
        given().when().get("/api/v1/units/{id}", "flaky").then().statusCode(200).body("id", equalTo("flaky"));
        assertEquals(3, ScriptedStandardsBackend.FLAKY_CALLS.get());
    }

    @Test
    void backendBugIs500WithoutInternals() {
        given().when()
                .get("/api/v1/units/{id}", "boom")
                .then()
                .statusCode(500)
                .contentType(PROBLEM)
                .body("detail", not(containsString("secret")))
                .body("detail", not(containsString("IllegalState")));
    }

    @Test
    void aReadIsRetriedAfterTheTransportFailed() {
        ScriptedStandardsBackend.RESET_CALLS.set(0);
        given().when().get("/api/v1/units/{id}", "reset").then().statusCode(200).body("id", equalTo("reset"));
        assertEquals(3, ScriptedStandardsBackend.RESET_CALLS.get());
    }

    @Test
    void aWriteWhoseTransportFailedIs503NotABackendBug() {
        given().contentType(ContentType.JSON)
                .body("{\"code\":\"RESET\",\"name\":\"Reset\",\"type\":\"HOTLINE\"}")
                .when()
                .post("/api/v1/units")
                .then()
                .statusCode(503)
                .contentType(PROBLEM)
                .body("reason", equalTo("UNAVAILABLE"))
                .body("detail", not(containsString("RST_STREAM")));
    }

    @Test
    void slowBackendIs504AndLaterCallsStillGetAFreshDeadline() throws InterruptedException {
        given().contentType(ContentType.JSON)
                .body("{\"code\":\"SLOW\",\"name\":\"Slow\",\"type\":\"HOTLINE\"}")
                .when()
                .post("/api/v1/units")
                .then()
                .statusCode(504)
                .contentType(PROBLEM);
        // The configured deadline is 1 s in tests; a deadline fixed at client creation would now
        // have expired for good.
        Thread.sleep(1_500);
        given().when().get("/api/v1/units/{id}", "known").then().statusCode(200).body("code", equalTo("K-1"));
    }

    @Test
    void listPassesPagingAndRejectsANonNumericPageSize() {
        given().queryParam("pageSize", 2)
                .when()
                .get("/api/v1/units")
                .then()
                .statusCode(200)
                .body("items", hasSize(2))
                .body("nextPageToken", equalTo("next-token"));
        given().queryParam("pageSize", 2)
                .queryParam("pageToken", "next-token")
                .when()
                .get("/api/v1/units")
                .then()
                .statusCode(200)
                .body("nextPageToken", nullValue());
        given().queryParam("pageSize", "ten")
                .when()
                .get("/api/v1/units")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors[0].field", equalTo("pageSize"));
    }

    @Test
    void unknownPathIsAProblemToo() {
        given().when().get("/api/v1/nothing-here").then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void prometheusMetricsTimeRestAndGrpcClientCalls() {
        given().when().get("/api/v1/units/{id}", "known").then().statusCode(200);
        String metrics = given().when()
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        org.junit.jupiter.api.Assertions.assertTrue(
                metrics.contains("http_server_requests_seconds_count"), "REST timings");
        org.junit.jupiter.api.Assertions.assertTrue(
                metrics.contains("grpc_client_processing_duration_seconds"), "gRPC client timings");
    }

    @Test
    void openApiAndSwaggerUiAreServed() {
        given().when()
                .get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .body("paths.'/api/v1/units'.post.summary", equalTo("Create a unit"));
        given().when().get("/q/swagger-ui/").then().statusCode(200);
    }
}
