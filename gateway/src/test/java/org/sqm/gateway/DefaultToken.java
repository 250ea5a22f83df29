package org.sqm.gateway;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;
import io.restassured.builder.RequestSpecBuilder;
import io.restassured.config.HeaderConfig;
import io.restassured.config.RestAssuredConfig;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.sqm.testing.auth.DevTokens;

/**
 * Every gateway test calls /api as an administrator with a development token, unless its class is
 * {@link Without}: the tests are about the API, the lock has tests of its own.
 */
public class DefaultToken implements QuarkusTestBeforeEachCallback {

    private static final String ADMINISTRATOR = "Bearer " + DevTokens.administrator();

    /** A test class that sends its own Authorization header, or none. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    public @interface Without {}

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        // A header a test sets replaces the default instead of travelling next to it.
        RestAssured.config = RestAssuredConfig.config()
                .headerConfig(HeaderConfig.headerConfig().overwriteHeadersWithName("Authorization"));
        RestAssured.requestSpecification = context.getTestInstance().getClass().isAnnotationPresent(Without.class)
                ? null
                : new RequestSpecBuilder()
                        .addHeader("Authorization", ADMINISTRATOR)
                        .build();
    }
}
