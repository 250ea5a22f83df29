package org.sqm.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The benchmark command at smoke size: it runs end to end and writes a complete report (never the committed one). */
class BenchSmokeIT {

    @Test
    void theBenchmarkRunsAndWritesItsReport() throws Exception {
        Path home =
                Path.of(System.getProperty("sqm.home", "..")).toAbsolutePath().normalize();
        if (!Hey.available() && !"true".equals(System.getenv("CI"))) {
            System.out.println("hey is not installed (apt-get install hey): benchmark smoke run skipped");
            return;
        }
        Path out = home.resolve("bench/target/smoke/BENCHMARKS.md");
        Files.createDirectories(out.getParent());
        BenchMain.Options options = BenchMain.Options.parse(
                home, "--smoke", "--out=" + out, "--charts=" + home.resolve("bench/target/smoke/charts"));
        List<Benchmark.Section> sections = BenchMain.run(home, options);
        assertEquals(
                List.of(
                        "Complaint intake",
                        BulkIntakeBenchmark.TITLE,
                        AuthenticationCostBenchmark.TITLE,
                        "Reads",
                        ComplaintFeedBenchmark.TITLE,
                        ScorecardRecomputeBenchmark.TITLE,
                        DashboardBenchmark.TITLE,
                        "Footprint",
                        "Warm-up"),
                sections.stream().map(Benchmark.Section::title).toList());
        String report = Files.readString(out);
        assertTrue(report.contains("| 2 | raw JDBC insert |"), report);
        assertTrue(report.contains("| 2 | REST (gateway, hey) |"), report);
        assertTrue(report.contains("share of raw"), report);
        // Every path was warmed up before it was measured, and the report says how far.
        String warmUps = report.substring(report.indexOf("## Warm-up"));
        for (String path : List.of(
                IntakeBenchmark.REST,
                IntakeBenchmark.GRPC,
                IntakeBenchmark.RAW,
                IntakeBenchmark.NOOP_GRPC,
                IntakeBenchmark.NOOP_REST,
                ReadBenchmark.NOOP_COMPLAINT,
                ReadBenchmark.NOOP_STANDARDS)) {
            assertTrue(warmUps.contains("\n| " + path + " | "), "no warm-up row for " + path + ": " + warmUps);
        }
        assertTrue(report.contains("The ceiling of this design on this machine"), report);
        // Each single-call path against its ceiling from the no-ops of the same run, then at 70 % of its best
        // rate with its p99 against 50 ms.
        String intake = report.substring(
                report.indexOf("## Complaint intake"), report.indexOf("## " + BulkIntakeBenchmark.TITLE));
        String reads =
                report.substring(report.indexOf("## Reads"), report.indexOf("## " + ComplaintFeedBenchmark.TITLE));
        for (String path : List.of(IntakeBenchmark.REST_PACED, IntakeBenchmark.GRPC_PACED)) {
            assertTrue(
                    intake.matches(
                            "(?s).*\\| " + path
                                    + " \\| [^\n]* \\| 2 \\| [0-9]+ \\| [0-9]+ \\| 1 / \\([^|]*\\) \\| [0-9.]+ \\| (met|\\*\\*not met\\*\\*) \\|\n.*"),
                    path + ": " + intake);
            assertTrue(
                    intake.matches(
                            "(?s).*\\| " + path
                                    + " \\| 2 \\| [0-9]+ \\| [0-9]+ \\| [0-9.]+ \\| [0-9.]+ \\| (met|\\*\\*not met\\*\\*) \\| 0 \\|\n.*"),
                    path + ": " + intake);
        }
        assertTrue(intake.contains("target met by "), intake);
        for (String read : List.of(
                "complaint by id", "page of 50 complaints of a unit", "unit by id", "standard by id (57 elements)")) {
            String quoted = java.util.regex.Pattern.quote(read);
            assertTrue(
                    reads.matches(
                            "(?s).*\\| " + quoted
                                    + " \\| [^\n]* \\| 2 \\| [0-9]+ \\| [0-9]+ \\| 1 / \\([^|]*\\) \\| [0-9.]+ \\| (met|\\*\\*not met\\*\\*) \\|\n.*"),
                    read + ": " + reads);
            assertTrue(
                    reads.matches(
                            "(?s).*\\| " + quoted
                                    + " \\| 2 \\| [0-9]+ \\| [0-9]+ \\| [0-9.]+ \\| [0-9.]+ \\| (met|\\*\\*not met\\*\\*) \\| 0 \\|\n.*"),
                    read + ": " + reads);
        }
        for (String noop :
                List.of(ReadBenchmark.NOOP_REST, ReadBenchmark.NOOP_COMPLAINT, ReadBenchmark.NOOP_STANDARDS)) {
            assertTrue(reads.contains("| 2 | " + noop + " | "), noop + ": " + reads);
        }
        // Every measured path of both completed operations and none failed: each table's ops/s (done ops/s
        // in the latency table) and errors columns, found by their headers.
        for (String section : List.of(intake, reads)) {
            int ops = -1;
            int errors = -1;
            for (String line : section.split("\n")) {
                if (!line.startsWith("| ")) {
                    continue;
                }
                List<String> cells = java.util.Arrays.stream(line.split("\\|"))
                        .map(String::strip)
                        .toList();
                if (cells.contains("path")
                        || cells.contains("read")
                        || cells.get(1).startsWith("path at ")) {
                    errors = cells.indexOf("errors");
                    ops = errors < 0
                            ? -1
                            : cells.contains("done ops/s") ? cells.indexOf("done ops/s") : cells.indexOf("ops/s");
                } else if (ops >= 0) {
                    assertTrue(Double.parseDouble(cells.get(ops)) > 0, "no operations: " + line);
                    assertEquals("0", cells.get(errors), "errors: " + line);
                }
            }
        }
        // Bulk intake: the raw batched inserts and both batch APIs, every batch recorded whole.
        String bulk = report.substring(
                report.indexOf("## " + BulkIntakeBenchmark.TITLE),
                report.indexOf("## " + AuthenticationCostBenchmark.TITLE));
        for (String path : List.of(
                BulkIntakeBenchmark.RAW,
                BulkIntakeBenchmark.RAW_AUDITED,
                BulkIntakeBenchmark.GRPC,
                BulkIntakeBenchmark.REST)) {
            assertTrue(
                    bulk.matches(
                            "(?s).*\\| 1 \\| " + path + " \\| [0-9]+ \\| [0-9.]+ \\| [0-9.]+ \\| [0-9.]+ \\| 0 \\|.*"),
                    bulk);
        }
        assertTrue(bulk.contains("of the raw batched-insert rate"), bulk);
        // Where each path's CPU went: PostgreSQL and complaint-service both worked for every batch.
        assertTrue(
                bulk.matches("(?s).*\\| " + BulkIntakeBenchmark.GRPC
                        + " \\| 1 \\| [0-9]+ \\|( [0-9]+ \\|){2} [1-9][0-9]* \\|( [0-9]+ \\|){2} [1-9][0-9]* \\|.*"),
                bulk);
        // What authentication costs per call: the same no-op with and without the token check, measured
        // side by side, and the difference stated in microseconds.
        String auth =
                report.substring(report.indexOf("## " + AuthenticationCostBenchmark.TITLE), report.indexOf("## Reads"));
        assertTrue(auth.contains("| 2 | " + AuthenticationCostBenchmark.WITH + " | "), auth);
        assertTrue(auth.contains("| 2 | " + AuthenticationCostBenchmark.WITHOUT + " | "), auth);
        assertTrue(auth.matches("(?s).*at concurrency 2 \\*\\*-?[0-9.]+ µs\\*\\* per call.*"), auth);
        assertTrue(warmUps.contains("\n| " + AuthenticationCostBenchmark.WITH + " | "), warmUps);
        // The feed against its SQL: both timed on 1 000 units and 20 000 complaints, and the gRPC feed's ratio stated.
        String feed = report.substring(
                report.indexOf("## " + ComplaintFeedBenchmark.TITLE),
                report.indexOf("## " + ScorecardRecomputeBenchmark.TITLE));
        assertTrue(feed.contains("20,000 complaints about 1,000 units"), feed);
        assertTrue(feed.contains("| " + ComplaintFeedBenchmark.SQL + " | "), feed);
        assertTrue(feed.contains("| " + ComplaintFeedBenchmark.GRPC + " | "), feed);
        assertTrue(feed.contains("| " + ComplaintFeedBenchmark.REST + " | "), feed);
        assertTrue(!feed.contains("failed:"), feed);
        assertTrue(feed.contains("times the plain SQL"), feed);
        // The recompute of last month's scorecards against the same aggregations in SQL, with its progress chart.
        String scoring = report.substring(
                report.indexOf("## " + ScorecardRecomputeBenchmark.TITLE),
                report.indexOf("## " + DashboardBenchmark.TITLE));
        assertTrue(scoring.contains("| " + ScorecardRecomputeBenchmark.SQL + " | "), scoring);
        assertTrue(scoring.contains("| " + ScorecardRecomputeBenchmark.GRPC + " | "), scoring);
        assertTrue(!scoring.contains("failed:"), scoring);
        assertTrue(scoring.contains("times the plain SQL"), scoring);
        assertTrue(scoring.matches("(?s).*Units: \\*\\*[0-9,]+ scored, .*"), scoring);
        // The dashboard against the slowest single read it is made of, the ratio stated.
        String dashboard =
                report.substring(report.indexOf("## " + DashboardBenchmark.TITLE), report.indexOf("## Footprint"));
        assertTrue(dashboard.contains("| " + DashboardBenchmark.DASHBOARD + " | "), dashboard);
        assertTrue(dashboard.matches("(?s).*The dashboard's p50 is \\*\\*[0-9.]+x\\*\\*.*"), dashboard);
        assertTrue(dashboard.contains("(partial false)"), dashboard);
        for (String line : dashboard.split("\n")) {
            if (line.startsWith("| ") && !line.startsWith("| path ")) {
                String[] cells = line.split("\\|");
                assertEquals("0", cells[cells.length - 1].strip(), "errors: " + line);
            }
        }
        // The footprint: the whole suite with the local run's options after a mixed load that answered
        // requests on every path, with the 1.2 GiB verdict on that table, and the benchmark's table beside it.
        String footprint = report.substring(report.indexOf("## Footprint"), report.indexOf("## Warm-up"));
        assertTrue(footprint.contains("The whole suite **with the local run's options**"), footprint);
        assertTrue(
                footprint.matches("(?s).*The whole suite with PostgreSQL after the load, with the local run's options:"
                        + " \\*\\*[0-9]+ MiB\\*\\* PSS against [0-9]+ MiB \\(1\\.2 GiB\\): (met|not met)\\..*"),
                footprint);
        assertTrue(footprint.contains("| process | started, s | resident idle, MiB |"), footprint);
        assertTrue(footprint.contains("| process | started together, s | resident idle, MiB |"), footprint);
        assertTrue(footprint.matches("(?s).*With the benchmark's options: [0-9]+ MiB PSS.*"), footprint);
        for (String path :
                List.of("complaint intake", "unit by id", "page of 50 complaints of a unit", "unit dashboard")) {
            String row = footprint
                    .lines()
                    .filter(line -> line.startsWith("| " + path + " | "))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no mixed-load row for " + path + ": " + footprint));
            String[] cells = row.split("\\|");
            assertTrue(Long.parseLong(cells[3].strip()) > 0, "no requests answered: " + row);
            assertEquals("0", cells[cells.length - 1].strip(), "errors: " + row);
        }
        assertTrue(Files.readString(home.resolve("bench/target/smoke/charts/scorecard-recompute-progress.svg"))
                .contains("<polyline"));
        assertTrue(Files.readString(home.resolve("bench/target/smoke/charts/complaint-intake.svg"))
                .startsWith("<svg"));
        // Every other measured path completed operations and none failed (the tables before the warm-up log).
        for (String line : report.substring(0, report.indexOf("## Warm-up"))
                .replace(intake, "")
                .replace(reads, "")
                .split("\n")) {
            if (line.startsWith("| 2 |")
                    || line.contains("| plain JDBC |")
                    || line.contains("| REST (gateway, hey) |")) {
                String[] cells = line.split("\\|");
                assertTrue(Double.parseDouble(cells[3].strip()) > 0, "no operations: " + line);
                assertEquals("0", cells[cells.length - 1].strip(), "errors: " + line);
            }
        }
    }
}
