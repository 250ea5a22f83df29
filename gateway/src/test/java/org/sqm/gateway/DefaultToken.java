package org.sqm.gateway;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;
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
        // A filter rather than a default specification, which would also reset Quarkus' test port; a
        // header a test sets itself wins.
        Filter administrator = (request, response, next) -> {
            if (!request.getHeaders().hasHeaderWithName("Authorization")) {
                request.header("Authorization", ADMINISTRATOR);
            }
            return next.next(request, response);
        };
        RestAssured.replaceFiltersWith(
                context.getTestInstance().getClass().isAnnotationPresent(Without.class)
                        ? List.of()
                        : List.of(administrator));
    }
}
