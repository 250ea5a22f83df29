package org.sqm.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
    void corsIsOffUnlessOriginsAreConfigured() {
        given().header("Origin", "https://app.example.org")
                .header("Access-Control-Request-Method", "POST")
                .when()
                .options("/api/v1/units")
                .then()
                .header("Access-Control-Allow-Origin", nullValue());
    }
}
