package org.sqm.bench;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Writes a month of scoring-service's own inputs straight into its database with COPY, for the
 * scorecard benchmark, in the shapes its batch APIs record them: survey responses in weekly batches
 * per city branch (the city-wide satisfaction survey by segment, on a 0-10 scale; one batch corrected
 * by a later one, so superseded responses are there too), customers served and the sampled
 * indicators' measurements in one batch per city branch, and violations in the ledger under the
 * catalogue's deduction rules, a few withdrawn. Run after the scoring catalogue is loaded: the
 * violations name its rules and the measurements its indicators. Deterministic for a seed.
 */
final class ScoringInputSeeder {

    /** What was written and how long it took. */
    record Seeded(
            long surveyResponses,
            long surveyBatches,
            long supersededResponses,
            long customersServed,
            long measurements,
            long violations,
            long withdrawn,
            Duration copy) {}

    private static final String BATCH_COLUMNS = "id, batch_id, kind, source, supersedes_batch_id, scale_min, scale_max,"
            + " item_count, fingerprint, record_time";
    private static final String SURVEY_COLUMNS =
            "id, batch_pk, item_index, unit_id, segment, response_date, score, normalised, current, record_time";
    private static final String CUSTOMERS_COLUMNS =
            "id, batch_pk, item_index, unit_id, period, period_start, period_end, customers, current, record_time";
    private static final String MEASUREMENT_COLUMNS = "id, batch_pk, item_index, unit_id, indicator_code, period,"
            + " period_start, period_end, numerator, denominator, mean, sample_size, current, record_time";
    private static final String VIOLATION_COLUMNS = "id, unit_id, rule_id, rule_code, points_millis, occurred_time,"
            + " evidence, reported_by, source, source_id, request_id, request_hash, record_time";
    private static final String[] SEGMENTS = {
        "MOBILE", "MOBILE", "MOBILE", "MOBILE", "HOME", "HOME", "BROADBAND", "BROADBAND", "BUSINESS", "VIP"
    };
    /** The scoring-service batch API's limit of items per batch. */
    private static final int MAX_ITEMS = 10_000;

    private final Connection db;
    private final UnitTreeSeeder.Tree tree;
    private final YearMonth month;
    private final Instant from;
    private final Instant to;
    private final ZoneId zone;
    private final Instant now;
    private final Random random;
    private final Copy batches;

    private ScoringInputSeeder(
            Connection db, UnitTreeSeeder.Tree tree, YearMonth month, ZoneId zone, Instant now, long seed)
            throws SQLException {
        this.db = db;
        this.tree = tree;
        this.month = month;
        this.zone = zone;
        this.from = month.atDay(1).atStartOfDay(zone).toInstant();
        this.to = month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
        this.now = now;
        this.random = new Random(seed);
        this.batches = new Copy(db, "input_batch", BATCH_COLUMNS, 1_000);
    }

    /** Writes {@code responses} survey responses and {@code violations} violations and the rest for the month. */
    static Seeded seed(
            Connection db,
            UnitTreeSeeder.Tree tree,
            YearMonth month,
            ZoneId zone,
            Instant now,
            long responses,
            long violations,
            long seed)
            throws SQLException {
        long began = System.nanoTime();
        long audited = Copy.auditEvents(db);
        Copy.withoutTriggers(db);
        ScoringInputSeeder s = new ScoringInputSeeder(db, tree, month, zone, now, seed);
        long[] surveys = s.surveys(responses);
        long customers = s.customersServed();
        long measurements = s.measurements();
        long[] ledger = s.violations(violations);
        s.batches.flush();
        Copy.analyze(
                db,
                "input_batch",
                "survey_response",
                "customers_served",
                "measurement",
                "violation",
                "violation_withdrawal");
        Copy.requireNoAuditEvents(db, audited, "ScoringInputSeeder");
        return new Seeded(
                surveys[0],
                surveys[1],
                surveys[2],
                customers,
                measurements,
                ledger[0],
                ledger[1],
                Duration.ofNanos(System.nanoTime() - began));
    }

    /** A batch header; answers its primary key. */
    private UUID batch(
            String batchId, String kind, String source, String supersedes, boolean survey, int items, Instant recorded)
            throws SQLException {
        UUID pk = new UUID(random.nextLong(), random.nextLong());
        batches.row(
                pk,
                batchId,
                kind,
                source,
                supersedes,
                survey ? 0.0 : null,
                survey ? 10.0 : null,
                items,
                sha256(batchId),
                recorded);
        return pk;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private Instant notAfterNow(Instant t) {
        return t.isAfter(now.minusSeconds(60)) ? now.minusSeconds(60) : t;
    }

    /**
     * Survey responses: the hotlines hear from the most customers, then the online services, the halls,
     * the field teams and the account managers; small units may stay below a model's minimum sample.
     * Answers responses, batches, superseded responses.
     */
    private long[] surveys(long count) throws SQLException {
        List<UnitTreeSeeder.Unit> units = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        for (UnitTreeSeeder.Unit u : tree.leaves()) {
            double w =
                    switch (u.type()) {
                        case HOTLINE -> 400;
                        case ONLINE_SERVICE -> 150;
                        case SERVICE_HALL -> 12;
                        case FIELD_TEAM -> 8;
                        default -> 30;
                    };
            units.add(u);
            weights.add(w * (0.5 + random.nextDouble()));
        }
        double[] cumulative = new double[weights.size()];
        double sum = 0;
        for (int i = 0; i < cumulative.length; i++) {
            sum += weights.get(i);
            cumulative[i] = sum;
        }
        int days = month.lengthOfMonth();
        // (city, week) -> responses as rows to be numbered: unit index, day, segment, score.
        Map<String, List<int[]>> byBatch = new LinkedHashMap<>();
        for (long n = 0; n < count; n++) {
            int at = Arrays.binarySearch(cumulative, random.nextDouble() * sum);
            int unit = at < 0 ? -at - 1 : at;
            int day = random.nextInt(days);
            UnitTreeSeeder.Unit u = units.get(unit);
            int score =
                    (int) Math.round(Math.min(10, Math.max(0, 10 * u.quality() - 0.5 + random.nextGaussian() * 1.6)));
            byBatch.computeIfAbsent(u.city() + "/" + (day / 7), k -> new ArrayList<>())
                    .add(new int[] {unit, day, random.nextInt(SEGMENTS.length), score});
        }
        Copy rows = new Copy(db, "survey_response", SURVEY_COLUMNS, 50_000);
        long batchCount = 0;
        long superseded = 0;
        boolean corrected = false;
        List<String> keys = new ArrayList<>(byBatch.keySet());
        keys.sort(null);
        for (String key : keys) {
            List<int[]> all = byBatch.get(key);
            int week = Integer.parseInt(key.substring(key.indexOf('/') + 1));
            Instant recorded = notAfterNow(month.atDay(Math.min(days, 7 * week + 7))
                    .plusDays(2)
                    .atStartOfDay(zone)
                    .toInstant());
            for (int part = 0; part * MAX_ITEMS < all.size(); part++) {
                List<int[]> items = all.subList(part * MAX_ITEMS, Math.min(all.size(), (part + 1) * MAX_ITEMS));
                String batchId = String.format(
                        "BENCH-SURVEY-%s-C%s-W%d-%d", month, key.substring(0, key.indexOf('/')), week + 1, part + 1);
                String supersedes = null;
                if (!corrected) {
                    // The first batch was delivered with the scale wrong and corrected by the vendor: its
                    // responses stay, superseded, beside the correction's.
                    UUID old = batch(
                            batchId, "SURVEY_RESPONSES", "Bench survey vendor", null, true, items.size(), recorded);
                    responses(rows, old, items, units, false, recorded, 1);
                    superseded += items.size();
                    batchCount++;
                    supersedes = batchId;
                    batchId = batchId + "-corrected";
                    corrected = true;
                }
                UUID pk = batch(
                        batchId, "SURVEY_RESPONSES", "Bench survey vendor", supersedes, true, items.size(), recorded);
                responses(rows, pk, items, units, true, recorded, 0);
                batchCount++;
            }
        }
        return new long[] {rows.flush() - superseded, batchCount, superseded};
    }

    private void responses(
            Copy rows,
            UUID batch,
            List<int[]> items,
            List<UnitTreeSeeder.Unit> units,
            boolean current,
            Instant recorded,
            int shift)
            throws SQLException {
        for (int i = 0; i < items.size(); i++) {
            int[] r = items.get(i);
            int score = Math.max(0, r[3] - shift);
            rows.row(
                    new UUID(random.nextLong(), random.nextLong()),
                    batch,
                    i,
                    units.get(r[0]).id(),
                    SEGMENTS[r[2]],
                    month.atDay(r[1] + 1),
                    (double) score,
                    score * 10.0,
                    current,
                    recorded);
        }
    }

    /**
     * Customers served by every unit but the company, one batch per city branch (the company's own
     * units and the city branches in the company's): a branch serves what its units serve; one unit in
     * twenty has no figure this month.
     */
    private long customersServed() throws SQLException {
        Map<UUID, Long> customers = new HashMap<>();
        List<UnitTreeSeeder.Unit> bottomUp = new ArrayList<>(tree.units());
        Collections.reverse(bottomUp);
        for (UnitTreeSeeder.Unit u : bottomUp) {
            long own =
                    switch (u.type()) {
                        case HOTLINE -> 200_000 + random.nextInt(300_000);
                        case ONLINE_SERVICE -> 80_000 + random.nextInt(120_000);
                        case SERVICE_HALL -> (long) Math.exp(8.5 + random.nextGaussian() * 0.5);
                        case FIELD_TEAM -> 1_000 + random.nextInt(4_000);
                        case ACCOUNT_MANAGEMENT_TEAM -> 300 + random.nextInt(700);
                        default -> 0;
                    };
            customers.merge(u.id(), own, Long::sum);
            if (u.parentId() != null) {
                customers.merge(u.parentId(), customers.get(u.id()), Long::sum);
            }
        }
        Copy rows = new Copy(db, "customers_served", CUSTOMERS_COLUMNS, 20_000);
        Instant recorded = notAfterNow(to.plus(2, ChronoUnit.DAYS));
        for (Map.Entry<Integer, List<UnitTreeSeeder.Unit>> city : byCity().entrySet()) {
            List<UnitTreeSeeder.Unit> items = city.getValue().stream()
                    .filter(u -> u.type() != UnitTreeSeeder.Type.COMPANY)
                    .filter(u -> u.type().branch() || random.nextInt(20) > 0)
                    .toList();
            UUID pk = batch(
                    String.format("BENCH-CUSTOMERS-%s-C%02d", month, city.getKey()),
                    "CUSTOMERS_SERVED",
                    "Bench billing system",
                    null,
                    false,
                    items.size(),
                    recorded);
            for (int i = 0; i < items.size(); i++) {
                rows.row(
                        new UUID(random.nextLong(), random.nextLong()),
                        pk,
                        i,
                        items.get(i).id(),
                        month.toString(),
                        month.atDay(1),
                        month.plusMonths(1).atDay(1),
                        customers.get(items.get(i).id()),
                        true,
                        recorded);
            }
        }
        return rows.flush();
    }

    /**
     * The sampled indicators of the month, one batch per city branch: the field teams' four (visits
     * sampled by the city, 20 to 60 each; one team in thirty without one of them), the hotlines' calls
     * answered within 20 seconds, and first-contact resolution of the hotlines, online services and halls.
     */
    private long measurements() throws SQLException {
        Map<String, String> indicators = new LinkedHashMap<>();
        try (PreparedStatement s =
                        db.prepareStatement("SELECT code, coalesce(unit_type, '') FROM indicator ORDER BY code");
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                indicators.put(rs.getString(1), rs.getString(2));
            }
        }
        Copy rows = new Copy(db, "measurement", MEASUREMENT_COLUMNS, 20_000);
        Instant recorded = notAfterNow(to.plus(3, ChronoUnit.DAYS));
        for (Map.Entry<Integer, List<UnitTreeSeeder.Unit>> city : byCity().entrySet()) {
            List<Object[]> items = new ArrayList<>();
            for (UnitTreeSeeder.Unit u : city.getValue()) {
                for (Map.Entry<String, String> indicator : indicators.entrySet()) {
                    String code = indicator.getKey();
                    boolean ofType = indicator.getValue().equals(u.type().name());
                    boolean firstContact = code.equals("FIRST_CONTACT_RESOLUTION")
                            && (u.type() == UnitTreeSeeder.Type.HOTLINE
                                    || u.type() == UnitTreeSeeder.Type.ONLINE_SERVICE
                                    || u.type() == UnitTreeSeeder.Type.SERVICE_HALL);
                    if (!ofType && !firstContact) {
                        continue;
                    }
                    if (u.type() == UnitTreeSeeder.Type.FIELD_TEAM && random.nextInt(120) == 0) {
                        continue;
                    }
                    long denominator =
                            switch (u.type()) {
                                case FIELD_TEAM -> 20 + random.nextInt(41);
                                case HOTLINE -> 50_000 + random.nextInt(150_000);
                                case ONLINE_SERVICE -> 10_000 + random.nextInt(30_000);
                                default -> 300 + random.nextInt(2_700);
                            };
                    double p = Math.min(1, Math.max(0, u.quality() + random.nextGaussian() * 0.03));
                    long numerator = Math.min(denominator, Math.round(denominator * p));
                    items.add(new Object[] {u.id(), code, numerator, denominator});
                }
            }
            if (items.isEmpty()) {
                continue;
            }
            String batchId = String.format("BENCH-MEASUREMENTS-%s-C%02d", month, city.getKey());
            UUID pk = batch(batchId, "MEASUREMENTS", "Bench city sampling", null, false, items.size(), recorded);
            for (int i = 0; i < items.size(); i++) {
                Object[] m = items.get(i);
                rows.row(
                        new UUID(random.nextLong(), random.nextLong()),
                        pk,
                        i,
                        m[0],
                        m[1],
                        month.toString(),
                        month.atDay(1),
                        month.plusMonths(1).atDay(1),
                        m[2],
                        m[3],
                        0.0,
                        0,
                        true,
                        recorded);
            }
        }
        return rows.flush();
    }

    /** The units by city branch (0: the company and its own units), parents first. */
    private Map<Integer, List<UnitTreeSeeder.Unit>> byCity() {
        Map<Integer, List<UnitTreeSeeder.Unit>> byCity = new TreeMap<>();
        for (UnitTreeSeeder.Unit u : tree.units()) {
            byCity.computeIfAbsent(u.city(), k -> new ArrayList<>()).add(u);
        }
        return byCity;
    }

    /**
     * Violations in the month: seven in ten of a unit that serves customers, the rest of a county or
     * city branch; late and incomplete reports most often; three in a hundred withdrawn on appeal.
     * Answers violations, withdrawals.
     */
    private long[] violations(long count) throws SQLException {
        List<Object[]> rules = new ArrayList<>();
        try (PreparedStatement s =
                        db.prepareStatement("SELECT id, code, points_millis FROM deduction_rule ORDER BY code");
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                rules.add(new Object[] {rs.getObject(1, UUID.class), rs.getString(2), rs.getInt(3)});
            }
        }
        if (rules.isEmpty()) {
            throw new IllegalStateException("no deduction rules: load the scoring catalogue first");
        }
        List<UnitTreeSeeder.Unit> leaves = tree.leaves();
        List<UnitTreeSeeder.Unit> branches = tree.units().stream()
                .filter(u ->
                        u.type() == UnitTreeSeeder.Type.COUNTY_BRANCH || u.type() == UnitTreeSeeder.Type.CITY_BRANCH)
                .toList();
        Copy rows = new Copy(db, "violation", VIOLATION_COLUMNS, 10_000);
        Copy withdrawals =
                new Copy(db, "violation_withdrawal", "violation_id, reason, withdrawn_by, withdraw_time", 10_000);
        long span = Duration.between(from, to).getSeconds();
        for (long n = 0; n < count; n++) {
            UnitTreeSeeder.Unit u = random.nextInt(10) < 7
                    ? leaves.get(random.nextInt(leaves.size()))
                    : branches.get(random.nextInt(branches.size()));
            // Reports late or incomplete are the common case.
            Object[] rule = random.nextInt(2) == 0
                    ? rules.stream()
                            .filter(r -> ((String) r[1]).startsWith("REPORT_"))
                            .skip(random.nextInt(2))
                            .findFirst()
                            .orElse(rules.get(0))
                    : rules.get(random.nextInt(rules.size()));
            UUID id = new UUID(random.nextLong(), random.nextLong());
            Instant occurred =
                    from.plusSeconds((long) (random.nextDouble() * span)).truncatedTo(ChronoUnit.SECONDS);
            Instant recorded = notAfterNow(occurred.plusSeconds(3600 + random.nextInt(48 * 3600)));
            rows.row(
                    id,
                    u.id(),
                    rule[0],
                    rule[1],
                    rule[2],
                    occurred,
                    "Bench violation " + n + " of " + u.code(),
                    "City customer service department",
                    "MANUAL",
                    null,
                    null,
                    null,
                    recorded);
            if (random.nextInt(100) < 3) {
                withdrawals.row(
                        id,
                        "Appeal upheld: the report was on time",
                        "Provincial customer service department",
                        notAfterNow(recorded.plus(2, ChronoUnit.DAYS)));
            }
        }
        return new long[] {rows.flush(), withdrawals.flush()};
    }
}
