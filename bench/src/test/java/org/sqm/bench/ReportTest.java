package org.sqm.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A partial run (--only) replaces its own sections and warm-up rows and leaves the rest of the report. */
class ReportTest {

    @TempDir
    Path dir;

    private static Benchmark.Section section(String title, String markdown) {
        return new Benchmark.Section(title, markdown, List.of(), "");
    }

    private static String warmUps(String... rows) {
        return "Warmed up until the JIT was quiet.\n\n| path | warm-up s |\n|---|---:|\n" + String.join("\n", rows)
                + "\n";
    }

    @Test
    void aPartialRunReplacesItsSectionsAndWarmUpRowsOnly() throws Exception {
        Path md = dir.resolve("BENCHMARKS.md");
        Report.write(
                md,
                dir.resolve("charts"),
                "# Benchmarks\n\nMeasured in full.\n",
                List.of(
                        section("Complaint intake", "intake numbers\n"),
                        section("Complaint statistics feed", "old feed numbers\n"),
                        section("Footprint", "memory\n"),
                        section("Warm-up", warmUps("| REST | 138 |", "| gRPC feed | 10 |"))));

        Report.merge(
                md,
                dir.resolve("charts"),
                List.of(
                        section("Complaint statistics feed", "new feed numbers\n"),
                        section("Warm-up", warmUps("| gRPC feed | 20 |", "| plain SQL | 5 |"))));

        assertEquals(
                "# Benchmarks\n\nMeasured in full.\n"
                        + "\n## Complaint intake\n\nintake numbers\n"
                        + "\n## Complaint statistics feed\n\nnew feed numbers\n"
                        + "\n## Footprint\n\nmemory\n"
                        + "\n## Warm-up\n\n" + warmUps("| REST | 138 |", "| gRPC feed | 20 |", "| plain SQL | 5 |"),
                Files.readString(md));
    }

    @Test
    void aNewSectionGoesBeforeTheFootprint() throws Exception {
        Path md = dir.resolve("BENCHMARKS.md");
        Report.write(
                md,
                dir.resolve("charts"),
                "# Benchmarks\n",
                List.of(section("Reads", "reads\n"), section("Footprint", "memory\n")));
        Report.merge(md, dir.resolve("charts"), List.of(section("Complaint statistics feed", "feed\n")));
        assertEquals(
                "# Benchmarks\n\n## Reads\n\nreads\n\n## Complaint statistics feed\n\nfeed\n\n## Footprint\n\nmemory\n",
                Files.readString(md));
    }
}
