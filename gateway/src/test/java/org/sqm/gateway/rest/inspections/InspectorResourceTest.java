package org.sqm.gateway.rest.inspections;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.rpc.Code;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sqm.gateway.fakes.Backend;
import org.sqm.gateway.fakes.FakeBackendTest;
import org.sqm.gateway.fakes.Statuses;
import org.sqm.proto.inspection.v1.AuthorityLevel;
import org.sqm.proto.inspection.v1.CreateInspectorRequest;
import org.sqm.proto.inspection.v1.GetInspectorRequest;
import org.sqm.proto.inspection.v1.InspectionKind;
import org.sqm.proto.inspection.v1.Inspector;
import org.sqm.proto.inspection.v1.ListInspectorsRequest;
import org.sqm.proto.inspection.v1.ListInspectorsResponse;

@QuarkusTest
class InspectorResourceTest extends FakeBackendTest {

    static final Inspector INSPECTOR = Inspector.newBuilder()
            .setId("i1")
            .setName("Li Wei")
            .setCertificateNumber("PRV-2026-0042")
            .setAuthorityLevel(AuthorityLevel.AUTHORITY_LEVEL_PROVINCIAL)
            .setValidFrom(at("2026-01-01T00:00:00Z"))
            .setValidUntil(at("2028-01-01T00:00:00Z"))
            .addQualifiedKinds(InspectionKind.INSPECTION_KIND_MYSTERY_SHOPPING)
            .addQualifiedKinds(InspectionKind.INSPECTION_KIND_DESK_REVIEW)
            .setCreateTime(at("2026-01-05T08:00:00Z"))
            .build();

    @Test
    void registerTranslatesTheBodyAndAnswers201WithoutEtag() {
        Backend.answer(CreateInspectorRequest.class, INSPECTOR);
        given().contentType(ContentType.JSON)
                .header("Idempotency-Key", "k1")
                .body("{\"name\":\"Li Wei\",\"certificateNumber\":\"PRV-2026-0042\",\"authorityLevel\":\"PROVINCIAL\","
                        + "\"validFrom\":\"2026-01-01T00:00:00Z\",\"validUntil\":\"2028-01-01T00:00:00Z\","
                        + "\"qualifiedKinds\":[\"MYSTERY_SHOPPING\",\"DESK_REVIEW\"],\"pseudonym\":\"Shopper 7\","
                        + "\"subject\":\"li.wei@sqm.dev\"}")
                .when()
                .post("/api/v1/inspectors")
                .then()
                .statusCode(201)
                .header("Location", containsString("/api/v1/inspectors/i1"))
                .body("authorityLevel", equalTo("PROVINCIAL"))
                .body("qualifiedKinds", contains("MYSTERY_SHOPPING", "DESK_REVIEW"))
                .body("validUntil", equalTo("2028-01-01T00:00:00Z"))
                .body("pseudonym", nullValue())
                .body("createTime", equalTo("2026-01-05T08:00:00Z"));
        CreateInspectorRequest sent = Backend.received(CreateInspectorRequest.class);
        assertEquals("k1", sent.getRequestId());
        assertEquals(
                AuthorityLevel.AUTHORITY_LEVEL_PROVINCIAL, sent.getInspector().getAuthorityLevel());
        assertEquals(
                List.of(InspectionKind.INSPECTION_KIND_MYSTERY_SHOPPING, InspectionKind.INSPECTION_KIND_DESK_REVIEW),
                sent.getInspector().getQualifiedKindsList());
        assertEquals(at("2026-01-01T00:00:00Z"), sent.getInspector().getValidFrom());
        assertEquals("Shopper 7", sent.getInspector().getPseudonym());
        assertEquals("li.wei@sqm.dev", sent.getInspector().getSubject());
    }

    @Test
    void readAndListAnswerInspectors() {
        Backend.answer(GetInspectorRequest.class, INSPECTOR);
        given().when().get("/api/v1/inspectors/i1").then().statusCode(200).body("name", equalTo("Li Wei"));
        Backend.answer(
                GetInspectorRequest.class,
                INSPECTOR.toBuilder().setSubject("li.wei@sqm.dev").build());
        given().when().get("/api/v1/inspectors/i1").then().statusCode(200).body("subject", equalTo("li.wei@sqm.dev"));
        assertEquals("i1", Backend.received(GetInspectorRequest.class).getId());
        Backend.answer(
                ListInspectorsRequest.class,
                ListInspectorsResponse.newBuilder()
                        .addInspectors(INSPECTOR)
                        .setNextPageToken("n")
                        .build());
        given().queryParam("pageSize", 3)
                .when()
                .get("/api/v1/inspectors")
                .then()
                .statusCode(200)
                .body("items.id", contains("i1"))
                .body("nextPageToken", equalTo("n"));
        assertEquals(3, Backend.received(ListInspectorsRequest.class).getPageSize());
    }

    @Test
    void badInputAndBackendErrorsBecomeProblems() {
        given().contentType(ContentType.JSON)
                .body("{\"name\":\"X\",\"validFrom\":\"soon\"}")
                .when()
                .post("/api/v1/inspectors")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors[0].field", equalTo("validFrom"));
        Backend.fail(
                CreateInspectorRequest.class,
                Statuses.invalid("inspector.certificate_number", "is required", "request_id", "too long"));
        given().contentType(ContentType.JSON)
                .body("{\"name\":\"X\"}")
                .when()
                .post("/api/v1/inspectors")
                .then()
                .statusCode(400)
                .body("errors.field", contains("certificateNumber", "Idempotency-Key"));
        Backend.fail(
                CreateInspectorRequest.class,
                Statuses.status(Code.ALREADY_EXISTS, "CERTIFICATE_IN_USE", "certificate in use"));
        given().contentType(ContentType.JSON)
                .body("{\"name\":\"X\"}")
                .when()
                .post("/api/v1/inspectors")
                .then()
                .statusCode(409)
                .body("reason", equalTo("CERTIFICATE_IN_USE"));
        Backend.fail(GetInspectorRequest.class, Statuses.status(Code.NOT_FOUND, "INSPECTOR_NOT_FOUND", "no"));
        given().when().get("/api/v1/inspectors/nope").then().statusCode(404);
    }
}
