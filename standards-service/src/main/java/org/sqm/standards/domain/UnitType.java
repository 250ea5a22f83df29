package org.sqm.standards.domain;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The kind of service a unit delivers or the level it occupies in the hierarchy, and which types a
 * unit of each type may sit under: the one table of the hierarchy's shape. The branches form the
 * chain company > city branch > county branch; the units that serve customers sit under any of
 * those three and have nothing below them; a company sits at the top. A unit without a parent may
 * be of any type: the top of what this installation manages (a city branch running the suite for
 * itself has the city branch at its top).
 */
public enum UnitType {
    COMPANY(List.of()),
    CITY_BRANCH(List.of(COMPANY)),
    COUNTY_BRANCH(List.of(CITY_BRANCH)),
    SERVICE_HALL(List.of(COMPANY, CITY_BRANCH, COUNTY_BRANCH)),
    HOTLINE(List.of(COMPANY, CITY_BRANCH, COUNTY_BRANCH)),
    ONLINE_SERVICE(List.of(COMPANY, CITY_BRANCH, COUNTY_BRANCH)),
    FIELD_TEAM(List.of(COMPANY, CITY_BRANCH, COUNTY_BRANCH)),
    ACCOUNT_MANAGEMENT_TEAM(List.of(COMPANY, CITY_BRANCH, COUNTY_BRANCH));

    // A list, not an EnumSet: an EnumSet cannot be made while its enum is still being initialised.
    private final List<UnitType> parents;

    UnitType(List<UnitType> parents) {
        this.parents = parents;
    }

    /** Whether a unit of this type may sit directly under a unit of {@code parent}'s type. */
    public boolean mayBeUnder(UnitType parent) {
        return parents.contains(parent);
    }

    /** Where a unit of this type may sit, in words, e.g. "under a COMPANY, or at the top". */
    public String allowedPlaces() {
        if (parents.isEmpty()) {
            return "only at the top, with no parent";
        }
        return "under a " + parents.stream().map(Enum::name).collect(Collectors.joining(", a ")) + ", or at the top";
    }
}
