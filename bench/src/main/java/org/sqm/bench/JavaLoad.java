package org.sqm.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A load generator for the paths hey cannot drive (JDBC, gRPC): {@code concurrency} threads each run
 * the operation back to back (closed loop) or at a fixed pace until the duration is up, timing every
 * call.
 */
final class JavaLoad {

    /** One operation; {@code worker} is the thread's index, {@code n} the call's number within it. */
    interface Operation {
        void run(int worker, long n) throws Exception;
    }

    private JavaLoad() {}

    static LoadResult run(String path, int concurrency, Duration duration, Operation op) throws InterruptedException {
        return drive(path, concurrency, duration, 0, op);
    }

    /**
     * Offers {@code rate} operations per second, spread evenly, as {@link Hey#paced} does for HTTP:
     * {@code clients} threads, each at its share of the rate, their first calls staggered across one
     * period. A client that falls behind sends its next call at once but does not catch up on the calls
     * it missed (as hey's ticker drops ticks), so a stall shows in latency, not in a burst after it.
     */
    static LoadResult paced(String path, int clients, Duration duration, double rate, Operation op)
            throws InterruptedException {
        return drive(path, clients, duration, rate, op);
    }

    private static LoadResult drive(String path, int concurrency, Duration duration, double rate, Operation op)
            throws InterruptedException {
        long periodNanos = rate > 0 ? (long) (1e9 * concurrency / rate) : 0;
        int[] counts = new int[concurrency];
        AtomicLong errors = new AtomicLong();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        long[][] buffers = new long[concurrency][];
        for (int w = 0; w < concurrency; w++) {
            int worker = w;
            buffers[w] = new long[1 << 14];
            Thread thread = new Thread(
                    () -> {
                        try {
                            start.await();
                        } catch (InterruptedException e) {
                            return;
                        }
                        long first = System.nanoTime();
                        long end = first + duration.toNanos();
                        long due = first + worker * periodNanos / concurrency;
                        long n = 0;
                        while (System.nanoTime() < end) {
                            if (periodNanos > 0) {
                                // parkNanos may return early; wait out the rest.
                                for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                                    java.util.concurrent.locks.LockSupport.parkNanos(wait);
                                }
                                if (System.nanoTime() >= end) {
                                    break;
                                }
                                due = Math.max(due + periodNanos, System.nanoTime());
                            }
                            long t0 = System.nanoTime();
                            try {
                                op.run(worker, n++);
                                long took = System.nanoTime() - t0;
                                if (counts[worker] == buffers[worker].length) {
                                    buffers[worker] = java.util.Arrays.copyOf(buffers[worker], counts[worker] * 2);
                                }
                                buffers[worker][counts[worker]++] = took;
                            } catch (Exception e) {
                                errors.incrementAndGet();
                            }
                        }
                    },
                    "load-" + path + "-" + w);
            thread.start();
            threads.add(thread);
        }
        long began = System.nanoTime();
        start.countDown();
        for (Thread t : threads) {
            t.join();
        }
        double seconds = (System.nanoTime() - began) / 1e9;
        int total = 0;
        for (int w = 0; w < concurrency; w++) {
            total += counts[w];
        }
        long[] all = new long[total];
        int at = 0;
        for (int w = 0; w < concurrency; w++) {
            System.arraycopy(buffers[w], 0, all, at, counts[w]);
            at += counts[w];
        }
        return LoadResult.of(path, concurrency, all, errors.get(), seconds);
    }
}
