package org.sqm.gateway.rest.scoring;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.rpc.Code;
import com.google.rpc.PreconditionFailure;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.sqm.gateway.fakes.Backend;
import org.sqm.gateway.fakes.FakeBackendTest;
import org.sqm.gateway.fakes.Statuses;
import org.sqm.proto.inspection.v1.AuthorityLevel;
import org.sqm.proto.scoring.v1.AccreditationDecision;
import org.sqm.proto.scoring.v1.AccreditationOutcome;
import org.sqm.proto.scoring.v1.AccreditationRules;
import org.sqm.proto.scoring.v1.ActionPlanItem;
import org.sqm.proto.scoring.v1.CertificationAction;
import org.sqm.proto.scoring.v1.CreateAccreditationRulesRequest;
import org.sqm.proto.scoring.v1.CriterionDecision;
import org.sqm.proto.scoring.v1.CriterionVerdict;
import org.sqm.proto.scoring.v1.DecideAccreditationRequest;
import org.sqm.proto.scoring.v1.GetAccreditationDecisionRequest;
import org.sqm.proto.scoring.v1.GetAccreditationRulesRequest;
import org.sqm.proto.scoring.v1.ListAccreditationDecisionsRequest;
import org.sqm.proto.scoring.v1.ListAccreditationDecisionsResponse;
import org.sqm.proto.scoring.v1.ListAccreditationRulesRequest;
import org.sqm.proto.scoring.v1.ListAccreditationRulesResponse;
import org.sqm.proto.scoring.v1.LoadScoringCatalogueRequest;

@QuarkusTest
class AccreditationResourceTest extends FakeBackendTest {

    static final AccreditationRules CSE = AccreditationRules.newBuilder()
            .setId("r1")
            .setCode("CSE")
            .setVersion(1)
            .setName("Customer Service Excellence")
            .setStandardCode("CSE")
            .addNonComplianceLevelCodes("NON_COMPLIANCE")
            .addPartialComplianceLevelCodes("PARTIAL_COMPLIANCE")
            .addCompliancePlusLevelCodes("COMPLIANCE_PLUS")
            .setMaxNonCompliances(0)
            .setMaxPartialsPerCriterion(2)
            .setActionPlanDueMonths(3)
            .setValidityMonths(36)
            .setReviewIntervalMonths(12)
            .setReviewWindowDays(30)
            .setReviewGraceDays(30)
            .setAssessmentAuthorityLevel(AuthorityLevel.AUTHORITY_LEVEL_NATIONAL)
            .setCreateTime(at("2026-04-01T08:00:00Z"))
            .build();

    static final String CSE_BODY =
            "{\"code\":\"CSE\",\"name\":\"Customer Service Excellence\",\"standardCode\":\"CSE\","
                    + "\"nonComplianceLevelCodes\":[\"NON_COMPLIANCE\"],\"partialComplianceLevelCodes\":[\"PARTIAL_COMPLIANCE\"],"
                    + "\"compliancePlusLevelCodes\":[\"COMPLIANCE_PLUS\"],\"maxNonCompliances\":0,\"maxPartialsPerCriterion\":2,"
                    + "\"actionPlanDueMonths\":3,\"validityMonths\":36,\"reviewIntervalMonths\":12,\"reviewWindowDays\":30,"
                    + "\"reviewGraceDays\":30,\"assessmentAuthorityLevel\":\"NATIONAL\"}";

    static final AccreditationDecision DECISION = AccreditationDecision.newBuilder()
            .setId("d1")
            .setUnitId("u1")
            .setRulesId("r1")
            .setRulesCode("CSE")
            .setRulesVersion(1)
            .setInspectionId("i1")
            .setStandardId("s1")
            .setStandardCode("CSE")
            .setStandardVersion(1)
            .setInspectionFinalizeTime(at("2026-05-01T08:00:00Z"))
            .setOutcome(AccreditationOutcome.ACCREDITATION_OUTCOME_ACCREDITED_WITH_ACTION_PLAN)
            .addCriteria(CriterionDecision.newBuilder()
                    .setCriterionCode("1")
                    .setVerdict(CriterionVerdict.CRITERION_VERDICT_MET_WITH_ACTION_PLAN)
                    .setReason("2 partial compliances (1.1.1, 1.2.1), at most 2 per criterion")
                    .addPartialComplianceElementCodes("1.1.1")
                    .addPartialComplianceElementCodes("1.2.1")
                    .addCompliancePlusElementCodes("1.1.2")
                    .setRatedElements(10)
                    .setNotApplicableElements(1))
            .setPartialComplianceCount(2)
            .setCompliancePlusCount(1)
            .addReasons("no non-compliance")
            .addActionPlan(ActionPlanItem.newBuilder()
                    .setElementCode("1.1.1")
                    .setRectificationOrderId("o1")
                    .setDueTime(at("2026-08-02T08:00:00Z"))
                    .setDueTimeMoved(true))
            .setActionPlanDueTime(at("2026-08-02T08:00:00Z"))
            .setDecideTime(at("2026-05-02T08:00:00Z"))
            .setActor("assessor-1")
            .setCertificationId("c1")
            .setCertificationAction(CertificationAction.CERTIFICATION_ACTION_GRANTED)
            .build();

    @Test
    void rulesAreCreatedFromRestJsonAndShownInIt() {
        Backend.answer(CreateAccreditationRulesRequest.class, CSE);
        given().contentType(ContentType.JSON)
                .header("Idempotency-Key", "k1")
                .body(CSE_BODY)
                .when()
                .post("/api/v1/accreditationRules")
                .then()
                .statusCode(201)
                .header("Location", endsWith("/api/v1/accreditationRules/r1"))
                .body("version", equalTo(1))
                .body("nonComplianceLevelCodes", contains("NON_COMPLIANCE"))
                .body("maxPartialsPerCriterion", equalTo(2))
                .body("maxPartialsTotal", nullValue())
                .body("assessmentAuthorityLevel", equalTo("NATIONAL"))
                .body("createTime", equalTo("2026-04-01T08:00:00Z"));
        CreateAccreditationRulesRequest sent = Backend.received(CreateAccreditationRulesRequest.class);
        assertEquals("k1", sent.getRequestId());
        // The REST body is the proto rules field for field, output-only fields aside.
        assertEquals(CSE.toBuilder().clearId().clearVersion().clearCreateTime().build(), sent.getRules());
        assertFalse(sent.getRules().hasMaxPartialsTotal());
    }

    @Test
    void contradictoryRulesAreProblemsNamingTheRestFields() {
        Backend.fail(
                CreateAccreditationRulesRequest.class,
                Statuses.invalid(
                        "rules.max_partials_per_criterion", "must not exceed max_partials_total (1)",
                        "rules.review_interval_months", "must be shorter than validity_months (12)"));
        given().contentType(ContentType.JSON)
                .body(CSE_BODY)
                .when()
                .post("/api/v1/accreditationRules")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors.field", contains("maxPartialsPerCriterion", "reviewIntervalMonths"));
        given().contentType(ContentType.JSON)
                .body("{\"code\":\"X\",\"assessmentAuthorityLevel\":\"GALACTIC\"}")
                .when()
                .post("/api/v1/accreditationRules")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("assessmentAuthorityLevel"));
    }

    @Test
    void aCatalogueOfItsOwnPassesItsAccreditationRulesThrough() {
        given().contentType(ContentType.JSON)
                .urlEncodingEnabled(false)
                .body("{\"accreditationRules\":[" + CSE_BODY + "]}")
                .when()
                .post("/api/v1/scoringCatalogue:load")
                .then()
                .statusCode(200);
        assertEquals(
                CSE.toBuilder().clearId().clearVersion().clearCreateTime().build(),
                Backend.received(LoadScoringCatalogueRequest.class)
                        .getCatalogue()
                        .getAccreditationRules(0));
    }

    @Test
    void rulesAreReadAndListedByCode() {
        Backend.answer(GetAccreditationRulesRequest.class, CSE);
        given().when()
                .get("/api/v1/accreditationRules/r1")
                .then()
                .statusCode(200)
                .body("code", equalTo("CSE"));
        assertEquals("r1", Backend.received(GetAccreditationRulesRequest.class).getId());
        Backend.answer(
                ListAccreditationRulesRequest.class,
                ListAccreditationRulesResponse.newBuilder()
                        .addRules(CSE)
                        .setNextPageToken("t2")
                        .build());
        given().queryParam("code", "CSE")
                .queryParam("pageSize", 1)
                .when()
                .get("/api/v1/accreditationRules")
                .then()
                .statusCode(200)
                .body("items.id", contains("r1"))
                .body("nextPageToken", equalTo("t2"));
        ListAccreditationRulesRequest sent = Backend.received(ListAccreditationRulesRequest.class);
        assertEquals("CSE", sent.getCode());
        assertEquals(1, sent.getPageSize());
    }

    @Test
    void aDecisionIsAskedForWithTheActorAndShownWithItsReasonsAndActionPlan() {
        Backend.answer(DecideAccreditationRequest.class, DECISION);
        given().contentType(ContentType.JSON)
                .body("{\"rulesCode\":\"CSE\"}")
                .when()
                .post("/api/v1/units/u1/accreditationDecisions")
                .then()
                .statusCode(201)
                .header("Location", endsWith("/api/v1/accreditationDecisions/d1"))
                .body("outcome", equalTo("ACCREDITED_WITH_ACTION_PLAN"))
                .body("criteria[0].verdict", equalTo("MET_WITH_ACTION_PLAN"))
                .body("criteria[0].partialComplianceElementCodes", contains("1.1.1", "1.2.1"))
                .body("criteria[0].reason", containsString("at most 2 per criterion"))
                .body("criteria[0].notApplicableElements", equalTo(1))
                .body("compliancePlusCount", equalTo(1))
                .body("reasons", contains("no non-compliance"))
                .body("actionPlan[0].rectificationOrderId", equalTo("o1"))
                .body("actionPlan[0].dueTimeMoved", equalTo(true))
                .body("actionPlanDueTime", equalTo("2026-08-02T08:00:00Z"))
                .body("inspectionFinalizeTime", equalTo("2026-05-01T08:00:00Z"))
                .body("certificationId", equalTo("c1"))
                .body("certificationAction", equalTo("GRANTED"));
        DecideAccreditationRequest sent = Backend.received(DecideAccreditationRequest.class);
        assertEquals("u1", sent.getUnitId());
        assertEquals("CSE", sent.getRulesCode());
        assertEquals("", sent.getRulesId());
        assertEquals("", sent.getActor());
    }

    @Test
    void aUnitWithoutAnAssessmentIsAConflictThatSaysSo() {
        Backend.fail(
                DecideAccreditationRequest.class,
                Statuses.status(
                        Code.FAILED_PRECONDITION,
                        "NO_FINALIZED_ON_SITE_ASSESSMENT",
                        "unit u1 has no finalized on-site assessment against standard CSE",
                        PreconditionFailure.getDefaultInstance()));
        given().contentType(ContentType.JSON)
                .body("{\"rulesId\":\"r1\"}")
                .when()
                .post("/api/v1/units/u1/accreditationDecisions")
                .then()
                .statusCode(409)
                .contentType(PROBLEM)
                .body("reason", equalTo("NO_FINALIZED_ON_SITE_ASSESSMENT"))
                .body("detail", containsString("no finalized on-site assessment"));
        assertEquals("r1", Backend.received(DecideAccreditationRequest.class).getRulesId());
        given().contentType(ContentType.JSON)
                .when()
                .post("/api/v1/units/u1/accreditationDecisions")
                .then()
                .statusCode(400)
                .contentType(PROBLEM);
    }

    @Test
    void decisionsAreReadAndListedByUnitAndRules() {
        Backend.answer(
                GetAccreditationDecisionRequest.class,
                DECISION.toBuilder()
                        .clearCertificationId()
                        .clearCertificationAction()
                        .clearActionPlan()
                        .clearActionPlanDueTime()
                        .build());
        given().when()
                .get("/api/v1/accreditationDecisions/d1")
                .then()
                .statusCode(200)
                .body("certificationId", nullValue())
                .body("certificationAction", nullValue())
                .body("actionPlanDueTime", nullValue());
        Backend.answer(
                ListAccreditationDecisionsRequest.class,
                ListAccreditationDecisionsResponse.newBuilder()
                        .addDecisions(DECISION)
                        .build());
        given().queryParam("unitId", "u1")
                .queryParam("rulesCode", "CSE")
                .when()
                .get("/api/v1/accreditationDecisions")
                .then()
                .statusCode(200)
                .body("items.id", contains("d1"))
                .body("nextPageToken", nullValue());
        ListAccreditationDecisionsRequest sent = Backend.received(ListAccreditationDecisionsRequest.class);
        assertEquals("u1", sent.getUnitId());
        assertEquals("CSE", sent.getRulesCode());
        assertTrue(sent.getPageToken().isEmpty());
    }
}
