package org.sqm.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/** A real PostgreSQL server started from the binaries on the classpath (no Docker, no install). */
public final class EmbeddedDatabase implements AutoCloseable {

    public static final String USER = "postgres";

    private EmbeddedPostgres postgres;
    private final Path dataDirectory;
    private final boolean deleteOnClose;

    private EmbeddedDatabase(EmbeddedPostgres postgres, Path dataDirectory) {
        this(postgres, dataDirectory, false);
    }

    private EmbeddedDatabase(EmbeddedPostgres postgres, Path dataDirectory, boolean deleteOnClose) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
        this.deleteOnClose = deleteOnClose;
    }

    /**
     * A server for tests that stop and restart the database: a fresh data directory deleted on
     * {@link #close()}, and {@link #restart()} on the same port. Like the throwaway server it skips
     * fsync (the machine itself never crashes in a test); a fast shutdown still writes every committed
     * transaction, so what was acknowledged survives the restart.
     */
    public static EmbeddedDatabase startRestartable() {
        try {
            Path dataDirectory = Files.createTempDirectory("sqm-pg-");
            return new EmbeddedDatabase(
                    fast(EmbeddedPostgres.builder()
                                    .setDataDirectory(dataDirectory)
                                    .setCleanDataDirectory(false))
                            .start(),
                    dataDirectory,
                    true);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start embedded PostgreSQL", e);
        }
    }

    /** Stops the server (a fast shutdown: committed data are on disk) and starts it again on the same data and port. */
    public void restart() {
        int port = port();
        try {
            postgres.close();
            postgres = fast(EmbeddedPostgres.builder()
                            .setDataDirectory(dataDirectory)
                            .setCleanDataDirectory(false)
                            .setPort(port))
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot restart embedded PostgreSQL in " + dataDirectory, e);
        }
    }

    /**
     * A throwaway server for tests: random port, fresh data directory, and fsync off because its
     * data die with the test run anyway.
     */
    public static EmbeddedDatabase startThrowaway() {
        try {
            Path dataDirectory = Files.createTempDirectory("sqm-pg-");
            return new EmbeddedDatabase(
                    EmbeddedPostgres.builder()
                            .setDataDirectory(dataDirectory)
                            .setCleanDataDirectory(true)
                            .setServerConfig("fsync", "off")
                            .setServerConfig("synchronous_commit", "off")
                            .setServerConfig("full_page_writes", "off")
                            .start(),
                    dataDirectory);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start embedded PostgreSQL", e);
        }
    }

    /**
     * A server whose data outlive it, in {@code dataDirectory}, with PostgreSQL's default durability
     * settings: what the local run uses.
     */
    public static EmbeddedDatabase startPersistent(Path dataDirectory, int port) {
        try {
            return new EmbeddedDatabase(
                    EmbeddedPostgres.builder()
                            .setDataDirectory(dataDirectory)
                            .setCleanDataDirectory(false)
                            .setPort(port)
                            .start(),
                    dataDirectory);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start embedded PostgreSQL in " + dataDirectory, e);
        }
    }

    private static EmbeddedPostgres.Builder fast(EmbeddedPostgres.Builder builder) {
        return builder.setServerConfig("fsync", "off")
                .setServerConfig("synchronous_commit", "off")
                .setServerConfig("full_page_writes", "off");
    }

    /** Where the server keeps its data (and its postmaster.pid). */
    public Path dataDirectory() {
        return dataDirectory;
    }

    public int port() {
        return postgres.getPort();
    }

    /** Creates the database unless it exists. */
    public void createDatabase(String name) {
        if (!name.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("not a plain database name: " + name);
        }
        try (Connection c = postgres.getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'")) {
                if (rs.next()) {
                    return;
                }
            }
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name, e);
        }
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port() + "/" + database;
    }

    /** The Quarkus datasource properties that point an application at {@code database}. */
    public Map<String, String> quarkusProperties(String database) {
        return Map.of(
                "quarkus.datasource.jdbc.url",
                jdbcUrl(database),
                "quarkus.datasource.username",
                USER,
                "quarkus.datasource.password",
                "");
    }

    @Override
    public void close() {
        try {
            postgres.close();
            if (deleteOnClose) {
                try (var paths = Files.walk(dataDirectory)) {
                    paths.sorted(java.util.Comparator.reverseOrder())
                            .forEach(p -> p.toFile().delete());
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot stop embedded PostgreSQL", e);
        }
    }
}
