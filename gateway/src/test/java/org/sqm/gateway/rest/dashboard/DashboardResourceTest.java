package org.sqm.gateway.rest.dashboard;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.rpc.Code;
import io.grpc.Metadata;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sqm.gateway.fakes.Backend;
import org.sqm.gateway.fakes.FakeBackendTest;
import org.sqm.gateway.fakes.Statuses;
import org.sqm.proto.complaint.v1.Complaint;
import org.sqm.proto.complaint.v1.ComplaintStatus;
import org.sqm.proto.complaint.v1.Deadline;
import org.sqm.proto.complaint.v1.DeadlineKind;
import org.sqm.proto.complaint.v1.ListComplaintsRequest;
import org.sqm.proto.complaint.v1.ListComplaintsResponse;
import org.sqm.proto.inspection.v1.Inspection;
import org.sqm.proto.inspection.v1.InspectionStatus;
import org.sqm.proto.inspection.v1.ListInspectionsRequest;
import org.sqm.proto.inspection.v1.ListInspectionsResponse;
import org.sqm.proto.inspection.v1.ListRectificationOrdersRequest;
import org.sqm.proto.inspection.v1.ListRectificationOrdersResponse;
import org.sqm.proto.inspection.v1.ListSupervisionOrdersRequest;
import org.sqm.proto.inspection.v1.ListSupervisionOrdersResponse;
import org.sqm.proto.inspection.v1.RectificationOrder;
import org.sqm.proto.inspection.v1.RectificationStatus;
import org.sqm.proto.inspection.v1.SupervisionOrder;
import org.sqm.proto.inspection.v1.SupervisionStatus;
import org.sqm.proto.scoring.v1.AccreditationDecision;
import org.sqm.proto.scoring.v1.AccreditationOutcome;
import org.sqm.proto.scoring.v1.Certification;
import org.sqm.proto.scoring.v1.CertificationStatus;
import org.sqm.proto.scoring.v1.GetScoreTrendRequest;
import org.sqm.proto.scoring.v1.GetScorecardRequest;
import org.sqm.proto.scoring.v1.ListAccreditationDecisionsRequest;
import org.sqm.proto.scoring.v1.ListAccreditationDecisionsResponse;
import org.sqm.proto.scoring.v1.ListCertificationsRequest;
import org.sqm.proto.scoring.v1.ListCertificationsResponse;
import org.sqm.proto.scoring.v1.ScoreTrend;
import org.sqm.proto.scoring.v1.Scorecard;
import org.sqm.proto.scoring.v1.ScorecardStatus;
import org.sqm.proto.scoring.v1.TrendPoint;
import org.sqm.proto.standards.v1.GetUnitPathRequest;
import org.sqm.proto.standards.v1.GetUnitPathResponse;
import org.sqm.proto.standards.v1.GetUnitRequest;
import org.sqm.proto.standards.v1.Unit;
import org.sqm.proto.standards.v1.UnitType;
import org.sqm.testing.auth.DevTokens;

@QuarkusTest
class DashboardResourceTest extends FakeBackendTest {

    private static final String PATH = "/api/v1/units/{id}/dashboard";

    /** The part deadline of the test profile: the default. */
    private static final Duration PART_DEADLINE = Duration.ofSeconds(2);

    static final Unit ROOT = Unit.newBuilder()
            .setId("u0")
            .setCode("PROV")
            .setName("Province")
            .setType(UnitType.UNIT_TYPE_COMPANY)
            .build();
    static final Unit HALL = Unit.newBuilder()
            .setId("u1")
            .setCode("HALL-SZ-001")
            .setName("Futian service hall")
            .setType(UnitType.UNIT_TYPE_SERVICE_HALL)
            .setParentId("u0")
            .build();

    static final Scorecard LATEST_SCORECARD = Scorecard.newBuilder()
            .setId("sc2")
            .setUnitId("u1")
            .setPeriod("2026-02")
            .setStatus(ScorecardStatus.SCORECARD_STATUS_SCORED)
            .setScore(84.5)
            .setGrade("B")
            .build();

    private static void wholeDashboard() {
        wholeDashboardBut(java.util.Set.of());
    }

    /** Every part answers, but for the RPCs taking these requests, which the test scripts itself. */
    private static void wholeDashboardBut(java.util.Set<Class<?>> scriptedByTheTest) {
        Instant now = Instant.now();
        answerUnless(
                scriptedByTheTest,
                GetUnitPathRequest.class,
                GetUnitPathResponse.newBuilder().addUnits(ROOT).addUnits(HALL).build());
        answerUnless(
                scriptedByTheTest,
                GetScoreTrendRequest.class,
                ScoreTrend.newBuilder()
                        .setUnitId("u1")
                        .addPoints(TrendPoint.newBuilder()
                                .setPeriod("2026-01")
                                .setStatus(ScorecardStatus.SCORECARD_STATUS_SCORED)
                                .setScore(80.0)
                                .setGrade("B")
                                .setModelId("m1")
                                .setModelVersion(1)
                                .setScorecardId("sc1"))
                        .addPoints(TrendPoint.newBuilder()
                                .setPeriod("2026-02")
                                .setStatus(ScorecardStatus.SCORECARD_STATUS_SCORED)
                                .setScore(84.5)
                                .setGrade("B")
                                .setModelId("m1")
                                .setModelVersion(1)
                                .setScorecardId("sc2")
                                .setSatisfactionIndex(91.5))
                        .addPoints(TrendPoint.newBuilder().setPeriod("2026-03"))
                        // The latest scored point's scorecard, which the dashboard asks the trend to bring.
                        .setLatestScorecard(LATEST_SCORECARD)
                        .build());
        // Two open complaints: one due tomorrow, one a day overdue (the open_only list of the unit).
        answerUnless(
                scriptedByTheTest,
                ListComplaintsRequest.class,
                ListComplaintsResponse.newBuilder()
                        .addComplaints(Complaint.newBuilder()
                                .setId("c-soon")
                                .setUnitId("u1")
                                .setStatus(ComplaintStatus.COMPLAINT_STATUS_WAITING_ON_CUSTOMER)
                                .setReceiveTime(ts(now.minus(Duration.ofDays(1))))
                                .addDeadlines(Deadline.newBuilder()
                                        .setKind(DeadlineKind.DEADLINE_KIND_ACKNOWLEDGE)
                                        .setDueTime(ts(now.minus(Duration.ofHours(20))))
                                        .setMetTime(ts(now.minus(Duration.ofHours(23)))))
                                .addDeadlines(Deadline.newBuilder()
                                        .setKind(DeadlineKind.DEADLINE_KIND_RESOLVE)
                                        .setDueTime(ts(now.plus(Duration.ofDays(1))))))
                        .addComplaints(Complaint.newBuilder()
                                .setId("c-late")
                                .setUnitId("u1")
                                .setStatus(ComplaintStatus.COMPLAINT_STATUS_RECEIVED)
                                .setReceiveTime(ts(now.minus(Duration.ofDays(3))))
                                .addDeadlines(Deadline.newBuilder()
                                        .setKind(DeadlineKind.DEADLINE_KIND_ACKNOWLEDGE)
                                        .setDueTime(ts(now.minus(Duration.ofDays(1))))
                                        .setBreached(true)))
                        .build());
        answerUnless(
                scriptedByTheTest,
                ListInspectionsRequest.class,
                ListInspectionsResponse.newBuilder()
                        .addInspections(Inspection.newBuilder()
                                .setId("i-next")
                                .setUnitId("u1")
                                .setStatus(InspectionStatus.INSPECTION_STATUS_SCHEDULED)
                                .setWindowStart(ts(now.plus(Duration.ofDays(2))))
                                .setWindowEnd(ts(now.plus(Duration.ofDays(9)))))
                        .addInspections(Inspection.newBuilder()
                                .setId("i-past")
                                .setUnitId("u1")
                                .setStatus(InspectionStatus.INSPECTION_STATUS_IN_PROGRESS)
                                .setWindowStart(ts(now.minus(Duration.ofDays(9))))
                                .setWindowEnd(ts(now.minus(Duration.ofDays(2)))))
                        .build());
        answerUnless(
                scriptedByTheTest,
                ListRectificationOrdersRequest.class,
                ListRectificationOrdersResponse.newBuilder()
                        .addOrders(RectificationOrder.newBuilder()
                                .setId("r1")
                                .setOwnerUnitId("u1")
                                .setStatus(RectificationStatus.RECTIFICATION_STATUS_OPEN)
                                .setDueTime(ts(now.plus(Duration.ofDays(5)))))
                        .build());
        answerUnless(
                scriptedByTheTest,
                ListSupervisionOrdersRequest.class,
                ListSupervisionOrdersResponse.newBuilder()
                        .addOrders(SupervisionOrder.newBuilder()
                                .setId("s1")
                                .setUnitId("u1")
                                .setStatus(SupervisionStatus.SUPERVISION_STATUS_OPEN)
                                .setDueTime(ts(now.minus(Duration.ofDays(1))))
                                .setOverdue(true))
                        .build());
        answerUnless(
                scriptedByTheTest,
                ListCertificationsRequest.class,
                ListCertificationsResponse.newBuilder()
                        .addCertifications(Certification.newBuilder()
                                .setId("cert-old")
                                .setUnitId("u1")
                                .setStatus(CertificationStatus.CERTIFICATION_STATUS_LAPSED)
                                .setGrantTime(at("2022-01-01T00:00:00Z")))
                        .addCertifications(Certification.newBuilder()
                                .setId("cert-now")
                                .setUnitId("u1")
                                .setStatus(CertificationStatus.CERTIFICATION_STATUS_ACTIVE)
                                .setGrantTime(at("2025-01-01T00:00:00Z")))
                        .build());
        answerUnless(
                scriptedByTheTest,
                ListAccreditationDecisionsRequest.class,
                ListAccreditationDecisionsResponse.newBuilder()
                        .addDecisions(AccreditationDecision.newBuilder()
                                .setId("d2")
                                .setUnitId("u1")
                                .setOutcome(AccreditationOutcome.ACCREDITATION_OUTCOME_ACCREDITED))
                        .build());
    }

    private static void answerUnless(
            java.util.Set<Class<?>> scriptedByTheTest,
            Class<? extends com.google.protobuf.Message> request,
            com.google.protobuf.Message response) {
        if (!scriptedByTheTest.contains(request)) {
            Backend.answer(request, response);
        }
    }

    @Test
    void theWholeDashboardComesInOneAnswer() {
        wholeDashboard();
        String token = DevTokens.administrator();
        given().header("X-Request-Id", "dash-1")
                .header("Authorization", "Bearer " + token)
                .when()
                .get(PATH + "?period=2026-03", "u1")
                .then()
                .statusCode(200)
                .body("partial", equalTo(false))
                .body("warnings", empty())
                .body("omitted", empty())
                .body("asOf", notNullValue())
                .body("period", equalTo("2026-03"))
                .body("unit.code", equalTo("HALL-SZ-001"))
                .body("path.id", contains("u0", "u1"))
                .body("trend.points.period", contains("2026-01", "2026-02", "2026-03"))
                .body("trend.points[1].satisfactionIndex", equalTo(91.5f))
                .body("trend.points[2].satisfactionIndex", nullValue())
                .body("trend.latestScorecard", nullValue())
                .body("scorecard.id", equalTo("sc2"))
                .body("scorecard.score", equalTo(84.5f))
                .body("complaints.openCount", equalTo(2))
                .body("complaints.overdueCount", equalTo(1))
                // Overdue first, then the nearest due.
                .body("complaints.items.complaint.id", contains("c-late", "c-soon"))
                .body("complaints.items.overdue", contains(true, false))
                .body("complaints.items[0].deadlines[0].kind", equalTo("ACKNOWLEDGE"))
                .body("complaints.items[0].deadlines[0].breached", equalTo(true))
                .body("complaints.items[0].deadlines[0].secondsLeft", lessThan(-86_000))
                .body("complaints.items[1].deadlines[0].metTime", notNullValue())
                .body("complaints.items[1].deadlines[0].secondsLeft", nullValue())
                .body("complaints.items[1].deadlines[1].kind", equalTo("RESOLVE"))
                .body("complaints.items[1].deadlines[1].paused", equalTo(true))
                .body("complaints.items[1].deadlines[1].secondsLeft", greaterThan(86_000))
                .body("complaints.items[0].complaint.complainant", nullValue())
                .body("inspections.upcoming.id", contains("i-next"))
                .body("inspections.overdue.id", contains("i-past"))
                .body("rectificationOrders.open.id", contains("r1"))
                .body("rectificationOrders.overdue", empty())
                .body("supervisionOrders.open", empty())
                .body("supervisionOrders.overdue.id", contains("s1"))
                .body("accreditation.certification.id", equalTo("cert-now"))
                .body("accreditation.latestDecision.id", equalTo("d2"));

        // Eight calls, none waiting for another: the scorecard comes in the trend's answer (never asked
        // for alone), the unit in its path's answer (never asked for alone), the open items of each kind
        // in one open_only list call.
        assertTrue(Backend.requests(GetUnitRequest.class).isEmpty());
        assertTrue(Backend.requests(GetScorecardRequest.class).isEmpty());
        GetScoreTrendRequest trend = Backend.received(GetScoreTrendRequest.class);
        assertEquals("2026-03", trend.getPeriod());
        assertEquals(12, trend.getCount());
        assertTrue(trend.getIncludeLatestScorecard());
        assertEquals(1, Backend.requests(GetScoreTrendRequest.class).size());
        ListComplaintsRequest complaints = onlyRequest(ListComplaintsRequest.class);
        assertEquals("u1", complaints.getUnitId());
        assertTrue(complaints.getOpenOnly());
        assertEquals(ComplaintStatus.COMPLAINT_STATUS_UNSPECIFIED, complaints.getStatus());
        ListInspectionsRequest inspections = onlyRequest(ListInspectionsRequest.class);
        assertEquals("u1", inspections.getUnitId());
        assertTrue(inspections.getOpenOnly());
        assertEquals(InspectionStatus.INSPECTION_STATUS_UNSPECIFIED, inspections.getStatus());
        ListRectificationOrdersRequest rectifications = onlyRequest(ListRectificationOrdersRequest.class);
        assertEquals("u1", rectifications.getOwnerUnitId());
        assertTrue(rectifications.getOpenOnly());
        assertEquals(RectificationStatus.RECTIFICATION_STATUS_UNSPECIFIED, rectifications.getStatus());
        ListSupervisionOrdersRequest supervisions = onlyRequest(ListSupervisionOrdersRequest.class);
        assertEquals("u1", supervisions.getUnitId());
        assertTrue(supervisions.getOpenOnly());
        assertEquals(SupervisionStatus.SUPERVISION_STATUS_UNSPECIFIED, supervisions.getStatus());
        assertEquals("u1", onlyRequest(ListCertificationsRequest.class).getUnitId());
        assertEquals("u1", onlyRequest(ListAccreditationDecisionsRequest.class).getUnitId());
        assertEquals("u1", onlyRequest(GetUnitPathRequest.class).getId());
        for (String rpc : List.of(
                "sqm.standards.v1.UnitService/GetUnitPath",
                "sqm.complaint.v1.ComplaintService/ListComplaints",
                "sqm.scoring.v1.ScorecardService/GetScoreTrend")) {
            Metadata headers = Backend.metadata(rpc);
            assertEquals("dash-1", headers.get(Metadata.Key.of("x-request-id", Metadata.ASCII_STRING_MARSHALLER)));
            assertEquals(
                    "Bearer " + token,
                    headers.get(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER)),
                    rpc);
        }
    }

    @Test
    void aLaterPageIsReadToTheEndAndCarriesTheCallersTokenAndRequestId() {
        wholeDashboardBut(java.util.Set.of(ListComplaintsRequest.class));
        Instant now = Instant.now();
        Backend.answer(
                ListComplaintsRequest.class,
                ListComplaintsResponse.newBuilder()
                        .addComplaints(Complaint.newBuilder()
                                .setId("c-1")
                                .setUnitId("u1")
                                .setStatus(ComplaintStatus.COMPLAINT_STATUS_RECEIVED)
                                .setReceiveTime(ts(now)))
                        .setNextPageToken("page-2")
                        .build());
        Backend.answer(
                ListComplaintsRequest.class,
                ListComplaintsResponse.newBuilder()
                        .addComplaints(Complaint.newBuilder()
                                .setId("c-2")
                                .setUnitId("u1")
                                .setStatus(ComplaintStatus.COMPLAINT_STATUS_INVESTIGATING)
                                .setReceiveTime(ts(now.minus(Duration.ofDays(1)))))
                        .build());
        String token = DevTokens.administrator();
        given().header("X-Request-Id", "dash-2")
                .header("Authorization", "Bearer " + token)
                .when()
                .get(PATH + "?period=2026-03", "u1")
                .then()
                .statusCode(200)
                .body("partial", equalTo(false))
                .body("complaints.openCount", equalTo(2))
                .body("complaints.items.complaint.id", containsInAnyOrder("c-1", "c-2"));
        List<ListComplaintsRequest> pages = Backend.requests(ListComplaintsRequest.class);
        assertEquals(
                List.of("", "page-2"),
                pages.stream().map(ListComplaintsRequest::getPageToken).toList());
        assertTrue(pages.stream().allMatch(ListComplaintsRequest::getOpenOnly));
        // The second page went out from a gRPC thread, when the first answered: with the ones read on the request
        // thread.
        Metadata headers = Backend.metadata("sqm.complaint.v1.ComplaintService/ListComplaints");
        assertEquals("dash-2", headers.get(Metadata.Key.of("x-request-id", Metadata.ASCII_STRING_MARSHALLER)));
        assertEquals(
                "Bearer " + token, headers.get(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER)));
    }

    @Test
    void aTrendWithoutAScorecardLeavesTheScorecardOutWithoutAWarning() {
        wholeDashboardBut(java.util.Set.of(GetScoreTrendRequest.class));
        Backend.answer(
                GetScoreTrendRequest.class,
                ScoreTrend.newBuilder()
                        .setUnitId("u1")
                        .addPoints(TrendPoint.newBuilder().setPeriod("2026-03").setSatisfactionIndex(70.0))
                        .build());
        given().when()
                .get(PATH + "?period=2026-03", "u1")
                .then()
                .statusCode(200)
                .body("partial", equalTo(false))
                .body("warnings", empty())
                .body("trend.points.period", contains("2026-03"))
                .body("scorecard", nullValue());
        assertTrue(Backend.requests(GetScorecardRequest.class).isEmpty());
    }

    private static <Q extends com.google.protobuf.Message> Q onlyRequest(Class<Q> request) {
        assertEquals(1, Backend.requests(request).size(), request.getSimpleName() + " calls");
        return Backend.received(request);
    }

    @Test
    void theCurrentMonthIsTheDefaultPeriod() {
        wholeDashboard();
        given().when()
                .get(PATH, "u1")
                .then()
                .statusCode(200)
                .body(
                        "period",
                        equalTo(java.time.YearMonth.now(java.time.ZoneOffset.UTC)
                                .toString()));
    }

    @Test
    void aServiceDownAndTwoHangingAreWarningsOfAPartialAnswerThatComesInTime() {
        wholeDashboardBut(java.util.Set.of(
                ListComplaintsRequest.class, GetScoreTrendRequest.class, ListInspectionsRequest.class));
        Backend.fail(
                ListComplaintsRequest.class,
                io.grpc.Status.UNAVAILABLE.withDescription("connection refused").asRuntimeException());
        Backend.answerAfter(GetScoreTrendRequest.class, Duration.ofSeconds(6), ScoreTrend.getDefaultInstance());
        Backend.answerAfter(
                ListInspectionsRequest.class, Duration.ofSeconds(6), ListInspectionsResponse.getDefaultInstance());
        long start = System.nanoTime();
        Response answer = given().when().get(PATH + "?period=2026-03", "u1");
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        answer.then()
                .statusCode(200)
                .body("partial", equalTo(true))
                .body("warnings.part", containsInAnyOrder("complaints", "trend", "scorecard", "inspections"))
                .body("warnings.find { it.part == 'complaints' }.service", equalTo("complaint-service"))
                .body("warnings.find { it.part == 'complaints' }.code", equalTo("UNAVAILABLE"))
                .body("warnings.find { it.part == 'complaints' }.status", equalTo(503))
                .body("warnings.find { it.part == 'complaints' }.message", containsString("unavailable"))
                .body("warnings.find { it.part == 'trend' }.code", equalTo("DEADLINE_EXCEEDED"))
                .body("warnings.find { it.part == 'trend' }.status", equalTo(504))
                .body("warnings.find { it.part == 'inspections' }.service", equalTo("inspection-service"))
                .body("warnings.find { it.part == 'inspections' }.code", equalTo("DEADLINE_EXCEEDED"))
                .body("complaints", nullValue())
                .body("trend", nullValue())
                .body("inspections", nullValue())
                // The other parts are whole.
                .body("unit.id", equalTo("u1"))
                .body("rectificationOrders.open.id", contains("r1"))
                .body("accreditation.certification.id", equalTo("cert-now"));
        // Two parts each waited out their deadline; in parallel that is one deadline, not the sum of them.
        assertTrue(
                took.compareTo(PART_DEADLINE.multipliedBy(2)) < 0,
                "answered in " + took + ": the parts' deadlines ran one after the other");
        assertTrue(took.compareTo(PART_DEADLINE) >= 0, "answered in " + took + " before the hanging parts' deadline");
        // The unreachable service was tried again, as every read is: one list call, three attempts.
        assertEquals(3, Backend.requests(ListComplaintsRequest.class).size());
    }

    @Test
    void anUnknownUnitIs404() {
        Backend.fail(GetUnitPathRequest.class, Statuses.status(Code.NOT_FOUND, "UNIT_NOT_FOUND", "unit u9 not found"));
        given().when()
                .get(PATH, "u9")
                .then()
                .statusCode(404)
                .contentType(PROBLEM)
                .body("reason", equalTo("UNIT_NOT_FOUND"))
                .body("status", equalTo(404));
    }

    @Test
    void aMalformedPeriodIs400NamingIt() {
        given().when()
                .get(PATH + "?period=2026-Q1", "u1")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors.field", contains("period"));
    }

    @Test
    void partsTheRoleMayNotReadAreOmittedAndNeverCalled() {
        wholeDashboard();
        given().header("Authorization", "Bearer " + DevTokens.token("inspector"))
                .when()
                .get(PATH + "?period=2026-03", "u1")
                .then()
                .statusCode(200)
                .body("partial", equalTo(false))
                .body(
                        "omitted",
                        containsInAnyOrder("trend", "scorecard", "complaints", "supervisionOrders", "accreditation"))
                .body("complaints", nullValue())
                .body("unit.id", equalTo("u1"))
                .body("inspections.upcoming.id", contains("i-next"))
                .body("rectificationOrders.open.id", contains("r1"));
        assertTrue(Backend.requests(ListComplaintsRequest.class).isEmpty());
        assertTrue(Backend.requests(GetScoreTrendRequest.class).isEmpty());
        assertNotNull(Backend.received(ListInspectionsRequest.class));
    }

    private static com.google.protobuf.Timestamp ts(Instant instant) {
        return org.sqm.commons.convert.ProtoTime.timestamp(instant);
    }

    private static <T> void assertThat(T actual, org.hamcrest.Matcher<? super T> matcher) {
        org.hamcrest.MatcherAssert.assertThat(actual, matcher);
    }
}
