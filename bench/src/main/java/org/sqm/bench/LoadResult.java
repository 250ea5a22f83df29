package org.sqm.bench;

import java.util.Arrays;

/**
 * What one load run measured: completed operations, failures, wall time, and latency percentiles.
 *
 * @param path        what was driven, e.g. "REST (gateway)"
 * @param concurrency concurrent clients
 * @param operations  operations that succeeded
 * @param errors      operations that failed
 * @param seconds     the wall time of the run
 * @param p50Millis   median latency of the successful operations
 * @param p99Millis   99th percentile latency of the successful operations
 */
public record LoadResult(
        String path,
        int concurrency,
        long operations,
        long errors,
        double seconds,
        double p50Millis,
        double p99Millis) {

    /** Successful operations per second. */
    public double throughput() {
        return seconds <= 0 ? 0 : operations / seconds;
    }

    /** Builds a result from latencies in nanoseconds (of successful operations only). */
    static LoadResult of(String path, int concurrency, long[] latencyNanos, long errors, double seconds) {
        long[] sorted = latencyNanos.clone();
        Arrays.sort(sorted);
        return new LoadResult(
                path,
                concurrency,
                sorted.length,
                errors,
                seconds,
                percentile(sorted, 0.50) / 1e6,
                percentile(sorted, 0.99) / 1e6);
    }

    static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
