package org.sqm.suite;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * An application with authentication on (the default, and the production overlay's) refuses to start
 * without a key to verify tokens: it never comes up half-locked. The packaged gateway, started with
 * no verification key and no issuer configured, exits with the reason.
 */
class AuthRequiredAtStartIT {

    @Test
    void theGatewayRefusesToStartWithoutAVerificationKey() throws Exception {
        Path home =
                Path.of(System.getProperty("sqm.home", "..")).toAbsolutePath().normalize();
        Path app = home.resolve("gateway/target/quarkus-app/quarkus-run.jar");
        assertTrue(Files.isRegularFile(app), app + " is missing: build first");
        ProcessBuilder builder = new ProcessBuilder(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx128m",
                        "-jar",
                        app.toString()))
                .redirectErrorStream(true)
                .redirectOutput(
                        Files.createTempFile("gateway-without-key", ".log").toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("MP_JWT") || name.startsWith("SQM_AUTH"));
        builder.environment().put("QUARKUS_HTTP_PORT", "0");
        builder.environment().put("QUARKUS_GRPC_SERVER_PORT", "0");
        Process gateway = builder.start();
        boolean exited = gateway.waitFor(120, TimeUnit.SECONDS);
        if (!exited) {
            gateway.destroyForcibly();
        }
        String output = Files.readString(builder.redirectOutput().file().toPath(), StandardCharsets.UTF_8);
        assertTrue(exited, "the gateway kept running without a verification key:\n" + output);
        assertNotEquals(0, gateway.exitValue(), output);
        assertTrue(output.contains("no key verifies tokens"), output);
    }
}
