package org.sqm.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The abuse limits with low settings: a 1 KiB body limit, one request every 2 s per client with a
 * burst of 3, bearer tokens verified (but not required) and CORS on for one origin.
 */
@QuarkusTest
@DefaultToken.Without
@TestProfile(EdgeLimitsTest.LowLimits.class)
class EdgeLimitsTest {

    static final String PROBLEM = "application/problem+json";

    /** Low limits, a short window. */
    public static class LowLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quarkus.http.limits.max-body-size", "1K",
                    "sqm.rate-limit.requests", "1",
                    "sqm.rate-limit.window", "2s",
                    "sqm.rate-limit.burst", "3",
                    "quarkus.http.cors.enabled", "true",
                    "quarkus.http.cors.origins", "https://app.example.org");
        }
    }

    /** A bearer token of a subject of its own, so that each test has buckets of its own. */
    static String bearer(String subject) throws Exception {
        return "Bearer "
                + org.sqm.testing.auth.DevTokens.token(
                        subject,
                        java.util.List.of("administrator"),
                        java.util.List.of(),
                        org.sqm.testing.auth.DevTokens.ISSUER,
                        java.time.Duration.ofMinutes(5),
                        org.sqm.testing.auth.DevTokens.privateKey());
    }

    static Response get(String authorization, String forwardedFor) {
        var request = given();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (forwardedFor != null) {
            request.header("X-Forwarded-For", forwardedFor);
        }
        // An unknown path: answered at once (404), so the bucket hardly refills during a test.
        return request.when().get("/api/v1/limited");
    }

    @Test
    void aBodyOverTheLimitIs413ProblemWithOrWithoutALength() throws Exception {
        String bearer = bearer("big-bodies-" + UUID.randomUUID());
        String big = "{\"code\":\"" + "x".repeat(2000) + "\"}";
        given().header("Authorization", bearer)
                .contentType("application/json")
                .body(big)
                .when()
                .post("/api/v1/units")
                .then()
                .statusCode(413)
                .contentType(PROBLEM)
                .header("Connection", "close")
                .body("reason", equalTo("BODY_TOO_LARGE"))
                .body("status", equalTo(413))
                .body("instance", equalTo("/api/v1/units"));
        // A stream has no Content-Length: the body arrives chunked and is counted as it comes.
        given().header("Authorization", bearer)
                .contentType("application/json")
                .body(new ByteArrayInputStream(big.getBytes(StandardCharsets.UTF_8)))
                .when()
                .post("/api/v1/units")
                .then()
                .statusCode(413)
                .contentType(PROBLEM)
                .body("reason", equalTo("BODY_TOO_LARGE"));
        // Below the limit, chunked or not, the request goes on (to the backend's own answer).
        given().header("Authorization", bearer)
                .contentType("application/json")
                .body(new ByteArrayInputStream("{\"code\":".getBytes(StandardCharsets.UTF_8)))
                .when()
                .post("/api/v1/units")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("reason", equalTo("MALFORMED_BODY"));
    }

    @Test
    void aBodyOfAnotherTypeIs415Problem() throws Exception {
        given().header("Authorization", bearer("media-" + UUID.randomUUID()))
                .contentType("text/csv")
                .body("code,name\nHALL-1,Hall one\n")
                .when()
                .post("/api/v1/units")
                .then()
                .statusCode(415)
                .contentType(PROBLEM)
                .body("reason", equalTo("UNSUPPORTED_MEDIA_TYPE"));
    }

    @Test
    void aClientOverItsLimitGets429WithRetryAfterAndIsServedAgainAfterIt() throws Exception {
        String alice = bearer("alice-" + UUID.randomUUID());
        String bob = bearer("bob-" + UUID.randomUUID());
        for (int i = 0; i < 3; i++) {
            get(alice, null).then().statusCode(not(429));
        }
        Response refused = get(alice, null);
        refused.then()
                .statusCode(429)
                .contentType(PROBLEM)
                .header("Retry-After", equalTo("2"))
                .body("reason", equalTo("RATE_LIMITED"))
                .body("status", equalTo(429))
                .body("detail", containsString("try again"));
        // Another subject, from the same address, has a bucket of its own.
        get(bob, null).then().statusCode(not(429));
        Thread.sleep(Long.parseLong(refused.header("Retry-After")) * 1000);
        get(alice, null).then().statusCode(not(429));
    }

    @Test
    void withoutATokenTheAddressIsTheClientAndXForwardedForIsIgnored() {
        // Nothing in this profile trusts a proxy: a made-up X-Forwarded-For does not make a new client.
        StringBuilder answers = new StringBuilder();
        int refused = 0;
        for (int i = 0; i < 6; i++) {
            int status = get(null, "203.0.113." + i).statusCode();
            answers.append(status).append(' ');
            refused += status == 429 ? 1 : 0;
        }
        // 3 at once, and perhaps one more refilled while the 6 ran.
        assertEquals(true, refused >= 2, "answers " + answers);
        // A token that fails verification is refused at once, before it counts, as without the limit.
        get("Bearer not.a.jwt", null).then().statusCode(401).contentType(PROBLEM);
    }

    @Test
    void healthAndOpenApiAreNotLimited() {
        for (int i = 0; i < 6; i++) {
            given().when().get("/q/health/live").then().statusCode(200);
        }
    }

    @Test
    void aPreflightFromAConfiguredOriginIsAllowedAndFromAnotherNot() {
        given().header("Origin", "https://app.example.org")
                .header("Access-Control-Request-Method", "PATCH")
                .header("Access-Control-Request-Headers", "If-Match,Content-Type")
                .when()
                .options("/api/v1/units/u1")
                .then()
                .statusCode(200)
                .header("Access-Control-Allow-Origin", "https://app.example.org")
                .header("Access-Control-Allow-Methods", containsString("PATCH"))
                .header("Access-Control-Allow-Headers", containsString("If-Match"));
        given().header("Origin", "https://evil.example.net")
                .header("Access-Control-Request-Method", "PATCH")
                .when()
                .options("/api/v1/units/u1")
                .then()
                .header("Access-Control-Allow-Origin", nullValue());
    }
}
