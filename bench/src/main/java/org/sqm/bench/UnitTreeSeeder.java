package org.sqm.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Writes an organisation of units straight into standards-service's database with COPY, for the
 * scorecard benchmark: one company, a city branch per 500 units, ten county branches per city, and
 * under them the units that serve customers in the shape of a provincial telecom operator — at the
 * company an online service and the provincial hotline; at each city branch its hotline, its online
 * service, an account-management team and four main service halls; at the county branches service
 * halls and field teams, about 55 to 45. Every unit sits under a type standards-service allows
 * (UnitType: branches in the chain company > city > county, the customer-facing units under any
 * branch). Deterministic for a seed.
 */
final class UnitTreeSeeder {

    /** The unit types, as standards-service stores them. */
    enum Type {
        COMPANY("company", "companies"),
        CITY_BRANCH("city branch", "city branches"),
        COUNTY_BRANCH("county branch", "county branches"),
        SERVICE_HALL("service hall", "service halls"),
        HOTLINE("hotline", "hotlines"),
        ONLINE_SERVICE("online service", "online services"),
        FIELD_TEAM("field team", "field teams"),
        ACCOUNT_MANAGEMENT_TEAM("account-management team", "account-management teams");

        private final String one;
        private final String many;

        Type(String one, String many) {
            this.one = one;
            this.many = many;
        }

        /** "service hall", or "service halls" for other than one. */
        String label(int n) {
            return n == 1 ? one : many;
        }

        boolean branch() {
            return this == COMPANY || this == CITY_BRANCH || this == COUNTY_BRANCH;
        }
    }

    /**
     * A unit as written.
     *
     * @param city the index of its city branch (0 for the company and its own units, from 1 below it)
     * @param quality how well it serves, 0 to 1: the other generators draw its inspection ratings,
     *     survey scores and rates around it, so units differ as they do in life
     */
    record Unit(UUID id, String code, String name, Type type, UUID parentId, int depth, int city, double quality) {}

    /** The tree: units parents first. */
    record Tree(List<Unit> units, int cities, Duration copy) {

        List<Unit> of(Type type) {
            return units.stream().filter(u -> u.type() == type).toList();
        }

        /** The units that serve customers (not the branches). */
        List<Unit> leaves() {
            return units.stream().filter(u -> !u.type().branch()).toList();
        }

        Map<Type, Integer> counts() {
            Map<Type, Integer> counts = new EnumMap<>(Type.class);
            units.forEach(u -> counts.merge(u.type(), 1, Integer::sum));
            return counts;
        }

        /** "1 company, 20 city branches, ..." for the report. */
        String describe() {
            List<String> parts = new ArrayList<>();
            counts().forEach((type, n) -> parts.add(String.format(Locale.ROOT, "%,d %s", n, type.label(n))));
            return String.join(", ", parts);
        }
    }

    private static final String COLUMNS =
            "id, code, name, type, parent_id, request_id, create_time, version, state, update_time, calendar_id";

    private UnitTreeSeeder() {}

    /** Builds the tree of {@code total} units (at least 50) for a seed, without writing it. */
    static Tree build(int total, long seed) {
        if (total < 50) {
            throw new IllegalArgumentException("at least 50 units, not " + total);
        }
        Random random = new Random(seed);
        int cities = Math.max(2, Math.round(total / 500f));
        int counties = cities * 10;
        List<Unit> units = new ArrayList<>(total);
        Unit company = unit(random, "SC", "Provincial company", Type.COMPANY, null, 0, 0);
        units.add(company);
        units.add(unit(random, "SC-HOTLINE", "Provincial 10000 hotline", Type.HOTLINE, company, 1, 0));
        units.add(unit(random, "SC-ONLINE", "Provincial online service", Type.ONLINE_SERVICE, company, 1, 0));
        List<Unit> countyUnits = new ArrayList<>(counties);
        for (int c = 1; c <= cities; c++) {
            String cc = String.format(Locale.ROOT, "SC-C%02d", c);
            Unit city = unit(random, cc, "City branch " + c, Type.CITY_BRANCH, company, 1, c);
            units.add(city);
            units.add(unit(random, cc + "-HOTLINE", "City " + c + " hotline", Type.HOTLINE, city, 2, c));
            units.add(unit(random, cc + "-ONLINE", "City " + c + " online service", Type.ONLINE_SERVICE, city, 2, c));
            units.add(unit(
                    random, cc + "-AM", "City " + c + " account managers", Type.ACCOUNT_MANAGEMENT_TEAM, city, 2, c));
            for (int h = 1; h <= 4; h++) {
                units.add(unit(
                        random,
                        String.format(Locale.ROOT, "%s-H%d", cc, h),
                        "City " + c + " main service hall " + h,
                        Type.SERVICE_HALL,
                        city,
                        2,
                        c));
            }
            for (int k = 1; k <= counties / cities; k++) {
                String kc = String.format(Locale.ROOT, "%s-K%02d", cc, k);
                Unit county = unit(random, kc, "County branch " + c + "-" + k, Type.COUNTY_BRANCH, city, 2, c);
                units.add(county);
                countyUnits.add(county);
            }
        }
        int remaining = total - units.size();
        if (remaining < counties) {
            throw new IllegalArgumentException(total + " units leave too few for the county branches");
        }
        int[] perCounty = new int[counties];
        for (int i = 0; i < remaining; i++) {
            perCounty[i % counties]++;
        }
        for (int k = 0; k < counties; k++) {
            Unit county = countyUnits.get(k);
            for (int i = 0; i < perCounty[k]; i++) {
                // 55 % service halls, evenly spread (in any first n units of a county, n x 0.55 rounded
                // down are halls), the rest field teams.
                boolean hall = (i + 1) * 11 / 20 > i * 11 / 20;
                units.add(unit(
                        random,
                        String.format(Locale.ROOT, "%s-%s%03d", county.code(), hall ? "H" : "F", i + 1),
                        (hall ? "Service hall " : "Field team ") + county.name().substring("County branch ".length())
                                + "-" + (i + 1),
                        hall ? Type.SERVICE_HALL : Type.FIELD_TEAM,
                        county,
                        3,
                        county.city()));
            }
        }
        return new Tree(Collections.unmodifiableList(units), cities, Duration.ZERO);
    }

    private static Unit unit(Random random, String code, String name, Type type, Unit parent, int depth, int city) {
        // Most units serve well, a tail serves badly.
        double quality = Math.min(0.995, Math.max(0.5, 0.9 + random.nextGaussian() * 0.05));
        return new Unit(
                new UUID(random.nextLong(), random.nextLong()),
                code,
                name,
                type,
                parent == null ? null : parent.id(),
                depth,
                city,
                quality);
    }

    /**
     * Writes the tree into standards-service's database (the company on the benchmark fixture's
     * calendar, every other unit inheriting it), then ANALYZEs; answers it with the time COPY took.
     */
    static Tree seed(Connection db, Tree tree, Instant created) throws SQLException {
        long began = System.nanoTime();
        UUID calendar = null;
        try (PreparedStatement s = db.prepareStatement("SELECT id FROM calendar ORDER BY create_time, id LIMIT 1");
                ResultSet rs = s.executeQuery()) {
            if (rs.next()) {
                calendar = rs.getObject(1, UUID.class);
            }
        }
        long audited = Copy.auditEvents(db);
        Copy.withoutTriggers(db);
        Copy rows = new Copy(db, "unit", COLUMNS, 5_000);
        for (Unit u : tree.units()) {
            rows.row(
                    u.id(),
                    u.code(),
                    u.name(),
                    u.type().name(),
                    u.parentId(),
                    null,
                    created,
                    0,
                    "ACTIVE",
                    created,
                    u.parentId() == null ? calendar : null);
        }
        rows.flush();
        Copy.analyze(db, "unit");
        Copy.requireNoAuditEvents(db, audited, "UnitTreeSeeder");
        return new Tree(tree.units(), tree.cities(), Duration.ofNanos(System.nanoTime() - began));
    }
}
