package org.sqm.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.sqm.gateway.fakes.Backend;
import org.sqm.gateway.fakes.FakeBackendTest;
import org.sqm.proto.standards.v1.ListUnitsRequest;
import org.sqm.proto.standards.v1.ListUnitsResponse;

/** The abuse limits every /api call meets with the default configuration: page size cap, media type, CORS off. */
@QuarkusTest
class PageSizeAndMediaTypeTest extends FakeBackendTest {

    int sentPageSize(String pageSize) {
        Backend.answer(ListUnitsRequest.class, ListUnitsResponse.getDefaultInstance());
        given().queryParam("pageSize", pageSize)
                .when()
                .get("/api/v1/units")
                .then()
                .log()
                .ifValidationFails()
                .statusCode(200);
        return Backend.received(ListUnitsRequest.class).getPageSize();
    }

    @Test
    void pageSizesAboveTheCapAreReducedTo1000AndZeroMeansTheDefault() {
        assertEquals(1000, sentPageSize("5000"));
        assertEquals(1000, sentPageSize("99999999999999999999"));
        assertEquals(1000, sentPageSize("1000"));
        assertEquals(7, sentPageSize("007"));
        // 0 is the backend's default, 50 (commons PageTokens).
        assertEquals(0, sentPageSize("0"));
    }

    @Test
    void aNegativePageSizeIs400NamingIt() {
        for (String bad : new String[] {"-1", "-99999999999", "ten", "1.5"}) {
            given().queryParam("pageSize", bad)
                    .when()
                    .get("/api/v1/units")
                    .then()
                    .statusCode(400)
                    .contentType(PROBLEM)
                    .body("reason", equalTo("INVALID_FIELDS"))
                    .body("errors[0].field", equalTo("pageSize"));
        }
    }

    @Test
    void aBodyThatIsNotJsonIs415Problem() {
        given().contentType("text/plain")
                .body("{\"code\":\"HALL-1\"}")
                .when()
                .post("/api/v1/units")
                .then()
                .statusCode(415)
                .contentType(PROBLEM)
                .body("reason", equalTo("UNSUPPORTED_MEDIA_TYPE"))
                .body("status", equalTo(415));
        // State changes take any body type for an empty body, but a body must be JSON there too.
        given().urlEncodingEnabled(false)
                .contentType("application/xml")
                .header("If-Match", "\"e1\"")
                .body("<note>why</note>")
                .when()
                .post("/api/v1/units/u1:deactivate")
                .then()
                .statusCode(415)
                .contentType(PROBLEM)
                .body("reason", equalTo("UNSUPPORTED_MEDIA_TYPE"));
        given().contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .body("code=HALL-1")
                .when()
                .patch("/api/v1/units/u1")
                .then()
                .statusCode(415)
                .contentType(PROBLEM)
                .body("reason", equalTo("UNSUPPORTED_MEDIA_TYPE"));
    }

    @Test
    void aStateChangeWithoutABodyIsServedOverAnHttp2UpgradeToo() throws Exception {
        // Java's HttpClient asks for HTTP/2 (h2c upgrade) by default and sends no length for no body:
        // the edge must read the (empty) body before it judges its type, never 415 or 500 on it.
        Backend.answer(
                org.sqm.proto.standards.v1.DeactivateUnitRequest.class,
                org.sqm.proto.standards.v1.Unit.newBuilder().setId("u1").build());
        var client = java.net.http.HttpClient.newHttpClient();
        // The first request upgrades the connection; the later ones are HTTP/2 streams from the start.
        for (String path : new String[] {
            "/api/v1/units/u1:deactivate",
            "/api/v1/units/u1:deactivate",
            "/api/v1/complaints/%EC%A6%A8%3F:close?code=%E9%84%95",
            "/api/v1/complaints/%EC%A6%A8%3F:close?code=%E9%84%95"
        }) {
            var response = client.send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                                    io.restassured.RestAssured.baseURI + ":" + io.restassured.RestAssured.port + path))
                            .header("Authorization", org.sqm.testing.auth.Bearer.administrator())
                            .header("If-Match", "\"e1\"")
                            .POST(java.net.http.HttpRequest.BodyPublishers.noBody())
                            .build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertTrue(
                    response.statusCode() < 500 && response.statusCode() != 415,
                    path + " -> " + response.statusCode() + " " + response.body());
        }
    }

    @Test
    void corsIsOffUnlessOriginsAreConfigured() {
        given().header("Origin", "https://app.example.org")
                .header("Access-Control-Request-Method", "POST")
                .when()
                .options("/api/v1/units")
                .then()
                .header("Access-Control-Allow-Origin", nullValue());
    }
}
