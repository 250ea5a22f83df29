package org.sqm.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.sqm.suite.Component;
import org.sqm.suite.Suite;

/** Each application's start time and resident memory, idle and after the load. */
final class Footprint {

    private Footprint() {}

    /** Resident memory of each application's JVM in MiB, from /proc/<pid>/status. */
    static Map<Component, Double> residentMiB(Suite suite) {
        Map<Component, Double> rss = new EnumMap<>(Component.class);
        for (Component c : Component.values()) {
            rss.put(c, rssKiB(suite.process(c).pid()) / 1024.0);
        }
        return rss;
    }

    static long rssKiB(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            // Not on Linux, or the process is gone: reported as 0.
        }
        return 0;
    }

    static Benchmark.Section section(Suite suite, Map<Component, Double> idle, Map<Component, Double> loaded) {
        StringBuilder md = new StringBuilder();
        md.append("All five started together (2 cores shared, so each start is slower than alone), with the JVM\n")
                .append("options above.\n\n")
                .append("| application | start to ready, s | resident idle, MiB | resident after the load, MiB |\n")
                .append("|---|---:|---:|---:|\n");
        double idleSum = 0;
        double loadedSum = 0;
        for (Component c : Component.values()) {
            md.append(String.format(
                    Locale.ROOT,
                    "| %s | %.1f | %.0f | %.0f |%n",
                    c.module(),
                    suite.startupTime(c).toMillis() / 1000.0,
                    idle.get(c),
                    loaded.get(c)));
            idleSum += idle.get(c);
            loadedSum += loaded.get(c);
        }
        md.append(String.format(Locale.ROOT, "| **all five** | | %.0f | %.0f |%n", idleSum, loadedSum));
        return new Benchmark.Section("Footprint", md.toString(), java.util.List.of(), "");
    }
}
