package org.sqm.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.sqm.suite.Component;
import org.sqm.suite.Suite;

/**
 * Where the CPU of a load run went: user plus system time of each application's JVM, of the whole
 * PostgreSQL server (the postmaster, every backend and helper process, and the children it has reaped)
 * and of the load generator (hey: the processes this JVM started and reaped), read from
 * {@code /proc/<pid>/stat} before and after the run. Divided by the requests the run completed, it is
 * the CPU one request costs the machine, which bounds what a run can reach on its cores.
 */
final class CpuAccounting {

    /** The PostgreSQL server, as one entry. */
    static final String POSTGRESQL = "PostgreSQL";

    /** The load generator, as one entry. */
    static final String LOAD = "load generator";

    /** Linux's USER_HZ: /proc reports CPU time in hundredths of a second. */
    private static final double TICKS_PER_SECOND = 100.0;

    private final Suite suite;

    CpuAccounting(Suite suite) {
        this.suite = suite;
    }

    /** True when /proc can be read here (Linux). */
    static boolean measurable() {
        return Files.isReadable(Path.of("/proc/self/stat"));
    }

    /** CPU seconds used so far, per application, PostgreSQL and the load generator. */
    Map<String, Double> snapshot() {
        Map<String, Double> seconds = new LinkedHashMap<>();
        for (Component c : Component.values()) {
            seconds.put(c.module(), ticks(suite.process(c).pid(), false) / TICKS_PER_SECOND);
        }
        seconds.put(POSTGRESQL, postgresTicks() / TICKS_PER_SECOND);
        seconds.put(LOAD, ticks(ProcessHandle.current().pid(), true) / TICKS_PER_SECOND);
        return seconds;
    }

    /** The CPU seconds each entry used between two snapshots. */
    static Map<String, Double> used(Map<String, Double> before, Map<String, Double> after) {
        Map<String, Double> used = new LinkedHashMap<>();
        after.forEach((name, s) -> used.put(name, Math.max(0, s - before.getOrDefault(name, 0.0))));
        return used;
    }

    /** The CPU seconds of the applications and PostgreSQL together: the system under test. */
    static double system(Map<String, Double> used) {
        return used.entrySet().stream()
                .filter(e -> !e.getKey().equals(LOAD))
                .mapToDouble(Map.Entry::getValue)
                .sum();
    }

    private long postgresTicks() {
        OptionalLong known = Footprint.postmaster(suite);
        if (known.isEmpty()) {
            return 0;
        }
        long postmaster = known.getAsLong();
        // The postmaster's own time and its reaped children's, then every child still running.
        long total = ticks(postmaster, false) + ticks(postmaster, true);
        total += ProcessHandle.of(postmaster)
                .map(p -> p.descendants().mapToLong(d -> ticks(d.pid(), false)).sum())
                .orElse(0L);
        return total;
    }

    /**
     * A process's own user plus system time, or with {@code children} that of its children it has
     * waited for (cutime + cstime), in ticks; 0 when the process is gone.
     */
    private static long ticks(long pid, boolean children) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            // After "pid (comm) ": state is field 0, utime 11, stime 12, cutime 13, cstime 14.
            List<String> fields =
                    List.of(stat.substring(stat.lastIndexOf(')') + 2).split(" "));
            int first = children ? 13 : 11;
            return Long.parseLong(fields.get(first)) + Long.parseLong(fields.get(first + 1));
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
