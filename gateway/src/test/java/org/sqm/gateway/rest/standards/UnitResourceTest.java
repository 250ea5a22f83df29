package org.sqm.gateway.rest.standards;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Timestamp;
import com.google.rpc.Code;
import io.grpc.Status;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sqm.gateway.fakes.Backend;
import org.sqm.gateway.fakes.FakeBackendTest;
import org.sqm.gateway.fakes.Statuses;
import org.sqm.proto.standards.v1.CreateUnitRequest;
import org.sqm.proto.standards.v1.DeactivateUnitRequest;
import org.sqm.proto.standards.v1.GetUnitPathRequest;
import org.sqm.proto.standards.v1.GetUnitPathResponse;
import org.sqm.proto.standards.v1.GetUnitRequest;
import org.sqm.proto.standards.v1.ListUnitDescendantsRequest;
import org.sqm.proto.standards.v1.ListUnitDescendantsResponse;
import org.sqm.proto.standards.v1.ListUnitsRequest;
import org.sqm.proto.standards.v1.ListUnitsResponse;
import org.sqm.proto.standards.v1.ReactivateUnitRequest;
import org.sqm.proto.standards.v1.Unit;
import org.sqm.proto.standards.v1.UnitState;
import org.sqm.proto.standards.v1.UnitType;
import org.sqm.proto.standards.v1.UpdateUnitRequest;

@QuarkusTest
class UnitResourceTest extends FakeBackendTest {

    static final Unit UNIT = Unit.newBuilder()
            .setId("u1")
            .setCode("HALL-1")
            .setName("Hall one")
            .setType(UnitType.UNIT_TYPE_SERVICE_HALL)
            .setParentId("p1")
            .setCreateTime(Timestamp.newBuilder().setSeconds(1_780_000_000L))
            .setUpdateTime(Timestamp.newBuilder().setSeconds(1_780_000_060L))
            .setState(UnitState.UNIT_STATE_ACTIVE)
            .setEtag("e1")
            .build();

    @Test
    void createAnswers201WithLocationAndPassesTheIdempotencyKey() {
        Backend.answer(CreateUnitRequest.class, UNIT);
        given().contentType(ContentType.JSON)
                .header("Idempotency-Key", "key-123")
                .body("{\"code\":\"HALL-1\",\"name\":\"Hall one\",\"type\":\"SERVICE_HALL\",\"calendarId\":\"c1\"}")
                .when()
                .post("/api/v1/units")
                .then()
                .statusCode(201)
                .header("Location", containsString("/api/v1/units/u1"))
                .header("ETag", "\"e1\"")
                .body("code", equalTo("HALL-1"))
                .body("type", equalTo("SERVICE_HALL"))
                .body("parentId", equalTo("p1"))
                .body("state", equalTo("ACTIVE"))
                .body("calendarId", nullValue())
                .body("createTime", equalTo("2026-05-28T20:26:40Z"))
                .body("updateTime", equalTo("2026-05-28T20:27:40Z"));
        CreateUnitRequest sent = Backend.received(CreateUnitRequest.class);
        assertEquals("key-123", sent.getRequestId());
        assertEquals("HALL-1", sent.getUnit().getCode());
        assertEquals(UnitType.UNIT_TYPE_SERVICE_HALL, sent.getUnit().getType());
        assertEquals("c1", sent.getUnit().getCalendarId());
        assertEquals("", sent.getUnit().getParentId());
    }

    @Test
    void fieldViolationsBecome400WithRestFieldNames() {
        Backend.fail(CreateUnitRequest.class, Statuses.invalid("unit.code", "is required", "unit.parent_id", "bad"));
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
        assertTrue(Backend.requests(CreateUnitRequest.class).isEmpty());
    }

    @Test
    void duplicateIs409() {
        Backend.fail(
                CreateUnitRequest.class,
                Statuses.status(Code.ALREADY_EXISTS, "UNIT_ALREADY_EXISTS", "a unit with code 'DUP' already exists"));
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
    void readAnswersTheUnitWithItsEtag() {
        Backend.answer(GetUnitRequest.class, UNIT);
        given().when()
                .get("/api/v1/units/{id}", "u1")
                .then()
                .statusCode(200)
                .header("ETag", "\"e1\"")
                .body("id", equalTo("u1"))
                .body("etag", equalTo("e1"));
        assertEquals("u1", Backend.received(GetUnitRequest.class).getId());
    }

    @Test
    void unknownIdIs404() {
        Backend.fail(
                GetUnitRequest.class,
                Status.NOT_FOUND.withDescription("no unit").asRuntimeException());
        given().when()
                .get("/api/v1/units/{id}", "nope")
                .then()
                .statusCode(404)
                .contentType(PROBLEM)
                .body("reason", equalTo("NOT_FOUND"));
    }

    @Test
    void unavailableBackendIs503WithoutInternals() {
        Backend.fail(
                GetUnitRequest.class,
                Status.UNAVAILABLE
                        .withDescription("db connection refused at 10.0.0.7")
                        .asRuntimeException());
        given().when()
                .get("/api/v1/units/{id}", "down")
                .then()
                .statusCode(503)
                .contentType(PROBLEM)
                .body("detail", not(containsString("10.0.0.7")))
                .body("detail", startsWith("A backend service is unavailable"));
        assertEquals(3, Backend.requests(GetUnitRequest.class).size(), "read attempts");
    }

    @Test
    void readsAreRetriedWhileTheBackendIsUnavailable() {
        Backend.fail(GetUnitRequest.class, Status.UNAVAILABLE.asRuntimeException());
        Backend.fail(GetUnitRequest.class, Status.UNAVAILABLE.asRuntimeException());
        Backend.answer(GetUnitRequest.class, UNIT);
        given().when().get("/api/v1/units/{id}", "u1").then().statusCode(200).body("id", equalTo("u1"));
        assertEquals(3, Backend.requests(GetUnitRequest.class).size());
    }

    @Test
    void backendBugIs500WithoutInternals() {
        Backend.fail(GetUnitRequest.class, Statuses.status(Code.INTERNAL, "INTERNAL", "secret internal detail"));
        given().when()
                .get("/api/v1/units/{id}", "boom")
                .then()
                .statusCode(500)
                .contentType(PROBLEM)
                .body("detail", not(containsString("secret")));
    }

    @Test
    void aReadIsRetriedAfterTheTransportFailed() {
        Backend.fail(GetUnitRequest.class, Statuses.transportReset());
        Backend.fail(GetUnitRequest.class, Statuses.transportReset());
        Backend.answer(GetUnitRequest.class, UNIT);
        given().when().get("/api/v1/units/{id}", "u1").then().statusCode(200).body("id", equalTo("u1"));
        assertEquals(3, Backend.requests(GetUnitRequest.class).size());
    }

    @Test
    void aWriteWhoseTransportFailedIs503NotABackendBug() {
        Backend.fail(CreateUnitRequest.class, Statuses.transportReset());
        given().contentType(ContentType.JSON)
                .body("{\"code\":\"RESET\",\"name\":\"Reset\",\"type\":\"HOTLINE\"}")
                .when()
                .post("/api/v1/units")
                .then()
                .statusCode(503)
                .contentType(PROBLEM)
                .body("reason", equalTo("UNAVAILABLE"))
                .body("detail", not(containsString("RST_STREAM")));
        assertEquals(1, Backend.requests(CreateUnitRequest.class).size(), "a write is never retried");
    }

    @Test
    void slowBackendIs504AndLaterCallsStillGetAFreshDeadline() throws InterruptedException {
        Backend.answerAfter(CreateUnitRequest.class, Duration.ofSeconds(3), UNIT);
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
        Backend.answer(GetUnitRequest.class, UNIT);
        given().when().get("/api/v1/units/{id}", "u1").then().statusCode(200).body("code", equalTo("HALL-1"));
    }

    @Test
    void listPassesPagingAndRejectsANonNumericPageSize() {
        Backend.answer(
                ListUnitsRequest.class,
                ListUnitsResponse.newBuilder()
                        .addUnits(UNIT)
                        .addUnits(UNIT)
                        .setNextPageToken("next-token")
                        .build());
        Backend.answer(
                ListUnitsRequest.class,
                ListUnitsResponse.newBuilder().addUnits(UNIT).build());
        given().queryParam("pageSize", 2)
                .queryParam("parentId", "p1")
                .queryParam("includeInactive", "true")
                .when()
                .get("/api/v1/units")
                .then()
                .statusCode(200)
                .body("items", hasSize(2))
                .body("items[0].code", equalTo("HALL-1"))
                .body("nextPageToken", equalTo("next-token"));
        ListUnitsRequest first = Backend.received(ListUnitsRequest.class);
        assertEquals(2, first.getPageSize());
        assertEquals("", first.getPageToken());
        assertEquals("p1", first.getParentId());
        assertTrue(first.getShowInactive());
        given().queryParam("pageSize", 2)
                .queryParam("pageToken", "next-token")
                .when()
                .get("/api/v1/units")
                .then()
                .statusCode(200)
                .body("items", hasSize(1))
                .body("nextPageToken", nullValue());
        assertEquals("next-token", Backend.received(ListUnitsRequest.class).getPageToken());
        given().queryParam("pageSize", "ten")
                .when()
                .get("/api/v1/units")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors[0].field", equalTo("pageSize"));
        given().queryParam("includeInactive", "maybe")
                .when()
                .get("/api/v1/units")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("includeInactive"));
    }

    @Test
    void descendantsAndPathAreListsOfUnits() {
        Backend.answer(
                ListUnitDescendantsRequest.class,
                ListUnitDescendantsResponse.newBuilder().addUnits(UNIT).build());
        given().queryParam("pageSize", 5)
                .queryParam("pageToken", "t")
                .when()
                .get("/api/v1/units/{id}/descendants", "root")
                .then()
                .statusCode(200)
                .body("items.id", contains("u1"))
                .body("nextPageToken", nullValue());
        ListUnitDescendantsRequest sent = Backend.received(ListUnitDescendantsRequest.class);
        assertEquals("root", sent.getId());
        assertEquals(5, sent.getPageSize());
        assertEquals("t", sent.getPageToken());
        Backend.answer(
                GetUnitPathRequest.class,
                GetUnitPathResponse.newBuilder().addUnits(UNIT).addUnits(UNIT).build());
        given().when()
                .get("/api/v1/units/{id}/path", "u1")
                .then()
                .statusCode(200)
                .body("items", hasSize(2))
                .body("nextPageToken", nullValue());
    }

    @Test
    void patchSendsOnlyTheNamedFieldsWithTheEtag() {
        Backend.answer(UpdateUnitRequest.class, UNIT.toBuilder().setEtag("e2").build());
        given().contentType("application/merge-patch+json")
                .header("If-Match", "\"e1\"")
                .body("{\"name\":\"Renamed\",\"type\":\"HOTLINE\",\"parentId\":null}")
                .when()
                .patch("/api/v1/units/{id}", "u1")
                .then()
                .statusCode(200)
                .header("ETag", "\"e2\"");
        UpdateUnitRequest sent = Backend.received(UpdateUnitRequest.class);
        assertEquals("u1", sent.getUnit().getId());
        assertEquals("e1", sent.getUnit().getEtag());
        assertEquals(List.of("name", "type", "parent_id"), sent.getUpdateMask().getPathsList());
        assertEquals("Renamed", sent.getUnit().getName());
        assertEquals(UnitType.UNIT_TYPE_HOTLINE, sent.getUnit().getType());
        assertEquals("", sent.getUnit().getParentId());
    }

    @Test
    void patchRefusesFieldsThatCannotChangeAndWrongTypes() {
        given().contentType(ContentType.JSON)
                .header("If-Match", "\"e1\"")
                .body("{\"code\":\"NEW\"}")
                .when()
                .patch("/api/v1/units/{id}", "u1")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors[0].field", equalTo("code"))
                .body("errors[0].message", containsString("name, type, parentId, calendarId"));
        given().contentType(ContentType.JSON)
                .body("{\"type\":\"CASTLE\"}")
                .when()
                .patch("/api/v1/units/{id}", "u1")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("type"));
        given().contentType(ContentType.JSON)
                .body("{\"name\":7}")
                .when()
                .patch("/api/v1/units/{id}", "u1")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("name"));
        given().contentType(ContentType.JSON)
                .body("{}")
                .when()
                .patch("/api/v1/units/{id}", "u1")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("body"));
        assertTrue(Backend.requests(UpdateUnitRequest.class).isEmpty());
    }

    @Test
    void aStaleEtagIs409AndAMissingOneIsNamedIfMatch() {
        Backend.fail(UpdateUnitRequest.class, Statuses.status(Code.ABORTED, "ETAG_MISMATCH", "stale etag"));
        given().contentType(ContentType.JSON)
                .header("If-Match", "W/\"old\"")
                .body("{\"name\":\"X\"}")
                .when()
                .patch("/api/v1/units/{id}", "u1")
                .then()
                .statusCode(409)
                .body("reason", equalTo("ETAG_MISMATCH"));
        assertEquals("old", Backend.received(UpdateUnitRequest.class).getUnit().getEtag());
        Backend.fail(DeactivateUnitRequest.class, Statuses.invalid("etag", "is required"));
        given().urlEncodingEnabled(false)
                .when()
                .post("/api/v1/units/u1:deactivate")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("If-Match"));
    }

    @Test
    void deactivateAndReactivateCallTheirRpcsWithTheEtag() {
        Backend.answer(
                DeactivateUnitRequest.class,
                UNIT.toBuilder().setState(UnitState.UNIT_STATE_INACTIVE).build());
        given().urlEncodingEnabled(false)
                .header("If-Match", "\"e1\"")
                .when()
                .post("/api/v1/units/u1:deactivate")
                .then()
                .statusCode(200)
                .header("ETag", "\"e1\"")
                .body("state", equalTo("INACTIVE"));
        assertEquals("e1", Backend.received(DeactivateUnitRequest.class).getEtag());
        assertEquals("u1", Backend.received(DeactivateUnitRequest.class).getId());
        given().urlEncodingEnabled(false)
                .header("If-Match", "\"e2\"")
                .contentType(ContentType.JSON)
                .body("not even json")
                .when()
                .post("/api/v1/units/u1:reactivate")
                .then()
                .statusCode(200);
        assertEquals("e2", Backend.received(ReactivateUnitRequest.class).getEtag());
    }

    @Test
    void anUnknownVerbIs404Problem() {
        given().urlEncodingEnabled(false)
                .header("If-Match", "\"e1\"")
                .when()
                .post("/api/v1/units/u1:explode")
                .then()
                .statusCode(404)
                .contentType(PROBLEM)
                .body("reason", equalTo("NOT_FOUND"));
    }

    @Test
    void unknownPathIsAProblemToo() {
        given().when().get("/api/v1/nothing-here").then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void prometheusMetricsTimeRestAndGrpcClientCalls() {
        given().when().get("/api/v1/units/{id}", "u1").then().statusCode(200);
        String metrics = given().when()
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertTrue(metrics.contains("http_server_requests_seconds_count"), "REST timings");
        assertTrue(metrics.contains("grpc_client_processing_duration_seconds"), "gRPC client timings");
    }

    @Test
    void openApiAndSwaggerUiAreServed() {
        given().when()
                .get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .body("paths.'/api/v1/units'.post.summary", equalTo("Create a unit"))
                .body("paths.'/api/v1/units'.get.parameters.name", hasItems("pageSize", "pageToken", "parentId"))
                .body("paths.'/api/v1/units/{id}:{verb}'.post.parameters.name", hasItems("id", "verb", "If-Match"))
                // Every operation documents its problem answers; what a resource says itself is kept.
                .body("components.schemas.Problem", org.hamcrest.Matchers.notNullValue())
                .body(
                        "paths.'/api/v1/complaints'.post.responses.'503'.content.'application/problem+json'.schema.$ref",
                        equalTo("#/components/schemas/Problem"))
                .body(
                        "paths.'/api/v1/inspections/{id}'.get.responses.keySet()",
                        hasItems("200", "400", "404", "503", "504"))
                .body(
                        "paths.'/api/v1/complaints'.post.responses.'409'.description",
                        equalTo("A move the lifecycle does not allow, a stale etag, or a reused Idempotency-Key"));
        given().when().get("/q/swagger-ui/").then().statusCode(200);
    }
}
