package org.sqm.gateway.rest.inspections;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.google.protobuf.Message;
import com.google.rpc.Code;
import com.google.rpc.PreconditionFailure;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sqm.gateway.fakes.Backend;
import org.sqm.gateway.fakes.FakeBackendTest;
import org.sqm.gateway.fakes.Statuses;
import org.sqm.proto.inspection.v1.AssignInspectorsRequest;
import org.sqm.proto.inspection.v1.AssignedInspector;
import org.sqm.proto.inspection.v1.AuthorityLevel;
import org.sqm.proto.inspection.v1.CancelInspectionRequest;
import org.sqm.proto.inspection.v1.CompareInspectionRequest;
import org.sqm.proto.inspection.v1.ComparedElement;
import org.sqm.proto.inspection.v1.ContactMode;
import org.sqm.proto.inspection.v1.CreateInspectionRequest;
import org.sqm.proto.inspection.v1.CriterionScore;
import org.sqm.proto.inspection.v1.FinalizeInspectionRequest;
import org.sqm.proto.inspection.v1.GetInspectionRequest;
import org.sqm.proto.inspection.v1.InspectedElement;
import org.sqm.proto.inspection.v1.Inspection;
import org.sqm.proto.inspection.v1.InspectionComparison;
import org.sqm.proto.inspection.v1.InspectionKind;
import org.sqm.proto.inspection.v1.InspectionMove;
import org.sqm.proto.inspection.v1.InspectionOrigin;
import org.sqm.proto.inspection.v1.InspectionResult;
import org.sqm.proto.inspection.v1.InspectionScore;
import org.sqm.proto.inspection.v1.InspectionStatus;
import org.sqm.proto.inspection.v1.Interview;
import org.sqm.proto.inspection.v1.IntervieweeGroup;
import org.sqm.proto.inspection.v1.ListInspectionResultsRequest;
import org.sqm.proto.inspection.v1.ListInspectionResultsResponse;
import org.sqm.proto.inspection.v1.ListInspectionsRequest;
import org.sqm.proto.inspection.v1.ListInspectionsResponse;
import org.sqm.proto.inspection.v1.MysteryShoppingContact;
import org.sqm.proto.inspection.v1.OriginFigure;
import org.sqm.proto.inspection.v1.RateElementsRequest;
import org.sqm.proto.inspection.v1.Rating;
import org.sqm.proto.inspection.v1.RatingChange;
import org.sqm.proto.inspection.v1.RecordMysteryShoppingContactRequest;
import org.sqm.proto.inspection.v1.ResultRating;
import org.sqm.proto.inspection.v1.ReturnInspectionRequest;
import org.sqm.proto.inspection.v1.StartInspectionRequest;
import org.sqm.proto.inspection.v1.SubmitInspectionRequest;

@QuarkusTest
class InspectionResourceTest extends FakeBackendTest {

    static final InspectedElement ELEMENT = InspectedElement.newBuilder()
            .setCode("4.3.2")
            .setTitle("Ticket")
            .setCriterionCode("4")
            .setSubCriterionCode("4.3")
            .setWeight(2)
            .setMandatory(true)
            .build();

    static final Rating RATING = Rating.newBuilder()
            .setElementCode("4.3.2")
            .setLevelCode("PARTIAL")
            .addInterviews(Interview.newBuilder()
                    .setGroup(IntervieweeGroup.INTERVIEWEE_GROUP_STAFF)
                    .setNote("asked twice"))
            .setPoints(50)
            .setUpdateTime(at("2026-03-02T10:00:00Z"))
            .build();

    static final Inspection INSPECTION = Inspection.newBuilder()
            .setId("n1")
            .setUnitId("u1")
            .setKind(InspectionKind.INSPECTION_KIND_MYSTERY_SHOPPING)
            .setAuthorityLevel(AuthorityLevel.AUTHORITY_LEVEL_UNIT)
            .setStandardId("s1")
            .setStandardCode("CSE")
            .setStandardVersion(2)
            .setWindowStart(at("2026-03-01T00:00:00Z"))
            .setWindowEnd(at("2026-03-31T00:00:00Z"))
            .setStatus(InspectionStatus.INSPECTION_STATUS_IN_PROGRESS)
            .addInspectors(AssignedInspector.newBuilder()
                    .setInspectorId("i1")
                    .setDisplayName("Shopper 7")
                    .setAuthorityLevel(AuthorityLevel.AUTHORITY_LEVEL_CITY))
            .setMysteryShopping(MysteryShoppingContact.newBuilder()
                    .setMode(ContactMode.CONTACT_MODE_CALL)
                    .setContactTime(at("2026-03-02T09:30:00Z"))
                    .setScenario("billing question"))
            .addElements(ELEMENT)
            .addRatings(RATING)
            .setRatedCount(1)
            .setCreateTime(at("2026-02-20T00:00:00Z"))
            .setStartTime(at("2026-03-02T09:00:00Z"))
            .setEtag("e1")
            .build();

    @Test
    void readShowsTheInspectionWithEnumsAndTimes() {
        Backend.answer(GetInspectionRequest.class, INSPECTION);
        given().when()
                .get("/api/v1/inspections/n1")
                .then()
                .statusCode(200)
                .header("ETag", "\"e1\"")
                .body("kind", equalTo("MYSTERY_SHOPPING"))
                .body("authorityLevel", equalTo("UNIT"))
                .body("status", equalTo("IN_PROGRESS"))
                .body("planId", nullValue())
                .body("inspectors[0].authorityLevel", equalTo("CITY"))
                .body("mysteryShopping.mode", equalTo("CALL"))
                .body("mysteryShopping.contactTime", equalTo("2026-03-02T09:30:00Z"))
                .body("elements[0].subCriterionCode", equalTo("4.3"))
                .body("ratings[0].levelCode", equalTo("PARTIAL"))
                .body("ratings[0].score", nullValue())
                .body("ratings[0].interviews[0].group", equalTo("STAFF"))
                .body("ratings[0].updateTime", equalTo("2026-03-02T10:00:00Z"))
                .body("startTime", equalTo("2026-03-02T09:00:00Z"))
                .body("submitTime", nullValue());
    }

    @Test
    void createTranslatesTheBodyAndAnswers201WithEtag() {
        Backend.answer(CreateInspectionRequest.class, INSPECTION);
        given().contentType(ContentType.JSON)
                .header("Idempotency-Key", "k1")
                .body(
                        "{\"unitId\":\"u1\",\"kind\":\"SPOT_CHECK\",\"authorityLevel\":\"NATIONAL\",\"standardCode\":\"CSE\","
                                + "\"windowStart\":\"2026-03-01T00:00:00Z\",\"windowEnd\":\"2026-03-31T00:00:00Z\"}")
                .when()
                .post("/api/v1/inspections")
                .then()
                .statusCode(201)
                .header("Location", containsString("/api/v1/inspections/n1"))
                .header("ETag", "\"e1\"");
        CreateInspectionRequest sent = Backend.received(CreateInspectionRequest.class);
        assertEquals("k1", sent.getRequestId());
        assertEquals(
                InspectionKind.INSPECTION_KIND_SPOT_CHECK, sent.getInspection().getKind());
        assertEquals(
                AuthorityLevel.AUTHORITY_LEVEL_NATIONAL, sent.getInspection().getAuthorityLevel());
        assertEquals(at("2026-03-31T00:00:00Z"), sent.getInspection().getWindowEnd());
    }

    @Test
    void theOriginIsShownOnReadsAndAcceptedOnCreate() {
        InspectionOrigin origin = InspectionOrigin.newBuilder()
                .setRequestedBy("scoring-service/spot-checks")
                .setReference("t1")
                .setReason("satisfaction index fell by 12.5 points")
                .addFigures(OriginFigure.newBuilder()
                        .setName("satisfaction index")
                        .setPeriod("2026-03")
                        .setValue(70.25))
                .addFigures(OriginFigure.newBuilder().setName("points").setValue(10))
                .build();
        Backend.answer(
                GetInspectionRequest.class,
                INSPECTION.toBuilder().setOrigin(origin).build());
        given().when()
                .get("/api/v1/inspections/n1")
                .then()
                .statusCode(200)
                .body("origin.requestedBy", equalTo("scoring-service/spot-checks"))
                .body("origin.reference", equalTo("t1"))
                .body("origin.reason", equalTo("satisfaction index fell by 12.5 points"))
                .body("origin.figures.period", contains("2026-03", null))
                .body("origin.figures[0].value", equalTo(70.25f));
        Backend.answer(GetInspectionRequest.class, INSPECTION);
        given().when().get("/api/v1/inspections/n1").then().statusCode(200).body("origin", nullValue());

        Backend.answer(CreateInspectionRequest.class, INSPECTION);
        given().contentType(ContentType.JSON)
                .body("{\"unitId\":\"u1\",\"kind\":\"SPOT_CHECK\",\"authorityLevel\":\"CITY\",\"standardCode\":\"CSE\","
                        + "\"windowStart\":\"2026-03-01T00:00:00Z\",\"windowEnd\":\"2026-03-31T00:00:00Z\","
                        + "\"origin\":{\"requestedBy\":\"scoring-service/spot-checks\",\"reference\":\"t1\","
                        + "\"reason\":\"satisfaction index fell by 12.5 points\",\"figures\":["
                        + "{\"name\":\"satisfaction index\",\"period\":\"2026-03\",\"value\":70.25},"
                        + "{\"name\":\"points\",\"value\":10}]}}")
                .when()
                .post("/api/v1/inspections")
                .then()
                .statusCode(201);
        assertEquals(
                origin,
                Backend.received(CreateInspectionRequest.class).getInspection().getOrigin());
    }

    @Test
    void listPassesFiltersAndPaging() {
        Backend.answer(
                ListInspectionsRequest.class,
                ListInspectionsResponse.newBuilder()
                        .addInspections(INSPECTION)
                        .setNextPageToken("more")
                        .build());
        given().queryParam("pageSize", 7)
                .queryParam("unitId", "u1")
                .queryParam("planId", "p1")
                .queryParam("status", "SUBMITTED")
                .queryParam("missed", "true")
                .when()
                .get("/api/v1/inspections")
                .then()
                .statusCode(200)
                .body("items.id", contains("n1"))
                .body("nextPageToken", equalTo("more"));
        ListInspectionsRequest sent = Backend.received(ListInspectionsRequest.class);
        assertEquals(7, sent.getPageSize());
        assertEquals("u1", sent.getUnitId());
        assertEquals("p1", sent.getPlanId());
        assertEquals(InspectionStatus.INSPECTION_STATUS_SUBMITTED, sent.getStatus());
        assertTrue(sent.getMissedOnly());
        given().queryParam("status", "DONE")
                .when()
                .get("/api/v1/inspections")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors[0].field", equalTo("status"));
    }

    @Test
    void openOnlyAsksForTheOpenStatusesInOneCallAndWithStatusIsA400() {
        given().queryParam("openOnly", "true")
                .queryParam("unitId", "u1")
                .when()
                .get("/api/v1/inspections")
                .then()
                .statusCode(200);
        assertTrue(Backend.received(ListInspectionsRequest.class).getOpenOnly());
        given().queryParam("unitId", "u1")
                .when()
                .get("/api/v1/inspections")
                .then()
                .statusCode(200);
        assertFalse(Backend.received(ListInspectionsRequest.class).getOpenOnly(), "absent: every status");
        given().queryParam("openOnly", "maybe")
                .when()
                .get("/api/v1/inspections")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors[0].field", equalTo("openOnly"));
        // With status beside it the service refuses; the problem names the REST parameter.
        Backend.fail(
                ListInspectionsRequest.class,
                Statuses.invalid(
                        "open_only", "cannot be combined with status: open_only already means the open statuses"));
        given().queryParam("openOnly", "true")
                .queryParam("status", "SCHEDULED")
                .when()
                .get("/api/v1/inspections")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors[0].field", equalTo("openOnly"))
                .body("errors[0].message", containsString("cannot be combined with status"));
    }

    @Test
    void assignContactAndRateSendTheirRequests() {
        Backend.answer(AssignInspectorsRequest.class, INSPECTION);
        given().contentType(ContentType.JSON)
                .header("If-Match", "\"e1\"")
                .body("{\"inspectorIds\":[\"i1\",\"i2\"]}")
                .when()
                .put("/api/v1/inspections/n1/inspectors")
                .then()
                .statusCode(200)
                .header("ETag", "\"e1\"");
        AssignInspectorsRequest assign = Backend.received(AssignInspectorsRequest.class);
        assertEquals("n1", assign.getId());
        assertEquals("e1", assign.getEtag());
        assertEquals(List.of("i1", "i2"), assign.getInspectorIdsList());

        given().contentType(ContentType.JSON)
                .header("If-Match", "\"e2\"")
                .body("{\"mode\":\"VISIT\",\"contactTime\":\"2026-03-02T09:30:00Z\",\"scenario\":\"s\"}")
                .when()
                .put("/api/v1/inspections/n1/mysteryShoppingContact")
                .then()
                .statusCode(200);
        RecordMysteryShoppingContactRequest contact = Backend.received(RecordMysteryShoppingContactRequest.class);
        assertEquals("e2", contact.getEtag());
        assertEquals(ContactMode.CONTACT_MODE_VISIT, contact.getContact().getMode());
        assertEquals(at("2026-03-02T09:30:00Z"), contact.getContact().getContactTime());

        given().contentType(ContentType.JSON)
                .body(
                        "{\"ratings\":[{\"elementCode\":\"4.3.2\",\"score\":7,\"attachments\":[{\"uri\":\"s3://a\",\"sha256\":\"ab\"}],"
                                + "\"interviews\":[{\"group\":\"CUSTOMER\",\"note\":\"n\"}]},"
                                + "{\"elementCode\":\"4.3.3\",\"notApplicable\":true,\"justification\":\"closed\"}]}")
                .when()
                .post("/api/v1/inspections/n1/ratings")
                .then()
                .statusCode(200);
        RateElementsRequest rate = Backend.received(RateElementsRequest.class);
        assertEquals("n1", rate.getId());
        assertEquals(7, rate.getRatings(0).getScore());
        assertTrue(rate.getRatings(0).hasScore());
        assertFalse(rate.getRatings(1).hasScore());
        assertTrue(rate.getRatings(1).getNotApplicable());
        assertEquals("s3://a", rate.getRatings(0).getAttachments(0).getUri());
        assertEquals(
                IntervieweeGroup.INTERVIEWEE_GROUP_CUSTOMER,
                rate.getRatings(0).getInterviews(0).getGroup());
    }

    @Test
    void missingBodiesAre400BeforeAnyCall() {
        given().contentType(ContentType.JSON)
                .body("{}")
                .when()
                .put("/api/v1/inspections/n1/inspectors")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("inspectorIds"));
        given().contentType(ContentType.JSON)
                .body("{\"ratings\":[null]}")
                .when()
                .post("/api/v1/inspections/n1/ratings")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("ratings"));
        given().contentType(ContentType.JSON)
                .when()
                .put("/api/v1/inspections/n1/mysteryShoppingContact")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("body"));
        assertTrue(Backend.requests(AssignInspectorsRequest.class).isEmpty());
        assertTrue(Backend.requests(RateElementsRequest.class).isEmpty());
    }

    static Stream<Arguments> verbs() {
        return Stream.of(
                arguments("start", StartInspectionRequest.class),
                arguments("submit", SubmitInspectionRequest.class),
                arguments("return", ReturnInspectionRequest.class),
                arguments("finalize", FinalizeInspectionRequest.class),
                arguments("cancel", CancelInspectionRequest.class));
    }

    @ParameterizedTest
    @MethodSource("verbs")
    void everyVerbCallsItsRpcWithIdEtagNoteAndActor(String verb, Class<? extends Message> request) {
        given().urlEncodingEnabled(false)
                .header("If-Match", "\"e1\"")
                .contentType(ContentType.JSON)
                .body("{\"note\":\"why\"}")
                .when()
                .post("/api/v1/inspections/n1:" + verb)
                .then()
                .statusCode(200);
        Message sent = Backend.received(request);
        assertEquals("n1", field(sent, "id"));
        assertEquals("e1", field(sent, "etag"));
        assertEquals("why", field(sent, "note"));
        assertEquals("", field(sent, "actor"));
    }

    static final InspectionScore SCORE = InspectionScore.newBuilder()
            .setScore(25.0)
            .setCountedElements(2)
            .setCountedWeight(4)
            .addCriteria(CriterionScore.newBuilder()
                    .setCriterionCode("4")
                    .setScore(0.0)
                    .setCountedElements(1)
                    .setCountedWeight(3))
            .addCriteria(CriterionScore.newBuilder().setCriterionCode("5"))
            .setFailed(true)
            .addFailedElementCodes("4.3.2")
            .build();

    @Test
    void aFinalizedInspectionShowsItsScoreFailedElementsAndWhoMovedIt() {
        Backend.answer(
                GetInspectionRequest.class,
                INSPECTION.toBuilder()
                        .setStatus(InspectionStatus.INSPECTION_STATUS_FINALIZED)
                        .setScore(SCORE)
                        .addHistory(InspectionMove.newBuilder()
                                .setTime(at("2026-03-02T09:00:00Z"))
                                .setActor("ana")
                                .setAction("START")
                                .setFromStatus(InspectionStatus.INSPECTION_STATUS_SCHEDULED)
                                .setToStatus(InspectionStatus.INSPECTION_STATUS_IN_PROGRESS))
                        .build());
        given().when()
                .get("/api/v1/inspections/n1")
                .then()
                .statusCode(200)
                .body("score.score", equalTo(25.0f))
                .body("score.countedWeight", equalTo(4))
                .body("score.criteria.criterionCode", contains("4", "5"))
                .body("score.criteria[0].score", equalTo(0.0f))
                .body("score.criteria[1].score", nullValue())
                .body("score.failed", equalTo(true))
                .body("score.failedElementCodes", contains("4.3.2"))
                .body("history[0].actor", equalTo("ana"))
                .body("history[0].fromStatus", equalTo("SCHEDULED"))
                .body("history[0].toStatus", equalTo("IN_PROGRESS"))
                .body("history[0].time", equalTo("2026-03-02T09:00:00Z"))
                .body("history[0].note", nullValue());
        Backend.answer(GetInspectionRequest.class, INSPECTION);
        given().when()
                .get("/api/v1/inspections/n1")
                .then()
                .statusCode(200)
                .body("score", nullValue())
                .body("history", nullValue());
    }

    @Test
    void aChangeWithoutBodyOrContentTypeWorksAndAnUnknownVerbIs404() {
        Backend.answer(StartInspectionRequest.class, INSPECTION);
        given().urlEncodingEnabled(false)
                .header("If-Match", "\"e1\"")
                .when()
                .post("/api/v1/inspections/n1:start")
                .then()
                .statusCode(200)
                .header("ETag", "\"e1\"")
                .body("status", equalTo("IN_PROGRESS"));
        assertEquals("", Backend.received(StartInspectionRequest.class).getNote());
        given().urlEncodingEnabled(false)
                .when()
                .post("/api/v1/inspections/n1:approve")
                .then()
                .statusCode(404)
                .contentType(PROBLEM)
                .body("reason", equalTo("NOT_FOUND"));
        given().urlEncodingEnabled(false)
                .contentType(ContentType.JSON)
                .body("{\"note\":42}")
                .when()
                .post("/api/v1/inspections/n1:cancel")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("note"));
        assertTrue(Backend.requests(CancelInspectionRequest.class).isEmpty());
    }

    @Test
    void compareAndResultsTranslateTheirAnswers() {
        Backend.answer(
                CompareInspectionRequest.class,
                InspectionComparison.newBuilder()
                        .setInspectionId("n1")
                        .addElements(ComparedElement.newBuilder()
                                .setElementCode("4.3.2")
                                .setTitle("Ticket")
                                .setCurrent(RATING)
                                .setChange(RatingChange.RATING_CHANGE_NEW))
                        .build());
        given().when()
                .get("/api/v1/inspections/n1/comparison")
                .then()
                .statusCode(200)
                .body("previousInspectionId", nullValue())
                .body("elements[0].change", equalTo("NEW"))
                .body("elements[0].current.points", equalTo(50))
                .body("elements[0].previous", nullValue());
        assertEquals("n1", Backend.received(CompareInspectionRequest.class).getId());

        Backend.answer(
                ListInspectionResultsRequest.class,
                ListInspectionResultsResponse.newBuilder()
                        .addResults(InspectionResult.newBuilder()
                                .setInspectionId("n1")
                                .setKind(InspectionKind.INSPECTION_KIND_DESK_REVIEW)
                                .setAuthorityLevel(AuthorityLevel.AUTHORITY_LEVEL_CITY)
                                .setWindowStart(at("2026-03-01T00:00:00Z"))
                                .setFinalizeTime(at("2026-04-01T00:00:00Z"))
                                .addRatings(ResultRating.newBuilder()
                                        .setElement(ELEMENT)
                                        .setRated(true)
                                        .setPoints(100)
                                        .setMeetsRequirement(true))
                                .setScore(SCORE))
                        .build());
        given().queryParam("finalizedFrom", "2026-01-01T00:00:00Z")
                .queryParam("finalizedUntil", "2026-07-01T00:00:00Z")
                .queryParam("kind", "DESK_REVIEW")
                .queryParam("authorityLevel", "CITY")
                .queryParam("unitId", "u1")
                .when()
                .get("/api/v1/inspectionResults")
                .then()
                .statusCode(200)
                .body("items[0].kind", equalTo("DESK_REVIEW"))
                .body("items[0].finalizeTime", equalTo("2026-04-01T00:00:00Z"))
                .body("items[0].ratings[0].element.code", equalTo("4.3.2"))
                .body("items[0].ratings[0].levelCode", nullValue())
                .body("items[0].score.score", equalTo(25.0f))
                .body("items[0].score.failedElementCodes", contains("4.3.2"))
                .body("nextPageToken", nullValue());
        ListInspectionResultsRequest sent = Backend.received(ListInspectionResultsRequest.class);
        assertEquals(at("2026-01-01T00:00:00Z"), sent.getFinalizedFrom());
        assertEquals(at("2026-07-01T00:00:00Z"), sent.getFinalizedUntil());
        assertEquals(InspectionKind.INSPECTION_KIND_DESK_REVIEW, sent.getKind());
        assertEquals(AuthorityLevel.AUTHORITY_LEVEL_CITY, sent.getAuthorityLevel());
        assertEquals("u1", sent.getUnitId());
        given().queryParam("authorityLevel", "GALACTIC")
                .when()
                .get("/api/v1/inspectionResults")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("authorityLevel"));
    }

    @Test
    void backendErrorsBecomeProblems() {
        Backend.fail(
                SubmitInspectionRequest.class,
                Statuses.status(
                        Code.FAILED_PRECONDITION,
                        "UNRATED_MANDATORY_ELEMENTS",
                        "mandatory elements are unrated",
                        PreconditionFailure.newBuilder()
                                .addViolations(PreconditionFailure.Violation.newBuilder()
                                        .setType("UNRATED_MANDATORY_ELEMENTS")
                                        .setSubject("4.3.2")
                                        .setDescription("unrated"))
                                .build()));
        given().urlEncodingEnabled(false)
                .header("If-Match", "\"e1\"")
                .when()
                .post("/api/v1/inspections/n1:submit")
                .then()
                .statusCode(409)
                .contentType(PROBLEM)
                .body("reason", equalTo("UNRATED_MANDATORY_ELEMENTS"))
                .body("errors.field", contains("4.3.2"));
        Backend.fail(RateElementsRequest.class, Statuses.invalid("ratings[0].level_code", "unknown level"));
        given().contentType(ContentType.JSON)
                .body("{\"ratings\":[{\"elementCode\":\"4.3.2\",\"levelCode\":\"X\"}]}")
                .when()
                .post("/api/v1/inspections/n1/ratings")
                .then()
                .statusCode(400)
                .body("errors.field", contains("ratings[0].levelCode"));
        Backend.fail(AssignInspectorsRequest.class, Statuses.status(Code.ABORTED, "ETAG_MISMATCH", "stale"));
        given().contentType(ContentType.JSON)
                .header("If-Match", "\"old\"")
                .body("{\"inspectorIds\":[]}")
                .when()
                .put("/api/v1/inspections/n1/inspectors")
                .then()
                .statusCode(409)
                .body("reason", equalTo("ETAG_MISMATCH"));
        Backend.fail(GetInspectionRequest.class, Statuses.status(Code.UNAVAILABLE, "UNAVAILABLE", "down"));
        given().when().get("/api/v1/inspections/n1").then().statusCode(503);
    }
}
