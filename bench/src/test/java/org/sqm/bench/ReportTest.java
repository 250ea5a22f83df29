package org.sqm.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A partial run (--only) replaces its own sections and warm-up rows and leaves the rest of the report; a
 * path's ceiling and share, and the latency table, are computed and worded as the report states them.
 */
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

    @Test
    void aCeilingAddsEachExchangesCostAtItsNoOpRate() {
        // 1 HTTP at 25 000/s, 2 gRPC at 20 000/s, 1 insert at 20 000/s: 40 + 100 + 50 µs = 190 µs a call.
        Report.Ceiling rest = new Report.Ceiling(
                "REST intake", "1 HTTP, 2 gRPC, 1 insert", 8, 2_000, 1, 25_000, List.of(20_000.0, 20_000.0), 20_000);
        assertEquals(1e6 / 190, rest.ceiling(), 1e-6);
        assertEquals(2_000 / (1e6 / 190), rest.share(), 1e-9);
        assertEquals("1 / (1/25000 + 2/20000 + 1/20000)", rest.formula());
        // No HTTP exchange for a gRPC client; gRPC exchanges to different services priced each at its own no-op.
        Report.Ceiling grpc =
                new Report.Ceiling("gRPC read", "2 gRPC", 1, 3_000, 0, 25_000, List.of(20_000.0, 10_000.0), 5_000);
        assertEquals(1e6 / 350, grpc.ceiling(), 1e-6);
        assertEquals("1 / (1/20000 + 1/10000 + 1/5000)", grpc.formula());
        // A baseline that did nothing gives no ceiling rather than an infinite share.
        Report.Ceiling none = new Report.Ceiling("read", "1 gRPC", 1, 100, 1, 0, List.of(20_000.0), 5_000);
        assertEquals(0, none.ceiling());
        assertEquals(0, none.share());
    }

    @Test
    void theCeilingTableSaysWhichPathsReachHalfTheirCeiling() {
        String md = Report.ceilings(List.of(
                new Report.Ceiling("unit by id", "1 HTTP, 1 gRPC", 8, 3_000, 1, 20_000, List.of(20_000.0), 10_000),
                new Report.Ceiling(
                        "standard by id", "1 HTTP, 1 gRPC", 32, 1_000, 1, 20_000, List.of(20_000.0), 10_000)));
        assertTrue(
                md.contains(
                        "| unit by id | 1 HTTP, 1 gRPC | 8 | 3000 | 5000 | 1 / (1/20000 + 1/20000 + 1/10000) | 0.60 | met |"),
                md);
        assertTrue(md.contains("| standard by id | 1 HTTP, 1 gRPC | 32 | 1000 | 5000 |"), md);
        assertTrue(md.contains("| 0.20 | **not met** |"), md);
        assertTrue(md.contains("target met by 1 of 2 paths"), md);
    }

    @Test
    void theLatencyTableComparesEachP99WithFiftyMilliseconds() {
        LoadResult fast = new LoadResult("unit by id", 8, 14_000, 0, 10, 2.5, 12.25);
        LoadResult slow = new LoadResult("REST intake", 8, 3_500, 2, 10, 14, 85);
        LoadResult idle = new LoadResult("gRPC intake", 8, 0, 0, 10, 0, 0);
        String md = Report.paced(
                List.of(new Report.Paced(1_400, fast), new Report.Paced(357, slow), new Report.Paced(100, idle)));
        assertTrue(md.contains("| unit by id | 8 | 1400 | 1400 | 2.50 | 12.25 | met | 0 |"), md);
        assertTrue(md.contains("| REST intake | 8 | 357 | 350 | 14.00 | 85.00 | **not met** | 2 |"), md);
        // A path that completed nothing has no p99 to meet the target with.
        assertTrue(md.contains("| gRPC intake | 8 | 100 | 0 | 0.00 | 0.00 | **not met** | 0 |"), md);
        assertTrue(md.contains("target met by 1 of 3 paths"), md);
    }
}
