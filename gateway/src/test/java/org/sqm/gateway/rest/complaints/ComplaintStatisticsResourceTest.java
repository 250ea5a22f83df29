package org.sqm.gateway.rest.complaints;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.sqm.gateway.fakes.Backend;
import org.sqm.gateway.fakes.FakeBackendTest;
import org.sqm.gateway.fakes.Statuses;
import org.sqm.proto.common.v1.CustomerSegment;
import org.sqm.proto.complaint.v1.ComplaintStatistics;
import org.sqm.proto.complaint.v1.GetComplaintStatisticsRequest;
import org.sqm.proto.complaint.v1.SegmentCount;

@QuarkusTest
class ComplaintStatisticsResourceTest extends FakeBackendTest {

    @Test
    void statisticsOfAPeriodWithDurationsInIso() {
        Backend.answer(
                GetComplaintStatisticsRequest.class,
                ComplaintStatistics.newBuilder()
                        .setReceived(10)
                        .setResolved(8)
                        .setResolvedWithinDeadline(6)
                        .setShareResolvedWithinDeadline(0.75)
                        .setMedianResolutionTime(span("PT5H"))
                        .setP90ResolutionTime(span("PT30H"))
                        .setSatisfactionResponses(4)
                        .setMeanSatisfaction(3.5)
                        .setCallBacksRequired(1)
                        .setFirstContactResolutions(4)
                        .setFirstContactResolutionRate(0.4)
                        .addReceivedBySegment(SegmentCount.newBuilder().setReceived(2))
                        .addReceivedBySegment(SegmentCount.newBuilder()
                                .setSegment(CustomerSegment.CUSTOMER_SEGMENT_MOBILE)
                                .setReceived(8))
                        .build());
        given().queryParam("from", "2026-01-01T00:00:00Z")
                .queryParam("to", "2026-04-01T00:00:00Z")
                .queryParam("includeDescendants", "true")
                .when()
                .get("/api/v1/units/u1/complaintStatistics")
                .then()
                .statusCode(200)
                .body("received", equalTo(10))
                .body("shareResolvedWithinDeadline", equalTo(0.75f))
                .body("medianResolutionTime", equalTo("PT5H"))
                .body("p90ResolutionTime", equalTo("PT30H"))
                .body("meanSatisfaction", equalTo(3.5f))
                .body("callBacksRequired", equalTo(1))
                .body("callBacksDone", equalTo(0))
                .body("firstContactResolutions", equalTo(4))
                .body("firstContactResolutionRate", equalTo(0.4f))
                .body("receivedBySegment.UNKNOWN", equalTo(2))
                .body("receivedBySegment.MOBILE", equalTo(8))
                .body("receivedBySegment.VIP", nullValue());
        GetComplaintStatisticsRequest sent = Backend.received(GetComplaintStatisticsRequest.class);
        assertEquals("u1", sent.getUnitId());
        assertTrue(sent.getIncludeDescendants());
        assertEquals(at("2026-01-01T00:00:00Z"), sent.getPeriodStart());
        assertEquals(at("2026-04-01T00:00:00Z"), sent.getPeriodEnd());
    }

    @Test
    void thePeriodIsRequiredAndItsErrorsAreNamedAsInRest() {
        given().queryParam("from", "2026-01-01T00:00:00Z")
                .when()
                .get("/api/v1/units/u1/complaintStatistics")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors[0].field", equalTo("to"));
        assertTrue(Backend.requests(GetComplaintStatisticsRequest.class).isEmpty());
        Backend.fail(GetComplaintStatisticsRequest.class, Statuses.invalid("period_end", "must be after the start"));
        given().queryParam("from", "2026-04-01T00:00:00Z")
                .queryParam("to", "2026-01-01T00:00:00Z")
                .when()
                .get("/api/v1/units/u1/complaintStatistics")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("periodEnd"));
        assertFalse(Backend.received(GetComplaintStatisticsRequest.class).getIncludeDescendants());
    }
}
