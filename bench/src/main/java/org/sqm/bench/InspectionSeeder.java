package org.sqm.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.sqm.proto.standards.v1.RatingScaleKind;
import org.sqm.proto.standards.v1.Standard;

/**
 * Writes a month of finalized inspections straight into inspection-service's database with COPY, for
 * the scorecard benchmark: the pinned copy of a published standard (as inspection-service keeps it),
 * then each inspection with a rating of every element of it and the score card inspection-service
 * stores at finalization, computed from those ratings exactly as its {@code ScoreCard} does (so the
 * results feed, which reads the inspection, its ratings and the pinned version, serves what the
 * service itself would). Mystery shopping mostly — service halls by the city and the province, the
 * hotlines by the province, the online services by both — with on-site assessments of halls and spot
 * checks of field teams by the city beside it; every window starts in the month; some finalizations
 * fall after it. Findings, rectification orders and the inspectors are not written: the feed does
 * not read them. Deterministic for a seed.
 */
final class InspectionSeeder {

    /** What was written and how long it took. */
    record Seeded(long inspections, long ratings, long mysteryShopping, long failed, Duration copy) {}

    /** A standard version as inspection-service pins it (its StandardSnapshot). */
    record Snapshot(
            UUID id, String json, List<Element> elements, int[] levelPoints, boolean[] levelMeets, String[] levels) {}

    /** An element of the pinned version. */
    record Element(String code, String criterion, int weight, boolean critical) {}

    private static final String INSPECTION_COLUMNS = "id, unit_id, kind, authority_level, plan_id, standard_id,"
            + " window_start, window_end, status, missed, contact_mode, contact_time, contact_scenario, status_note,"
            + " create_time, start_time, submit_time, finalize_time, update_time, request_id, fingerprint, version,"
            + " score, failed, score_card";
    private static final String RATING_COLUMNS = "inspection_id, element_code, position, level_code, score,"
            + " not_applicable, justification, evidence_notes, attachments, observations, interviews,"
            + " meets_requirement, points, update_time";
    private static final String[] SCENARIOS = {
        "Asked to move a broadband line to a new address",
        "Asked why a bill doubled this month",
        "Asked for a cheaper mobile plan for an elderly parent",
        "Reported a fault that was not repaired after two visits",
        "Asked to cancel a value-added service never ordered"
    };
    private static final ObjectMapper JSON = new ObjectMapper();

    private InspectionSeeder() {}

    /** The pinned copy of a published standard version, as inspection-service's client builds it. */
    static Snapshot snapshot(Standard s) {
        if (s.getRatingScale().getKind() == RatingScaleKind.RATING_SCALE_KIND_NUMERIC) {
            throw new IllegalArgumentException(
                    "the generator rates on a scale of levels; " + s.getCode() + " is numeric");
        }
        ObjectNode root = JSON.createObjectNode()
                .put("id", s.getId())
                .put("code", s.getCode())
                .put("version", s.getVersion());
        var scale = s.getRatingScale();
        ObjectNode scaleNode = root.putObject("scale")
                .put("numeric", false)
                .put("allowNotApplicable", scale.getAllowNotApplicable())
                .put("minScore", scale.getMinScore())
                .put("maxScore", scale.getMaxScore())
                .put("passScore", scale.getPassScore());
        ArrayNode levelNodes = scaleNode.putArray("levels");
        int n = scale.getLevelsCount();
        int[] points = new int[n];
        boolean[] meets = new boolean[n];
        String[] codes = new String[n];
        for (int i = 0; i < n; i++) {
            var l = scale.getLevels(i);
            levelNodes
                    .addObject()
                    .put("code", l.getCode())
                    .put("label", l.getLabel())
                    .put("points", l.getPoints())
                    .put("meetsRequirement", l.getMeetsRequirement());
            points[i] = l.getPoints();
            meets[i] = l.getMeetsRequirement();
            codes[i] = l.getCode();
        }
        ArrayNode elementNodes = root.putArray("elements");
        List<Element> elements = new ArrayList<>();
        s.getCriteriaList().forEach(c -> c.getSubCriteriaList()
                .forEach(sub -> sub.getElementsList().forEach(e -> {
                    elementNodes
                            .addObject()
                            .put("code", e.getCode())
                            .put("title", e.getTitle())
                            .put("criterionCode", c.getCode())
                            .put("subCriterionCode", sub.getCode())
                            .put("weight", e.getWeight())
                            .put("mandatory", e.getMandatory())
                            .put("critical", e.getCritical());
                    elements.add(new Element(e.getCode(), c.getCode(), e.getWeight(), e.getCritical()));
                })));
        return new Snapshot(UUID.fromString(s.getId()), root.toString(), elements, points, meets, codes);
    }

    /** One inspection to write: whom, what, by whom. */
    private record Slot(UnitTreeSeeder.Unit unit, String kind, String level, double weight) {}

    /**
     * Writes {@code count} finalized inspections whose windows start in [from, to) (days in
     * {@code zone}), finalized by {@code now}, then ANALYZEs.
     */
    static Seeded seed(
            Connection db,
            UnitTreeSeeder.Tree tree,
            Snapshot standard,
            long count,
            Instant from,
            Instant to,
            ZoneId zone,
            Instant now,
            long seed)
            throws SQLException {
        Random random = new Random(seed);
        long began = System.nanoTime();
        long audited = Copy.auditEvents(db);
        Copy.withoutTriggers(db);
        try (PreparedStatement pin = db.prepareStatement("INSERT INTO pinned_standard (id, code, version, content,"
                + " fetch_time) VALUES (?, ?, ?, ?::jsonb, ?) ON CONFLICT (id) DO NOTHING")) {
            var node = JSON.readTree(standard.json());
            pin.setObject(1, standard.id());
            pin.setString(2, node.get("code").asText());
            pin.setInt(3, node.get("version").asInt());
            pin.setString(4, standard.json());
            pin.setTimestamp(5, Timestamp.from(from.minus(30, ChronoUnit.DAYS)));
            pin.executeUpdate();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        List<Slot> slots = slots(tree, random);
        double[] cumulative = new double[slots.size()];
        double sum = 0;
        for (int i = 0; i < slots.size(); i++) {
            sum += slots.get(i).weight();
            cumulative[i] = sum;
        }
        long days = Duration.between(from, to).toDays();
        Copy inspections = new Copy(db, "inspection", INSPECTION_COLUMNS, 5_000);
        Copy ratings = new Copy(db, "rating", RATING_COLUMNS, 50_000);
        long mystery = 0;
        long failedCount = 0;
        for (long n = 0; n < count; n++) {
            int at = Arrays.binarySearch(cumulative, random.nextDouble() * sum);
            Slot slot = slots.get(at < 0 ? -at - 1 : at);
            UUID id = new UUID(random.nextLong(), random.nextLong());
            boolean mysteryShopping = slot.kind().equals("MYSTERY_SHOPPING");
            Instant windowStart =
                    from.atZone(zone).plusDays(random.nextInt((int) days)).toInstant();
            Instant windowEnd = windowStart.plus(mysteryShopping ? 1 : 7, ChronoUnit.DAYS);
            Instant contact = windowStart.plusSeconds(9 * 3600 + random.nextInt(9 * 3600));
            Instant started = contact.minusSeconds(600);
            Instant submitted = contact.plusSeconds(3600 + random.nextInt(3 * 3600));
            Instant finalized = submitted.plusSeconds(random.nextInt(72 * 3600));
            if (finalized.isAfter(now.minusSeconds(60))) {
                finalized = now.minusSeconds(60);
            }
            if (submitted.isAfter(finalized)) {
                submitted = finalized;
            }
            // The ratings, and the score card computed from them as inspection-service's ScoreCard does.
            Map<String, long[]> byCriterion = new LinkedHashMap<>();
            long[] total = new long[3];
            List<String> failedElements = new ArrayList<>();
            for (int e = 0; e < standard.elements().size(); e++) {
                Element element = standard.elements().get(e);
                long[] criterion = byCriterion.computeIfAbsent(element.criterion(), c -> new long[3]);
                boolean notApplicable = !element.critical() && random.nextInt(100) < 3;
                int level = notApplicable
                        ? -1
                        : level(random, element.critical(), slot.unit().quality(), standard);
                int points = notApplicable ? 0 : standard.levelPoints()[level];
                boolean meets = notApplicable || standard.levelMeets()[level];
                ratings.row(
                        id,
                        element.code(),
                        e,
                        notApplicable ? null : standard.levels()[level],
                        null,
                        notApplicable,
                        notApplicable ? "Not offered at this unit" : null,
                        null,
                        "[]",
                        null,
                        "[]",
                        meets,
                        points,
                        finalized);
                if (notApplicable) {
                    continue;
                }
                if (element.critical() && !meets) {
                    failedElements.add(element.code());
                }
                add(total, element.weight(), points);
                add(criterion, element.weight(), points);
            }
            long range = Arrays.stream(standard.levelPoints()).max().orElse(0);
            BigDecimal score = score(total, range);
            boolean failed = !failedElements.isEmpty();
            StringBuilder card = new StringBuilder("{\"score\":")
                    .append(score == null ? "null" : score.toPlainString())
                    .append(",\"countedElements\":")
                    .append(total[0])
                    .append(",\"countedWeight\":")
                    .append(total[1])
                    .append(",\"criteria\":[");
            boolean first = true;
            for (Map.Entry<String, long[]> c : byCriterion.entrySet()) {
                BigDecimal cs = score(c.getValue(), range);
                card.append(first ? "" : ",")
                        .append("{\"criterionCode\":\"")
                        .append(c.getKey())
                        .append("\",\"score\":")
                        .append(cs == null ? "null" : cs.toPlainString())
                        .append(",\"countedElements\":")
                        .append(c.getValue()[0])
                        .append(",\"countedWeight\":")
                        .append(c.getValue()[1])
                        .append('}');
                first = false;
            }
            card.append("],\"failed\":").append(failed).append(",\"failedElementCodes\":[");
            for (int i = 0; i < failedElements.size(); i++) {
                card.append(i == 0 ? "\"" : ",\"").append(failedElements.get(i)).append('"');
            }
            card.append("]}");
            inspections.row(
                    id,
                    slot.unit().id(),
                    slot.kind(),
                    slot.level(),
                    null,
                    standard.id(),
                    windowStart,
                    windowEnd,
                    "FINALIZED",
                    false,
                    mysteryShopping
                            ? (slot.unit().type() == UnitTreeSeeder.Type.SERVICE_HALL ? "VISIT" : "CALL")
                            : null,
                    mysteryShopping ? contact : null,
                    mysteryShopping ? SCENARIOS[random.nextInt(SCENARIOS.length)] : null,
                    null,
                    windowStart.minus(3, ChronoUnit.DAYS),
                    started,
                    submitted,
                    finalized,
                    finalized,
                    null,
                    null,
                    5,
                    score == null ? null : score.toPlainString(),
                    failed,
                    card.toString());
            mystery += mysteryShopping ? 1 : 0;
            failedCount += failed ? 1 : 0;
        }
        inspections.flush();
        long ratingRows = ratings.flush();
        Copy.analyze(db, "inspection", "rating");
        Copy.requireNoAuditEvents(db, audited, "InspectionSeeder");
        return new Seeded(count, ratingRows, mystery, failedCount, Duration.ofNanos(System.nanoTime() - began));
    }

    /**
     * Who is inspected how often in a month (relative weights): service halls by mystery shoppers of the
     * city (10) and of the province (6; one hall in twenty not sampled by the province this month), and
     * an on-site assessment now and then; the hotlines by the province (150: monthly mystery calls in
     * numbers); online services by both (40 each); field teams by spot checks of the city.
     */
    private static List<Slot> slots(UnitTreeSeeder.Tree tree, Random random) {
        List<Slot> slots = new ArrayList<>();
        for (UnitTreeSeeder.Unit u : tree.units()) {
            switch (u.type()) {
                case SERVICE_HALL -> {
                    slots.add(new Slot(u, "MYSTERY_SHOPPING", "CITY", 10));
                    if (random.nextInt(20) > 0) {
                        slots.add(new Slot(u, "MYSTERY_SHOPPING", "PROVINCIAL", 6));
                    }
                    slots.add(new Slot(u, "ON_SITE_ASSESSMENT", "CITY", 1));
                }
                case HOTLINE -> slots.add(new Slot(u, "MYSTERY_SHOPPING", "PROVINCIAL", 150));
                case ONLINE_SERVICE -> {
                    slots.add(new Slot(u, "MYSTERY_SHOPPING", "PROVINCIAL", 40));
                    slots.add(new Slot(u, "MYSTERY_SHOPPING", "CITY", 40));
                }
                case FIELD_TEAM -> slots.add(new Slot(u, "SPOT_CHECK", "CITY", 1));
                default -> {
                    // Branches and account-management teams are not inspected here.
                }
            }
        }
        return slots;
    }

    /** A level index: critical elements are nearly always met; the others as well as the unit serves. */
    private static int level(Random random, boolean critical, double quality, Snapshot standard) {
        int levels = standard.levels().length;
        double met = critical ? 0.992 : quality;
        double r = random.nextDouble();
        if (r < met || levels == 1) {
            return 0;
        }
        // Below the best: mostly the next level, sometimes the worst.
        return r < met + (1 - met) * 0.7 ? 1 : levels - 1;
    }

    private static void add(long[] sum, int weight, int points) {
        sum[0]++;
        sum[1] += weight;
        sum[2] += (long) weight * points;
    }

    /** 100 x sum(w x points) / (range x sum(w)), half up to two decimals; null when nothing counts. */
    private static BigDecimal score(long[] sum, long range) {
        if (sum[0] == 0 || sum[1] <= 0 || range <= 0) {
            return null;
        }
        return BigDecimal.valueOf(100 * sum[2]).divide(BigDecimal.valueOf(range * sum[1]), 2, RoundingMode.HALF_UP);
    }
}
