package org.sqm.commons.audit;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * The action a change without a gRPC caller is recorded under: a scheduled job names itself
 * ({@code AuditActions.run("deadline-watch", () -> ...)}, recorded as {@code job:deadline-watch}).
 */
public final class AuditActions {

    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

    private AuditActions() {}

    /** Runs work as the job {@code name}. */
    public static void run(String name, Runnable work) {
        call(name, () -> {
            work.run();
            return null;
        });
    }

    /** Runs work as the job {@code name} and returns its result. */
    public static <T> T call(String name, Supplier<T> work) {
        String before = CURRENT.get();
        CURRENT.set("job:" + name);
        try {
            return work.get();
        } finally {
            if (before == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(before);
            }
        }
    }

    static Optional<String> current() {
        return Optional.ofNullable(CURRENT.get());
    }
}
