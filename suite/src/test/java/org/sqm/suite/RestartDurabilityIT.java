package org.sqm.suite;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.http.ContentType;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sqm.testing.EmbeddedDatabase;

/**
 * Restart durability: write units, complaints and inspectors; stop every application and the
 * database; start them again; every acknowledged write reads back unchanged. And the same after a crash
 * of the database right behind the last acknowledgement, on PostgreSQL as durable as the local run.
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

    @Test
    void theDatabaseFlushesEveryCommitAsTheLocalRunDoes() throws Exception {
        Suite suite = SuiteExtension.suite();
        try (Connection c =
                        DriverManager.getConnection(suite.database().jdbcUrl("complaint"), EmbeddedDatabase.USER, "");
                Statement s = c.createStatement()) {
            for (String setting : EmbeddedDatabase.DURABILITY_SETTINGS) {
                try (ResultSet rs = s.executeQuery("SHOW " + setting)) {
                    rs.next();
                    assertEquals("on", rs.getString(1), setting);
                }
            }
        }
    }

    @Test
    void everyAcknowledgedComplaintSurvivesACrashOfTheDatabase() {
        Suite suite = SuiteExtension.suite();
        String hall = Fixtures.complaintUnit();
        List<String> complaints = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            complaints.add(given().contentType(ContentType.JSON)
                    .body(Fixtures.complaintBody(hall, "crash-durable " + i))
                    .when()
                    .post("/api/v1/complaints")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id"));
        }
        // At once after the last 201: with synchronous_commit off, the last commits would still be in
        // PostgreSQL's WAL buffers, which an immediate shutdown throws away.
        suite.database().crash();
        for (Component c : List.of(
                Component.STANDARDS, Component.INSPECTION, Component.COMPLAINT, Component.SCORING, Component.GATEWAY)) {
            suite.restart(c);
        }

        for (int i = 0; i < complaints.size(); i++) {
            given().when()
                    .get("/api/v1/complaints/" + complaints.get(i))
                    .then()
                    .statusCode(200)
                    .body("description", equalTo("crash-durable " + i));
        }
        System.out.printf(
                "crash durability: %d acknowledged complaints, PostgreSQL crashed (immediate shutdown) right"
                        + " after the last, %d read back%n",
                complaints.size(), complaints.size());
    }
}
