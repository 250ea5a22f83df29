package org.sqm.gateway.console;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.RedirectConfig;
import io.restassured.config.RestAssuredConfig;
import org.junit.jupiter.api.Test;
import org.sqm.gateway.DefaultToken;

/**
 * The console as the gateway serves it by default: its files, ECharts and the OpenAPI document open
 * without a token (only /api needs one), and no dev login (404 problem+json).
 */
@QuarkusTest
@DefaultToken.Without
class ConsoleTest {

    @Test
    void consoleRedirectsToItsDirectory() {
        given().config(RestAssuredConfig.config()
                        .redirect(RedirectConfig.redirectConfig().followRedirects(false)))
                .when()
                .get("/console")
                .then()
                .statusCode(302)
                .header("Location", "/console/");
    }

    @Test
    void thePageAndItsModulesAreServedWithoutAToken() {
        given().when()
                .get("/console/")
                .then()
                .statusCode(200)
                .contentType(containsString("text/html"))
                .body(containsString("js/app.js"))
                .body(containsString("/webjars/echarts/dist/echarts.min.js"));
        for (String file : new String[] {
            "console.css",
            "js/app.js",
            "js/api.js",
            "js/session.js",
            "js/permissions.js",
            "js/ui.js",
            "js/format.js",
            "js/timers.js",
            "js/unittree.js",
            "js/lifecycle.js",
            "js/screens/index.js",
            "js/screens/login.js",
            "js/screens/units.js",
            "js/screens/standards.js",
            "js/screens/complaint.js"
        }) {
            given().when().get("/console/" + file).then().statusCode(200);
        }
        given().when().get("/console/js/app.js").then().contentType(containsString("javascript"));
    }

    @Test
    void echartsComesFromItsWebJarWithoutAVersionInThePath() {
        given().when()
                .get("/webjars/echarts/dist/echarts.min.js")
                .then()
                .statusCode(200)
                .contentType(containsString("javascript"))
                .body(containsString("echarts"));
    }

    @Test
    void theOpenApiDocumentIsOpenAndLeavesTheDevLoginOut() {
        given().when()
                .get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .body("paths.'/api/v1/scorecards:recompute'.post.'x-sqm-roles'", not(nullValue()))
                .body(not(containsString("/console/dev-token")))
                .body(not(containsString("/console/session-options")));
    }

    @Test
    void withoutAKeyThereIsNoDevLogin() {
        given().when().get("/console/session-options").then().statusCode(200).body("devLogin", equalTo(false));
        given().contentType("application/json")
                .body("{\"role\": \"administrator\"}")
                .when()
                .post("/console/dev-token")
                .then()
                .log()
                .ifValidationFails()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("reason", equalTo("DEV_LOGIN_DISABLED"))
                .body("detail", containsString("sqm.console.dev-login.key-location"));
    }

    @Test
    void aStaticFileThatDoesNotExistIsNotFound() {
        given().when().get("/console/js/nothing-here.js").then().statusCode(404);
    }
}
