package org.sqm.standards.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.FieldMask;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.sqm.proto.standards.v1.CreateUnitRequest;
import org.sqm.proto.standards.v1.GetUnitRequest;
import org.sqm.proto.standards.v1.ListUnitsRequest;
import org.sqm.proto.standards.v1.Unit;
import org.sqm.proto.standards.v1.UnitServiceGrpc.UnitServiceBlockingStub;
import org.sqm.proto.standards.v1.UnitType;
import org.sqm.proto.standards.v1.UpdateUnitRequest;
import org.sqm.testing.EmbeddedPostgresResource;
import org.sqm.testing.GrpcErrors;

/**
 * Which unit type may sit under which: company at the top; city branch under a company; county
 * branch under a city branch; the units that serve customers under any of the three, with nothing
 * below them. Creates and moves that break the table are refused naming the field and the allowed
 * parents, and write nothing.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class UnitTypeRulesTest {

    private static final List<UnitType> SERVING = List.of(
            UnitType.UNIT_TYPE_SERVICE_HALL,
            UnitType.UNIT_TYPE_HOTLINE,
            UnitType.UNIT_TYPE_ONLINE_SERVICE,
            UnitType.UNIT_TYPE_FIELD_TEAM,
            UnitType.UNIT_TYPE_ACCOUNT_MANAGEMENT_TEAM);

    @GrpcClient("units")
    UnitServiceBlockingStub units;

    private Unit create(UnitType type, Unit parent) {
        Unit.Builder unit = Unit.newBuilder()
                .setCode(type.name().substring("UNIT_TYPE_".length()) + "-"
                        + UUID.randomUUID().toString().substring(0, 8))
                .setName("Unit")
                .setType(type);
        if (parent != null) {
            unit.setParentId(parent.getId());
        }
        return units.createUnit(CreateUnitRequest.newBuilder().setUnit(unit).build());
    }

    private Unit get(Unit unit) {
        return units.getUnit(GetUnitRequest.newBuilder().setId(unit.getId()).build());
    }

    private Unit update(Unit unit, String... paths) {
        return units.updateUnit(UpdateUnitRequest.newBuilder()
                .setUnit(unit.toBuilder().setEtag(get(unit).getEtag()))
                .setUpdateMask(FieldMask.newBuilder().addAllPaths(List.of(paths)))
                .build());
    }

    private int childrenOf(Unit unit) {
        return units.listUnits(ListUnitsRequest.newBuilder()
                        .setParentId(unit.getId())
                        .setShowInactive(true)
                        .build())
                .getUnitsCount();
    }

    private static void refused(Executable call, String field, String... phrases) {
        var e = assertThrows(StatusRuntimeException.class, call);
        assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode(), e.getMessage());
        assertEquals(List.of(field), GrpcErrors.violatedFields(e));
        for (String phrase : phrases) {
            assertTrue(e.getStatus().getDescription().contains(phrase), e.getMessage());
        }
    }

    @Test
    void theHierarchyOfTheControlPlanIsAccepted() {
        Unit company = create(UnitType.UNIT_TYPE_COMPANY, null);
        Unit city = create(UnitType.UNIT_TYPE_CITY_BRANCH, company);
        Unit county = create(UnitType.UNIT_TYPE_COUNTY_BRANCH, city);
        for (Unit branch : List.of(company, city, county)) {
            for (UnitType type : SERVING) {
                assertEquals(branch.getId(), create(type, branch).getParentId());
            }
        }
        // Any type may be the top of what an installation manages.
        for (UnitType type : List.of(UnitType.UNIT_TYPE_CITY_BRANCH, UnitType.UNIT_TYPE_SERVICE_HALL)) {
            assertEquals("", create(type, null).getParentId());
        }
    }

    @Test
    void aCreateUnderAParentOfTheWrongTypeIsRefusedNamingTheAllowedParents() {
        Unit company = create(UnitType.UNIT_TYPE_COMPANY, null);
        Unit city = create(UnitType.UNIT_TYPE_CITY_BRANCH, company);
        Unit hall = create(UnitType.UNIT_TYPE_SERVICE_HALL, city);

        refused(() -> create(UnitType.UNIT_TYPE_COMPANY, hall), "unit.parent_id", "COMPANY may sit only at the top");
        refused(() -> create(UnitType.UNIT_TYPE_COMPANY, company), "unit.parent_id", "only at the top");
        refused(
                () -> create(UnitType.UNIT_TYPE_COUNTY_BRANCH, company),
                "unit.parent_id",
                "COUNTY_BRANCH may sit under a CITY_BRANCH, or at the top",
                "is a COMPANY");
        refused(() -> create(UnitType.UNIT_TYPE_CITY_BRANCH, city), "unit.parent_id", "under a COMPANY");
        for (UnitType type : SERVING) {
            refused(
                    () -> create(type, hall),
                    "unit.parent_id",
                    "under a COMPANY, a CITY_BRANCH, a COUNTY_BRANCH, or at the top",
                    "is a SERVICE_HALL");
        }
        assertEquals(0, childrenOf(hall), "nothing was created");
    }

    @Test
    void aMoveOrATypeChangeThatBreaksTheTableIsRefusedAndChangesNothing() {
        Unit company = create(UnitType.UNIT_TYPE_COMPANY, null);
        Unit city = create(UnitType.UNIT_TYPE_CITY_BRANCH, company);
        Unit county = create(UnitType.UNIT_TYPE_COUNTY_BRANCH, city);
        Unit hall = create(UnitType.UNIT_TYPE_SERVICE_HALL, county);
        Unit otherHall = create(UnitType.UNIT_TYPE_SERVICE_HALL, city);

        // Moves: the unit's type must fit under the new parent.
        refused(
                () -> update(county.toBuilder().setParentId(company.getId()).build(), "parent_id"),
                "unit.parent_id",
                "under a CITY_BRANCH");
        refused(
                () -> update(hall.toBuilder().setParentId(otherHall.getId()).build(), "parent_id"),
                "unit.parent_id",
                "is a SERVICE_HALL");
        // A type change must fit under the parent ...
        refused(
                () -> update(
                        county.toBuilder().setType(UnitType.UNIT_TYPE_COMPANY).build(), "type"),
                "unit.type",
                "COMPANY may sit only at the top");
        // ... and the units right below must fit under the new type.
        refused(
                () -> update(
                        county.toBuilder().setType(UnitType.UNIT_TYPE_HOTLINE).build(), "type"),
                "unit.type",
                "a SERVICE_HALL sits right below this unit");
        // Both at once: the pair is judged together, and named by the parent.
        refused(
                () -> update(
                        hall.toBuilder()
                                .setType(UnitType.UNIT_TYPE_CITY_BRANCH)
                                .setParentId(city.getId())
                                .build(),
                        "type",
                        "parent_id"),
                "unit.parent_id",
                "CITY_BRANCH may sit under a COMPANY");

        assertEquals(UnitType.UNIT_TYPE_COUNTY_BRANCH, get(county).getType(), "nothing changed");
        assertEquals(city.getId(), get(county).getParentId());
        assertEquals(county.getId(), get(hall).getParentId());
        assertEquals(UnitType.UNIT_TYPE_SERVICE_HALL, get(hall).getType());

        // What the table allows goes through: a hall moved up to the city branch, a hall made a hotline,
        // a county branch made a city branch under the company.
        assertEquals(
                city.getId(),
                update(hall.toBuilder().setParentId(city.getId()).build(), "parent_id")
                        .getParentId());
        assertEquals(
                UnitType.UNIT_TYPE_HOTLINE,
                update(otherHall.toBuilder().setType(UnitType.UNIT_TYPE_HOTLINE).build(), "type")
                        .getType());
        Unit moved = update(
                county.toBuilder()
                        .setType(UnitType.UNIT_TYPE_CITY_BRANCH)
                        .setParentId(company.getId())
                        .build(),
                "type",
                "parent_id");
        assertEquals(UnitType.UNIT_TYPE_CITY_BRANCH, moved.getType());
        assertEquals(company.getId(), moved.getParentId());
    }
}
