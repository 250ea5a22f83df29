package org.sqm.suite;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.sqm.testing.auth.Bearer;

/** Data the reliability scenarios share, made through the gateway as a user would. */
final class Fixtures {

    private Fixtures() {}

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /**
     * A service hall on an office calendar with a published hall-and-hotline standard in force, so
     * complaints about it get deadlines; returns the hall's id.
     */
    static String complaintUnit() {
        StringBuilder hours = new StringBuilder();
        for (String day : List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY")) {
            hours.append(hours.length() == 0 ? "" : ",")
                    .append("{\"day\":\"")
                    .append(day)
                    .append("\",\"startTime\":\"09:00\",\"endTime\":\"17:00\"}");
        }
        String calendar = given().contentType(ContentType.JSON)
                .body("{\"code\":\"" + unique("REL") + "\",\"name\":\"Office\",\"timeZone\":\"Europe/Berlin\","
                        + "\"workingHours\":[" + hours + "]}")
                .when()
                .post("/api/v1/calendars")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String hall = given().contentType(ContentType.JSON)
                .body("{\"code\":\"" + unique("REL-HALL") + "\",\"name\":\"Hall\",\"type\":\"SERVICE_HALL\","
                        + "\"calendarId\":\"" + calendar + "\"}")
                .when()
                .post("/api/v1/units")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        publishedCopy("service-hall-and-hotline.json", "SQM-HALL-HOTLINE", "REL-SLA");
        return hall;
    }

    /** A calendar of office hours (weekdays 9 to 17, Berlin); answers its id. */
    static String officeCalendar() {
        StringBuilder hours = new StringBuilder();
        for (String day : List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY")) {
            hours.append(hours.length() == 0 ? "" : ",")
                    .append("{\"day\":\"")
                    .append(day)
                    .append("\",\"startTime\":\"09:00\",\"endTime\":\"17:00\"}");
        }
        return given().contentType(ContentType.JSON)
                .body("{\"code\":\"" + unique("CAL") + "\",\"name\":\"Office\",\"timeZone\":\"Europe/Berlin\","
                        + "\"workingHours\":[" + hours + "]}")
                .when()
                .post("/api/v1/calendars")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /** A new unit of the type under the parent (null: at the top) on the calendar (null: inherited); answers its id. */
    static String unitOn(String type, String parent, String calendar) {
        return unitOn(type, type, parent, calendar);
    }

    /** A new unit of the type, with a name, under the parent (null: at the top) on the calendar (null: inherited). */
    static String unitOn(String type, String name, String parent, String calendar) {
        Map<String, Object> body = new HashMap<>(Map.of("code", unique("UN"), "name", name, "type", type));
        if (parent != null) {
            body.put("parentId", parent);
        }
        if (calendar != null) {
            body.put("calendarId", calendar);
        }
        return given().contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/v1/units")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /**
     * Imports a copy of one of standards-service's shipped catalogue documents under a fresh code
     * (prefix plus a unique suffix) and publishes it; answers the code.
     */
    static String publishedCopy(String document, String shippedCode, String prefix) {
        String code = unique(prefix);
        String copy;
        try {
            copy = Files.readString(
                            SuiteExtension.home().resolve("standards-service/src/main/resources/catalogue/" + document))
                    .replace("\"code\": \"" + shippedCode + "\"", "\"code\": \"" + code + "\"");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Response draft = given().urlEncodingEnabled(false)
                .contentType(ContentType.JSON)
                .body(copy)
                .when()
                .post("/api/v1/standards:import");
        draft.then().statusCode(201);
        given().urlEncodingEnabled(false)
                .header("If-Match", draft.header("ETag"))
                .when()
                .post("/api/v1/standards/" + draft.<String>path("id") + ":publish")
                .then()
                .statusCode(200);
        return code;
    }

    static String complaintBody(String unitId, String description) {
        return "{\"unitId\":\"" + unitId + "\",\"channel\":\"PHONE\",\"category\":\"BILLING\",\"severity\":\"MEDIUM\","
                + "\"description\":\"" + description + "\",\"complainant\":{\"name\":\"Ann Smith\","
                + "\"phone\":\"+49 30 5555 0100\"}}";
    }

    /** Starts a recompute, which answers 202 with the operation at once, and polls it to its end. */
    static JsonPath recompute(String period) throws InterruptedException {
        Response started = given().urlEncodingEnabled(false)
                .contentType(ContentType.JSON)
                .body(Map.of("period", period))
                .when()
                .post("/api/v1/scorecards:recompute");
        started.then().statusCode(202);
        String location = started.header("Location");
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (System.nanoTime() < deadline) {
            JsonPath operation = given().when()
                    .get(location)
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            if (operation.getBoolean("done")) {
                assertNull(operation.get("error"), operation.prettify());
                return operation;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the recompute of " + period + " did not end in 2 minutes");
    }

    /** A new unit of the type (its type as its name) under the parent, or at the top for null; answers its id. */
    static String unit(String type, String parent) {
        return unitOn(type, parent, null);
    }

    static void moveUnder(String unit, String parent) {
        String etag = given().when().get("/api/v1/units/" + unit).header("ETag");
        given().contentType(ContentType.JSON)
                .header("If-Match", etag)
                .body(Map.of("parentId", parent))
                .when()
                .patch("/api/v1/units/" + unit)
                .then()
                .statusCode(200);
    }

    /** Moves a complaint by a state-change verb; answers its new etag. */
    static String complaintMove(String id, String etag, String verb, Map<String, Object> body) {
        return given().urlEncodingEnabled(false)
                .header("If-Match", etag)
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/v1/complaints/" + id + ":" + verb)
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
    }

    /** Records a survey batch of the responses, scored on 1-5. */
    static void surveyBatch(String source, List<Map<String, Object>> responses) {
        given().contentType(ContentType.JSON)
                .body(Map.of(
                        "batchId",
                        unique("SB"),
                        "source",
                        source,
                        "scaleMin",
                        1,
                        "scaleMax",
                        5,
                        "responses",
                        responses))
                .when()
                .post("/api/v1/surveyBatches")
                .then()
                .statusCode(201);
    }

    /**
     * Creates an inspection through the gateway ({@code body} as the API takes it), assigns the
     * inspectors and starts it; answers its id.
     */
    static String startedInspection(Map<String, Object> body, List<String> inspectors, String actor) {
        String id = assignedInspection(body, inspectors);
        inspectionMove(id, "start", actor);
        return id;
    }

    /** Creates the inspection the body describes and assigns the inspectors; answers its id. */
    static String assignedInspection(Map<String, Object> body, List<String> inspectors) {
        Response created =
                given().contentType(ContentType.JSON).body(body).when().post("/api/v1/inspections");
        created.then().statusCode(201);
        String id = created.path("id");
        given().contentType(ContentType.JSON)
                .header("If-Match", created.header("ETag"))
                .body(Map.of("inspectorIds", inspectors))
                .when()
                .put("/api/v1/inspections/" + id + "/inspectors")
                .then()
                .statusCode(200);
        return id;
    }

    /** Rates every element of the inspection with the level {@code levelOf} gives its index; answers the element codes. */
    static List<String> rateEvery(String id, java.util.function.IntFunction<String> levelOf) {
        List<String> elements = given().when().get("/api/v1/inspections/" + id).path("elements.code");
        List<Map<String, Object>> ratings = new java.util.ArrayList<>();
        for (int i = 0; i < elements.size(); i++) {
            ratings.add(Map.of("elementCode", elements.get(i), "levelCode", levelOf.apply(i)));
        }
        given().contentType(ContentType.JSON)
                .body(Map.of("ratings", ratings))
                .when()
                .post("/api/v1/inspections/" + id + "/ratings")
                .then()
                .statusCode(200);
        return elements;
    }

    /** Moves an inspection (start, submit, finalize, ...) with the etag of a fresh read, as {@code actor}. */
    static Response inspectionMove(String id, String verb, String actor) {
        String etag = given().when().get("/api/v1/inspections/" + id).header("ETag");
        Response r = given().urlEncodingEnabled(false)
                .header("If-Match", etag)
                .header("Authorization", Bearer.administratorAs(actor))
                .when()
                .post("/api/v1/inspections/" + id + ":" + verb);
        r.then().statusCode(200);
        return r;
    }

    /**
     * Registers an inspector whose tokens carry {@code subject} (an inspector token with that subject
     * works the inspections assigned to them), of the authority, qualified for the kind; answers the id.
     */
    static String inspectorWithSubject(String subject, String authority, String kind) {
        return registerInspector("Inspector " + subject, subject, authority, kind);
    }

    /**
     * Registers an inspector of the authority, qualified for the kind, certified from 30 days ago for
     * 800 days; answers the id.
     */
    static String inspector(String name, String authority, String kind) {
        return registerInspector(name, null, authority, kind);
    }

    /** An inspector certified from 30 days ago for 800 days, with a token subject if one is given. */
    private static String registerInspector(String name, String subject, String authority, String kind) {
        java.time.Instant now = java.time.Instant.now();
        Map<String, Object> body = new java.util.HashMap<>(Map.of(
                "name", name,
                "certificateNumber", unique("CERT"),
                "authorityLevel", authority,
                "validFrom", now.minus(java.time.Duration.ofDays(30)).toString(),
                "validUntil", now.plus(java.time.Duration.ofDays(800)).toString(),
                "qualifiedKinds", List.of(kind)));
        if (subject != null) {
            body.put("subject", subject);
        }
        return given().contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/v1/inspectors")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /** How many complaints a unit has (at most 1 000: one page). */
    static int complaintCount(String unit) {
        return given().queryParam("unitId", unit)
                .queryParam("pageSize", 1000)
                .when()
                .get("/api/v1/complaints")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items")
                .size();
    }
}
