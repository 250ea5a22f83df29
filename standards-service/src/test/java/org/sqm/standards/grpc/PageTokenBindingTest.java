package org.sqm.standards.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.sqm.proto.standards.v1.CalendarServiceGrpc.CalendarServiceBlockingStub;
import org.sqm.proto.standards.v1.CreateStandardRequest;
import org.sqm.proto.standards.v1.CreateUnitRequest;
import org.sqm.proto.standards.v1.ListCalendarsRequest;
import org.sqm.proto.standards.v1.ListStandardsRequest;
import org.sqm.proto.standards.v1.ListUnitDescendantsRequest;
import org.sqm.proto.standards.v1.ListUnitsRequest;
import org.sqm.proto.standards.v1.Standard;
import org.sqm.proto.standards.v1.StandardServiceGrpc.StandardServiceBlockingStub;
import org.sqm.proto.standards.v1.StandardStatus;
import org.sqm.proto.standards.v1.Unit;
import org.sqm.proto.standards.v1.UnitServiceGrpc.UnitServiceBlockingStub;
import org.sqm.proto.standards.v1.UnitType;
import org.sqm.testing.EmbeddedPostgresResource;
import org.sqm.testing.GrpcErrors;

/** A page token resumes only the list call that issued it: same list, same filters. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class PageTokenBindingTest {

    @GrpcClient("units")
    UnitServiceBlockingStub units;

    @GrpcClient("calendars")
    CalendarServiceBlockingStub calendars;

    @GrpcClient("standards")
    StandardServiceBlockingStub standards;

    /** A city branch at the top, or a service hall under {@code parent}. */
    private Unit unit(String prefix, Unit parent) {
        Unit.Builder unit = Unit.newBuilder()
                .setCode(prefix + "-" + UUID.randomUUID().toString().substring(0, 8))
                .setName(prefix)
                .setType(parent == null ? UnitType.UNIT_TYPE_CITY_BRANCH : UnitType.UNIT_TYPE_SERVICE_HALL);
        if (parent != null) {
            unit.setParentId(parent.getId());
        }
        return units.createUnit(CreateUnitRequest.newBuilder().setUnit(unit).build());
    }

    @Test
    void aUnitPageTokenServesOnlyItsOwnListAndFilters() {
        Unit branch = unit("BRANCH", null);
        Unit other = unit("OTHER", null);
        unit("HALL-A", branch);
        Unit second = unit("HALL-B", branch);
        String token = units.listUnits(ListUnitsRequest.newBuilder()
                        .setParentId(branch.getId())
                        .setPageSize(1)
                        .build())
                .getNextPageToken();
        assertFalse(token.isEmpty());

        assertEquals(
                List.of(second.getId()),
                units
                        .listUnits(ListUnitsRequest.newBuilder()
                                .setParentId(branch.getId())
                                .setPageSize(1)
                                .setPageToken(token)
                                .build())
                        .getUnitsList()
                        .stream()
                        .map(Unit::getId)
                        .toList());
        refused(() -> units.listUnits(ListUnitsRequest.newBuilder()
                .setParentId(other.getId())
                .setPageToken(token)
                .build()));
        refused(() -> units.listUnits(ListUnitsRequest.newBuilder()
                .setParentId(branch.getId())
                .setShowInactive(true)
                .setPageToken(token)
                .build()));
        refused(() -> units.listUnits(
                ListUnitsRequest.newBuilder().setPageToken(token).build()));
        refused(() -> units.listUnitDescendants(ListUnitDescendantsRequest.newBuilder()
                .setId(branch.getId())
                .setPageToken(token)
                .build()));
        refused(() -> calendars.listCalendars(
                ListCalendarsRequest.newBuilder().setPageToken(token).build()));
        refused(() -> standards.listStandards(
                ListStandardsRequest.newBuilder().setPageToken(token).build()));
    }

    @Test
    void aStandardPageTokenServesOnlyItsOwnFilters() {
        for (int i = 0; i < 2; i++) {
            standards.createStandard(CreateStandardRequest.newBuilder()
                    .setStandard(Standard.newBuilder()
                            .setCode("STD-" + UUID.randomUUID().toString().substring(0, 8))
                            .setTitle("Draft"))
                    .build());
        }
        String token = standards
                .listStandards(ListStandardsRequest.newBuilder().setPageSize(1).build())
                .getNextPageToken();
        assertFalse(token.isEmpty());

        refused(() -> standards.listStandards(ListStandardsRequest.newBuilder()
                .setStatus(StandardStatus.STANDARD_STATUS_DRAFT)
                .setPageToken(token)
                .build()));
        refused(() -> standards.listStandards(ListStandardsRequest.newBuilder()
                .setCode("SOMETHING-ELSE")
                .setPageToken(token)
                .build()));
        refused(() -> units.listUnits(
                ListUnitsRequest.newBuilder().setPageToken(token).build()));
    }

    private static void refused(Executable call) {
        var e = assertThrows(StatusRuntimeException.class, call);
        assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode());
        assertEquals(List.of("page_token"), GrpcErrors.violatedFields(e));
    }
}
