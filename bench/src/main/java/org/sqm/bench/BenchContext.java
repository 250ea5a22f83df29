package org.sqm.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import org.sqm.suite.Component;
import org.sqm.suite.Suite;
import org.sqm.testing.EmbeddedDatabase;

/**
 * What a benchmark gets: the running suite, its database, the fixture and the run's sizes. Every path
 * is run for {@code warmup} first, unmeasured, so the JIT has compiled it.
 */
record BenchContext(
        Suite suite,
        Fixture fixture,
        Duration duration,
        Duration warmup,
        List<Integer> concurrency,
        int readConcurrency) {

    String gateway() {
        return suite.baseUrl(Component.GATEWAY);
    }

    /** A new connection to one service's database, as the service itself would have. */
    Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(suite.database().jdbcUrl(database), EmbeddedDatabase.USER, "");
    }
}
