package org.sqm.gateway.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Runs the console's component tests ({@code src/test/js/*.test.mjs}, Node's built-in test runner) as
 * part of the Maven build. Node is not needed to build: without {@code node} on the PATH the test is
 * skipped with a message.
 */
class ConsoleComponentsTest {

    private static final Path TESTS = Path.of("src/test/js");

    @Test
    void componentTestsPass() throws Exception {
        assumeTrue(nodeAvailable(), "node is not on the PATH: the console's component tests (src/test/js) are skipped");
        List<String> command = new ArrayList<>(List.of("node", "--test"));
        try (Stream<Path> files = Files.list(TESTS)) {
            files.filter(p -> p.getFileName().toString().endsWith(".test.mjs"))
                    .sorted()
                    .forEach(p -> command.add(p.toString()));
        }
        assertFalse(command.size() == 2, "no component tests in " + TESTS.toAbsolutePath());
        Path output = Files.createTempFile("console-components", ".txt");
        try {
            Process node = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .start();
            if (!node.waitFor(3, TimeUnit.MINUTES)) {
                node.destroyForcibly();
                throw new AssertionError("node --test did not finish in 3 minutes:\n" + read(output));
            }
            String report = read(output);
            System.out.println(report);
            assertEquals(0, node.exitValue(), "a console component test failed:\n" + report);
        } finally {
            Files.deleteIfExists(output);
        }
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    private static boolean nodeAvailable() {
        try {
            Process p = new ProcessBuilder("node", "--version")
                    .redirectErrorStream(true)
                    .start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
