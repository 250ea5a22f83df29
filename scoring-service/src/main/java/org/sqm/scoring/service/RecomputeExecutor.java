package org.sqm.scoring.service;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.sqm.scoring.config.ScoringConfig;

/**
 * The threads recomputes run on, off the gRPC workers: a recompute answers at once and works on here.
 * A run cut short by a shutdown stops heart-beating and is marked FAILED by the next recompute of its
 * period.
 */
@ApplicationScoped
public class RecomputeExecutor {

    private final ExecutorService executor;

    public RecomputeExecutor(ScoringConfig config) {
        AtomicInteger n = new AtomicInteger();
        this.executor =
                Executors.newFixedThreadPool(Math.max(1, config.scorecards().threads()), r -> {
                    Thread t = new Thread(r, "scorecard-recompute-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
    }

    public void submit(Runnable work) {
        executor.submit(work);
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
