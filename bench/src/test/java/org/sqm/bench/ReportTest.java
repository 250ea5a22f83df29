package org.sqm.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    @Test
    void aSectionWithCurvesGetsALineChartBesideItsBars() throws Exception {
        Path md = dir.resolve("BENCHMARKS.md");
        Report.write(
                md,
                dir.resolve("charts"),
                "# Benchmarks\n",
                List.of(new Benchmark.Section(
                        "Scorecard recompute",
                        "numbers\n",
                        List.of(new Benchmark.Bar("2026-11", "SQL", 6.4)),
                        "Seconds",
                        List.of(new Benchmark.Line(
                                "round 1",
                                List.of(
                                        new Benchmark.Point(0.1, 0),
                                        new Benchmark.Point(5, 4000),
                                        new Benchmark.Point(9.5, 10001)))),
                        "Units scored over time",
                        List.of(new Benchmark.Mark(5, "scoring")))));

        String report = Files.readString(md);
        assertTrue(report.contains("![Seconds](charts/scorecard-recompute.svg)"), report);
        assertTrue(report.contains("![Units scored over time](charts/scorecard-recompute-progress.svg)"), report);
        String svg = Files.readString(dir.resolve("charts/scorecard-recompute-progress.svg"));
        // x runs to 10 (the last point at 9.5 s, rounded up) over 560 px from 70, y to 12 000 over 260 px
        // from 40; the mark is a dashed line with its label.
        assertTrue(svg.contains("points=\"75.6,300.0 350.0,213.3 602.0,83.3\""), svg);
        assertTrue(svg.contains(">round 1</text>"), svg);
        assertTrue(svg.contains("<line x1=\"350.0\" x2=\"350.0\""), svg);
        assertTrue(svg.contains(">scoring</text>"), svg);
        assertTrue(svg.contains(">12000</text>") && svg.contains(">3000</text>"), svg);
        assertEquals(12_000, Report.roundUp(10_001));
        assertEquals(50, Report.roundUp(48.9));
        assertEquals(3, Report.roundUp(2.7));
    }
}
