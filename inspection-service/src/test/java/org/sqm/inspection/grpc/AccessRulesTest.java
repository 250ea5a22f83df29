package org.sqm.inspection.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Descriptors;
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
import org.sqm.proto.common.v1.Role;
import org.sqm.proto.common.v1.UnitScope;
import org.sqm.proto.inspection.v1.CreateInspectionRequest;
import org.sqm.proto.inspection.v1.CreateInspectorRequest;
import org.sqm.proto.inspection.v1.FeedsProto;
import org.sqm.proto.inspection.v1.GetInspectionRequest;
import org.sqm.proto.inspection.v1.InspectionFeedServiceGrpc.InspectionFeedServiceBlockingStub;
import org.sqm.proto.inspection.v1.InspectionPlanServiceGrpc.InspectionPlanServiceBlockingStub;
import org.sqm.proto.inspection.v1.InspectionServiceGrpc.InspectionServiceBlockingStub;
import org.sqm.proto.inspection.v1.InspectionsProto;
import org.sqm.proto.inspection.v1.InspectorServiceGrpc.InspectorServiceBlockingStub;
import org.sqm.proto.inspection.v1.InspectorsProto;
import org.sqm.proto.inspection.v1.ListInspectionPlansRequest;
import org.sqm.proto.inspection.v1.ListInspectionsRequest;
import org.sqm.proto.inspection.v1.ListInspectorsRequest;
import org.sqm.proto.inspection.v1.ListRectificationOrdersRequest;
import org.sqm.proto.inspection.v1.ListSupervisionOrdersRequest;
import org.sqm.proto.inspection.v1.PlansProto;
import org.sqm.proto.inspection.v1.RateElementsRequest;
import org.sqm.proto.inspection.v1.RectificationProto;
import org.sqm.proto.inspection.v1.RectificationServiceGrpc.RectificationServiceBlockingStub;
import org.sqm.proto.inspection.v1.StreamInspectionResultsRequest;
import org.sqm.proto.inspection.v1.SupervisionProto;
import org.sqm.proto.inspection.v1.SupervisionServiceGrpc.SupervisionServiceBlockingStub;
import org.sqm.proto.inspection.v1.VerifyRectificationOrderRequest;
import org.sqm.testing.EmbeddedPostgresResource;

/**
 * Every RPC of sqm.inspection.v1 states who may call it, and the gRPC edge holds to it: a role the
 * method does not list is PERMISSION_DENIED before the service is reached, a listed one gets through.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class AccessRulesTest {

    @GrpcClient("inspections")
    InspectionServiceBlockingStub inspections;

    @GrpcClient("inspectors")
    InspectorServiceBlockingStub inspectors;

    @GrpcClient("plans")
    InspectionPlanServiceBlockingStub plans;

    @GrpcClient("orders")
    RectificationServiceBlockingStub orders;

    @GrpcClient("supervision")
    SupervisionServiceBlockingStub supervision;

    @GrpcClient("feeds")
    InspectionFeedServiceBlockingStub feeds;

    @GrpcClient("audit")
    AuditServiceBlockingStub audit;

    static final List<Descriptors.FileDescriptor> FILES = List.of(
            InspectionsProto.getDescriptor(),
            InspectorsProto.getDescriptor(),
            PlansProto.getDescriptor(),
            RectificationProto.getDescriptor(),
            SupervisionProto.getDescriptor(),
            FeedsProto.getDescriptor());

    @Test
    void everyMethodOfEveryServiceStatesItsRolesAndTheProtoCommentSaysThemToo() {
        List<String> missing = new ArrayList<>();
        int methods = 0;
        for (Descriptors.FileDescriptor file : FILES) {
            assertEquals("sqm.inspection.v1", file.getPackage());
            for (Descriptors.ServiceDescriptor service : file.getServices()) {
                for (Descriptors.MethodDescriptor method : service.getMethods()) {
                    methods++;
                    var access = Roles.access(method);
                    if (access.isEmpty() || access.get().getRolesCount() == 0) {
                        missing.add(method.getFullName());
                        continue;
                    }
                    // An organisation-wide role may always call: the administrator runs everything.
                    assertTrue(access.get().getRolesList().contains(Role.ROLE_ADMINISTRATOR), method.getFullName());
                    assertFalse(
                            access.get().getRolesList().contains(Role.ROLE_PUBLIC_READER),
                            method.getFullName() + ": nothing here is published performance");
                }
            }
        }
        assertEquals(List.of(), missing, "methods without (sqm.common.v1.access)");
        assertEquals(34, methods, "a new method needs its access rule (and this count)");
    }

    @Test
    void theGeneratedStubsCarryTheRulesTheInterceptorReads() {
        var descriptor = org.sqm.proto.inspection.v1.InspectionServiceGrpc.getServiceDescriptor();
        for (var method : descriptor.getMethods()) {
            assertTrue(Roles.access(method).isPresent(), method.getFullMethodName());
        }
        Access get = Roles.access(org.sqm.proto.inspection.v1.InspectionServiceGrpc.getGetInspectionMethod())
                .orElseThrow();
        assertEquals(UnitScope.UNIT_SCOPE_UNIT, get.getScope());
        assertEquals(
                List.of(
                        Role.ROLE_ADMINISTRATOR,
                        Role.ROLE_QUALITY_MANAGER,
                        Role.ROLE_INSPECTOR,
                        Role.ROLE_UNIT_MANAGER,
                        Role.ROLE_VIEWER),
                get.getRolesList());
    }

    @Test
    void rolesTheMethodDoesNotListArePermissionDenied() {
        String unit = UUID.randomUUID().toString();
        denied(() -> Tokens.as(inspections, Tokens.of("viewer", unit))
                .createInspection(CreateInspectionRequest.getDefaultInstance()));
        denied(() -> Tokens.as(inspections, Tokens.of("unit-manager", unit))
                .rateElements(RateElementsRequest.newBuilder()
                        .setId(UUID.randomUUID().toString())
                        .build()));
        denied(() -> Tokens.as(inspections, Tokens.of("complaint-handler", unit))
                .getInspection(GetInspectionRequest.newBuilder()
                        .setId(UUID.randomUUID().toString())
                        .build()));
        denied(() -> Tokens.as(inspections, Tokens.of("public-reader"))
                .listInspections(ListInspectionsRequest.getDefaultInstance()));
        denied(() -> Tokens.as(inspectors, Tokens.of("inspector"))
                .createInspector(CreateInspectorRequest.getDefaultInstance()));
        denied(() -> Tokens.as(inspectors, Tokens.of("unit-manager", unit))
                .listInspectors(ListInspectorsRequest.getDefaultInstance()));
        denied(() -> Tokens.as(orders, Tokens.of("unit-manager", unit))
                .verifyRectificationOrder(VerifyRectificationOrderRequest.newBuilder()
                        .setId(UUID.randomUUID().toString())
                        .build()));
        denied(() -> Tokens.as(supervision, Tokens.of("inspector"))
                .listSupervisionOrders(ListSupervisionOrdersRequest.getDefaultInstance()));
        denied(() -> Tokens.as(feeds, Tokens.of("viewer", unit))
                .streamInspectionResults(StreamInspectionResultsRequest.getDefaultInstance())
                .hasNext());
        denied(() -> Tokens.as(audit, Tokens.of("unit-manager", unit))
                .listAuditEvents(ListAuditEventsRequest.newBuilder()
                        .setResource("inspections/" + UUID.randomUUID())
                        .build()));
    }

    @Test
    void rolesTheMethodListsGetThrough() {
        String unit = UUID.randomUUID().toString();
        allowed(() -> Tokens.as(inspections, Tokens.of("viewer", unit))
                .listInspections(ListInspectionsRequest.getDefaultInstance()));
        allowed(() -> Tokens.as(inspections, Tokens.of("inspector"))
                .getInspection(GetInspectionRequest.newBuilder()
                        .setId(UUID.randomUUID().toString())
                        .build()));
        allowed(() -> Tokens.as(inspections, Tokens.of("quality-manager"))
                .createInspection(CreateInspectionRequest.getDefaultInstance()));
        allowed(() -> Tokens.as(inspectors, Tokens.of("inspector"))
                .listInspectors(ListInspectorsRequest.getDefaultInstance()));
        allowed(() -> Tokens.as(plans, Tokens.of("unit-manager", unit))
                .listInspectionPlans(ListInspectionPlansRequest.getDefaultInstance()));
        allowed(() -> Tokens.as(orders, Tokens.of("viewer", unit))
                .listRectificationOrders(ListRectificationOrdersRequest.getDefaultInstance()));
        allowed(() -> Tokens.as(supervision, Tokens.of("unit-manager", unit))
                .listSupervisionOrders(ListSupervisionOrdersRequest.getDefaultInstance()));
        allowed(() -> Tokens.as(audit, Tokens.of("quality-manager"))
                .listAuditEvents(ListAuditEventsRequest.newBuilder()
                        .setResource("inspections/" + UUID.randomUUID())
                        .build()));
    }

    private static void denied(Executable call) {
        StatusRuntimeException e = assertThrows(StatusRuntimeException.class, call);
        assertEquals(Status.Code.PERMISSION_DENIED, e.getStatus().getCode(), e.toString());
    }

    private static void allowed(Executable call) {
        try {
            call.execute();
        } catch (StatusRuntimeException e) {
            assertNotEquals(Status.Code.PERMISSION_DENIED, e.getStatus().getCode(), e.toString());
            assertNotEquals(Status.Code.UNAUTHENTICATED, e.getStatus().getCode(), e.toString());
            assertNotEquals(Status.Code.INTERNAL, e.getStatus().getCode(), e.toString());
            assertNotEquals(Status.Code.UNKNOWN, e.getStatus().getCode(), e.toString());
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
    }
}
