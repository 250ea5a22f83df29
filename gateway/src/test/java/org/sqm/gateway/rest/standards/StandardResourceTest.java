package org.sqm.gateway.rest.standards;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.rpc.Code;
import io.grpc.Status;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sqm.gateway.fakes.Backend;
import org.sqm.gateway.fakes.FakeBackendTest;
import org.sqm.gateway.fakes.Statuses;
import org.sqm.proto.common.v1.Severity;
import org.sqm.proto.standards.v1.CreateStandardRequest;
import org.sqm.proto.standards.v1.CreateStandardVersionRequest;
import org.sqm.proto.standards.v1.Criterion;
import org.sqm.proto.standards.v1.Element;
import org.sqm.proto.standards.v1.ExportStandardRequest;
import org.sqm.proto.standards.v1.ExportStandardResponse;
import org.sqm.proto.standards.v1.GetStandardRequest;
import org.sqm.proto.standards.v1.ImportStandardRequest;
import org.sqm.proto.standards.v1.ListStandardsRequest;
import org.sqm.proto.standards.v1.ListStandardsResponse;
import org.sqm.proto.standards.v1.PublishStandardRequest;
import org.sqm.proto.standards.v1.RatingLevel;
import org.sqm.proto.standards.v1.RatingScale;
import org.sqm.proto.standards.v1.RatingScaleKind;
import org.sqm.proto.standards.v1.RetireStandardRequest;
import org.sqm.proto.standards.v1.ServiceChannel;
import org.sqm.proto.standards.v1.ServiceLevelTarget;
import org.sqm.proto.standards.v1.Standard;
import org.sqm.proto.standards.v1.StandardStatus;
import org.sqm.proto.standards.v1.SubCriterion;
import org.sqm.proto.standards.v1.UnitType;
import org.sqm.proto.standards.v1.UpdateStandardRequest;

@QuarkusTest
class StandardResourceTest extends FakeBackendTest {

    static final Standard STANDARD = Standard.newBuilder()
            .setId("s1")
            .setCode("SQM-HALL")
            .setVersion(2)
            .setTitle("Halls")
            .setStatus(StandardStatus.STANDARD_STATUS_PUBLISHED)
            .setEffectiveFrom("2026-01-01")
            .addUnitTypes(UnitType.UNIT_TYPE_SERVICE_HALL)
            .addChannels(ServiceChannel.SERVICE_CHANNEL_IN_PERSON)
            .setRatingScale(RatingScale.newBuilder()
                    .setKind(RatingScaleKind.RATING_SCALE_KIND_LEVELS)
                    .addLevels(RatingLevel.newBuilder()
                            .setCode("COMPLIANT")
                            .setLabel("Compliant")
                            .setPoints(100)
                            .setMeetsRequirement(true)))
            .addCriteria(Criterion.newBuilder()
                    .setCode("4")
                    .setTitle("Waiting")
                    .setWeight(10)
                    .addSubCriteria(SubCriterion.newBuilder()
                            .setCode("4.3")
                            .setTitle("Queue")
                            .setWeight(5)
                            .addElements(Element.newBuilder()
                                    .setCode("4.3.2")
                                    .setTitle("Ticket")
                                    .setWeight(1)
                                    .setMandatory(true))))
            .addServiceLevelTargets(ServiceLevelTarget.newBuilder()
                    .setSeverity(Severity.SEVERITY_HIGH)
                    .setResolveWithin(span("PT120H"))
                    .setAcknowledgeWithin(span("PT8H")))
            .setElementCount(1)
            .setEtag("e1")
            .setCreateTime(at("2026-01-01T00:00:00Z"))
            .setUpdateTime(at("2026-01-02T00:00:00Z"))
            .setPublishTime(at("2026-01-03T00:00:00Z"))
            .build();

    @Test
    void readShowsTheWholeTreeWithRestNames() {
        Backend.answer(GetStandardRequest.class, STANDARD);
        given().when()
                .get("/api/v1/standards/s1")
                .then()
                .statusCode(200)
                .header("ETag", "\"e1\"")
                .body("status", equalTo("PUBLISHED"))
                .body("unitTypes", contains("SERVICE_HALL"))
                .body("channels", contains("IN_PERSON"))
                .body("ratingScale.kind", equalTo("LEVELS"))
                .body("ratingScale.levels[0].code", equalTo("COMPLIANT"))
                .body("criteria[0].subCriteria[0].elements[0].code", equalTo("4.3.2"))
                .body("criteria[0].description", nullValue())
                .body("serviceLevelTargets[0].severity", equalTo("HIGH"))
                .body("serviceLevelTargets[0].resolveWithin", equalTo("PT120H"))
                .body("serviceLevelTargets[0].firstResponseWithin", nullValue())
                .body("serviceLevelTargets[0].unitType", nullValue())
                .body("publishTime", equalTo("2026-01-03T00:00:00Z"))
                .body("retireTime", nullValue());
    }

    @Test
    void createTranslatesTheTreeAndAnswers201() {
        Backend.answer(CreateStandardRequest.class, STANDARD);
        given().contentType(ContentType.JSON)
                .header("Idempotency-Key", "k1")
                .body(
                        "{\"code\":\"SQM-HALL\",\"title\":\"Halls\",\"unitTypes\":[\"HOTLINE\"],\"channels\":[\"PHONE\"],"
                                + "\"ratingScale\":{\"kind\":\"NUMERIC\",\"minScore\":0,\"maxScore\":10,\"passScore\":6},"
                                + "\"criteria\":[{\"code\":\"1\",\"title\":\"C\",\"weight\":1,\"subCriteria\":[{\"code\":\"1.1\","
                                + "\"elements\":[{\"code\":\"1.1.1\",\"critical\":true}]}]}],"
                                + "\"serviceLevelTargets\":[{\"channel\":\"PHONE\",\"severity\":\"LOW\",\"resolveWithin\":\"PT40H\"}]}")
                .when()
                .post("/api/v1/standards")
                .then()
                .statusCode(201)
                .header("Location", containsString("/api/v1/standards/s1"))
                .header("ETag", "\"e1\"");
        CreateStandardRequest sent = Backend.received(CreateStandardRequest.class);
        assertEquals("k1", sent.getRequestId());
        assertEquals(List.of(UnitType.UNIT_TYPE_HOTLINE), sent.getStandard().getUnitTypesList());
        assertEquals(
                List.of(ServiceChannel.SERVICE_CHANNEL_PHONE),
                sent.getStandard().getChannelsList());
        assertEquals(
                RatingScaleKind.RATING_SCALE_KIND_NUMERIC,
                sent.getStandard().getRatingScale().getKind());
        assertEquals(6, sent.getStandard().getRatingScale().getPassScore());
        assertTrue(sent.getStandard()
                .getCriteria(0)
                .getSubCriteria(0)
                .getElements(0)
                .getCritical());
        ServiceLevelTarget rule = sent.getStandard().getServiceLevelTargets(0);
        assertEquals(ServiceChannel.SERVICE_CHANNEL_PHONE, rule.getChannel());
        assertEquals(Severity.SEVERITY_LOW, rule.getSeverity());
        assertEquals(span("PT40H"), rule.getResolveWithin());
        assertTrue(!rule.hasAcknowledgeWithin());
    }

    @Test
    void aBadDurationIsNamedByItsPath() {
        given().contentType(ContentType.JSON)
                .body("{\"code\":\"X\",\"serviceLevelTargets\":[{},{\"resolveWithin\":\"5 days\"}]}")
                .when()
                .post("/api/v1/standards")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors[0].field", equalTo("serviceLevelTargets[1].resolveWithin"));
        assertTrue(Backend.requests(CreateStandardRequest.class).isEmpty());
    }

    @Test
    void listPassesFiltersAndPaging() {
        Backend.answer(
                ListStandardsRequest.class,
                ListStandardsResponse.newBuilder().addStandards(STANDARD).build());
        given().queryParam("pageSize", 10)
                .queryParam("pageToken", "t")
                .queryParam("code", "SQM-HALL")
                .queryParam("status", "DRAFT")
                .when()
                .get("/api/v1/standards")
                .then()
                .statusCode(200)
                .body("items.code", contains("SQM-HALL"))
                .body("nextPageToken", nullValue());
        ListStandardsRequest sent = Backend.received(ListStandardsRequest.class);
        assertEquals(10, sent.getPageSize());
        assertEquals("t", sent.getPageToken());
        assertEquals("SQM-HALL", sent.getCode());
        assertEquals(StandardStatus.STANDARD_STATUS_DRAFT, sent.getStatus());
        given().queryParam("status", "UNSPECIFIED")
                .when()
                .get("/api/v1/standards")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("status"))
                .body("errors[0].message", equalTo("must be one of DRAFT, PUBLISHED, RETIRED"));
    }

    @Test
    void patchOfADraftMasksTheNamedFields() {
        Backend.answer(UpdateStandardRequest.class, STANDARD);
        given().contentType(ContentType.JSON)
                .header("If-Match", "\"e1\"")
                .body("{\"description\":null,\"unitTypes\":[\"HOTLINE\",\"FIELD_TEAM\"],\"ratingScale\":null,"
                        + "\"serviceLevelTargets\":[{\"callBackWithin\":\"PT8H\"}]}")
                .when()
                .patch("/api/v1/standards/s1")
                .then()
                .statusCode(200);
        UpdateStandardRequest sent = Backend.received(UpdateStandardRequest.class);
        assertEquals(
                List.of("description", "unit_types", "rating_scale", "service_level_targets"),
                sent.getUpdateMask().getPathsList());
        assertEquals("s1", sent.getStandard().getId());
        assertEquals("e1", sent.getStandard().getEtag());
        assertEquals(2, sent.getStandard().getUnitTypesCount());
        assertTrue(!sent.getStandard().hasRatingScale());
        assertEquals(span("PT8H"), sent.getStandard().getServiceLevelTargets(0).getCallBackWithin());
        given().contentType(ContentType.JSON)
                .body("{\"code\":\"NEW\"}")
                .when()
                .patch("/api/v1/standards/s1")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("code"));
        given().contentType(ContentType.JSON)
                .body("{\"unitTypes\":[\"CASTLE\"]}")
                .when()
                .patch("/api/v1/standards/s1")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("unitTypes[0]"));
    }

    @Test
    void publishAndRetireCallTheirRpcs() {
        Backend.answer(PublishStandardRequest.class, STANDARD);
        given().urlEncodingEnabled(false)
                .header("If-Match", "\"e1\"")
                .when()
                .post("/api/v1/standards/s1:publish")
                .then()
                .statusCode(200)
                .header("ETag", "\"e1\"")
                .body("status", equalTo("PUBLISHED"));
        assertEquals("s1", Backend.received(PublishStandardRequest.class).getId());
        assertEquals("e1", Backend.received(PublishStandardRequest.class).getEtag());
        Backend.answer(
                RetireStandardRequest.class,
                STANDARD.toBuilder()
                        .setStatus(StandardStatus.STANDARD_STATUS_RETIRED)
                        .setRetireTime(at("2026-06-01T00:00:00Z"))
                        .build());
        given().urlEncodingEnabled(false)
                .header("If-Match", "\"e2\"")
                .when()
                .post("/api/v1/standards/s1:retire")
                .then()
                .statusCode(200)
                .body("status", equalTo("RETIRED"))
                .body("retireTime", equalTo("2026-06-01T00:00:00Z"));
        assertEquals("e2", Backend.received(RetireStandardRequest.class).getEtag());
        given().urlEncodingEnabled(false)
                .when()
                .post("/api/v1/standards/s1:unpublish")
                .then()
                .statusCode(404)
                .contentType(PROBLEM);
    }

    @Test
    void newVersionCreatesADraftWithTheIdempotencyKey() {
        Backend.answer(
                CreateStandardVersionRequest.class,
                STANDARD.toBuilder()
                        .setId("s2")
                        .setStatus(StandardStatus.STANDARD_STATUS_DRAFT)
                        .build());
        given().urlEncodingEnabled(false)
                .header("Idempotency-Key", "k9")
                .when()
                .post("/api/v1/standards/s1:newVersion")
                .then()
                .statusCode(201)
                .header("Location", containsString("/api/v1/standards/s2"))
                .body("status", equalTo("DRAFT"));
        CreateStandardVersionRequest sent = Backend.received(CreateStandardVersionRequest.class);
        assertEquals("s1", sent.getSourceId());
        assertEquals("k9", sent.getRequestId());
    }

    @Test
    void exportAndImportCarryTheDocument() {
        Backend.answer(
                ExportStandardRequest.class,
                ExportStandardResponse.newBuilder()
                        .setDocument("{\"format\":\"sqm-standard/v1\"}")
                        .build());
        given().urlEncodingEnabled(false)
                .when()
                .get("/api/v1/standards/s1:export")
                .then()
                .statusCode(200)
                .contentType(ContentType.JSON)
                .body("format", equalTo("sqm-standard/v1"));
        assertEquals("s1", Backend.received(ExportStandardRequest.class).getId());
        Backend.answer(ImportStandardRequest.class, STANDARD);
        given().urlEncodingEnabled(false)
                .contentType(ContentType.JSON)
                .header("Idempotency-Key", "k2")
                .body("{\"format\":\"sqm-standard/v1\"}")
                .when()
                .post("/api/v1/standards:import")
                .then()
                .statusCode(201)
                .header("Location", containsString("/api/v1/standards/s1"))
                .header("ETag", "\"e1\"");
        ImportStandardRequest sent = Backend.received(ImportStandardRequest.class);
        assertEquals("{\"format\":\"sqm-standard/v1\"}", sent.getDocument());
        assertEquals("k2", sent.getRequestId());
        given().urlEncodingEnabled(false)
                .contentType(ContentType.JSON)
                .when()
                .post("/api/v1/standards:import")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("body"));
    }

    @Test
    void backendErrorsBecomeProblems() {
        Backend.fail(
                PublishStandardRequest.class,
                Statuses.invalid("criteria[0].title", "is required", "criteria[0].weight", "must be 1 to 100"));
        given().urlEncodingEnabled(false)
                .header("If-Match", "\"e1\"")
                .when()
                .post("/api/v1/standards/s1:publish")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors.field", contains("criteria[0].title", "criteria[0].weight"));
        Backend.fail(
                UpdateStandardRequest.class,
                Statuses.status(Code.FAILED_PRECONDITION, "STANDARD_NOT_DRAFT", "published versions never change"));
        given().contentType(ContentType.JSON)
                .body("{\"title\":\"T\"}")
                .when()
                .patch("/api/v1/standards/s1")
                .then()
                .statusCode(409)
                .body("reason", equalTo("STANDARD_NOT_DRAFT"));
        Backend.fail(GetStandardRequest.class, Status.NOT_FOUND.asRuntimeException());
        given().when().get("/api/v1/standards/none").then().statusCode(404);
        Backend.fail(ImportStandardRequest.class, Statuses.transportReset());
        given().urlEncodingEnabled(false)
                .contentType(ContentType.JSON)
                .body("{}")
                .when()
                .post("/api/v1/standards:import")
                .then()
                .statusCode(503)
                .contentType(PROBLEM);
    }
}
