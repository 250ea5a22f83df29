package org.sqm.inspection.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The deterministic sample of a plan's occurrence: the target units ranked by
 * SHA-256("<plan id>:<period's first day>:<unit id>"), lowest first. The same plan and period always
 * rank the same units the same way (so regenerating picks the same sample), every period draws
 * afresh, and a unit added later changes a sample only if it ranks in it.
 */
public final class UnitSample {

    private UnitSample() {}

    /** The candidates in sample order: the first N are the sample of N. */
    public static List<UUID> ranked(UUID planId, LocalDate periodFirstDay, List<UUID> candidates) {
        Map<UUID, byte[]> keys = candidates.stream()
                .distinct()
                .collect(Collectors.toMap(Function.identity(), unit -> key(planId, periodFirstDay, unit)));
        return keys.keySet().stream()
                .sorted(Comparator.<UUID, byte[]>comparing(keys::get, Arrays::compareUnsigned)
                        .thenComparing(UUID::toString))
                .toList();
    }

    private static byte[] key(UUID planId, LocalDate day, UUID unit) {
        try {
            return MessageDigest.getInstance("SHA-256")
                    .digest((planId + ":" + day + ":" + unit).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
