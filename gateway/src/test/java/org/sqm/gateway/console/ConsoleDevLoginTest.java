package org.sqm.gateway.console;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sqm.gateway.DefaultToken;
import org.sqm.gateway.fakes.Backend;
import org.sqm.proto.standards.v1.GetUnitRequest;
import org.sqm.proto.standards.v1.Unit;
import org.sqm.proto.standards.v1.UnitType;
import org.sqm.testing.auth.DevTokens;

/** The console's dev login switched on: tokens for a role and units that the gateway's /api accepts. */
@QuarkusTest
@DefaultToken.Without
@TestProfile(ConsoleDevLoginTest.DevLoginOn.class)
class ConsoleDevLoginTest {

    /** Dev login with the committed DEVELOPMENT key, as the local run configures it. */
    public static class DevLoginOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("sqm.console.dev-login.key-location", "dev-auth/privateKey.pem");
        }
    }

    private static final String PROBLEM = "application/problem+json";

    @Test
    void sessionOptionsOfferEveryRole() {
        given().when()
                .get("/console/session-options")
                .then()
                .log()
                .ifValidationFails()
                .statusCode(200)
                .body("devLogin", equalTo(true))
                .body("roles", containsInAnyOrder(DevTokens.ROLES.toArray()));
    }

    @Test
    void aMintedTokenIsADevelopmentTokenForTheRole() throws Exception {
        String token = given().contentType("application/json")
                .body("{\"role\": \"quality-manager\"}")
                .when()
                .post("/console/dev-token")
                .then()
                .log()
                .ifValidationFails()
                .statusCode(200)
                .body("token", notNullValue())
                .body("expiresAt", notNullValue())
                .extract()
                .path("token");
        JsonNode claims = new ObjectMapper()
                .readTree(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8));
        assertEquals(DevTokens.ISSUER, claims.get("iss").asText());
        assertEquals("quality-manager@sqm.dev", claims.get("sub").asText());
        assertEquals("quality-manager", claims.get("groups").get(0).asText());
        assertEquals(1, claims.get("groups").size());
        assertTrue(claims.get("units").isArray() && claims.get("units").isEmpty());
        Instant expires = Instant.ofEpochSecond(claims.get("exp").asLong());
        assertTrue(expires.isAfter(Instant.now().plus(Duration.ofHours(11))), "a working day: " + expires);
    }

    @Test
    void aMintedTokenWorksOnTheApi() {
        Backend.reset();
        Backend.answer(
                GetUnitRequest.class,
                Unit.newBuilder()
                        .setId("u-1")
                        .setCode("HALL-1")
                        .setName("Hall one")
                        .setType(UnitType.UNIT_TYPE_SERVICE_HALL)
                        .build());
        String token = given().contentType("application/json")
                .body("{\"role\": \"unit-manager\", \"units\": [\"u-1\", \" u-1 \"]}")
                .when()
                .post("/console/dev-token")
                .then()
                .statusCode(200)
                .extract()
                .path("token");
        int status = 0;
        // The first call on a cold gRPC channel can outlast the tests' 1 s deadline.
        for (int attempt = 0; attempt < 10 && status != 200; attempt++) {
            status = given().header("Authorization", "Bearer " + token)
                    .when()
                    .get("/api/v1/units/u-1")
                    .statusCode();
        }
        assertEquals(200, status);
        given().header("Authorization", "Bearer " + token)
                .when()
                .get("/api/v1/units/u-1")
                .then()
                .statusCode(200)
                .body("code", equalTo("HALL-1"));
        // The roles are the token's: a unit manager may not recompute scorecards.
        given().urlEncodingEnabled(false)
                .header("Authorization", "Bearer " + token)
                .contentType("application/json")
                .body("{\"period\": \"2026-03\"}")
                .when()
                .post("/api/v1/scorecards:recompute")
                .then()
                .log()
                .ifValidationFails()
                .statusCode(403)
                .contentType(PROBLEM)
                .body("reason", equalTo("PERMISSION_DENIED"));
        given().when().get("/api/v1/units/u-1").then().statusCode(401);
    }

    @Test
    void theUnitsAreTheTokens() throws Exception {
        String token = given().contentType("application/json")
                .body("{\"role\": \"viewer\", \"units\": [\"u-1\", \"u-2\"]}")
                .when()
                .post("/console/dev-token")
                .then()
                .statusCode(200)
                .extract()
                .path("token");
        JsonNode claims = new ObjectMapper()
                .readTree(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8));
        assertEquals("[\"u-1\",\"u-2\"]", claims.get("units").toString());
    }

    @Test
    void anUnknownRoleIsABadRequestNamingRole() {
        given().contentType("application/json")
                .body("{\"role\": \"emperor\"}")
                .when()
                .post("/console/dev-token")
                .then()
                .log()
                .ifValidationFails()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors.field", hasItems("role"));
        given().contentType("application/json")
                .body("{}")
                .when()
                .post("/console/dev-token")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors.field", hasItems("role"));
    }

    @Test
    void aUnitScopedRoleNeedsUnits() {
        for (String role : new String[] {"unit-manager", "viewer", "complaint-handler"}) {
            given().contentType("application/json")
                    .body("{\"role\": \"" + role + "\", \"units\": []}")
                    .when()
                    .post("/console/dev-token")
                    .then()
                    .log()
                    .ifValidationFails()
                    .statusCode(400)
                    .contentType(PROBLEM)
                    .body("errors.field", hasItems("units"));
        }
        given().contentType("application/json")
                .body("{\"role\": \"viewer\", \"units\": [\" \"]}")
                .when()
                .post("/console/dev-token")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors.field", hasItems("units[0]"));
    }

    @Test
    void aBodyThatIsNoJsonIsABadRequest() {
        given().contentType("application/json")
                .body("{\"role\": ")
                .when()
                .post("/console/dev-token")
                .then()
                .statusCode(400)
                .contentType(PROBLEM);
    }
}
