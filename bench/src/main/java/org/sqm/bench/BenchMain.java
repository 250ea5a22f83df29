package org.sqm.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.sqm.suite.Component;
import org.sqm.suite.Suite;
import org.sqm.testing.EmbeddedDatabase;

/**
 * The benchmark command: starts the packaged suite on an embedded PostgreSQL (free ports), creates the
 * fixture through the gateway, runs every benchmark, and writes BENCHMARKS.md with charts.
 *
 * <p>Options: {@code --smoke} (tiny sizes, to prove it works), {@code --duration=10s},
 * {@code --concurrency=1,8,32}, {@code --read-concurrency=8}, {@code --feed-units=10000},
 * {@code --feed-complaints=1000000}, {@code --scoring-units=10000}, {@code --scoring-complaints=1000000},
 * {@code --scoring-inspections=100000}, {@code --scoring-responses=500000},
 * {@code --scoring-violations=10000}, {@code --out=BENCHMARKS.md}, {@code --charts=bench/charts},
 * {@code --only=complaint-statistics-feed} (run only the benchmarks named by their section's
 * slug and replace only their sections of an existing report; the footprint is measured in every run),
 * {@code --fast-database} (PostgreSQL with fsync, synchronous_commit and full_page_writes off; durable,
 * as the local run, by default).
 */
public final class BenchMain {

    /**
     * The applications' JVM options for the throughput figures: a heap of about what a Kubernetes pod's
     * limit gives (448 MiB at MaxRAMPercentage=70) and the full JIT, for the best each path can do. The
     * footprint section starts each application again alone with the options the local run and Kubernetes
     * really use (Suite.JVM_OPTIONS: C1 only, for start time and memory).
     */
    static final List<String> JVM_OPTIONS =
            List.of("-Xms64m", "-Xmx256m", "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError");

    /** Every benchmark, in report order. A new capability adds its benchmark here. */
    static final List<Benchmark> BENCHMARKS = List.of(
            new IntakeBenchmark(),
            new BulkIntakeBenchmark(),
            new AuthenticationCostBenchmark(),
            new ReadBenchmark(),
            new ComplaintFeedBenchmark(),
            new ScorecardRecomputeBenchmark(),
            new DashboardBenchmark());

    /** The sizes of one run. */
    record Options(
            boolean smoke,
            Duration duration,
            Duration warmup,
            List<Integer> concurrency,
            int readConcurrency,
            ComplaintFeedBenchmark.Size feed,
            ScorecardRecomputeBenchmark.Size scoring,
            Set<String> only,
            Path out,
            Path charts,
            boolean fastDatabase) {

        static Options parse(Path home, String... args) {
            boolean smoke = Arrays.asList(args).contains("--smoke");
            boolean fastDatabase = Arrays.asList(args).contains("--fast-database");
            Duration duration = smoke ? Duration.ofSeconds(1) : Duration.ofSeconds(10);
            List<Integer> concurrency = smoke ? List.of(2) : List.of(1, 8, 32);
            int readConcurrency = smoke ? 2 : 8;
            Path out = home.resolve("BENCHMARKS.md");
            Path charts = home.resolve("bench/charts");
            int feedUnits = smoke ? 1_000 : 10_000;
            long feedComplaints = smoke ? 20_000 : 1_000_000;
            int scoringUnits = smoke ? 300 : 10_000;
            long scoringComplaints = smoke ? 20_000 : 1_000_000;
            long scoringInspections = smoke ? 2_000 : 100_000;
            long scoringResponses = smoke ? 10_000 : 500_000;
            long scoringViolations = smoke ? 200 : 10_000;
            Set<String> only = new LinkedHashSet<>();
            for (String a : args) {
                if (a.startsWith("--duration=")) {
                    duration = Duration.parse(
                            "PT" + a.substring("--duration=".length()).toUpperCase(Locale.ROOT));
                } else if (a.startsWith("--concurrency=")) {
                    concurrency = Arrays.stream(
                                    a.substring("--concurrency=".length()).split(","))
                            .map(Integer::parseInt)
                            .toList();
                } else if (a.startsWith("--read-concurrency=")) {
                    readConcurrency = Integer.parseInt(a.substring("--read-concurrency=".length()));
                } else if (a.startsWith("--feed-units=")) {
                    feedUnits = Integer.parseInt(a.substring("--feed-units=".length()));
                } else if (a.startsWith("--feed-complaints=")) {
                    feedComplaints = Long.parseLong(a.substring("--feed-complaints=".length()));
                } else if (a.startsWith("--scoring-units=")) {
                    scoringUnits = Integer.parseInt(a.substring("--scoring-units=".length()));
                } else if (a.startsWith("--scoring-complaints=")) {
                    scoringComplaints = Long.parseLong(a.substring("--scoring-complaints=".length()));
                } else if (a.startsWith("--scoring-inspections=")) {
                    scoringInspections = Long.parseLong(a.substring("--scoring-inspections=".length()));
                } else if (a.startsWith("--scoring-responses=")) {
                    scoringResponses = Long.parseLong(a.substring("--scoring-responses=".length()));
                } else if (a.startsWith("--scoring-violations=")) {
                    scoringViolations = Long.parseLong(a.substring("--scoring-violations=".length()));
                } else if (a.startsWith("--only=")) {
                    only.addAll(Arrays.asList(a.substring("--only=".length()).split(",")));
                } else if (a.startsWith("--out=")) {
                    out = Path.of(a.substring("--out=".length())).toAbsolutePath();
                } else if (a.startsWith("--charts=")) {
                    charts = Path.of(a.substring("--charts=".length())).toAbsolutePath();
                }
            }
            // The longest an intake path is warmed up (a read: a quarter of it); the JIT is usually done
            // sooner (BenchContext.warmUp).
            Duration warmup = smoke ? Duration.ofSeconds(4) : Duration.ofSeconds(240);
            ComplaintFeedBenchmark.Size feed =
                    new ComplaintFeedBenchmark.Size(feedUnits, feedComplaints, smoke ? 2 : 5);
            ScorecardRecomputeBenchmark.Size scoring = new ScorecardRecomputeBenchmark.Size(
                    scoringUnits,
                    scoringComplaints,
                    scoringInspections,
                    scoringResponses,
                    scoringViolations,
                    smoke ? 1 : 3);
            return new Options(
                    smoke,
                    duration,
                    warmup,
                    concurrency,
                    readConcurrency,
                    feed,
                    scoring,
                    Set.copyOf(only),
                    out,
                    charts,
                    fastDatabase);
        }
    }

    private BenchMain() {}

    public static void main(String[] args) throws Exception {
        Path home =
                Path.of(System.getProperty("sqm.home", ".")).toAbsolutePath().normalize();
        run(home, Options.parse(home, args));
    }

    /** Runs everything and writes the report; returns the sections written. */
    static List<Benchmark.Section> run(Path home, Options options) throws Exception {
        if (!Hey.available()) {
            throw new IllegalStateException("hey is not installed: apt-get install hey (scripts/bench.sh does)");
        }
        List<Benchmark> chosen = BENCHMARKS.stream()
                .filter(b -> options.only().isEmpty() || options.only().contains(Report.slug(b.title())))
                .toList();
        if (chosen.size() < options.only().size()) {
            throw new IllegalArgumentException("--only names unknown benchmarks; known are "
                    + BENCHMARKS.stream().map(b -> Report.slug(b.title())).toList());
        }
        long began = System.nanoTime();
        try (Suite suite = Suite.start(
                home,
                home.resolve("bench/target/run"),
                // Durable by default, as the local run: the headline figures include flushing every commit.
                EmbeddedDatabase.startTemporary(
                        options.fastDatabase() ? EmbeddedDatabase.FAST : EmbeddedDatabase.DURABLE),
                Suite.freePorts(),
                Map.of("SQM_COMPLAINTS_WATCH_INTERVAL", "1h"),
                JVM_OPTIONS)) {
            Fixture fixture = Fixture.create(suite.baseUrl(Component.GATEWAY), home);
            Thread.sleep(options.smoke() ? 500 : 5_000);
            Map<Component, Double> idle = Footprint.residentMiB(suite);
            BenchContext context = new BenchContext(
                    suite,
                    fixture,
                    options.duration(),
                    options.warmup(),
                    options.concurrency(),
                    options.readConcurrency(),
                    options.feed(),
                    options.scoring(),
                    new JitActivity(jvms(suite)),
                    new ArrayList<>());
            List<Benchmark.Section> sections = new ArrayList<>();
            for (Benchmark b : chosen) {
                System.out.println("== " + b.title());
                sections.add(b.run(context));
            }
            // The footprint in every run: the suite after this run's load, then with the local run's options, then
            // each application alone.
            System.out.println("== Footprint");
            Footprint.Whole whole = Footprint.Whole.measure(
                    suite,
                    idle,
                    chosen.size() == BENCHMARKS.size()
                            ? "every section above"
                            : chosen.stream().map(Benchmark::title).toList().toString());
            Duration settle = options.smoke() ? Duration.ofSeconds(1) : Duration.ofSeconds(5);
            // The figure the target is about: the whole suite with the local run's options after a mixed load.
            Footprint.Local local = Footprint.local(suite, fixture, options.duration(), settle);
            List<Footprint.Alone> alone = Footprint.alone(suite, home, settle);
            sections.add(Footprint.section(home, alone, settle, local, whole, JVM_OPTIONS));
            sections.add(context.warmUpSection());
            if (options.only().isEmpty()) {
                String header = header(options, context, Duration.ofNanos(System.nanoTime() - began));
                Report.write(options.out(), options.charts(), header, sections);
            } else {
                // A partial run: its sections and warm-up rows replace theirs, the rest of the report stays.
                Report.merge(options.out(), options.charts(), sections);
            }
            System.out.println("Wrote " + options.out());
            return sections;
        }
    }

    /** The JVMs whose JIT warm-up waits for: the five applications and this one (the gRPC and JDBC load). */
    private static Map<String, Long> jvms(Suite suite) {
        Map<String, Long> pids = new java.util.LinkedHashMap<>();
        for (Component c : Component.values()) {
            pids.put(c.module(), suite.process(c).pid());
        }
        pids.put("bench", ProcessHandle.current().pid());
        return pids;
    }

    private static String header(Options options, BenchContext context, Duration took) throws Exception {
        String postgres;
        try (Connection c = context.connect("complaint");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SHOW server_version")) {
            rs.next();
            postgres = rs.getString(1);
        }
        return String.format(
                Locale.ROOT,
                "# Benchmarks%n%n"
                        + "Measured by `./scripts/bench.sh%s` on %s: %d cores (%s), %s memory, Java %s, PostgreSQL %s"
                        + " (embedded, %s, for the baseline and the services alike), every application a real process on this machine. Every figure"
                        + " is compared with a baseline measured in the same run. %s per measurement after an"
                        + " unmeasured warm-up per path until the JIT has compiled it (see Warm-up at the end; at most %s, reads a quarter of that), concurrency levels %s; the whole run took %d s. The applications"
                        + " run with `%s`.%n",
                options.smoke() ? " --smoke" : "",
                ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd")),
                Runtime.getRuntime().availableProcessors(),
                cpuModel(),
                memory(),
                System.getProperty("java.version"),
                postgres,
                options.fastDatabase()
                        ? "with `--fast-database`: fsync, synchronous_commit and full_page_writes off, so a crash of"
                                + " the machine may lose acknowledged commits — not the durable default"
                        : "durable as the local run: fsync, synchronous_commit and full_page_writes on, every commit"
                                + " flushed to disk before it is acknowledged",
                options.duration().toSeconds() + " s",
                options.warmup().toSeconds() + " s",
                options.concurrency(),
                took.toSeconds(),
                String.join(" ", JVM_OPTIONS));
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).strip())
                    .findFirst()
                    .orElse("unknown CPU");
        } catch (IOException e) {
            return "unknown CPU";
        }
    }

    private static String memory() {
        try {
            return Files.readAllLines(Path.of("/proc/meminfo")).stream()
                    .filter(l -> l.startsWith("MemTotal"))
                    .map(l -> Math.round(Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024.0 / 1024.0) + " GiB")
                    .findFirst()
                    .orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
