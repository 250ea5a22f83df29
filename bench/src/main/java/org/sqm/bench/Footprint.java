package org.sqm.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.sqm.suite.Component;
import org.sqm.suite.Suite;

/**
 * Each application's start time and resident memory: started alone as the local run and as Kubernetes
 * start it, against the targets, and the whole suite with PostgreSQL after the load: with the benchmark's
 * JVM options after the benchmark's own load, and with the local run's options after a mixed load.
 */
final class Footprint {

    /** Start to ready, alone. */
    static final double READY_TARGET_SECONDS = 3;
    /** Resident memory of an idle application, alone. */
    static final double RESIDENT_TARGET_MIB = 220;
    /** The five applications and PostgreSQL together after the benchmark load: 1.2 GiB. */
    static final double SUITE_TARGET_MIB = 1.2 * 1024;

    private Footprint() {}

    /** One start of one application alone. */
    record Alone(Component component, String runAs, Duration ready, Duration cpu, double residentMiB) {}

    /** How the local run and Kubernetes start an application: its JVM options and what the JVM runs under. */
    record RunAs(String name, List<String> options, List<String> launcher, String description) {}

    /** Resident memory of each application's JVM in MiB, from /proc/<pid>/status. */
    static Map<Component, Double> residentMiB(Suite suite) {
        Map<Component, Double> rss = new EnumMap<>(Component.class);
        for (Component c : Component.values()) {
            rss.put(c, kiB(suite.process(c).pid(), "status", "VmRSS:") / 1024.0);
        }
        return rss;
    }

    /**
     * Proportional memory (PSS) of each application's JVM in MiB, from /proc/<pid>/smaps_rollup: pages
     * shared with other processes counted in shares, so that sums count them once.
     */
    static Map<Component, Double> proportionalMiB(Suite suite) {
        Map<Component, Double> pss = new EnumMap<>(Component.class);
        for (Component c : Component.values()) {
            pss.put(c, kiB(suite.process(c).pid(), "smaps_rollup", "Pss:") / 1024.0);
        }
        return pss;
    }

    /** The PostgreSQL server's processes (postmaster and every child) and their summed PSS in MiB. */
    record Postgres(int processes, double proportionalMiB, double residentMiB) {}

    /** The pid of the PostgreSQL server's postmaster, from its data directory; empty when it cannot be read. */
    static OptionalLong postmaster(Suite suite) {
        try {
            return OptionalLong.of(Long.parseLong(
                    Files.readAllLines(suite.database().dataDirectory().resolve("postmaster.pid"))
                            .get(0)
                            .strip()));
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    static Postgres postgres(Suite suite) {
        OptionalLong known = postmaster(suite);
        if (known.isEmpty()) {
            return new Postgres(0, 0, 0);
        }
        long postmaster = known.getAsLong();
        List<Long> pids = new ArrayList<>();
        pids.add(postmaster);
        ProcessHandle.of(postmaster).ifPresent(p -> p.descendants().forEach(d -> pids.add(d.pid())));
        double pss = 0;
        double rss = 0;
        for (long pid : pids) {
            pss += kiB(pid, "smaps_rollup", "Pss:") / 1024.0;
            rss += kiB(pid, "status", "VmRSS:") / 1024.0;
        }
        return new Postgres(pids.size(), pss, rss);
    }

    private static long kiB(long pid, String file, String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), file))) {
                if (line.startsWith(field)) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            // Not on Linux, or the process is gone: reported as 0.
        }
        return 0;
    }

    /**
     * The two ways an application is started for real: the local run ({@link Suite#localJvmOptions()}) and
     * Kubernetes (the ConfigMap's JAVA_TOOL_OPTIONS, with the Deployment's memory limit as the memory the
     * JVM sizes itself from and its CPU limit as the CPUs it may run on).
     */
    static List<RunAs> ways(Path home, Component c) {
        List<RunAs> ways = new ArrayList<>();
        ways.add(new RunAs(
                "local run",
                Suite.localJvmOptions(),
                List.of(),
                "`" + String.join(" ", Suite.localJvmOptions()) + "`, all CPUs"));
        Path base = home.resolve("k8s/base").resolve(c.module());
        String javaToolOptions = yamlValue(base.resolve("configmap.yaml"), "JAVA_TOOL_OPTIONS:", null);
        String memory = yamlValue(base.resolve("deployment.yaml"), "memory:", "limits:");
        String cpu = yamlValue(base.resolve("deployment.yaml"), "cpu:", "limits:");
        if (javaToolOptions == null || memory == null || !memory.endsWith("Mi")) {
            return ways;
        }
        List<String> options = new ArrayList<>(List.of(javaToolOptions.split(" +")));
        options.add(0, "-XX:MaxRAM=" + memory.substring(0, memory.length() - 2) + "m");
        List<String> launcher = new ArrayList<>();
        String cpus = "all CPUs";
        if (cpu != null && Files.isExecutable(Path.of("/usr/bin/taskset"))) {
            int count = cpu.endsWith("m")
                    ? (int) Math.ceil(Integer.parseInt(cpu.substring(0, cpu.length() - 1)) / 1000.0)
                    : (int) Math.ceil(Double.parseDouble(cpu));
            count = Math.max(1, Math.min(count, Runtime.getRuntime().availableProcessors()));
            launcher = List.of("taskset", "-c", count == 1 ? "0" : "0-" + (count - 1));
            cpus = count + (count == 1 ? " CPU" : " CPUs") + " (`" + String.join(" ", launcher) + "`)";
        }
        ways.add(new RunAs(
                "Kubernetes",
                List.copyOf(options),
                launcher,
                "JAVA_TOOL_OPTIONS `" + javaToolOptions + "` with the limit " + memory + " as `-XX:MaxRAM`, " + cpus));
        return ways;
    }

    /** The value after {@code key} on a line of a manifest (after the line {@code after}, if given), unquoted. */
    private static String yamlValue(Path file, String key, String after) {
        try {
            boolean inside = after == null;
            for (String line : Files.readAllLines(file)) {
                String t = line.strip();
                if (!inside && t.equals(after)) {
                    inside = true;
                } else if (inside && t.startsWith(key)) {
                    return t.substring(key.length()).strip().replace("\"", "");
                }
            }
        } catch (IOException e) {
            // No manifests beside the code: only the local run is measured.
        }
        return null;
    }

    /**
     * Stops every application, then starts each one alone (one after another; PostgreSQL stays up with
     * its data) in each way it really runs, and measures its start and its memory after {@code idle}.
     * Leaves every application stopped.
     */
    static List<Alone> alone(Suite suite, Path home, Duration idle) throws InterruptedException {
        for (Component c : Component.values()) {
            suite.stop(c);
        }
        List<Alone> starts = new ArrayList<>();
        for (Component c : Component.values()) {
            for (RunAs way : ways(home, c)) {
                System.out.println("   " + c.module() + " alone (" + way.name() + ")");
                suite.restart(c, way.options(), way.launcher());
                Thread.sleep(idle.toMillis());
                starts.add(new Alone(
                        c,
                        way.name(),
                        suite.startupTime(c),
                        suite.startupCpuTime(c),
                        kiB(suite.process(c).pid(), "status", "VmRSS:") / 1024.0));
                suite.stop(c);
            }
        }
        return starts;
    }

    /** Requests of each path of the mixed load, in sequence, before it (answered 2xx, or the run fails). */
    static final int WARM_UP_REQUESTS = 5;

    /** Concurrent clients of each path of the mixed load (four paths at once). */
    static final int LOAD_CONCURRENCY = 2;

    /** The shortest mixed load: long enough for every JVM's heap to grow and collect under it. */
    static final Duration SHORTEST_LOAD = Duration.ofSeconds(10);

    /** One path of the mixed load through the gateway. */
    record Route(String name, String method, String url, String body) {}

    /** The mixed load's paths: complaint intake, a unit read, a complaint list page and a unit dashboard. */
    static List<Route> mixedLoad(Fixture fixture) {
        String g = fixture.gateway();
        String unit = fixture.unitId();
        return List.of(
                new Route("complaint intake", "POST", g + "/api/v1/complaints", fixture.complaintBody()),
                new Route("unit by id", "GET", g + "/api/v1/units/" + unit, null),
                new Route(
                        "page of 50 complaints of a unit",
                        "GET",
                        g + "/api/v1/complaints?unitId=" + unit + "&pageSize=50",
                        null),
                new Route("unit dashboard", "GET", g + "/api/v1/units/" + unit + "/dashboard", null));
    }

    /**
     * Restarts every application with the local run's options ({@link Suite#localJvmOptions()}), one after
     * another (PostgreSQL stays up with its data), waits {@code idle}, warms each path of the mixed load up
     * with a few sequential requests that must be answered 2xx, drives the mixed load through the gateway
     * for {@code duration} (every path at once, one hey each) and measures the whole suite as {@link Whole}
     * does. Fails when any path answered no request.
     */
    static Local local(Suite suite, Fixture fixture, Duration duration, Duration idle) throws Exception {
        for (Component c : Component.values()) {
            System.out.println("   " + c.module() + " restarted with the local run's options");
            suite.restart(c, Suite.localJvmOptions(), List.of());
        }
        Thread.sleep(idle.toMillis());
        Map<Component, Double> idleResident = residentMiB(suite);
        List<Route> paths = mixedLoad(fixture);
        for (Route path : paths) {
            for (int i = 0; i < WARM_UP_REQUESTS; i++) {
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(path.url()))
                        .header("Authorization", org.sqm.testing.auth.Bearer.administrator());
                if (path.body() == null) {
                    request.GET();
                } else {
                    request.header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(path.body()));
                }
                // Throws on any answer but 2xx.
                Fixture.send(request.build());
            }
        }
        Duration length = duration.compareTo(SHORTEST_LOAD) < 0 ? SHORTEST_LOAD : duration;
        List<CompletableFuture<LoadResult>> running = paths.stream()
                .map(path -> CompletableFuture.supplyAsync(() -> {
                    try {
                        return Hey.run(
                                path.name(), path.method(), path.url(), path.body(), LOAD_CONCURRENCY, length, 0);
                    } catch (IOException e) {
                        throw new CompletionException(e);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new CompletionException(e);
                    }
                }))
                .toList();
        List<LoadResult> results = new ArrayList<>();
        for (CompletableFuture<LoadResult> r : running) {
            results.add(r.join());
        }
        for (LoadResult r : results) {
            if (r.operations() == 0) {
                throw new IllegalStateException("the mixed load with the local run's options answered no request of "
                        + r.path() + " (" + r.errors() + " errors): the suite's memory after it would mean nothing");
            }
        }
        String load = String.format(
                Locale.ROOT,
                "a mixed load through the gateway for %d s (%s at once, %d clients each)",
                length.toSeconds(),
                String.join(", ", paths.stream().map(Route::name).toList()),
                LOAD_CONCURRENCY);
        Whole whole = Whole.measure(suite, idleResident, load);
        double total = whole.loadedProportional().values().stream()
                        .mapToDouble(Double::doubleValue)
                        .sum()
                + whole.postgres().proportionalMiB();
        System.out.printf(
                Locale.ROOT,
                "   with the local run's options after the mixed load: %.0f MiB PSS with PostgreSQL (%s; PostgreSQL"
                        + " %.0f); answered %s%n",
                total,
                whole.loadedProportional(),
                whole.postgres().proportionalMiB(),
                results.stream().map(r -> r.path() + " " + r.operations()).toList());
        return new Local(whole, results);
    }

    /** The whole suite with the local run's options, and what its mixed load answered. */
    record Local(Whole whole, List<LoadResult> load) {}

    /** What was measured of the whole suite after the load. */
    record Whole(
            Map<Component, Duration> startedTogether,
            Map<Component, Double> idle,
            Map<Component, Double> loaded,
            Map<Component, Double> loadedProportional,
            Postgres postgres,
            String load) {

        static Whole measure(Suite suite, Map<Component, Double> idle, String load) {
            Map<Component, Duration> together = new EnumMap<>(Component.class);
            for (Component c : Component.values()) {
                together.put(c, suite.startupTime(c));
            }
            return new Whole(
                    together, idle, residentMiB(suite), proportionalMiB(suite), Footprint.postgres(suite), load);
        }
    }

    static Benchmark.Section section(
            Path home, List<Alone> alone, Duration idle, Local local, Whole whole, List<String> benchJvmOptions) {
        StringBuilder md = new StringBuilder();
        md.append(String.format(
                Locale.ROOT,
                "Each application started **alone**, one after another, with PostgreSQL up and nothing else of the"
                        + " suite running, as the local run and as Kubernetes start it. Start to ready: from the launch"
                        + " until `/q/health/ready` answers 200; CPU to ready: the JVM's user and system CPU time by"
                        + " then (what a busy machine changes least); resident: VmRSS %d s after ready. Targets: ready"
                        + " in under %.0f s, under %.0f MiB resident idle.%n%n",
                idle.toSeconds(),
                READY_TARGET_SECONDS,
                RESIDENT_TARGET_MIB));
        md.append("| application | started as | start to ready, s | CPU to ready, s | resident idle, MiB | start target"
                        + " | memory target |\n")
                .append("|---|---|---:|---:|---:|---|---|\n");
        for (Alone a : alone) {
            double seconds = a.ready().toMillis() / 1000.0;
            md.append(String.format(
                    Locale.ROOT,
                    "| %s | %s | %.2f | %.2f | %.0f | %s | %s |%n",
                    a.component().module(),
                    a.runAs(),
                    seconds,
                    a.cpu().toMillis() / 1000.0,
                    a.residentMiB(),
                    seconds < READY_TARGET_SECONDS ? "met" : "not met",
                    a.residentMiB() < RESIDENT_TARGET_MIB ? "met" : "not met"));
        }
        md.append('\n');
        List<String> described = new ArrayList<>();
        for (RunAs way : ways(home, Component.STANDARDS)) {
            if (!described.contains(way.name())) {
                described.add(way.name());
                md.append("- ")
                        .append(way.name())
                        .append(": ")
                        .append(way.description())
                        .append('\n');
            }
        }
        md.append(String.format(
                Locale.ROOT,
                "%nThe whole suite **with the local run's options** (`%s`: the options Kubernetes gives too, with"
                        + " the container's limit instead of `-XX:MaxRAM`), each application restarted with them one"
                        + " after another (PostgreSQL up with its data), each path warmed up with %d sequential"
                        + " requests answered 2xx, then idle and after %s. The total is the proportional memory (PSS,"
                        + " /proc/<pid>/smaps_rollup: pages shared between processes, such as PostgreSQL's shared"
                        + " buffers mapped by every backend, counted once), against %.1f GiB.%n%n",
                String.join(" ", Suite.localJvmOptions()),
                WARM_UP_REQUESTS,
                local.whole().load(),
                SUITE_TARGET_MIB / 1024));
        md.append(
                        "| path of the mixed load | clients | requests answered 2xx | requests/s | p50, ms | p99, ms | errors |\n")
                .append("|---|---:|---:|---:|---:|---:|---:|\n");
        for (LoadResult r : local.load()) {
            md.append(String.format(
                    Locale.ROOT,
                    "| %s | %d | %d | %.0f | %.1f | %.1f | %d |%n",
                    r.path(),
                    r.concurrency(),
                    r.operations(),
                    r.throughput(),
                    r.p50Millis(),
                    r.p99Millis(),
                    r.errors()));
        }
        md.append('\n');
        double localTotal = table(md, local.whole(), "started, s");
        md.append(String.format(
                Locale.ROOT,
                "The whole suite with PostgreSQL after the load, with the local run's options: **%.0f MiB** PSS"
                        + " against %.0f MiB (%.1f GiB): %s.%n",
                localTotal,
                SUITE_TARGET_MIB,
                SUITE_TARGET_MIB / 1024,
                localTotal < SUITE_TARGET_MIB ? "met" : "not met"));
        md.append(String.format(
                Locale.ROOT,
                "%nFor information, the whole suite as the benchmark runs it: started together with the benchmark's"
                        + " JVM options (`%s`; the full JIT, 2 cores shared, so each start is slower than alone), idle"
                        + " and after the load of %s; not the options the target is about.%n%n",
                String.join(" ", benchJvmOptions),
                whole.load()));
        double total = table(md, whole, "started together, s");
        md.append(String.format(
                Locale.ROOT,
                "With the benchmark's options: %.0f MiB PSS (information; the verdict is on the local run's options"
                        + " above).%n",
                total));
        return new Benchmark.Section("Footprint", md.toString(), List.of(), "");
    }
    /** One whole-suite table (each JVM and PostgreSQL, then the sum); returns the total PSS in MiB. */
    private static double table(StringBuilder md, Whole whole, String started) {
        md.append("| process | ")
                .append(started)
                .append(" | resident idle, MiB | resident after the load, MiB | PSS after the load, MiB |\n")
                .append("|---|---:|---:|---:|---:|\n");
        double idleSum = 0;
        double loadedSum = 0;
        double pssSum = 0;
        for (Component c : Component.values()) {
            md.append(String.format(
                    Locale.ROOT,
                    "| %s | %.1f | %.0f | %.0f | %.0f |%n",
                    c.module(),
                    whole.startedTogether().get(c).toMillis() / 1000.0,
                    whole.idle().get(c),
                    whole.loaded().get(c),
                    whole.loadedProportional().get(c)));
            idleSum += whole.idle().get(c);
            loadedSum += whole.loaded().get(c);
            pssSum += whole.loadedProportional().get(c);
        }
        Postgres pg = whole.postgres();
        md.append(String.format(
                Locale.ROOT,
                "| PostgreSQL (%d processes) | | | %.0f | %.0f |%n",
                pg.processes(),
                pg.residentMiB(),
                pg.proportionalMiB()));
        double total = pssSum + pg.proportionalMiB();
        md.append(String.format(
                Locale.ROOT,
                "| **all, with PostgreSQL** | | %.0f (applications) | %.0f | **%.0f** |%n%n",
                idleSum,
                loadedSum + pg.residentMiB(),
                total));
        return total;
    }
}
