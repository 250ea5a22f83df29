package org.sqm.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * How busy the JIT compilers of a set of JVMs are: the CPU time of their compiler threads ("C1
 * CompilerThread…", "C2 CompilerThread…"), read from {@code /proc/<pid>/task/<tid>/stat}. A JVM whose
 * compiler threads have gone quiet under load has compiled what the load runs; before that, a
 * benchmark measures the compiler as much as the code.
 */
final class JitActivity {

    /** Linux's USER_HZ: /proc reports CPU time in hundredths of a second. */
    private static final double TICKS_PER_SECOND = 100.0;

    private final Map<String, Long> pids;

    JitActivity(Map<String, Long> pids) {
        this.pids = new LinkedHashMap<>(pids);
    }

    /** True when /proc can be read here (Linux); elsewhere warm-up falls back to the rate alone. */
    boolean measurable() {
        return pids.values().stream().allMatch(pid -> Files.isDirectory(Path.of("/proc", pid.toString(), "task")));
    }

    /** The compiler threads' CPU time so far per JVM, in ticks. */
    Map<String, Long> snapshot() {
        Map<String, Long> ticks = new LinkedHashMap<>();
        pids.forEach((name, pid) -> ticks.put(name, compilerTicks(pid)));
        return ticks;
    }

    /** The busiest JVM's compiler threads between two snapshots, as a share of one core over {@code seconds}. */
    static double busiestShare(Map<String, Long> before, Map<String, Long> after, double seconds) {
        return after.entrySet().stream()
                .mapToDouble(e -> (e.getValue() - before.getOrDefault(e.getKey(), 0L)) / TICKS_PER_SECOND / seconds)
                .max()
                .orElse(0);
    }

    private static long compilerTicks(long pid) {
        try (Stream<Path> tasks = Files.list(Path.of("/proc", String.valueOf(pid), "task"))) {
            return tasks.mapToLong(JitActivity::compilerTicksOfThread).sum();
        } catch (IOException e) {
            return 0;
        }
    }

    private static long compilerTicksOfThread(Path task) {
        try {
            String stat = Files.readString(task.resolve("stat"));
            int close = stat.lastIndexOf(')');
            String name = stat.substring(stat.indexOf('(') + 1, close);
            if (!name.contains("CompilerThre")) {
                return 0;
            }
            // After "pid (comm) ": state is field 0, utime field 11, stime field 12.
            List<String> fields = List.of(stat.substring(close + 2).split(" "));
            return Long.parseLong(fields.get(11)) + Long.parseLong(fields.get(12));
        } catch (IOException | RuntimeException e) {
            return 0; // the thread ended between listing and reading
        }
    }
}
