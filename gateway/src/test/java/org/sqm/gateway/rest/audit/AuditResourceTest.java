package org.sqm.gateway.rest.audit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.sqm.gateway.fakes.Backend;
import org.sqm.gateway.fakes.FakeBackendTest;
import org.sqm.proto.common.v1.AuditEvent;
import org.sqm.proto.common.v1.FieldChange;
import org.sqm.proto.common.v1.ListAuditEventsRequest;
import org.sqm.proto.common.v1.ListAuditEventsResponse;

@QuarkusTest
class AuditResourceTest extends FakeBackendTest {

    @Test
    void theTrailOfAResourceIsAPageOfEventsWithTheirChanges() {
        Backend.answer(
                ListAuditEventsRequest.class,
                ListAuditEventsResponse.newBuilder()
                        .addEvents(AuditEvent.newBuilder()
                                .setSequence(7)
                                .setTime(at("2026-03-02T10:15:00Z"))
                                .setActor("handler@sqm.dev")
                                .setAction("sqm.complaint.v1.ComplaintService/AcknowledgeComplaint")
                                .setRequestId("req-1")
                                .setResource("complaints/c1")
                                .setRecord("complaint")
                                .setOperation("UPDATE")
                                .addChanges(FieldChange.newBuilder()
                                        .setField("status")
                                        .setBefore("\"RECEIVED\"")
                                        .setAfter("\"ACKNOWLEDGED\""))
                                .addChanges(FieldChange.newBuilder()
                                        .setField("contact_phone")
                                        .setRedacted(true)))
                        .setNextPageToken("next")
                        .build());
        given().queryParam("resource", "complaints/c1")
                .queryParam("pageSize", 20)
                .queryParam("pageToken", "p1")
                .when()
                .get("/api/v1/auditEvents")
                .then()
                .statusCode(200)
                .body("items[0].sequence", equalTo(7))
                .body("items[0].time", equalTo("2026-03-02T10:15:00Z"))
                .body("items[0].actor", equalTo("handler@sqm.dev"))
                .body("items[0].action", equalTo("sqm.complaint.v1.ComplaintService/AcknowledgeComplaint"))
                .body("items[0].requestId", equalTo("req-1"))
                .body("items[0].resource", equalTo("complaints/c1"))
                .body("items[0].record", equalTo("complaint"))
                .body("items[0].operation", equalTo("UPDATE"))
                .body("items[0].changes.field", contains("status", "contact_phone"))
                .body("items[0].changes[0].before", equalTo("\"RECEIVED\""))
                .body("items[0].changes[0].after", equalTo("\"ACKNOWLEDGED\""))
                .body("items[0].changes[1].redacted", equalTo(true))
                .body("nextPageToken", equalTo("next"));
        ListAuditEventsRequest sent = Backend.received(ListAuditEventsRequest.class);
        assertEquals("complaints/c1", sent.getResource());
        assertEquals(20, sent.getPageSize());
        assertEquals("p1", sent.getPageToken());
    }

    @Test
    void theLastPageHasNoToken() {
        given().queryParam("resource", "units/u1")
                .when()
                .get("/api/v1/auditEvents")
                .then()
                .statusCode(200)
                .body("items", equalTo(List.of()))
                .body("nextPageToken", nullValue());
    }

    @Test
    void eachCollectionIsReadFromTheServiceThatOwnsIt() {
        Map<String, String> expected = Map.ofEntries(
                Map.entry("units/u1", "standards-service"),
                Map.entry("calendars/c1", "standards-service"),
                Map.entry("standards/s1", "standards-service"),
                Map.entry("inspections/i1", "inspection-service"),
                Map.entry("inspectors/i1", "inspection-service"),
                Map.entry("inspectionPlans/p1", "inspection-service"),
                Map.entry("rectificationOrders/r1", "inspection-service"),
                Map.entry("supervisionOrders/s1", "inspection-service"),
                Map.entry("complaints/c1", "complaint-service"),
                Map.entry("scoringModels/m1", "scoring-service"),
                Map.entry("indicators/i1", "scoring-service"),
                Map.entry("deductionRules/d1", "scoring-service"),
                Map.entry("accreditationRules/a1", "scoring-service"),
                Map.entry("accreditationDecisions/a1", "scoring-service"),
                Map.entry("certifications/c1", "scoring-service"),
                Map.entry("violations/v1", "scoring-service"),
                Map.entry("surveyBatches/b1", "scoring-service"),
                Map.entry("measurementBatches/b1", "scoring-service"),
                Map.entry("customersServedBatches/b1", "scoring-service"),
                Map.entry("scorecards/s1", "scoring-service"),
                Map.entry("publishedPerformance/2026-03", "scoring-service"),
                Map.entry("spotChecks/t1", "scoring-service"),
                Map.entry("operations/o1", "scoring-service"));
        expected.forEach((resource, service) -> assertEquals(Optional.of(service), AuditResource.owner(resource)));
        for (String bad : new String[] {"widgets/w1", "complaints", "complaints/", "/c1", "", "Complaints/c1"}) {
            assertEquals(Optional.empty(), AuditResource.owner(bad), bad);
        }
    }

    @Test
    void anUnknownCollectionOrNoResourceIs400NamingResource() {
        for (String resource : new String[] {"widgets/w1", "complaints"}) {
            given().queryParam("resource", resource)
                    .when()
                    .get("/api/v1/auditEvents")
                    .then()
                    .statusCode(400)
                    .contentType(PROBLEM)
                    .body("errors[0].field", equalTo("resource"));
        }
        given().when().get("/api/v1/auditEvents").then().statusCode(400).body("errors[0].field", equalTo("resource"));
        assertEquals(List.of(), Backend.requests(ListAuditEventsRequest.class));
    }
}
