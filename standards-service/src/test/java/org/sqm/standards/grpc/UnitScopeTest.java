package org.sqm.standards.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.sqm.proto.standards.v1.CreateUnitRequest;
import org.sqm.proto.standards.v1.GetUnitPathRequest;
import org.sqm.proto.standards.v1.GetUnitRequest;
import org.sqm.proto.standards.v1.ListUnitDescendantsRequest;
import org.sqm.proto.standards.v1.ListUnitsRequest;
import org.sqm.proto.standards.v1.ListUnitsResponse;
import org.sqm.proto.standards.v1.Unit;
import org.sqm.proto.standards.v1.UnitServiceGrpc.UnitServiceBlockingStub;
import org.sqm.proto.standards.v1.UnitType;
import org.sqm.testing.EmbeddedPostgresResource;
import org.sqm.testing.auth.DevTokens;

/**
 * A unit manager (or viewer, or complaint handler) sees the units of the token and everything below
 * them, and nothing else: another unit is NOT_FOUND exactly like a missing one, lists leave it out, and
 * a page token minted for a wider scope does not widen theirs.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class UnitScopeTest {

    @GrpcClient("units")
    UnitServiceBlockingStub units;

    private Unit root;
    private Unit a;
    private Unit aChild;
    private Unit b;
    private UnitServiceBlockingStub managerOfA;

    @BeforeEach
    void organisation() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        root = create("SCOPE-" + run, UnitType.UNIT_TYPE_COMPANY, null);
        a = create("SCOPE-" + run + "-A", UnitType.UNIT_TYPE_CITY_BRANCH, root.getId());
        aChild = create("SCOPE-" + run + "-A1", UnitType.UNIT_TYPE_SERVICE_HALL, a.getId());
        b = create("SCOPE-" + run + "-B", UnitType.UNIT_TYPE_CITY_BRANCH, root.getId());
        managerOfA = As.token(units, DevTokens.token("unit-manager", a.getId()));
    }

    @Test
    void aUnitManagerSeesTheirUnitAndItsChildButNotTheSibling() {
        assertEquals(a, managerOfA.getUnit(get(a)));
        assertEquals(aChild, managerOfA.getUnit(get(aChild)));

        StatusRuntimeException sibling = assertThrows(StatusRuntimeException.class, () -> managerOfA.getUnit(get(b)));
        String missingId = UUID.randomUUID().toString();
        StatusRuntimeException missing =
                assertThrows(StatusRuntimeException.class, () -> managerOfA.getUnit(get(missingId)));
        assertEquals(Status.Code.NOT_FOUND, sibling.getStatus().getCode());
        assertEquals(
                missing.getStatus().getDescription().replace(missingId, b.getId()),
                sibling.getStatus().getDescription());
        assertNotFound(() -> managerOfA.getUnit(get(root)));
    }

    @Test
    void listsLeaveOutUnitsOutOfScope() {
        List<String> listed = listAll(managerOfA, ListUnitsRequest.newBuilder().setPageSize(1000));
        assertTrue(listed.containsAll(Set.of(a.getId(), aChild.getId())), listed.toString());
        assertFalse(listed.contains(b.getId()));
        assertFalse(listed.contains(root.getId()));
        assertEquals(
                List.of(a.getId()),
                listAll(
                        managerOfA,
                        ListUnitsRequest.newBuilder().setParentId(root.getId()).setPageSize(10)));

        assertEquals(
                List.of(aChild.getId()),
                managerOfA
                        .listUnitDescendants(ListUnitDescendantsRequest.newBuilder()
                                .setId(a.getId())
                                .build())
                        .getUnitsList()
                        .stream()
                        .map(Unit::getId)
                        .toList());
        assertNotFound(() -> managerOfA.listUnitDescendants(
                ListUnitDescendantsRequest.newBuilder().setId(root.getId()).build()));

        // The path starts at the topmost unit the manager may see.
        assertEquals(
                List.of(a.getId(), aChild.getId()),
                managerOfA
                        .getUnitPath(GetUnitPathRequest.newBuilder()
                                .setId(aChild.getId())
                                .build())
                        .getUnitsList()
                        .stream()
                        .map(Unit::getId)
                        .toList());
        assertNotFound(() -> managerOfA.getUnitPath(
                GetUnitPathRequest.newBuilder().setId(b.getId()).build()));
    }

    @Test
    void aPageTokenOfAWiderScopeDoesNotWidenAUnitManagersList() {
        ListUnitsResponse administratorsFirstPage = units.listUnits(ListUnitsRequest.newBuilder()
                .setParentId(root.getId())
                .setPageSize(1)
                .build());
        assertFalse(administratorsFirstPage.getNextPageToken().isEmpty());

        StatusRuntimeException refused = assertThrows(
                StatusRuntimeException.class,
                () -> managerOfA.listUnits(ListUnitsRequest.newBuilder()
                        .setParentId(root.getId())
                        .setPageSize(1)
                        .setPageToken(administratorsFirstPage.getNextPageToken())
                        .build()));
        assertEquals(Status.Code.INVALID_ARGUMENT, refused.getStatus().getCode());
    }

    @Test
    void aViewerAndAComplaintHandlerAreCutTheSameWayButAnInspectorIsNot() {
        for (String role : List.of("viewer", "complaint-handler")) {
            UnitServiceBlockingStub cut = As.token(units, DevTokens.token(role, a.getId()));
            assertEquals(aChild, cut.getUnit(get(aChild)));
            assertNotFound(() -> cut.getUnit(get(b)));
        }
        UnitServiceBlockingStub inspector = As.token(units, DevTokens.token("inspector"));
        assertEquals(b, inspector.getUnit(get(b)));
        UnitServiceBlockingStub noUnits = As.token(units, DevTokens.token("viewer"));
        assertNotFound(() -> noUnits.getUnit(get(a)));
        assertEquals(List.of(), listAll(noUnits, ListUnitsRequest.newBuilder()));
    }

    private Unit create(String code, UnitType type, String parentId) {
        Unit.Builder unit =
                Unit.newBuilder().setCode(code).setName("Unit " + code).setType(type);
        if (parentId != null) {
            unit.setParentId(parentId);
        }
        return units.createUnit(CreateUnitRequest.newBuilder().setUnit(unit).build());
    }

    private static GetUnitRequest get(Unit unit) {
        return get(unit.getId());
    }

    private static GetUnitRequest get(String id) {
        return GetUnitRequest.newBuilder().setId(id).build();
    }

    private static List<String> listAll(UnitServiceBlockingStub stub, ListUnitsRequest.Builder request) {
        List<String> ids = new ArrayList<>();
        String token = "";
        do {
            ListUnitsResponse page = stub.listUnits(request.setPageToken(token).build());
            page.getUnitsList().forEach(u -> ids.add(u.getId()));
            token = page.getNextPageToken();
        } while (!token.isEmpty());
        return ids;
    }

    private static void assertNotFound(Executable call) {
        StatusRuntimeException e = assertThrows(StatusRuntimeException.class, call);
        assertEquals(
                Status.Code.NOT_FOUND, e.getStatus().getCode(), e.getStatus().toString());
    }
}
