package org.sqm.suite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.sqm.testing.EmbeddedDatabase;
import org.sqm.testing.auth.DevTokens;

/**
 * Runs the whole suite as real processes: an embedded PostgreSQL with one database per service,
 * the four services and the gateway, each the packaged Quarkus application. Used by the local run
 * ({@link Launcher}) and by the end-to-end tests.
 */
public final class Suite implements AutoCloseable {

    /**
     * The JVM options of every application wherever it runs, stated once here: Kubernetes gives the same
     * as {@code JAVA_TOOL_OPTIONS} (k8s/base/&lt;app&gt;/configmap.yaml; KubernetesManifestsTest fails when
     * they differ). The heap is 70 % of the memory the JVM is given (the container's limit in Kubernetes,
     * {@link #LOCAL_MAX_RAM} here); the serial collector, small thread stacks and C1 only because these
     * are small single-purpose processes that must start fast (C1 alone needs about half the CPU of the
     * full JIT to start) and stay small (no C2 code cache or compiler threads); the heap shrinks back after
     * a collection when more than 30 % of it is free (the serial collector gives memory back only then),
     * and Netty keeps one pooled direct-memory arena instead of two per core.
     */
    public static final List<String> JVM_OPTIONS = List.of(
            "-XX:MaxRAMPercentage=70",
            "-XX:+UseSerialGC",
            "-XX:+ExitOnOutOfMemoryError",
            "-Xss512k",
            "-XX:MaxMetaspaceSize=160m",
            "-XX:ReservedCodeCacheSize=64m",
            "-XX:TieredStopAtLevel=1",
            "-XX:MinHeapFreeRatio=10",
            "-XX:MaxHeapFreeRatio=30",
            "-Dio.netty.allocator.numDirectArenas=1");

    /**
     * The environment every application runs with, here and in Kubernetes (each Deployment's container
     * env; KubernetesManifestsTest checks it): at most two glibc malloc arenas instead of eight per core,
     * so the JVM's native allocations do not spread over many half-empty arenas.
     */
    public static final Map<String, String> ENVIRONMENT = Map.of("MALLOC_ARENA_MAX", "2");

    /**
     * What stands in for the container's memory limit outside Kubernetes (the largest limit of the
     * Deployments in k8s/base): the JVM sizes its heap from it as it would in the container.
     */
    public static final String LOCAL_MAX_RAM = "-XX:MaxRAM=448m";

    /**
     * The class-data archive of the application's own classes that the package build writes beside
     * quarkus-run.jar ({@code quarkus.package.jar.appcds.enabled}): the JVM maps the classes instead of
     * loading and verifying them. Only usable by the JDK that wrote it, with the jar named as at build
     * time (the application starts in its quarkus-app folder); {@code -Xshare:auto} starts without it
     * otherwise.
     */
    public static final String APP_CDS_ARCHIVE = "app-cds.jsa";

    /** The local run's options: {@link #JVM_OPTIONS}, the memory the container would have, and AppCDS. */
    public static List<String> localJvmOptions() {
        List<String> options = new ArrayList<>(JVM_OPTIONS);
        options.add(LOCAL_MAX_RAM);
        options.add("-XX:SharedArchiveFile=" + APP_CDS_ARCHIVE);
        options.add("-Xshare:auto");
        return List.copyOf(options);
    }

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);

    private final Path home;
    private final Path stateDir;
    private final Map<Component, Integer> ports;
    private final Map<Component, Integer> grpcPorts;
    private final Map<String, String> extraEnv;
    private final List<String> jvmOptions;
    private final Map<Component, Long> launchTimes = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<Component, Duration> startupTimes = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<Component, Duration> startupCpuTimes = new java.util.concurrent.ConcurrentHashMap<>();
    private final EmbeddedDatabase database;
    private final Map<Component, Process> processes = new EnumMap<>(Component.class);
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private Process watchdog;

    private Suite(
            Path home,
            Path stateDir,
            Map<Component, Integer> ports,
            Map<String, String> extraEnv,
            EmbeddedDatabase database,
            List<String> jvmOptions) {
        this.home = home;
        this.stateDir = stateDir;
        this.ports = ports;
        // The gRPC ports follow the HTTP ports: the defaults with the defaults, free ones with free ones.
        this.grpcPorts = ports.equals(defaultPorts()) ? portsBy(Component::defaultGrpcPort) : freePorts();
        this.extraEnv = extraEnv;
        this.database = database;
        this.jvmOptions = jvmOptions;
    }

    /**
     * Starts everything and waits until every application is ready.
     *
     * @param home     the repository root, where each module's target/quarkus-app lives
     * @param stateDir where logs and pid files go
     * @param database the PostgreSQL server to create the databases in; the suite closes it
     * @param ports    the HTTP port of each component (the gRPC ports are chosen to match: 9080 to 9084
     *                 with the default HTTP ports, free ones otherwise)
     * @param extraEnv environment added to every application, e.g. a shorter gateway deadline in tests
     */
    public static Suite start(
            Path home,
            Path stateDir,
            EmbeddedDatabase database,
            Map<Component, Integer> ports,
            Map<String, String> extraEnv) {
        return start(home, stateDir, database, ports, extraEnv, localJvmOptions());
    }

    /** Like {@link #start(Path, Path, EmbeddedDatabase, Map, Map)}, with JVM options of the caller's, e.g. for benchmarks. */
    public static Suite start(
            Path home,
            Path stateDir,
            EmbeddedDatabase database,
            Map<Component, Integer> ports,
            Map<String, String> extraEnv,
            List<String> jvmOptions) {
        Suite suite = new Suite(home, stateDir, ports, extraEnv, database, jvmOptions);
        try {
            Files.createDirectories(stateDir.resolve("logs"));
            Files.createDirectories(stateDir.resolve("pids"));
            for (Component c : Component.values()) {
                if (c.database() != null) {
                    database.createDatabase(c.database());
                }
            }
            suite.startWatchdog();
            for (Component c : Component.values()) {
                suite.launch(c);
            }
            for (Component c : Component.values()) {
                suite.awaitReady(c);
            }
            return suite;
        } catch (IOException | RuntimeException e) {
            suite.close();
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
    }

    /** Free ports for every component, for tests that must not clash with anything running. */
    public static Map<Component, Integer> freePorts() {
        Map<Component, Integer> ports = new EnumMap<>(Component.class);
        for (Component c : Component.values()) {
            try (ServerSocket socket = new ServerSocket(0)) {
                ports.put(c, socket.getLocalPort());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return ports;
    }

    /** The default ports, 8080 for the gateway and 8081 to 8084 for the services. */
    public static Map<Component, Integer> defaultPorts() {
        return portsBy(Component::defaultPort);
    }

    private static Map<Component, Integer> portsBy(java.util.function.ToIntFunction<Component> port) {
        Map<Component, Integer> ports = new EnumMap<>(Component.class);
        for (Component c : Component.values()) {
            ports.put(c, port.applyAsInt(c));
        }
        return ports;
    }

    /** The HTTP port: REST for the gateway, health and metrics for every application. */
    public int port(Component c) {
        return ports.get(c);
    }

    /** The gRPC port of a service. */
    public int grpcPort(Component c) {
        return grpcPorts.get(c);
    }

    public String baseUrl(Component c) {
        return "http://localhost:" + port(c);
    }

    public Path log(Component c) {
        return stateDir.resolve("logs").resolve(c.module() + ".log");
    }

    public EmbeddedDatabase database() {
        return database;
    }

    /** The operating-system process of a running component. */
    public ProcessHandle process(Component c) {
        return processes.get(c).toHandle();
    }

    /** Stops one component gracefully (SIGTERM), as an operator or Kubernetes would. */
    public void stop(Component c) {
        Process p = processes.remove(c);
        if (p != null) {
            terminate(p);
        }
        deletePidFile(c);
    }

    /** Kills one component with SIGKILL, as a crashed node or the OOM killer would: no shutdown at all. */
    public void kill(Component c) {
        Process p = processes.remove(c);
        if (p != null) {
            p.destroyForcibly();
            try {
                p.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        deletePidFile(c);
    }

    /** How long a component took from its launch until it answered ready, at its latest start. */
    public Duration startupTime(Component c) {
        return startupTimes.get(c);
    }

    /**
     * The CPU time (user and system, all threads) a component used from its launch until it answered
     * ready, at its latest start: unlike {@link #startupTime}, hardly changed by other work on the machine.
     * Zero where /proc is missing.
     */
    public Duration startupCpuTime(Component c) {
        return startupCpuTimes.getOrDefault(c, Duration.ZERO);
    }

    /** Starts one stopped component again and waits until it is ready. */
    public void restart(Component c) {
        restart(c, jvmOptions, List.of());
    }

    /**
     * Starts one component again with other JVM options and waits until it is ready: the benchmark's
     * footprint starts each application alone as the local run and as Kubernetes would.
     *
     * @param launcher a command the JVM runs under, e.g. {@code taskset -c 0} for a one-CPU limit; empty for none
     */
    public void restart(Component c, List<String> options, List<String> launcher) {
        stop(c);
        try {
            launch(c, options, launcher);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        awaitReady(c);
    }

    private void launch(Component c) throws IOException {
        launch(c, jvmOptions, List.of());
    }

    private void launch(Component c, List<String> options, List<String> launcher) throws IOException {
        Path appDir = home.resolve(c.module()).resolve("target/quarkus-app");
        Path app = appDir.resolve("quarkus-run.jar");
        if (!Files.isRegularFile(app)) {
            throw new IllegalStateException(app + " is missing: build first (mvn -DskipTests package)");
        }
        List<String> command = new ArrayList<>(launcher);
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(options);
        // Named as when the AppCDS archive was written (in this folder), or the JVM refuses the archive.
        command.add("-jar");
        command.add("quarkus-run.jar");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(appDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log(c).toFile()));
        Map<String, String> env = builder.environment();
        env.putAll(ENVIRONMENT);
        env.put("QUARKUS_HTTP_PORT", String.valueOf(port(c)));
        env.put("QUARKUS_GRPC_SERVER_PORT", String.valueOf(grpcPort(c)));
        // Authentication on, with the committed DEVELOPMENT key pair (docs/authentication.md): every
        // application verifies with its public half, the services sign their service tokens with the
        // private half.
        Path keys = home.resolve(DevTokens.KEY_DIRECTORY);
        env.put(
                "MP_JWT_VERIFY_PUBLICKEY_LOCATION",
                keys.resolve("publicKey.pem").toString());
        env.put("MP_JWT_VERIFY_ISSUER", DevTokens.ISSUER);
        if (c.database() != null) {
            env.put(
                    "SQM_AUTH_SERVICE_TOKEN_KEY_LOCATION",
                    keys.resolve("privateKey.pem").toString());
        }
        if (c.database() != null) {
            env.put("QUARKUS_DATASOURCE_JDBC_URL", database.jdbcUrl(c.database()));
            env.put("QUARKUS_DATASOURCE_USERNAME", EmbeddedDatabase.USER);
            env.put("QUARKUS_DATASOURCE_PASSWORD", "");
            // Services that depend on standards-service (complaint-service does) find it here.
            env.put("QUARKUS_GRPC_CLIENTS_STANDARDS_HOST", "localhost");
            env.put("QUARKUS_GRPC_CLIENTS_STANDARDS_PORT", String.valueOf(grpcPort(Component.STANDARDS)));
            if (c == Component.SCORING) {
                // scoring-service reads the period feeds of inspection-service and complaint-service.
                for (Component feed : List.of(Component.INSPECTION, Component.COMPLAINT)) {
                    String prefix = "QUARKUS_GRPC_CLIENTS_" + feed.clientName().toUpperCase() + "_";
                    env.put(prefix + "HOST", "localhost");
                    env.put(prefix + "PORT", String.valueOf(grpcPort(feed)));
                }
            }
            // Page tokens stay valid across restarts of the local run (Kubernetes takes a Secret instead).
            env.put("SQM_PAGE_TOKENS_SECRET", "local-run-page-token-secret");
        } else {
            // The console's development login (docs/console.md): the gateway mints tokens for a chosen
            // role and units with the DEVELOPMENT private key, which every application here trusts.
            env.put(
                    "SQM_CONSOLE_DEV_LOGIN_KEY_LOCATION",
                    keys.resolve("privateKey.pem").toString());
            // The reliability suite and the benchmarks send thousands of requests a second from one
            // address, far above the gateway's per-client default (1200 a minute, 200 at once): the
            // limit stays on, as in production, with room for them. The gateway's tests cover the limit.
            env.put("SQM_RATE_LIMIT_REQUESTS", "10000000");
            env.put("SQM_RATE_LIMIT_BURST", "1000000");
            for (Component backend : Component.values()) {
                if (backend.clientName() != null) {
                    String prefix =
                            "QUARKUS_GRPC_CLIENTS_" + backend.clientName().toUpperCase() + "_";
                    env.put(prefix + "HOST", "localhost");
                    env.put(prefix + "PORT", String.valueOf(grpcPort(backend)));
                }
            }
        }
        env.putAll(extraEnv);
        Process process = builder.start();
        processes.put(c, process);
        launchTimes.put(c, System.nanoTime());
        Files.writeString(pidFile(c), String.valueOf(process.pid()));
    }

    private void awaitReady(Component c) {
        Instant deadline = Instant.now().plus(READY_TIMEOUT);
        HttpRequest ready = HttpRequest.newBuilder(URI.create(baseUrl(c) + "/q/health/ready"))
                .timeout(Duration.ofSeconds(2))
                .build();
        while (Instant.now().isBefore(deadline)) {
            Process p = processes.get(c);
            if (p == null || !p.isAlive()) {
                throw new IllegalStateException(c.module() + " exited during start; see " + log(c));
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    startupTimes.put(c, Duration.ofNanos(System.nanoTime() - launchTimes.get(c)));
                    startupCpuTimes.put(c, cpuTime(p.pid()));
                    return;
                }
            } catch (IOException e) {
                // Not listening yet.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + c.module(), e);
            }
            sleep(50);
        }
        throw new IllegalStateException(c.module() + " was not ready within " + READY_TIMEOUT + "; see " + log(c));
    }

    /** User plus system CPU time of a process and all its threads so far, from /proc/<pid>/stat. */
    static Duration cpuTime(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            // The fields after the command name, which is in parentheses and may hold spaces.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            // Linux reports in clock ticks of 1/100 s (USER_HZ) on every architecture Java runs on here.
            return Duration.ofMillis(ticks * 10);
        } catch (IOException | RuntimeException e) {
            return Duration.ZERO;
        }
    }

    /**
     * A small shell process that outlives a launcher killed with SIGKILL (no shutdown hook runs then)
     * and stops every application and the database, so nothing is left behind.
     */
    private void startWatchdog() throws IOException {
        Path pids = stateDir.resolve("pids");
        String postmasterPid = "";
        Path dataDir = database.dataDirectory();
        if (dataDir != null) {
            postmasterPid = dataDir.resolve("postmaster.pid").toString();
        }
        String script = "while kill -0 " + ProcessHandle.current().pid() + " 2>/dev/null; do sleep 1; done; "
                + "for f in '" + pids + "'/*.pid; do [ -f \"$f\" ] && kill -TERM $(cat \"$f\") 2>/dev/null; done; "
                + "sleep 5; for f in '" + pids + "'/*.pid; do [ -f \"$f\" ] && kill -KILL $(cat \"$f\") 2>/dev/null; "
                + "rm -f \"$f\"; done; "
                + (postmasterPid.isEmpty()
                        ? ""
                        : "[ -f '" + postmasterPid + "' ] && kill -INT $(head -1 '" + postmasterPid
                                + "') 2>/dev/null; ")
                + "exit 0";
        watchdog = new ProcessBuilder("sh", "-c", script)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectErrorStream(true)
                .start();
    }

    /** Stops the gateway first, then the services, then the database. */
    @Override
    public void close() {
        List<Component> order = new ArrayList<>(List.of(Component.values()));
        java.util.Collections.reverse(order);
        for (Component c : order) {
            Process p = processes.get(c);
            if (p != null) {
                p.destroy();
            }
        }
        for (Component c : order) {
            stop(c);
        }
        database.close();
        if (watchdog != null) {
            watchdog.destroyForcibly();
        }
    }

    private static void terminate(Process p) {
        p.destroy();
        try {
            if (!p.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                p.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private Path pidFile(Component c) {
        return stateDir.resolve("pids").resolve(c.module() + ".pid");
    }

    private void deletePidFile(Component c) {
        try {
            Files.deleteIfExists(pidFile(c));
        } catch (IOException e) {
            // A stale pid file only makes the watchdog signal a process that is gone.
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
