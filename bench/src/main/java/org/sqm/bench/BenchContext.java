package org.sqm.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.sqm.suite.Component;
import org.sqm.suite.Suite;
import org.sqm.testing.EmbeddedDatabase;

/**
 * What a benchmark gets: the running suite, its database, the fixture and the run's sizes. Every path
 * is warmed up first, unmeasured, until the JIT has compiled it (see {@link #warmUp}).
 */
record BenchContext(
        Suite suite,
        Fixture fixture,
        Duration duration,
        Duration warmup,
        List<Integer> concurrency,
        int readConcurrency,
        ComplaintFeedBenchmark.Size feed,
        ScorecardRecomputeBenchmark.Size scoring,
        JitActivity jit,
        List<String> warmUps) {

    /** A JVM's compiler threads below this share of one core are taken as done compiling. */
    static final double QUIET_JIT = 0.03;

    /** A load run for the given length; warm-up calls it window after window. */
    interface Window {
        LoadResult run(Duration length) throws Exception;
    }

    /**
     * Runs {@code window} (5 s each) until the JIT compilers of every application JVM and of this one
     * have been quiet (each below {@link #QUIET_JIT} of a core) for two windows in a row, or
     * {@code limit} has passed. On 2 cores shared by five JVMs and PostgreSQL, C2 needs minutes to
     * compile a request path under load, and the rate keeps climbing (more than threefold) until it
     * has; measuring before that would measure the compiler, not the service. Where the compiler
     * threads cannot be watched (no /proc), the rate alone decides: the best of the last three windows
     * within 3 % of the best before them.
     */
    void warmUp(String what, Duration limit, Window window) throws Exception {
        Duration length = limit.compareTo(Duration.ofSeconds(20)) < 0 ? limit.dividedBy(2) : Duration.ofSeconds(5);
        long deadline = System.nanoTime() + limit.toNanos();
        boolean watchJit = jit.measurable();
        List<Double> rates = new ArrayList<>();
        List<Double> compiling = new ArrayList<>();
        long began = System.nanoTime();
        while (System.nanoTime() < deadline && !(watchJit ? quiet(compiling) : settled(rates))) {
            Map<String, Long> before = jit.snapshot();
            long start = System.nanoTime();
            rates.add(window.run(length).throughput());
            compiling.add(JitActivity.busiestShare(before, jit.snapshot(), (System.nanoTime() - start) / 1e9));
        }
        boolean done = watchJit ? quiet(compiling) : settled(rates);
        String row = String.format(
                Locale.ROOT,
                "| %s | %d | %s | %s | %s |",
                what,
                Math.round((System.nanoTime() - began) / 1e9),
                rates.stream().map(r -> String.valueOf(Math.round(r))).collect(Collectors.joining(", ")),
                watchJit
                        ? compiling.stream()
                                .map(c -> String.valueOf(Math.round(100 * c)))
                                .collect(Collectors.joining(", "))
                        : "not watched",
                done ? "yes" : "**no: stopped at the limit**");
        warmUps.add(row);
        System.out.println("warm-up " + row);
    }

    /** The report section on the warm-up: the criterion and every path's warm-up so far. */
    Benchmark.Section warmUpSection() {
        String text = String.format(
                        Locale.ROOT,
                        "Before any measurement each path ran unmeasured, in 5 s windows, until the JIT compiler threads%n"
                                + "of all five applications and of the load-generating JVM had each used less than %.0f %% of a core%n"
                                + "for two windows in a row. Intake is warmed with %d clients, reads with their own concurrency: under a%n"
                                + "lighter load the compiler threads get more of the two cores and finish sooner (at 32 clients%n"
                                + "C2 needed about twice as long, while the rate climbed more than threefold).%n%n",
                        100 * QUIET_JIT,
                        IntakeBenchmark.WARM_CONCURRENCY)
                + "| path | warm-up s | ops/s in each 5 s window | busiest JIT, % of a core | settled |\n"
                + "|---|---:|---|---|---|\n"
                + String.join("\n", warmUps)
                + "\n";
        return new Benchmark.Section("Warm-up", text, List.of(), "");
    }

    private static boolean quiet(List<Double> compiling) {
        int n = compiling.size();
        return n >= 2 && compiling.get(n - 1) < QUIET_JIT && compiling.get(n - 2) < QUIET_JIT;
    }

    private static boolean settled(List<Double> rates) {
        int n = rates.size();
        if (n < 4) {
            return false;
        }
        double before =
                rates.subList(0, n - 3).stream().mapToDouble(d -> d).max().orElse(0);
        double recent =
                rates.subList(n - 3, n).stream().mapToDouble(d -> d).max().orElse(0);
        return recent <= 1.03 * before;
    }

    String gateway() {
        return suite.baseUrl(Component.GATEWAY);
    }

    /** A new connection to one service's database, as the service itself would have. */
    Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(suite.database().jdbcUrl(database), EmbeddedDatabase.USER, "");
    }
}
