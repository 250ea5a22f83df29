package org.sqm.gateway.console;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * {@code /console} redirects to {@code /console/}: the console's page loads its styles and modules by
 * relative paths, which resolve under {@code /console/} only.
 */
@ApplicationScoped
public class ConsoleRedirect {

    void install(@Observes Router router) {
        // Vert.x ignores a trailing slash when matching a path, so the handler tells the two apart.
        router.route("/console").order(Integer.MIN_VALUE + 10).handler(this::redirect);
    }

    void redirect(RoutingContext rc) {
        if (!"/console".equals(rc.request().path())) {
            rc.next();
            return;
        }
        String query = rc.request().query();
        rc.response()
                .setStatusCode(302)
                .putHeader("Location", "/console/" + (query == null ? "" : "?" + query))
                .end();
    }
}
