package org.sqm.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sqm.testing.auth.DevTokens;

/** Authentication as production runs it: /api needs a valid bearer JWT; health, metrics and OpenAPI need none. */
@QuarkusTest
@DefaultToken.Without
class GatewayAuthTest {

    static String token(String keyResource, String issuer, Duration lifetime) {
        return DevTokens.token(
                "quality.manager@example.org",
                List.of("quality-manager"),
                List.of(),
                issuer,
                lifetime,
                DevTokens.privateKey(keyResource));
    }

    @Test
    void withoutATokenTheApiAnswers401ProblemWithABearerChallenge() {
        given().when()
                .get("/api/v1/units")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer")
                .body("reason", equalTo("UNAUTHENTICATED"));
    }

    @Test
    void forgedWrongIssuerExpiredAndMalformedTokensAre401ProblemsWithABearerChallenge() {
        for (String bad : new String[] {
            token("auth/otherPrivateKey.pem", DevTokens.ISSUER, Duration.ofMinutes(5)),
            token("dev-auth/privateKey.pem", "https://someone.else", Duration.ofMinutes(5)),
            token("dev-auth/privateKey.pem", DevTokens.ISSUER, Duration.ofMinutes(-10)),
            "not.a.jwt",
            ""
        }) {
            given().header("Authorization", "Bearer " + bad)
                    .when()
                    .get("/api/v1/units")
                    .then()
                    .statusCode(401)
                    .contentType("application/problem+json")
                    .header("WWW-Authenticate", "Bearer")
                    .body("reason", not(equalTo("INTERNAL")));
        }
    }

    @Test
    void aValidTokenReachesTheBackendAndHealthMetricsAndOpenApiNeedNone() {
        String bearer = "Bearer " + DevTokens.token("viewer", "unit-1");
        // The first call of a fresh application opens the gRPC channel, which on a cold JVM can
        // outlast the 1 s test deadline (504); the token's acceptance is what counts here.
        for (int attempt = 0;
                attempt < 5
                        && given().header("Authorization", bearer)
                                        .get("/api/v1/units")
                                        .statusCode()
                                == 504;
                attempt++) {}
        given().header("Authorization", bearer)
                .when()
                .get("/api/v1/units")
                .then()
                .statusCode(200);
        given().when().get("/q/health/ready").then().statusCode(200);
        given().when().get("/q/openapi").then().statusCode(200);
    }
}
