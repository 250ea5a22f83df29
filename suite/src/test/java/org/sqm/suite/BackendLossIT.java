package org.sqm.suite;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Backend loss, each service in turn: while it is stopped the gateway answers its endpoints with 503
 * problem+json within its deadline and stays healthy; once it is back the gateway reaches it again by
 * itself. (scoring-service has no REST endpoint yet; the gateway does not call it.)
 */
@ExtendWith(SuiteExtension.class)
class BackendLossIT {

    @ParameterizedTest
    @EnumSource(
            value = Component.class,
            names = {"STANDARDS", "INSPECTION", "COMPLAINT"})
    void aStoppedServiceIs503AndTheGatewayRecoversByItself(Component backend) throws InterruptedException {
        String path =
                switch (backend) {
                    case STANDARDS -> "/api/v1/units/" + UUID.randomUUID();
                    case INSPECTION -> "/api/v1/inspections/" + UUID.randomUUID();
                    case COMPLAINT -> "/api/v1/complaints/" + UUID.randomUUID();
                    default -> throw new IllegalArgumentException(backend.name());
                };
        given().when().get(path).then().statusCode(404);
        Suite suite = SuiteExtension.suite();
        suite.stop(backend);
        int answered503 = 0;
        try {
            for (int i = 0; i < 5; i++) {
                long started = System.nanoTime();
                given().when()
                        .get(path)
                        .then()
                        .statusCode(503)
                        .contentType("application/problem+json")
                        .body("status", equalTo(503));
                long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
                assertTrue(millis < SuiteExtension.DEADLINE_MILLIS + 1_000, "503 after " + millis + " ms");
                answered503++;
            }
            given().when().get("/q/health/ready").then().statusCode(200);
            given().when().get("/q/health/live").then().statusCode(200);
        } finally {
            suite.restart(backend);
        }
        int status = 0;
        int attempts = 0;
        while (status != 404 && attempts++ < 60) {
            status = given().when().get(path).then().extract().statusCode();
            if (status != 404) {
                Thread.sleep(500);
            }
        }
        System.out.printf(
                "backend loss, %s: %d calls answered 503 within the deadline, gateway healthy,"
                        + " reached again after %d attempt(s)%n",
                backend.module(), answered503, attempts);
        assertEquals(404, status, "the gateway reaches " + backend.module() + " again by itself");
    }
}
