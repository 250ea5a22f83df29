package org.sqm.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The generated organisation has the benchmark's size and a shape standards-service accepts. */
class UnitTreeSeederTest {

    /** UnitType's table in standards-service: which parent types each type may sit under. */
    private static final Map<UnitTreeSeeder.Type, Set<UnitTreeSeeder.Type>> PARENTS = Map.of(
            UnitTreeSeeder.Type.CITY_BRANCH, Set.of(UnitTreeSeeder.Type.COMPANY),
            UnitTreeSeeder.Type.COUNTY_BRANCH, Set.of(UnitTreeSeeder.Type.CITY_BRANCH));

    private static final Set<UnitTreeSeeder.Type> BRANCHES =
            Set.of(UnitTreeSeeder.Type.COMPANY, UnitTreeSeeder.Type.CITY_BRANCH, UnitTreeSeeder.Type.COUNTY_BRANCH);

    @Test
    void tenThousandUnitsUnderOneCompanyInTheAllowedPlaces() {
        UnitTreeSeeder.Tree tree = UnitTreeSeeder.build(10_000, 1);

        assertEquals(10_000, tree.units().size());
        Map<UnitTreeSeeder.Type, Integer> counts = tree.counts();
        assertEquals(1, counts.get(UnitTreeSeeder.Type.COMPANY));
        assertEquals(20, counts.get(UnitTreeSeeder.Type.CITY_BRANCH));
        assertEquals(200, counts.get(UnitTreeSeeder.Type.COUNTY_BRANCH));
        assertEquals(21, counts.get(UnitTreeSeeder.Type.HOTLINE));
        assertEquals(21, counts.get(UnitTreeSeeder.Type.ONLINE_SERVICE));
        assertEquals(20, counts.get(UnitTreeSeeder.Type.ACCOUNT_MANAGEMENT_TEAM));
        // Service halls and field teams about 55 to 45.
        double halls = counts.get(UnitTreeSeeder.Type.SERVICE_HALL);
        double teams = counts.get(UnitTreeSeeder.Type.FIELD_TEAM);
        assertTrue(Math.abs(halls / (halls + teams) - 0.55) < 0.01, counts.toString());

        Map<UUID, UnitTreeSeeder.Unit> byId =
                tree.units().stream().collect(Collectors.toMap(UnitTreeSeeder.Unit::id, Function.identity()));
        Set<UUID> seen = new HashSet<>();
        for (UnitTreeSeeder.Unit u : tree.units()) {
            if (u.parentId() == null) {
                assertEquals(UnitTreeSeeder.Type.COMPANY, u.type());
                assertEquals(0, u.depth());
            } else {
                assertTrue(seen.contains(u.parentId()), "parents come first: " + u.code());
                UnitTreeSeeder.Unit parent = byId.get(u.parentId());
                Set<UnitTreeSeeder.Type> allowed = PARENTS.getOrDefault(u.type(), BRANCHES);
                assertTrue(allowed.contains(parent.type()), u.type() + " under " + parent.type());
                assertEquals(parent.depth() + 1, u.depth());
            }
            seen.add(u.id());
        }
        assertEquals(
                10_000,
                tree.units().stream().map(UnitTreeSeeder.Unit::code).distinct().count());
        assertTrue(tree.units().stream().allMatch(u -> u.code().matches("[A-Za-z0-9._-]{1,64}")));
    }

    @Test
    void theSameSeedGivesTheSameTree() {
        List<UnitTreeSeeder.Unit> a = UnitTreeSeeder.build(300, 7).units();
        List<UnitTreeSeeder.Unit> b = UnitTreeSeeder.build(300, 7).units();
        assertEquals(a, b);
        assertEquals(
                "1 company, 2 city branches, 20 county branches, 148 service halls, 3 hotlines, 3 online services,"
                        + " 121 field teams, 2 account-management teams",
                UnitTreeSeeder.build(300, 7).describe());
    }
}
