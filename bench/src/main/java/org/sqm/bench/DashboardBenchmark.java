package org.sqm.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * A unit's dashboard (issue 18) through the gateway against the slowest of the single reads it is made
 * of, each through the same gateway in the same run: the dashboard starts all its backend calls at
 * once, so it should take about as long as its slowest part, not the sum of them. One client, so the
 * figure is the latency of one screen, not the throughput of two cores shared by five JVMs.
 */
final class DashboardBenchmark implements Benchmark {

    static final String TITLE = "Dashboard";

    /** The path of the dashboard in the table. */
    static final String DASHBOARD = "dashboard (all parts)";

    /** The target: the dashboard's median at most this multiple of the slowest single read's. */
    static final double TARGET = 1.3;

    /**
     * Requests a second of the one client: below the gateway's per-client limit (1200 a minute after a
     * burst of 200), which the benchmark's gateway keeps, so every request is answered, not refused 429.
     */
    static final double PACE = 15;

    /** Complaints of the dashboard's unit: a busy hall's open ones. */
    private static final int COMPLAINTS = 20;

    private static final ZoneId SCORING_ZONE = ZoneId.of("Asia/Shanghai");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A read the dashboard makes, through its own REST endpoint. */
    private record Read(String name, String url) {}

    @Override
    public String title() {
        return TITLE;
    }

    @Override
    public Section run(BenchContext ctx) throws Exception {
        String g = ctx.gateway();
        YearMonth lastMonth = YearMonth.now(SCORING_ZONE).minusMonths(1);
        String unit = unitWithData(ctx, lastMonth);
        String period = YearMonth.now(ZoneOffset.UTC).toString();
        String dashboardUrl = g + "/api/v1/units/" + unit + "/dashboard?period=" + period;
        JsonNode whole = get(dashboardUrl);
        if (whole.get("partial").asBoolean() || !whole.has("scorecard") || !whole.has("complaints")) {
            throw new IllegalStateException("the dashboard of the benchmark's unit is not whole: " + whole);
        }
        // The dashboard's nine backend calls, each as its own endpoint makes it, with the same filters.
        List<Read> singles = List.of(
                new Read("unit", g + "/api/v1/units/" + unit),
                new Read("path", g + "/api/v1/units/" + unit + "/path"),
                new Read(
                        "score trend (12 months) with its latest scorecard",
                        g + "/api/v1/units/" + unit + "/scoreTrend?period=" + period
                                + "&count=12&includeLatestScorecard=true"),
                new Read("open complaints", g + "/api/v1/complaints?unitId=" + unit + "&openOnly=true&pageSize=1000"),
                new Read("open inspections", g + "/api/v1/inspections?unitId=" + unit + "&openOnly=true&pageSize=1000"),
                new Read(
                        "open rectification orders",
                        g + "/api/v1/rectificationOrders?ownerUnitId=" + unit + "&openOnly=true&pageSize=1000"),
                new Read(
                        "open supervision orders",
                        g + "/api/v1/supervisionOrders?unitId=" + unit + "&openOnly=true&pageSize=1000"),
                new Read("certifications", g + "/api/v1/certifications?unitId=" + unit + "&pageSize=1000"),
                new Read(
                        "accreditation decisions",
                        g + "/api/v1/accreditationDecisions?unitId=" + unit + "&pageSize=1"));
        int clients = 1;
        ctx.warmUp(
                "dashboard",
                ctx.warmup().dividedBy(4),
                length -> Hey.run("warm-up", "GET", dashboardUrl, null, clients, length, PACE));
        Duration shortWarmUp = ctx.warmup().dividedBy(16);
        List<LoadResult> results = new ArrayList<>();
        for (Read read : singles) {
            ctx.warmUp(
                    read.name() + " (REST)",
                    shortWarmUp,
                    length -> Hey.run("warm-up", "GET", read.url(), null, clients, length, PACE));
            get(read.url());
            LoadResult result = Hey.run(read.name(), "GET", read.url(), null, clients, ctx.duration(), PACE);
            if (result.errors() > 0) {
                explainErrors(read);
            }
            results.add(result);
        }
        LoadResult dashboard = Hey.run(DASHBOARD, "GET", dashboardUrl, null, clients, ctx.duration(), PACE);
        JsonNode after = get(dashboardUrl);
        LoadResult slowest = results.stream()
                .max(Comparator.comparingDouble(LoadResult::p50Millis))
                .orElseThrow();
        double ratio50 = dashboard.p50Millis() / slowest.p50Millis();
        double ratio99 = dashboard.p99Millis() / slowest.p99Millis();

        StringBuilder md = new StringBuilder();
        md.append(String.format(
                Locale.ROOT,
                "One unit's dashboard, `GET /api/v1/units/{id}/dashboard`, against each read it is made of through its%n"
                        + "own REST endpoint, all through the same gateway in the same run, one client (hey -c 1) paced at %.0f%n"
                        + "requests a second (below the gateway's per-client rate limit, which stays on). The unit:%n"
                        + "a service hall with %d open complaints (half of them received ten days ago, overdue), a scheduled%n"
                        + "inspection and last month's scorecard; its dashboard makes 9 backend calls, all started at once,%n"
                        + "none waiting for another: one `openOnly` list call each for complaints, inspections, rectification%n"
                        + "and supervision orders, the trend bringing its latest scorecard (`includeLatestScorecard`), the%n"
                        + "unit, its path, certifications and the latest accreditation decision. The first nine rows below are%n"
                        + "those nine calls, each through its own REST endpoint with the same parameters.%n%n",
                PACE,
                COMPLAINTS));
        md.append("| path | ops/s | p50 ms | p99 ms | errors |\n|---|---:|---:|---:|---:|\n");
        List<Bar> bars = new ArrayList<>();
        for (LoadResult r : results) {
            md.append(row(r));
            bars.add(new Bar("p50", r.path(), r.p50Millis()));
        }
        md.append(row(dashboard));
        bars.add(new Bar("p50", dashboard.path(), dashboard.p50Millis()));
        md.append(String.format(
                Locale.ROOT,
                "%nThe slowest single read is **%s** (p50 %.2f ms, p99 %.2f ms). The dashboard's p50 is **%.2fx** and its"
                        + " p99 %.2fx that read's (target p50 within %.1fx: %s). Its answer was whole before and after the"
                        + " run (partial %s).%n",
                slowest.path(),
                slowest.p50Millis(),
                slowest.p99Millis(),
                ratio50,
                ratio99,
                TARGET,
                ratio50 <= TARGET ? "met" : "**not met**",
                after.get("partial").asBoolean()));
        System.out.printf(
                Locale.ROOT,
                "dashboard: p50 %.2f ms, p99 %.2f ms; slowest single read %s p50 %.2f ms, p99 %.2f ms; ratio p50 %.2fx, p99 %.2fx%n",
                dashboard.p50Millis(),
                dashboard.p99Millis(),
                slowest.path(),
                slowest.p50Millis(),
                slowest.p99Millis(),
                ratio50,
                ratio99);
        return new Section(title(), md.toString(), bars, "Median latency, ms (one client)");
    }

    private static String row(LoadResult r) {
        return String.format(
                Locale.ROOT,
                "| %s | %.0f | %.2f | %.2f | %d |%n",
                r.path(),
                r.throughput(),
                r.p50Millis(),
                r.p99Millis(),
                r.errors());
    }

    /**
     * A new service hall with open complaints (half of them overdue), a scheduled inspection and a
     * scorecard for last month (a survey of the model's minimum sample, then the month recomputed).
     */
    private static String unitWithData(BenchContext ctx, YearMonth lastMonth) throws Exception {
        String g = ctx.gateway();
        Fixture f = ctx.fixture();
        JsonNode firstUnit = get(g + "/api/v1/units/" + f.unitId());
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String unit = Fixture.post(
                        g + "/api/v1/units",
                        "{\"code\":\"BENCH-DASH-" + suffix + "\",\"name\":\"Dashboard hall\",\"type\":\"SERVICE_HALL\","
                                + "\"calendarId\":\""
                                + firstUnit.get("calendarId").asText() + "\"}")
                .get("id")
                .asText();
        Instant now = Instant.now();
        for (int i = 0; i < COMPLAINTS; i++) {
            String body = f.complaintBody().replace(f.unitId(), unit);
            if (i % 2 == 0) {
                body = body.substring(0, body.length() - 1) + ",\"receiveTime\":\"" + now.minus(Duration.ofDays(10))
                        + "\"}";
            }
            Fixture.post(g + "/api/v1/complaints", body);
        }
        Fixture.post(
                g + "/api/v1/inspections",
                "{\"unitId\":\"" + unit + "\",\"kind\":\"ON_SITE_ASSESSMENT\",\"authorityLevel\":\"CITY\","
                        + "\"standardId\":\"" + f.standardId() + "\",\"windowStart\":\"" + now.plus(Duration.ofDays(7))
                        + "\",\"windowEnd\":\"" + now.plus(Duration.ofDays(14)) + "\"}");
        // No body: the catalogue scoring-service ships (published models, which a recompute needs).
        Fixture.send(HttpRequest.newBuilder(URI.create(g + "/api/v1/scoringCatalogue:load"))
                .header("Authorization", org.sqm.testing.auth.Bearer.administrator())
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
        StringBuilder responses = new StringBuilder();
        LocalDate day = lastMonth.atDay(12);
        for (int i = 0; i < 30; i++) {
            responses
                    .append(i == 0 ? "" : ",")
                    .append("{\"unitId\":\"")
                    .append(unit)
                    .append("\",\"segment\":\"MOBILE\",\"date\":\"")
                    .append(day)
                    .append("\",\"score\":")
                    .append(i < 20 ? 5 : 4)
                    .append('}');
        }
        Fixture.post(
                g + "/api/v1/surveyBatches",
                "{\"batchId\":\"BENCH-DASH-" + suffix + "\",\"source\":\"dashboard benchmark\",\"scaleMin\":1,"
                        + "\"scaleMax\":5,\"responses\":[" + responses + "]}");
        JsonNode operation = Fixture.post(g + "/api/v1/scorecards:recompute", "{\"period\":\"" + lastMonth + "\"}");
        String id = operation.get("name").asText().substring("operations/".length());
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (!operation.path("done").asBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the recompute of " + lastMonth + " did not end in 5 minutes");
            }
            Thread.sleep(200);
            operation = get(g + "/api/v1/operations/" + id);
        }
        if (operation.has("error")) {
            throw new IllegalStateException("the recompute of " + lastMonth + " failed: " + operation);
        }
        return unit;
    }

    /** Says in the log what a read that failed under load answers when asked again in quick succession. */
    private static void explainErrors(Read read) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            try {
                var answer = java.net.http.HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(URI.create(read.url()))
                                        .header("Authorization", org.sqm.testing.auth.Bearer.administrator())
                                        .GET()
                                        .build(),
                                java.net.http.HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() >= 300) {
                    System.out.println(
                            "read " + read.name() + " answered " + answer.statusCode() + ": " + answer.body());
                    return;
                }
            } catch (IOException e) {
                System.out.println("read " + read.name() + " failed: " + e);
                return;
            }
        }
        System.out.println("read " + read.name() + ": 200 answers to 200 calls in a row after the run");
    }

    private static JsonNode get(String url) throws IOException, InterruptedException {
        return JSON.readTree(Fixture.send(HttpRequest.newBuilder(URI.create(url))
                        .header("Authorization", org.sqm.testing.auth.Bearer.administrator())
                        .GET()
                        .build())
                .body());
    }
}
