package org.sqm.suite;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.sqm.testing.EmbeddedDatabase;
import org.sqm.testing.auth.DevTokens;

/**
 * The local run: the whole suite on an embedded PostgreSQL whose data persist in {@code .sqm/pgdata}.
 * Stops everything on Ctrl-C or SIGTERM; a watchdog cleans up even after SIGKILL.
 */
public final class Launcher {

    private Launcher() {}

    public static void main(String[] args) throws InterruptedException {
        Path home =
                Path.of(System.getProperty("sqm.home", ".")).toAbsolutePath().normalize();
        Path state = home.resolve(".sqm");
        int pgPort = Integer.parseInt(System.getenv().getOrDefault("SQM_PG_PORT", "15432"));
        Instant started = Instant.now();
        System.out.println("Starting PostgreSQL on port " + pgPort + " (data in " + state.resolve("pgdata") + ") ...");
        EmbeddedDatabase database = EmbeddedDatabase.startPersistent(state.resolve("pgdata"), pgPort);
        System.out.println("Starting the four services and the gateway (logs in " + state.resolve("logs") + ") ...");
        Suite suite;
        try {
            // Plain-text logs for people reading .sqm/logs; production (and the end-to-end tests) log JSON.
            suite = Suite.start(
                    home, state, database, Suite.defaultPorts(), Map.of("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "false"));
        } catch (RuntimeException e) {
            System.err.println("The suite did not start: " + e.getMessage());
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            System.out.println("\nStopping the suite ...");
                            suite.close();
                            System.out.println("Stopped.");
                            stopped.countDown();
                        },
                        "suite-shutdown"));

        System.out.printf(
                "%nThe Service Quality Management suite is up (%d s):%n",
                Duration.between(started, Instant.now()).toSeconds());
        String gateway = suite.baseUrl(Component.GATEWAY);
        System.out.printf("  %-20s %s/console/%n", "Web console", gateway);
        System.out.printf("  %-20s %s/api/v1/units%n", "REST API", gateway);
        System.out.printf("  %-20s %s/q/swagger-ui%n", "Swagger UI", gateway);
        System.out.printf("  %-20s %s/q/openapi%n", "OpenAPI", gateway);
        for (Component c : Component.values()) {
            if (c != Component.GATEWAY) {
                System.out.printf(
                        "  %-20s gRPC localhost:%d, health %s/q/health%n",
                        c.module(), suite.grpcPort(c), suite.baseUrl(c));
            }
        }
        System.out.printf(
                "  %-20s localhost:%d, user postgres, databases standards, inspection, complaint, scoring%n",
                "PostgreSQL", database.port());
        System.out.println("\nDEVELOPMENT bearer tokens (12 h; scripts/token.sh ROLE [UNIT ...] mints more):");
        for (String role : new java.util.TreeSet<>(DevTokens.ROLES)) {
            System.out.printf("  %-18s %s%n", role, DevTokens.token(role));
        }
        System.out.println("  (unit-manager, viewer and complaint-handler see only the units named in their token and"
                + " below: scripts/token.sh unit-manager <unit id>)");
        System.out.printf(
                "  e.g. curl -H \"Authorization: Bearer $(scripts/token.sh quality-manager)\" %s/api/v1/units%n",
                gateway);
        System.out.println("Press Ctrl-C to stop.");
        if (!Files.isDirectory(state)) {
            System.err.println("warning: " + state + " is missing");
        }
        stopped.await();
    }
}
