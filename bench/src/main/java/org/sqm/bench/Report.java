package org.sqm.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Writes BENCHMARKS.md and one SVG bar chart per section that has bars. */
final class Report {

    private static final String[] COLOURS = {"#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2"};

    private Report() {}

    /** A path's share of its ceiling at its best concurrency must reach this. */
    static final double CEILING_TARGET = 0.5;

    /** A path's p99 at 70 % of its best rate, offered evenly, must stay under this. */
    static final double P99_TARGET_MILLIS = 50;

    /** The share of its best rate a path is offered, evenly, for the latency target. */
    static final double PACED_SHARE = 0.7;

    /**
     * A path against its ceiling: the most the machine could do were each exchange the path makes no
     * dearer than the same protocol's no-op, and its database work no dearer than the same work in plain
     * JDBC, all measured at the path's best concurrency in the same run: 1 / (http/HTTP no-op + Σ 1/gRPC
     * no-op of each gRPC exchange + 1/JDBC).
     *
     * @param path        the path, e.g. "REST intake"
     * @param exchanges   which exchanges it makes, in words
     * @param concurrency the concurrency of its best rate, at which the no-ops and the JDBC work are taken
     * @param rate        its best rate, operations per second
     * @param http        its HTTP exchanges: 1 through the gateway, 0 for a gRPC client
     * @param httpNoop    the HTTP no-op's rate at that concurrency
     * @param grpcNoops   one gRPC no-op rate per gRPC exchange, in the order they happen
     * @param jdbc        the rate of the path's database work in plain JDBC
     */
    record Ceiling(
            String path,
            String exchanges,
            int concurrency,
            double rate,
            int http,
            double httpNoop,
            List<Double> grpcNoops,
            double jdbc) {

        /** Operations per second the bare protocols and plain JDBC would allow; 0 when a baseline did nothing. */
        double ceiling() {
            double cost = 1 / jdbc + (http == 0 ? 0 : http / httpNoop);
            for (double g : grpcNoops) {
                cost += 1 / g;
            }
            return Double.isFinite(cost) && cost > 0 ? 1 / cost : 0;
        }

        /** The path's best rate as a share of its ceiling. */
        double share() {
            double ceiling = ceiling();
            return ceiling == 0 ? 0 : rate / ceiling;
        }

        /** The arithmetic with the run's figures, equal gRPC no-ops counted together: "1 / (1/25034 + 2/20023 + 1/19713)". */
        String formula() {
            List<String> terms = new ArrayList<>();
            if (http > 0) {
                terms.add(String.format(Locale.ROOT, "%d/%.0f", http, httpNoop));
            }
            Map<Long, Integer> grpc = new LinkedHashMap<>();
            for (double g : grpcNoops) {
                grpc.merge(Math.round(g), 1, Integer::sum);
            }
            grpc.forEach((rate, n) -> terms.add(n + "/" + rate));
            terms.add(String.format(Locale.ROOT, "1/%.0f", jdbc));
            return "1 / (" + String.join(" + ", terms) + ")";
        }
    }

    /**
     * The ceiling table: per path its exchanges, its best rate and concurrency, its ceiling with the
     * arithmetic, its share and whether the share reaches {@link #CEILING_TARGET}; a sentence counts the
     * paths that do.
     */
    static String ceilings(List<Ceiling> paths) {
        StringBuilder md = new StringBuilder();
        md.append("| path | exchanges | best at concurrency | ops/s | ceiling ops/s | ceiling from the no-ops |"
                        + " share of ceiling | target ≥ ")
                .append(String.format(Locale.ROOT, "%.2f", CEILING_TARGET))
                .append(" |\n|---|---|---:|---:|---:|---|---:|---|\n");
        long met = 0;
        for (Ceiling c : paths) {
            boolean ok = c.share() >= CEILING_TARGET;
            met += ok ? 1 : 0;
            md.append(String.format(
                    Locale.ROOT,
                    "| %s | %s | %d | %.0f | %.0f | %s | %.2f | %s |%n",
                    c.path(),
                    c.exchanges(),
                    c.concurrency(),
                    c.rate(),
                    c.ceiling(),
                    c.formula(),
                    c.share(),
                    ok ? "met" : "**not met**"));
        }
        md.append(String.format(
                Locale.ROOT,
                "%nShare of the ceiling at the best concurrency: target met by %d of %d paths.%n",
                met,
                paths.size()));
        return md.toString();
    }

    /** A path offered a fixed rate: what was offered and what it did. */
    record Paced(double offered, LoadResult result) {}

    /**
     * The latency table: per path the rate offered ({@link #PACED_SHARE} of its best), the rate done,
     * p50 and p99 and whether the p99 stays under {@link #P99_TARGET_MILLIS}; a sentence counts the
     * paths that do.
     */
    static String paced(List<Paced> paths) {
        StringBuilder md = new StringBuilder();
        md.append(String.format(
                Locale.ROOT,
                "| path at %.0f %% of its best rate | clients | offered ops/s | done ops/s | p50 ms | p99 ms |"
                        + " p99 < %.0f ms | errors |%n|---|---:|---:|---:|---:|---:|---|---:|%n",
                100 * PACED_SHARE,
                P99_TARGET_MILLIS));
        long met = 0;
        for (Paced p : paths) {
            LoadResult r = p.result();
            boolean ok = r.operations() > 0 && r.p99Millis() < P99_TARGET_MILLIS;
            met += ok ? 1 : 0;
            md.append(String.format(
                    Locale.ROOT,
                    "| %s | %d | %.0f | %.0f | %.2f | %.2f | %s | %d |%n",
                    r.path(),
                    r.concurrency(),
                    p.offered(),
                    r.throughput(),
                    r.p50Millis(),
                    r.p99Millis(),
                    ok ? "met" : "**not met**",
                    r.errors()));
        }
        md.append(String.format(
                Locale.ROOT,
                "%np99 under %.0f ms at %.0f %% of the best rate: target met by %d of %d paths.%n",
                P99_TARGET_MILLIS,
                100 * PACED_SHARE,
                met,
                paths.size()));
        return md.toString();
    }

    /** The name of a section in file names and in {@code --only}: "Complaint intake" -> "complaint-intake". */
    static String slug(String title) {
        return title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }

    static void write(Path markdown, Path charts, String header, List<Benchmark.Section> sections) throws IOException {
        Files.createDirectories(charts);
        StringBuilder md = new StringBuilder(header);
        for (Benchmark.Section s : sections) {
            md.append("\n## ").append(s.title()).append("\n\n").append(body(markdown, charts, s));
        }
        Files.writeString(markdown, md.toString());
    }

    /**
     * Puts the sections of a partial run into an existing report: a section replaces the one of the
     * same title (a new one goes before the footprint), and the warm-up rows of the paths it ran
     * replace theirs in the warm-up table; everything else stays as the last full run wrote it.
     */
    static void merge(Path markdown, Path charts, List<Benchmark.Section> sections) throws IOException {
        Files.createDirectories(charts);
        String[] parts = Files.readString(markdown).split("\n## ", -1);
        Map<String, String> bodies = new LinkedHashMap<>();
        for (int i = 1; i < parts.length; i++) {
            int end = parts[i].indexOf('\n');
            bodies.put(parts[i].substring(0, end), parts[i].substring(end).replaceFirst("^\n\n", ""));
        }
        for (Benchmark.Section s : sections) {
            String body = body(markdown, charts, s);
            if (s.title().equals(WARM_UP) && bodies.containsKey(WARM_UP)) {
                bodies.put(WARM_UP, mergeRows(bodies.get(WARM_UP), body));
            } else if (bodies.containsKey(s.title()) || !bodies.containsKey(FOOTPRINT)) {
                bodies.put(s.title(), body);
            } else {
                Map<String, String> reordered = new LinkedHashMap<>();
                bodies.forEach((title, text) -> {
                    if (title.equals(FOOTPRINT)) {
                        reordered.put(s.title(), body);
                    }
                    reordered.put(title, text);
                });
                bodies = reordered;
            }
        }
        StringBuilder md = new StringBuilder(parts[0]);
        bodies.forEach(
                (title, body) -> md.append("\n## ").append(title).append("\n\n").append(body));
        Files.writeString(markdown, md.toString());
    }

    private static final String WARM_UP = "Warm-up";
    private static final String FOOTPRINT = "Footprint";

    /** The rows of a table in {@code fresh} replace the rows of the same first cell in {@code old}, or join its end. */
    private static String mergeRows(String old, String fresh) {
        List<String> lines = new ArrayList<>(List.of(old.stripTrailing().split("\n")));
        List<String> freshLines = List.of(fresh.split("\n"));
        int separator = freshLines.indexOf(freshLines.stream()
                .filter(l -> l.startsWith("|---"))
                .findFirst()
                .orElse(""));
        for (String row : freshLines.subList(separator + 1, freshLines.size())) {
            if (!row.startsWith("| ")) {
                continue;
            }
            String key = row.substring(0, row.indexOf(" |", 2) + 2);
            int at = -1;
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).startsWith(key)) {
                    at = i;
                }
            }
            if (at >= 0) {
                lines.set(at, row);
            } else {
                lines.add(row);
            }
        }
        return String.join("\n", lines) + "\n";
    }

    /** A section's text, with its charts written and linked first when it has them. */
    private static String body(Path markdown, Path charts, Benchmark.Section s) throws IOException {
        StringBuilder md = new StringBuilder();
        if (!s.chart().isEmpty()) {
            link(md, markdown, charts, slug(s.title()) + ".svg", s.chartTitle(), svg(s.chartTitle(), s.chart()));
        }
        if (!s.lines().isEmpty()) {
            link(
                    md,
                    markdown,
                    charts,
                    slug(s.title()) + "-progress.svg",
                    s.linesTitle(),
                    lines(s.linesTitle(), s.lines(), s.marks()));
        }
        return md.append(s.markdown()).toString();
    }

    private static void link(StringBuilder md, Path markdown, Path charts, String file, String title, String svg)
            throws IOException {
        Files.writeString(charts.resolve(file), svg);
        md.append("![")
                .append(title)
                .append("](")
                .append(markdown.toAbsolutePath()
                        .getParent()
                        .relativize(charts.resolve(file).toAbsolutePath()))
                .append(")\n\n");
    }

    /**
     * A line chart: x and y from 0 to a round number at or above the largest value, one coloured
     * polyline per curve with its points marked, dashed vertical lines with their labels at the marks,
     * a legend; the title says what x and y are.
     */
    static String lines(String title, List<Benchmark.Line> curves, List<Benchmark.Mark> marks) {
        double maxX = 0;
        double maxY = 0;
        for (Benchmark.Line l : curves) {
            for (Benchmark.Point p : l.points()) {
                maxX = Math.max(maxX, p.x());
                maxY = Math.max(maxY, p.y());
            }
        }
        for (Benchmark.Mark m : marks) {
            maxX = Math.max(maxX, m.x());
        }
        maxX = roundUp(maxX);
        maxY = roundUp(maxY);
        int left = 70;
        int top = 40;
        int width = 560;
        int height = 260;
        int legendTop = top + height + 45;
        StringBuilder out = new StringBuilder();
        out.append(String.format(
                Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\""
                        + " font-size=\"12\">%n<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>%n",
                left + width + 30,
                legendTop + curves.size() * 18 + 10));
        out.append(String.format(
                Locale.ROOT, "<text x=\"%d\" y=\"22\" font-size=\"15\">%s</text>%n", left, escape(title)));
        for (int t = 0; t <= 4; t++) {
            int y = top + height - (int) (height * t / 4.0);
            int x = left + (int) (width * t / 4.0);
            out.append(String.format(
                    Locale.ROOT,
                    "<line x1=\"%d\" x2=\"%d\" y1=\"%d\" y2=\"%d\" stroke=\"#ddd\"/><text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>%n",
                    left,
                    left + width,
                    y,
                    y,
                    left - 6,
                    y + 4,
                    number(maxY * t / 4)));
            out.append(String.format(
                    Locale.ROOT,
                    "<line x1=\"%d\" x2=\"%d\" y1=\"%d\" y2=\"%d\" stroke=\"#eee\"/><text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>%n",
                    x,
                    x,
                    top,
                    top + height,
                    x,
                    top + height + 18,
                    number(maxX * t / 4)));
        }
        for (int i = 0; i < marks.size(); i++) {
            double x = left + width * marks.get(i).x() / maxX;
            // Labels stagger down the chart so that stages close together stay readable.
            out.append(String.format(
                    Locale.ROOT,
                    "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%d\" stroke=\"#999\" stroke-dasharray=\"4 3\"/>"
                            + "<text x=\"%.1f\" y=\"%d\" font-size=\"10\" fill=\"#555\">%s</text>%n",
                    x,
                    x,
                    top,
                    top + height,
                    x + 3,
                    top + 12 + (i % 6) * 13,
                    escape(marks.get(i).label())));
        }
        for (int i = 0; i < curves.size(); i++) {
            Benchmark.Line l = curves.get(i);
            StringBuilder points = new StringBuilder();
            StringBuilder dots = new StringBuilder();
            for (Benchmark.Point p : l.points()) {
                double x = left + width * p.x() / maxX;
                double y = top + height - height * p.y() / maxY;
                points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
                dots.append(String.format(
                        Locale.ROOT,
                        "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"2\" fill=\"%s\"><title>%s: %s, %.0f</title></circle>%n",
                        x,
                        y,
                        COLOURS[i % COLOURS.length],
                        escape(l.series()),
                        number(p.x()),
                        p.y()));
            }
            out.append(String.format(
                    Locale.ROOT,
                    "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\" points=\"%s\"/>%n",
                    COLOURS[i % COLOURS.length],
                    points.toString().strip()));
            out.append(dots);
            int y = legendTop + i * 18;
            out.append(String.format(
                    Locale.ROOT,
                    "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/><text x=\"%d\" y=\"%d\">%s</text>%n",
                    left,
                    y - 10,
                    COLOURS[i % COLOURS.length],
                    left + 18,
                    y,
                    escape(l.series())));
        }
        return out.append("</svg>\n").toString();
    }

    /**
     * The smallest of 1, 1.2, 1.6, 2, 2.4, 3, 4, 5, 6 or 8 times a power of ten at or above {@code v}:
     * an axis end whose quarters read well.
     */
    static double roundUp(double v) {
        if (v <= 0) {
            return 1;
        }
        double power = Math.pow(10, Math.floor(Math.log10(v)));
        for (double step : new double[] {1, 1.2, 1.6, 2, 2.4, 3, 4, 5, 6, 8, 10}) {
            if (step * power >= v - 1e-9 * power) {
                return step * power;
            }
        }
        return 10 * power;
    }

    /** An axis label: whole numbers when whole or above 10, else one decimal. */
    private static String number(double v) {
        return String.format(Locale.ROOT, v >= 10 || v == Math.rint(v) ? "%.0f" : "%.1f", v);
    }

    /** A grouped bar chart: groups along x, one coloured bar per series, a legend. */
    static String svg(String title, List<Benchmark.Bar> bars) {
        Set<String> groups = new LinkedHashSet<>();
        Set<String> series = new LinkedHashSet<>();
        double max = 1;
        for (Benchmark.Bar b : bars) {
            groups.add(b.group());
            series.add(b.series());
            max = Math.max(max, b.value());
        }
        List<String> g = new ArrayList<>(groups);
        List<String> s = new ArrayList<>(series);
        int barWidth = 26;
        int groupWidth = s.size() * barWidth + 30;
        int left = 70;
        int top = 40;
        int height = 260;
        int width = left + g.size() * groupWidth + 20;
        int legendTop = top + height + 45;
        StringBuilder out = new StringBuilder();
        out.append(String.format(
                Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\""
                        + " font-size=\"12\">%n<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>%n",
                Math.max(width, 420),
                legendTop + s.size() * 18 + 10));
        out.append(String.format(
                Locale.ROOT, "<text x=\"%d\" y=\"22\" font-size=\"15\">%s</text>%n", left, escape(title)));
        for (int t = 0; t <= 4; t++) {
            double value = max * t / 4;
            int y = top + height - (int) (height * t / 4.0);
            out.append(String.format(
                    Locale.ROOT,
                    "<line x1=\"%d\" x2=\"%d\" y1=\"%d\" y2=\"%d\" stroke=\"#ddd\"/><text x=\"%d\" y=\"%d\" text-anchor=\"end\">%.0f</text>%n",
                    left,
                    width - 10,
                    y,
                    y,
                    left - 6,
                    y + 4,
                    value));
        }
        for (Benchmark.Bar b : bars) {
            int gi = g.indexOf(b.group());
            int si = s.indexOf(b.series());
            int h = (int) Math.round(height * b.value() / max);
            int x = left + gi * groupWidth + 15 + si * barWidth;
            out.append(String.format(
                    Locale.ROOT,
                    "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\"><title>%s, %s: %.0f</title></rect>%n",
                    x,
                    top + height - h,
                    barWidth - 4,
                    h,
                    COLOURS[si % COLOURS.length],
                    escape(b.group()),
                    escape(b.series()),
                    b.value()));
        }
        for (int gi = 0; gi < g.size(); gi++) {
            out.append(String.format(
                    Locale.ROOT,
                    "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>%n",
                    left + gi * groupWidth + groupWidth / 2,
                    top + height + 18,
                    escape(shorten(g.get(gi)))));
        }
        for (int si = 0; si < s.size(); si++) {
            int y = legendTop + si * 18;
            out.append(String.format(
                    Locale.ROOT,
                    "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/><text x=\"%d\" y=\"%d\">%s</text>%n",
                    left,
                    y - 10,
                    COLOURS[si % COLOURS.length],
                    left + 18,
                    y,
                    escape(s.get(si))));
        }
        return out.append("</svg>\n").toString();
    }

    private static String shorten(String s) {
        return s.length() <= 24 ? s : s.substring(0, 23) + "…";
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
