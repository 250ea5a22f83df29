package org.sqm.suite;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Restart durability: write units, complaints and inspectors; stop every application and the
 * database; start them again; every acknowledged write reads back unchanged.
 */
@ExtendWith(SuiteExtension.class)
class RestartDurabilityIT {

    @Test
    void everythingAcknowledgedSurvivesARestartOfEverything() {
        Suite suite = SuiteExtension.suite();
        String hall = Fixtures.complaintUnit();
        List<String> units = new ArrayList<>();
        List<String> complaints = new ArrayList<>();
        List<String> inspectors = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            units.add(given().contentType(ContentType.JSON)
                    .body(Map.of("code", Fixtures.unique("DUR"), "name", "Durable " + i, "type", "HOTLINE"))
                    .when()
                    .post("/api/v1/units")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id"));
            complaints.add(given().contentType(ContentType.JSON)
                    .body(Fixtures.complaintBody(hall, "durable " + i))
                    .when()
                    .post("/api/v1/complaints")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id"));
            inspectors.add(given().contentType(ContentType.JSON)
                    .body(Map.of(
                            "name",
                            "Durable inspector " + i,
                            "certificateNumber",
                            Fixtures.unique("DUR"),
                            "authorityLevel",
                            "CITY",
                            "validFrom",
                            "2026-01-01T00:00:00Z",
                            "validUntil",
                            "2030-01-01T00:00:00Z",
                            "qualifiedKinds",
                            List.of("SPOT_CHECK")))
                    .when()
                    .post("/api/v1/inspectors")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id"));
        }

        for (Component c : List.of(
                Component.GATEWAY, Component.STANDARDS, Component.INSPECTION, Component.COMPLAINT, Component.SCORING)) {
            suite.stop(c);
        }
        suite.database().restart();
        for (Component c : List.of(
                Component.STANDARDS, Component.INSPECTION, Component.COMPLAINT, Component.SCORING, Component.GATEWAY)) {
            suite.restart(c);
        }

        for (int i = 0; i < 20; i++) {
            given().when()
                    .get("/api/v1/units/" + units.get(i))
                    .then()
                    .statusCode(200)
                    .body("name", equalTo("Durable " + i));
            given().when()
                    .get("/api/v1/complaints/" + complaints.get(i))
                    .then()
                    .statusCode(200)
                    .body("description", equalTo("durable " + i))
                    .body("status", equalTo("RECEIVED"));
            given().when()
                    .get("/api/v1/inspectors/" + inspectors.get(i))
                    .then()
                    .statusCode(200)
                    .body("name", equalTo("Durable inspector " + i));
        }
        int read = units.size() + complaints.size() + inspectors.size();
        System.out.printf(
                "restart durability: %d acknowledged writes (units, complaints, inspectors), every"
                        + " application and the database restarted, %d read back, 0 lost%n",
                read, read);
        assertEquals(60, read);
    }
}
