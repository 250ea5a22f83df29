package org.sqm.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A closed-loop load generator for the paths hey cannot drive (JDBC, gRPC): {@code concurrency}
 * threads each run the operation back to back until the duration is up, timing every call.
 */
final class JavaLoad {

    /** One operation; {@code worker} is the thread's index, {@code n} the call's number within it. */
    interface Operation {
        void run(int worker, long n) throws Exception;
    }

    private JavaLoad() {}

    static LoadResult run(String path, int concurrency, Duration duration, Operation op) throws InterruptedException {
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
                        long end = System.nanoTime() + duration.toNanos();
                        long n = 0;
                        while (System.nanoTime() < end) {
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
