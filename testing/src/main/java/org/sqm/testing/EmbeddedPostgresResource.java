package org.sqm.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Gives a {@code @QuarkusTest} a real PostgreSQL: an embedded throwaway server, or the external
 * server named by {@code QUARKUS_DATASOURCE_JDBC_URL} when that variable is set.
 */
public class EmbeddedPostgresResource implements QuarkusTestResourceLifecycleManager {

    private EmbeddedDatabase database;

    @Override
    public Map<String, String> start() {
        if (System.getenv("QUARKUS_DATASOURCE_JDBC_URL") != null) {
            return Map.of();
        }
        database = EmbeddedDatabase.startThrowaway();
        return database.quarkusProperties("postgres");
    }

    @Override
    public void stop() {
        if (database != null) {
            database.close();
        }
    }
}
