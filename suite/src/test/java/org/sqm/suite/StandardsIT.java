package org.sqm.suite;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Service standards through the real gateway and standards-service, and the catalogue command. */
@ExtendWith(SuiteExtension.class)
class StandardsIT {

    private static final String PROBLEM = "application/problem+json";

    private static String catalogueDocument(String file) throws Exception {
        return Files.readString(SuiteExtension.home()
                .resolve("standards-service/src/main/resources/catalogue")
                .resolve(file));
    }

    @Test
    void theCatalogueCommandLoadsAndPublishesBothStandardsOnce() throws Exception {
        Path script = SuiteExtension.home().resolve("scripts/load-catalogue.sh");
        for (int run = 0; run < 2; run++) {
            Process p = new ProcessBuilder(
                            "bash", script.toString(), SuiteExtension.suite().baseUrl(Component.GATEWAY))
                    .redirectErrorStream(true)
                    .start();
            String output = new String(p.getInputStream().readAllBytes());
            assertTrue(p.waitFor(2, TimeUnit.MINUTES));
            assertEquals(0, p.exitValue(), output);
        }
        Response cse = given().queryParam("code", "CSE").when().get("/api/v1/standards");
        cse.then().statusCode(200).body("items.size()", equalTo(1)).body("items[0].status", equalTo("PUBLISHED"));
        given().when()
                .get("/api/v1/standards/{id}", cse.<String>path("items[0].id"))
                .then()
                .statusCode(200)
                .body("criteria.size()", equalTo(5))
                .body("elementCount", equalTo(57))
                .body("criteria[3].subCriteria[2].elements[1].code", equalTo("4.3.2"));
        given().queryParam("code", "SQM-HALL-HOTLINE")
                .when()
                .get("/api/v1/standards")
                .then()
                .statusCode(200)
                .body("items[0].status", equalTo("PUBLISHED"));
    }

    @Test
    void draftPublishFreezeAndNewVersionThroughRest() throws Exception {
        String code = "HALL-" + UUID.randomUUID().toString().substring(0, 8);
        String document = catalogueDocument("service-hall-and-hotline.json")
                .replace("\"code\" : \"SQM-HALL-HOTLINE\"", "\"code\" : \"" + code + "\"")
                .replace("\"code\": \"SQM-HALL-HOTLINE\"", "\"code\": \"" + code + "\"");
        Response imported = given().urlEncodingEnabled(false)
                .contentType(ContentType.JSON)
                .body(document)
                .when()
                .post("/api/v1/standards:import");
        imported.then().statusCode(201).body("code", equalTo(code)).body("status", equalTo("DRAFT"));
        String id = imported.path("id");
        String etag = imported.header("ETag");

        given().contentType(ContentType.JSON)
                .header("If-Match", etag)
                .body("{\"criteria\":[{\"code\":\"1\",\"title\":\"\",\"weight\":0,\"subCriteria\":[]}]}")
                .when()
                .patch("/api/v1/standards/{id}", id)
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors.field", hasItem("criteria[0].title"))
                .body("errors.field", hasItem("criteria[0].weight"));

        String publishedEtag = given().urlEncodingEnabled(false)
                .header("If-Match", etag)
                .when()
                .post("/api/v1/standards/" + id + ":publish")
                .then()
                .statusCode(200)
                .body("status", equalTo("PUBLISHED"))
                .extract()
                .header("ETag");

        given().contentType(ContentType.JSON)
                .header("If-Match", publishedEtag)
                .body("{\"title\":\"Changed after publication\"}")
                .when()
                .patch("/api/v1/standards/{id}", id)
                .then()
                .statusCode(409)
                .contentType(PROBLEM)
                .body("reason", equalTo("STANDARD_NOT_DRAFT"));

        String exported = given().urlEncodingEnabled(false)
                .when()
                .get("/api/v1/standards/" + id + ":export")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertTrue(exported.contains("\"format\" : \"sqm-standard/v1\""), exported);

        given().urlEncodingEnabled(false)
                .when()
                .post("/api/v1/standards/" + id + ":newVersion")
                .then()
                .statusCode(201)
                .body("version", equalTo(2))
                .body("status", equalTo("DRAFT"));
        List<Integer> versions = given().queryParam("code", code)
                .when()
                .get("/api/v1/standards")
                .then()
                .statusCode(200)
                .extract()
                .path("items.version");
        assertEquals(List.of(1, 2), versions);
    }

    @Test
    void anInvalidDocumentIsA400AndStoresNothing() {
        String code = "BAD-" + UUID.randomUUID().toString().substring(0, 8);
        given().urlEncodingEnabled(false)
                .contentType(ContentType.JSON)
                .body("{\"format\":\"sqm-standard/v1\",\"code\":\"" + code
                        + "\",\"title\":\"T\",\"unitTypes\":[\"CASTLE\"]}")
                .when()
                .post("/api/v1/standards:import")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors[0].field", equalTo("unitTypes[0]"));
        given().queryParam("code", code)
                .when()
                .get("/api/v1/standards")
                .then()
                .statusCode(200)
                .body("items.size()", equalTo(0));
    }

    @Test
    void theDeadlinesOfACaseComeFromTheMostSpecificRuleOnTheUnitsCalendar() throws Exception {
        String calendarId = given().contentType(ContentType.JSON)
                .body("{\"code\":\"SH-" + UUID.randomUUID().toString().substring(0, 8) + "\",\"name\":\"Shanghai\","
                        + "\"timeZone\":\"Asia/Shanghai\",\"alwaysOpen\":true}")
                .when()
                .post("/api/v1/calendars")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String branch = given().contentType(ContentType.JSON)
                .body("{\"code\":\"BR-" + UUID.randomUUID().toString().substring(0, 8)
                        + "\",\"name\":\"Branch\",\"type\":\"CITY_BRANCH\",\"calendarId\":\"" + calendarId + "\"}")
                .when()
                .post("/api/v1/units")
                .then()
                .statusCode(201)
                .body("calendarId", equalTo(calendarId))
                .extract()
                .path("id");
        String team = given().contentType(ContentType.JSON)
                .body("{\"code\":\"FT-" + UUID.randomUUID().toString().substring(0, 8)
                        + "\",\"name\":\"Field team\",\"type\":\"FIELD_TEAM\",\"parentId\":\"" + branch + "\"}")
                .when()
                .post("/api/v1/units")
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        String code = "FIELD-" + UUID.randomUUID().toString().substring(0, 8);
        String document = catalogueDocument("service-hall-and-hotline.json")
                .replace("\"code\": \"SQM-HALL-HOTLINE\"", "\"code\": \"" + code + "\"")
                .replace("\"SERVICE_HALL\",\n    \"HOTLINE\",\n    \"ONLINE_SERVICE\"", "\"FIELD_TEAM\"");
        Response draft = given().urlEncodingEnabled(false)
                .contentType(ContentType.JSON)
                .body(document)
                .when()
                .post("/api/v1/standards:import");
        draft.then().statusCode(201).body("unitTypes", equalTo(List.of("FIELD_TEAM")));
        given().urlEncodingEnabled(false)
                .header("If-Match", draft.header("ETag"))
                .when()
                .post("/api/v1/standards/" + draft.<String>path("id") + ":publish")
                .then()
                .statusCode(200);

        given().queryParam("channel", "REFERRAL")
                .queryParam("severity", "LOW")
                .queryParam("at", "2026-06-01T08:00:00Z")
                .when()
                .get("/api/v1/units/{id}/serviceLevel", team)
                .then()
                .statusCode(200)
                .body("standardCode", equalTo(code))
                .body("ruleIndex", equalTo(2))
                .body("target.acknowledgeWithin", equalTo("PT4H"))
                .body("calendarId", equalTo(calendarId))
                .body("calendarUnitId", equalTo(branch));
        given().queryParam("severity", "CRITICAL")
                .queryParam("at", "2026-06-01T08:00:00Z")
                .when()
                .get("/api/v1/units/{id}/serviceLevel", team)
                .then()
                .statusCode(200)
                .body("target.resolveWithin", equalTo("PT40H"));
        given().queryParam("severity", "EXTREME")
                .when()
                .get("/api/v1/units/{id}/serviceLevel", team)
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors[0].field", equalTo("severity"));
    }
}
