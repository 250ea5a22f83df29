package org.sqm.gateway.rest.standards;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.rpc.Code;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.sqm.gateway.fakes.Backend;
import org.sqm.gateway.fakes.FakeBackendTest;
import org.sqm.gateway.fakes.Statuses;
import org.sqm.proto.common.v1.Severity;
import org.sqm.proto.standards.v1.ResolveServiceLevelRequest;
import org.sqm.proto.standards.v1.ServiceChannel;
import org.sqm.proto.standards.v1.ServiceLevel;
import org.sqm.proto.standards.v1.ServiceLevelTarget;
import org.sqm.proto.standards.v1.UnitType;

@QuarkusTest
class ServiceLevelResourceTest extends FakeBackendTest {

    static final ServiceLevel LEVEL = ServiceLevel.newBuilder()
            .setTarget(ServiceLevelTarget.newBuilder()
                    .setUnitType(UnitType.UNIT_TYPE_HOTLINE)
                    .setChannel(ServiceChannel.SERVICE_CHANNEL_PHONE)
                    .setCategory("BILLING")
                    .setSeverity(Severity.SEVERITY_CRITICAL)
                    .setAcknowledgeWithin(span("PT1H"))
                    .setResolveWithin(span("PT40H")))
            .setCalendarId("c1")
            .setCalendarCode("CN-OFFICE")
            .setCalendarTimeZone("Asia/Shanghai")
            .setCalendarUnitId("root")
            .setStandardId("s1")
            .setStandardCode("SQM-HOTLINE")
            .setStandardVersion(3)
            .setRuleIndex(2)
            .setSpecificity(4)
            .build();

    @Test
    void resolvePassesTheCaseAndShowsTheWinningRule() {
        Backend.answer(ResolveServiceLevelRequest.class, LEVEL);
        given().queryParam("channel", "PHONE")
                .queryParam("category", "BILLING")
                .queryParam("severity", "CRITICAL")
                .queryParam("at", "2026-03-06T16:00:00Z")
                .when()
                .get("/api/v1/units/u1/serviceLevel")
                .then()
                .statusCode(200)
                .body("target.unitType", equalTo("HOTLINE"))
                .body("target.channel", equalTo("PHONE"))
                .body("target.severity", equalTo("CRITICAL"))
                .body("target.acknowledgeWithin", equalTo("PT1H"))
                .body("target.resolveWithin", equalTo("PT40H"))
                .body("target.callBackWithin", nullValue())
                .body("calendarCode", equalTo("CN-OFFICE"))
                .body("calendarUnitId", equalTo("root"))
                .body("standardVersion", equalTo(3))
                .body("ruleIndex", equalTo(2))
                .body("specificity", equalTo(4));
        ResolveServiceLevelRequest sent = Backend.received(ResolveServiceLevelRequest.class);
        assertEquals("u1", sent.getUnitId());
        assertEquals(ServiceChannel.SERVICE_CHANNEL_PHONE, sent.getChannel());
        assertEquals("BILLING", sent.getCategory());
        assertEquals(Severity.SEVERITY_CRITICAL, sent.getSeverity());
        assertEquals(at("2026-03-06T16:00:00Z"), sent.getAtTime());
    }

    @Test
    void absentParametersStayUnset() {
        given().when().get("/api/v1/units/u1/serviceLevel").then().statusCode(200);
        ResolveServiceLevelRequest sent = Backend.received(ResolveServiceLevelRequest.class);
        assertEquals(ServiceChannel.SERVICE_CHANNEL_UNSPECIFIED, sent.getChannel());
        assertEquals(Severity.SEVERITY_UNSPECIFIED, sent.getSeverity());
        assertFalse(sent.hasAtTime());
    }

    @Test
    void badParametersAre400NamingThem() {
        given().queryParam("severity", "EXTREME")
                .when()
                .get("/api/v1/units/u1/serviceLevel")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors[0].field", equalTo("severity"));
        given().queryParam("channel", "PIGEON")
                .when()
                .get("/api/v1/units/u1/serviceLevel")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("channel"));
        given().queryParam("at", "yesterday")
                .when()
                .get("/api/v1/units/u1/serviceLevel")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("at"));
        assertTrue(Backend.requests(ResolveServiceLevelRequest.class).isEmpty());
    }

    @Test
    void backendErrorsBecomeProblems() {
        Backend.fail(
                ResolveServiceLevelRequest.class,
                Statuses.status(Code.FAILED_PRECONDITION, "NO_SERVICE_LEVEL", "no rule applies"));
        given().when()
                .get("/api/v1/units/u1/serviceLevel")
                .then()
                .statusCode(409)
                .contentType(PROBLEM)
                .body("reason", equalTo("NO_SERVICE_LEVEL"));
        Backend.fail(ResolveServiceLevelRequest.class, Statuses.status(Code.NOT_FOUND, "UNIT_NOT_FOUND", "no u9"));
        given().when()
                .get("/api/v1/units/u9/serviceLevel")
                .then()
                .statusCode(404)
                .body("reason", equalTo("UNIT_NOT_FOUND"));
    }
}
