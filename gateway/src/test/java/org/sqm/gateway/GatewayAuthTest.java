package org.sqm.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.jwt.build.Jwt;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With authentication on, as production runs it: /api needs a valid bearer JWT, health stays open. */
@QuarkusTest
@TestProfile(GatewayAuthTest.AuthOn.class)
class GatewayAuthTest {

    static final String ISSUER = "https://idp.sqm.test";

    /** The production settings, with a test key. */
    public static class AuthOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quarkus.http.auth.permission.api.policy", "authenticated",
                    "mp.jwt.verify.publickey.location", "auth/publicKey.pem",
                    "mp.jwt.verify.issuer", ISSUER);
        }
    }

    static PrivateKey key(String resource) throws Exception {
        try (InputStream in = GatewayAuthTest.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("no " + resource);
            }
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII)
                    .replaceAll("-----[A-Z ]+-----", "")
                    .replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        }
    }

    static String token(String keyResource, String issuer, long expiresInSeconds) throws Exception {
        return Jwt.issuer(issuer)
                .upn("quality.manager@example.org")
                .expiresIn(expiresInSeconds)
                .sign(key(keyResource));
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
    void forgedWrongIssuerAndExpiredTokensAreRefused() throws Exception {
        for (String bad : new String[] {
            token("auth/otherPrivateKey.pem", ISSUER, 300),
            token("auth/privateKey.pem", "https://someone.else", 300),
            token("auth/privateKey.pem", ISSUER, -600),
            "not.a.jwt"
        }) {
            given().header("Authorization", "Bearer " + bad)
                    .when()
                    .get("/api/v1/units")
                    .then()
                    .statusCode(401)
                    .contentType("application/problem+json");
        }
    }

    @Test
    void aValidTokenReachesTheBackendAndHealthNeedsNone() throws Exception {
        String bearer = "Bearer " + token("auth/privateKey.pem", ISSUER, 300);
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
                .statusCode(not(401))
                .statusCode(200);
        given().when().get("/q/health/ready").then().statusCode(200);
        given().when().get("/q/openapi").then().statusCode(200);
    }
}
