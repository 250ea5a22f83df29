package org.sqm.bench;

import java.util.Map;

/**
 * A load run with the CPU every process used during it, per entry of {@link CpuAccounting}, in seconds
 * (empty where /proc cannot be read).
 */
record Measured(LoadResult load, Map<String, Double> cpu) {

    /** A run that takes a load result. */
    @FunctionalInterface
    interface Run {
        LoadResult run() throws Exception;
    }

    /** Runs {@code run} between two CPU snapshots; without {@code accounting} the CPU stays unknown. */
    static Measured of(CpuAccounting accounting, Run run) throws Exception {
        if (accounting == null) {
            return new Measured(run.run(), Map.of());
        }
        Map<String, Double> before = accounting.snapshot();
        LoadResult load = run.run();
        return new Measured(load, CpuAccounting.used(before, accounting.snapshot()));
    }

    /** CPU of the applications and PostgreSQL per answered request, in ms. */
    double cpuMillis() {
        long requests = load.operations() + load.errors();
        return requests == 0 ? 0 : 1000 * CpuAccounting.system(cpu) / requests;
    }

    /** An entry's CPU per answered request, in ms. */
    double cpuMillis(String entry) {
        long requests = load.operations() + load.errors();
        return requests == 0 ? 0 : 1000 * cpu.getOrDefault(entry, 0.0) / requests;
    }
}
