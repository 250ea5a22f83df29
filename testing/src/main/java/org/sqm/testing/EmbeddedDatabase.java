package org.sqm.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A real PostgreSQL server started from the binaries on the classpath (no Docker, no install). */
public final class EmbeddedDatabase implements AutoCloseable {

    public static final String USER = "postgres";

    /**
     * PostgreSQL's own defaults, set explicitly: zonky's builder turns {@code synchronous_commit} off
     * unless told otherwise, and then a crash loses commits the API already acknowledged.
     */
    public static final Map<String, String> DURABLE =
            Map.of("fsync", "on", "synchronous_commit", "on", "full_page_writes", "on");

    /**
     * No flush to disk at all: for clusters whose data die with the test run, where a crash of the
     * machine loses nothing anyone needs, and for {@code --fast-database} benchmarks.
     */
    public static final Map<String, String> FAST =
            Map.of("fsync", "off", "synchronous_commit", "off", "full_page_writes", "off");

    /** The settings {@link #DURABLE} and {@link #FAST} choose between, in the order reports print them. */
    public static final List<String> DURABILITY_SETTINGS = List.of("fsync", "synchronous_commit", "full_page_writes");

    private EmbeddedPostgres postgres;
    private final Path dataDirectory;
    private final boolean deleteOnClose;
    private final Map<String, String> settings;

    private EmbeddedDatabase(
            EmbeddedPostgres postgres, Path dataDirectory, boolean deleteOnClose, Map<String, String> settings) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
        this.deleteOnClose = deleteOnClose;
        this.settings = settings;
    }

    /**
     * A server for the tests that check durability (every end-to-end test shares it, and the
     * reliability tests stop, restart and crash the database between writes and reads): a fresh data
     * directory deleted on {@link #close()}, {@link #restart()} and {@link #crash()} on the same port,
     * and PostgreSQL {@link #DURABLE} as in the local run, so that what survives is what the API
     * acknowledged and not what a lenient setting happened to keep.
     */
    public static EmbeddedDatabase startRestartable() {
        return startTemporary(DURABLE);
    }

    /**
     * A throwaway server for tests: random port, fresh data directory deleted on {@link #close()}, and
     * {@link #FAST}: fsync, synchronous_commit and full_page_writes off, for speed, because its data die
     * with the test run anyway. Never for a test that checks what survives a crash.
     */
    public static EmbeddedDatabase startThrowaway() {
        return startTemporary(FAST);
    }

    /**
     * A server on a fresh data directory, deleted on {@link #close()}, with the durability settings
     * given ({@link #DURABLE} or {@link #FAST}): the benchmark chooses.
     */
    public static EmbeddedDatabase startTemporary(Map<String, String> settings) {
        try {
            Path dataDirectory = Files.createTempDirectory("sqm-pg-");
            return new EmbeddedDatabase(
                    configured(
                                    EmbeddedPostgres.builder()
                                            .setDataDirectory(dataDirectory)
                                            .setCleanDataDirectory(false),
                                    settings)
                            .start(),
                    dataDirectory,
                    true,
                    settings);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start embedded PostgreSQL", e);
        }
    }

    /**
     * A server whose data outlive it, in {@code dataDirectory}, {@link #DURABLE}: what the local run
     * uses, so that a crash of the machine loses nothing the API acknowledged.
     */
    public static EmbeddedDatabase startPersistent(Path dataDirectory, int port) {
        try {
            return new EmbeddedDatabase(
                    configured(
                                    EmbeddedPostgres.builder()
                                            .setDataDirectory(dataDirectory)
                                            .setCleanDataDirectory(false)
                                            .setPort(port),
                                    DURABLE)
                            .start(),
                    dataDirectory,
                    false,
                    DURABLE);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start embedded PostgreSQL in " + dataDirectory, e);
        }
    }

    /** Stops the server (a fast shutdown: committed data are on disk) and starts it again on the same data and port. */
    public void restart() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new IllegalStateException("cannot stop embedded PostgreSQL in " + dataDirectory, e);
        }
        startAgain();
    }

    /**
     * Crashes the server and starts it again on the same data and port: an immediate shutdown (SIGQUIT
     * to the postmaster), which ends every PostgreSQL process at once without a checkpoint and without
     * writing out the WAL still in shared memory, so the next start runs crash recovery from what reached
     * the operating system. With synchronous_commit off, commits acknowledged in the last moments are
     * gone; with it on, none.
     */
    public void crash() {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        try {
            long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).strip());
            Process kill = new ProcessBuilder("kill", "-QUIT", String.valueOf(pid))
                    .redirectErrorStream(true)
                    .start();
            if (kill.waitFor() != 0) {
                throw new IllegalStateException("kill -QUIT " + pid + " failed: "
                        + new String(kill.getInputStream().readAllBytes()));
            }
            Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
            while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("the postmaster " + pid + " outlived SIGQUIT by 30 s");
                }
                Thread.sleep(20);
            }
            // Releases the old handle's lock on the data directory; its own stop finds nothing to stop.
            postgres.close();
        } catch (IOException e) {
            throw new IllegalStateException("cannot crash embedded PostgreSQL in " + dataDirectory, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while crashing PostgreSQL", e);
        }
        startAgain();
    }

    private void startAgain() {
        int port = port();
        try {
            postgres = configured(
                            EmbeddedPostgres.builder()
                                    .setDataDirectory(dataDirectory)
                                    .setCleanDataDirectory(false)
                                    .setPort(port),
                            settings)
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot restart embedded PostgreSQL in " + dataDirectory, e);
        }
    }

    private static EmbeddedPostgres.Builder configured(EmbeddedPostgres.Builder builder, Map<String, String> settings) {
        settings.forEach(builder::setServerConfig);
        // zonky gives up after 10 s; crash recovery (or a start on a busy machine) may need longer.
        return builder.setPGStartupWait(Duration.ofSeconds(60));
    }

    /** The durability settings this server was started with, fsync first. */
    public Map<String, String> durability() {
        Map<String, String> ordered = new LinkedHashMap<>();
        DURABILITY_SETTINGS.forEach(name -> ordered.put(name, settings.get(name)));
        return ordered;
    }

    /** Whether this server flushes every commit to disk ({@link #DURABLE}). */
    public boolean durable() {
        return settings.equals(DURABLE);
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
