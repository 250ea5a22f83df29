package org.sqm.standards.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Descriptors;
import com.google.protobuf.Duration;
import com.google.protobuf.Timestamp;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.sqm.commons.auth.Roles;
import org.sqm.proto.common.v1.Access;
import org.sqm.proto.common.v1.AuditServiceGrpc.AuditServiceBlockingStub;
import org.sqm.proto.common.v1.ListAuditEventsRequest;
import org.sqm.proto.common.v1.UnitScope;
import org.sqm.proto.standards.v1.CalendarServiceGrpc.CalendarServiceBlockingStub;
import org.sqm.proto.standards.v1.CalendarsProto;
import org.sqm.proto.standards.v1.ComputeDueTimeRequest;
import org.sqm.proto.standards.v1.CreateUnitRequest;
import org.sqm.proto.standards.v1.GetStandardRequest;
import org.sqm.proto.standards.v1.ListCalendarsRequest;
import org.sqm.proto.standards.v1.ListUnitsRequest;
import org.sqm.proto.standards.v1.ServiceLevelsProto;
import org.sqm.proto.standards.v1.StandardServiceGrpc.StandardServiceBlockingStub;
import org.sqm.proto.standards.v1.StandardsProto;
import org.sqm.proto.standards.v1.Unit;
import org.sqm.proto.standards.v1.UnitServiceGrpc;
import org.sqm.proto.standards.v1.UnitServiceGrpc.UnitServiceBlockingStub;
import org.sqm.proto.standards.v1.UnitType;
import org.sqm.proto.standards.v1.UnitsProto;
import org.sqm.proto.standards.v1.UpdateCalendarRequest;
import org.sqm.testing.auth.DevTokens;

/**
 * Every RPC of the standards services states who may call it, and the edge holds to it: a role not
 * listed is PERMISSION_DENIED before the service reads the request, a listed one gets through.
 */
@QuarkusTest
@QuarkusTestResource(org.sqm.testing.EmbeddedPostgresResource.class)
class AccessRulesTest {

    @GrpcClient("units")
    UnitServiceBlockingStub units;

    @GrpcClient("calendars")
    CalendarServiceBlockingStub calendars;

    @GrpcClient("standards")
    StandardServiceBlockingStub standards;

    @GrpcClient("audit")
    AuditServiceBlockingStub audit;

    @Test
    void everyMethodOfEveryStandardsServiceStatesItsRoles() {
        List<String> methods = new ArrayList<>();
        for (Descriptors.FileDescriptor file : List.of(
                UnitsProto.getDescriptor(),
                CalendarsProto.getDescriptor(),
                StandardsProto.getDescriptor(),
                ServiceLevelsProto.getDescriptor())) {
            for (Descriptors.ServiceDescriptor service : file.getServices()) {
                for (Descriptors.MethodDescriptor method : service.getMethods()) {
                    methods.add(method.getFullName());
                    Access access = Roles.access(method)
                            .orElseThrow(() -> new AssertionError(method.getFullName() + " states no roles"));
                    assertFalse(access.getRolesList().isEmpty(), method.getFullName());
                    assertNotEquals(UnitScope.UNIT_SCOPE_UNSPECIFIED, access.getScope(), method.getFullName());
                }
            }
        }
        assertEquals(24, methods.size(), methods.toString());
        // The gRPC descriptors the server serves carry the same options.
        UnitServiceGrpc.getServiceDescriptor()
                .getMethods()
                .forEach(m -> assertTrue(Roles.access(m).isPresent(), m.getFullMethodName()));
    }

    @Test
    void aRoleNotListedIsPermissionDenied() {
        assertDenied(() -> As.token(units, DevTokens.token("viewer")).createUnit(newUnit()));
        assertDenied(() -> As.token(units, DevTokens.token("unit-manager")).createUnit(newUnit()));
        assertDenied(() ->
                As.token(units, DevTokens.token("public-reader")).listUnits(ListUnitsRequest.getDefaultInstance()));
        assertDenied(() -> As.token(standards, DevTokens.token("public-reader"))
                .getStandard(GetStandardRequest.newBuilder()
                        .setId(UUID.randomUUID().toString())
                        .build()));
        assertDenied(() -> As.token(calendars, DevTokens.token("inspector"))
                .updateCalendar(UpdateCalendarRequest.getDefaultInstance()));
        assertDenied(() -> As.token(audit, DevTokens.token("viewer"))
                .listAuditEvents(ListAuditEventsRequest.newBuilder()
                        .setResource("units/x")
                        .build()));
    }

    @Test
    void aListedRoleGetsThrough() {
        assertEquals(
                "Access",
                As.token(units, DevTokens.token("quality-manager"))
                        .createUnit(newUnit())
                        .getName());
        As.token(units, DevTokens.token("inspector")).listUnits(ListUnitsRequest.getDefaultInstance());
        As.token(calendars, DevTokens.token("viewer")).listCalendars(ListCalendarsRequest.getDefaultInstance());
        // Let in, then refused for what the request says, not for who asks.
        assertNotDenied(() -> As.token(calendars, DevTokens.token("complaint-handler"))
                .computeDueTime(ComputeDueTimeRequest.newBuilder()
                        .setCalendarId(UUID.randomUUID().toString())
                        .setStartTime(Timestamp.newBuilder().setSeconds(1_700_000_000))
                        .setBusinessDuration(Duration.newBuilder().setSeconds(3600))
                        .build()));
        assertNotDenied(() -> As.token(standards, DevTokens.token("unit-manager"))
                .getStandard(GetStandardRequest.newBuilder()
                        .setId(UUID.randomUUID().toString())
                        .build()));
        assertNotDenied(() -> As.token(audit, DevTokens.token("quality-manager"))
                .listAuditEvents(ListAuditEventsRequest.newBuilder()
                        .setResource("units/" + UUID.randomUUID())
                        .build()));
    }

    private static CreateUnitRequest newUnit() {
        return CreateUnitRequest.newBuilder()
                .setUnit(Unit.newBuilder()
                        .setCode("ACC-" + UUID.randomUUID().toString().substring(0, 8))
                        .setName("Access")
                        .setType(UnitType.UNIT_TYPE_COMPANY))
                .build();
    }

    private static void assertDenied(Executable call) {
        StatusRuntimeException e = assertThrows(StatusRuntimeException.class, call);
        assertEquals(
                Status.Code.PERMISSION_DENIED,
                e.getStatus().getCode(),
                e.getStatus().toString());
    }

    private static void assertNotDenied(Executable call) {
        try {
            call.execute();
        } catch (StatusRuntimeException e) {
            assertNotEquals(
                    Status.Code.PERMISSION_DENIED,
                    e.getStatus().getCode(),
                    e.getStatus().toString());
            assertNotEquals(
                    Status.Code.UNAUTHENTICATED,
                    e.getStatus().getCode(),
                    e.getStatus().toString());
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
    }
}
