package org.sqm.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.sqm.suite.Component;
import org.sqm.suite.Suite;
import org.sqm.testing.EmbeddedDatabase;

/**
 * What a benchmark gets: the running suite, its database, the fixture and the run's sizes. Every path
 * is warmed up first, unmeasured, until its rate settles (see {@link #warmUp}), so the JIT has compiled it.
 */
record BenchContext(
        Suite suite,
        Fixture fixture,
        Duration duration,
        Duration warmup,
        List<Integer> concurrency,
        int readConcurrency) {

    /** A load run for the given length; warm-up calls it window after window. */
    interface Window {
        LoadResult run(Duration length) throws Exception;
    }

    /**
     * Runs {@code window} (5 s each) until the rate stops rising — the best of the last three windows
     * is within 3 % of the best before them — or {@code limit} has passed. On 2 cores shared by five
     * JVMs the JIT takes minutes, not seconds, to compile a request path; measuring before that would
     * measure the compiler, not the service.
     */
    void warmUp(String what, Duration limit, Window window) throws Exception {
        Duration length = limit.compareTo(Duration.ofSeconds(20)) < 0 ? limit.dividedBy(2) : Duration.ofSeconds(5);
        long deadline = System.nanoTime() + limit.toNanos();
        List<Double> rates = new ArrayList<>();
        while (System.nanoTime() < deadline && !settled(rates)) {
            rates.add(window.run(length).throughput());
        }
        System.out.println("warm-up " + what + ": "
                + rates.stream().map(r -> String.valueOf(Math.round(r))).collect(Collectors.joining(", "))
                + " ops/s");
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
