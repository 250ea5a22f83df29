package org.sqm.suite;

import io.restassured.RestAssured;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.sqm.testing.EmbeddedDatabase;
import org.sqm.testing.auth.Bearer;

/**
 * Starts the whole suite once for all end-to-end test classes (the packaged applications as real
 * processes on a throwaway PostgreSQL, on free ports) and stops it when the test run ends.
 */
public class SuiteExtension implements BeforeAllCallback {

    /** The gateway's per-call deadline in these tests, short so that deadline behaviour is quick to see. */
    static final long DEADLINE_MILLIS = 4_000;

    private static Suite suite;
    private static boolean closed;
    private static boolean hookAdded;
    private static OtlpReceiver collector;
    private static Path home;
    private static Path work;

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot()
                .getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(
                        Running.class,
                        key -> {
                            ensureStarted();
                            return new Running(suite);
                        },
                        Running.class);
        RestAssured.baseURI = suite.baseUrl(Component.GATEWAY);
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        // Every request as an administrator unless the test sends its own Authorization header. The actor
        // of a change is the token's subject (the gateway no longer takes X-Actor), so a test naming one
        // (the X-Actor it sent before tokens existed) calls as an administrator with that subject, and
        // the header itself never leaves the test.
        RestAssured.replaceFiltersWith(List.of((request, response, next) -> {
            String actor = request.getHeaders().getValue("X-Actor");
            request.removeHeader("X-Actor");
            if (!request.getHeaders().hasHeaderWithName("Authorization")) {
                request.header("Authorization", actor == null ? Bearer.administrator() : Bearer.administratorAs(actor));
            }
            return next.next(request, response);
        }));
    }

    /**
     * The running suite, started if need be: for test engines without JUnit Jupiter's extensions (the
     * jqwik properties of the fuzzing scenario). A suite started here is closed when the JVM exits.
     */
    static synchronized Suite ensureStarted() {
        if (suite == null || closed) {
            start();
            closed = false;
            if (!hookAdded) {
                hookAdded = true;
                Runtime.getRuntime().addShutdownHook(new Thread(SuiteExtension::closeSuite));
            }
        }
        RestAssured.baseURI = suite.baseUrl(Component.GATEWAY);
        return suite;
    }

    private static synchronized void closeSuite() {
        if (suite != null && !closed) {
            closed = true;
            suite.close();
            collector.close();
        }
    }

    private static void start() {
        home = Path.of(System.getProperty("sqm.home", "..")).toAbsolutePath().normalize();
        work = home.resolve("suite/target/e2e");
        try {
            Files.createDirectories(work);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        collector = new OtlpReceiver();
        suite = Suite.start(
                home,
                work,
                // Restartable: the reliability suite stops and restarts the database between writes and reads.
                EmbeddedDatabase.startRestartable(),
                Suite.freePorts(),
                Map.of(
                        "SQM_CLIENT_DEADLINE",
                        DEADLINE_MILLIS + "ms",
                        // The deadline watch changes overdue complaints (and their etags) on its own schedule;
                        // the end-to-end tests move complaints they just read, so the watch stays out of their way.
                        "SQM_COMPLAINTS_WATCH_INTERVAL",
                        "1h",
                        // Traces go to the test's own collector, exported quickly; logs are JSON as in production.
                        "QUARKUS_OTEL_SDK_DISABLED",
                        "false",
                        "QUARKUS_OTEL_EXPORTER_OTLP_TRACES_PROTOCOL",
                        "http/protobuf",
                        "QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT",
                        collector.endpoint(),
                        "QUARKUS_OTEL_BSP_SCHEDULE_DELAY",
                        "100ms",
                        "QUARKUS_LOG_CONSOLE_JSON_ENABLED",
                        "true"));
    }

    /** The collector that receives the suite's traces. */
    static OtlpReceiver collector() {
        return collector;
    }

    static Suite suite() {
        return suite;
    }

    /** The repository root. */
    static Path home() {
        return home;
    }

    /** A scratch folder for the tests. */
    static Path work() {
        return work;
    }

    private record Running(Suite suite) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            closeSuite();
        }
    }
}
