package org.sqm.inspection.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.FieldMask;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.sqm.commons.convert.ProtoTime;
import org.sqm.proto.inspection.v1.AssignInspectorsRequest;
import org.sqm.proto.inspection.v1.AssignedInspector;
import org.sqm.proto.inspection.v1.AuthorityLevel;
import org.sqm.proto.inspection.v1.Cadence;
import org.sqm.proto.inspection.v1.CompareInspectionRequest;
import org.sqm.proto.inspection.v1.ContactMode;
import org.sqm.proto.inspection.v1.CreateInspectionPlanRequest;
import org.sqm.proto.inspection.v1.CreateInspectionRequest;
import org.sqm.proto.inspection.v1.CreateInspectorRequest;
import org.sqm.proto.inspection.v1.CreateSupervisionOrderRequest;
import org.sqm.proto.inspection.v1.FinalizeInspectionRequest;
import org.sqm.proto.inspection.v1.GetInspectionPlanRequest;
import org.sqm.proto.inspection.v1.GetInspectionRequest;
import org.sqm.proto.inspection.v1.GetRectificationOrderRequest;
import org.sqm.proto.inspection.v1.GetSupervisionOrderRequest;
import org.sqm.proto.inspection.v1.Inspection;
import org.sqm.proto.inspection.v1.InspectionKind;
import org.sqm.proto.inspection.v1.InspectionMove;
import org.sqm.proto.inspection.v1.InspectionPlan;
import org.sqm.proto.inspection.v1.InspectionPlanServiceGrpc.InspectionPlanServiceBlockingStub;
import org.sqm.proto.inspection.v1.InspectionServiceGrpc.InspectionServiceBlockingStub;
import org.sqm.proto.inspection.v1.Inspector;
import org.sqm.proto.inspection.v1.InspectorServiceGrpc.InspectorServiceBlockingStub;
import org.sqm.proto.inspection.v1.ListInspectionPlansRequest;
import org.sqm.proto.inspection.v1.ListInspectionResultsRequest;
import org.sqm.proto.inspection.v1.ListInspectionsRequest;
import org.sqm.proto.inspection.v1.ListInspectionsResponse;
import org.sqm.proto.inspection.v1.ListRectificationOrdersRequest;
import org.sqm.proto.inspection.v1.ListSupervisionOrdersRequest;
import org.sqm.proto.inspection.v1.MysteryShoppingContact;
import org.sqm.proto.inspection.v1.PlanTargets;
import org.sqm.proto.inspection.v1.RateElementsRequest;
import org.sqm.proto.inspection.v1.Rating;
import org.sqm.proto.inspection.v1.RecordMysteryShoppingContactRequest;
import org.sqm.proto.inspection.v1.RectificationOrder;
import org.sqm.proto.inspection.v1.RectificationServiceGrpc.RectificationServiceBlockingStub;
import org.sqm.proto.inspection.v1.StartInspectionRequest;
import org.sqm.proto.inspection.v1.SubmitInspectionRequest;
import org.sqm.proto.inspection.v1.SupervisionOrder;
import org.sqm.proto.inspection.v1.SupervisionServiceGrpc.SupervisionServiceBlockingStub;
import org.sqm.proto.inspection.v1.UpdateRectificationOrderRequest;
import org.sqm.proto.inspection.v1.VerifyRectificationOrderRequest;
import org.sqm.proto.standards.v1.UnitType;
import org.sqm.testing.EmbeddedPostgresResource;
import org.sqm.testing.GrpcErrors;

/**
 * Who sees which inspections (issue 17): an inspector only those assigned to the inspector holding the
 * token's subject; a unit manager or viewer only those of its units and the units below them, without
 * learning who inspected; everything else NOT_FOUND, lists filtered, page tokens bound to the scope.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class InspectionScopeTest {

    @GrpcClient("inspections")
    InspectionServiceBlockingStub inspections;

    @GrpcClient("inspectors")
    InspectorServiceBlockingStub inspectors;

    @GrpcClient("orders")
    RectificationServiceBlockingStub orders;

    @GrpcClient("supervision")
    SupervisionServiceBlockingStub supervision;

    @GrpcClient("plans")
    InspectionPlanServiceBlockingStub plans;

    String region;
    String hallA;
    String hallB;
    String std;
    String subject1;
    String subject2;
    Inspector inspector1;
    Inspector inspector2;

    @BeforeEach
    void organisation() {
        region = FakeStandardsBackend.unit(null, UnitType.UNIT_TYPE_CITY_BRANCH);
        hallA = FakeStandardsBackend.unit(region, UnitType.UNIT_TYPE_SERVICE_HALL);
        hallB = FakeStandardsBackend.unit(null, UnitType.UNIT_TYPE_SERVICE_HALL);
        std = "STD-" + UUID.randomUUID().toString().substring(0, 8);
        FakeStandardsBackend.publish(std, 1, "1.1.1:m", "1.1.2");
        subject1 = "inspector-" + UUID.randomUUID() + "@sqm.dev";
        subject2 = "inspector-" + UUID.randomUUID() + "@sqm.dev";
        inspector1 = inspector(subject1);
        inspector2 = inspector(subject2);
    }

    Inspector inspector(String subject) {
        String cert = "C-" + UUID.randomUUID().toString().substring(0, 12);
        Instant now = Instant.now();
        return inspectors.createInspector(CreateInspectorRequest.newBuilder()
                .setInspector(Inspector.newBuilder()
                        .setName("Real Name " + cert)
                        .setCertificateNumber(cert)
                        .setAuthorityLevel(AuthorityLevel.AUTHORITY_LEVEL_PROVINCIAL)
                        .setValidFrom(ProtoTime.timestamp(now.minus(Duration.ofDays(30))))
                        .setValidUntil(ProtoTime.timestamp(now.plus(Duration.ofDays(400))))
                        .addQualifiedKinds(InspectionKind.INSPECTION_KIND_ON_SITE_ASSESSMENT)
                        .addQualifiedKinds(InspectionKind.INSPECTION_KIND_MYSTERY_SHOPPING)
                        .setPseudonym("Shopper " + cert)
                        .setSubject(subject))
                .build());
    }

    /** A unit-level inspection of the unit with the inspector assigned (as an administrator). */
    Inspection assigned(String unit, InspectionKind kind, Inspector inspector) {
        Instant now = Instant.now();
        Inspection created = inspections.createInspection(CreateInspectionRequest.newBuilder()
                .setInspection(Inspection.newBuilder()
                        .setUnitId(unit)
                        .setKind(kind)
                        .setAuthorityLevel(AuthorityLevel.AUTHORITY_LEVEL_UNIT)
                        .setStandardCode(std)
                        .setWindowStart(ProtoTime.timestamp(now.minus(Duration.ofDays(1))))
                        .setWindowEnd(ProtoTime.timestamp(now.plus(Duration.ofDays(30)))))
                .build());
        return inspections.assignInspectors(AssignInspectorsRequest.newBuilder()
                .setId(created.getId())
                .setEtag(created.getEtag())
                .addInspectorIds(inspector.getId())
                .build());
    }

    static String inspectorToken(String subject) {
        return Tokens.of(subject, List.of("inspector"), List.of());
    }

    Inspection get(InspectionServiceBlockingStub stub, String id) {
        return stub.getInspection(GetInspectionRequest.newBuilder().setId(id).build());
    }

    static List<String> ids(ListInspectionsResponse page) {
        return page.getInspectionsList().stream().map(Inspection::getId).toList();
    }

    static void notFound(Executable call) {
        StatusRuntimeException e = assertThrows(StatusRuntimeException.class, call);
        assertEquals(Status.Code.NOT_FOUND, e.getStatus().getCode(), e.toString());
    }

    // ---- inspectors: their own inspections only ----------------------------------------------------

    @Test
    void anInspectorSeesAndWorksOnlyOnInspectionsAssignedToThem() {
        Inspection mine = assigned(hallA, InspectionKind.INSPECTION_KIND_ON_SITE_ASSESSMENT, inspector1);
        Inspection theirs = assigned(hallB, InspectionKind.INSPECTION_KIND_ON_SITE_ASSESSMENT, inspector2);
        InspectionServiceBlockingStub asOne = Tokens.as(inspections, inspectorToken(subject1));

        assertEquals(mine.getId(), get(asOne, mine.getId()).getId());
        // Not assigned: answered exactly like an id that does not exist.
        StatusRuntimeException hidden = assertThrows(StatusRuntimeException.class, () -> get(asOne, theirs.getId()));
        String missingId = UUID.randomUUID().toString();
        StatusRuntimeException missing = assertThrows(StatusRuntimeException.class, () -> get(asOne, missingId));
        assertEquals(Status.Code.NOT_FOUND, hidden.getStatus().getCode());
        assertEquals(
                missing.getStatus().getDescription().replace(missingId, "ID"),
                hidden.getStatus().getDescription().replace(theirs.getId(), "ID"));

        // Lists: filtered in the query.
        assertEquals(
                List.of(mine.getId()),
                ids(asOne.listInspections(
                        ListInspectionsRequest.newBuilder().setUnitId(hallA).build())));
        assertEquals(
                List.of(),
                ids(asOne.listInspections(
                        ListInspectionsRequest.newBuilder().setUnitId(hallB).build())));

        // Fieldwork: on their own inspection, yes; on another's, NOT_FOUND.
        Inspection started = asOne.startInspection(StartInspectionRequest.newBuilder()
                .setId(mine.getId())
                .setEtag(mine.getEtag())
                .build());
        assertEquals(subject1, started.getHistory(0).getActor(), "the move is the token's subject's");
        notFound(() -> asOne.startInspection(StartInspectionRequest.newBuilder()
                .setId(theirs.getId())
                .setEtag(theirs.getEtag())
                .build()));
        Inspection rated = asOne.rateElements(RateElementsRequest.newBuilder()
                .setId(mine.getId())
                .addRatings(level("1.1.1", "COMPLIANT"))
                .build());
        assertEquals(1, rated.getRatedCount());
        notFound(() -> asOne.rateElements(RateElementsRequest.newBuilder()
                .setId(theirs.getId())
                .addRatings(level("1.1.1", "COMPLIANT"))
                .build()));
        notFound(() -> asOne.submitInspection(SubmitInspectionRequest.newBuilder()
                .setId(theirs.getId())
                .setEtag(theirs.getEtag())
                .build()));
        asOne.submitInspection(SubmitInspectionRequest.newBuilder()
                .setId(mine.getId())
                .setEtag(rated.getEtag())
                .build());

        // The other inspector's token cannot see the first one's work.
        notFound(() -> get(Tokens.as(inspections, inspectorToken(subject2)), mine.getId()));
        notFound(() -> Tokens.as(inspections, inspectorToken(subject2))
                .compareInspection(CompareInspectionRequest.newBuilder()
                        .setId(mine.getId())
                        .build()));
    }

    @Test
    void anInspectorsTokenWhoseSubjectNoInspectorHoldsSeesNothing() {
        Inspection inspection = assigned(hallA, InspectionKind.INSPECTION_KIND_ON_SITE_ASSESSMENT, inspector1);
        InspectionServiceBlockingStub stranger =
                Tokens.as(inspections, inspectorToken("nobody-" + UUID.randomUUID() + "@sqm.dev"));
        notFound(() -> get(stranger, inspection.getId()));
        assertEquals(
                List.of(),
                ids(stranger.listInspections(
                        ListInspectionsRequest.newBuilder().setUnitId(hallA).build())));
        assertEquals(
                0,
                stranger.listInspectionResults(ListInspectionResultsRequest.newBuilder()
                                .setFinalizedFrom(
                                        ProtoTime.timestamp(Instant.now().minus(Duration.ofDays(1))))
                                .setFinalizedUntil(
                                        ProtoTime.timestamp(Instant.now().plus(Duration.ofDays(1))))
                                .build())
                        .getResultsCount());
    }

    @Test
    void anInspectorsSubjectIsOptionalUniqueAndChecked() {
        assertEquals(subject1, inspector1.getSubject());
        StatusRuntimeException twice = assertThrows(StatusRuntimeException.class, () -> inspector(subject1));
        assertEquals(Status.Code.ALREADY_EXISTS, twice.getStatus().getCode());
        StatusRuntimeException spaced = assertThrows(StatusRuntimeException.class, () -> inspector("two words"));
        assertEquals(Status.Code.INVALID_ARGUMENT, spaced.getStatus().getCode());
        assertEquals(List.of("inspector.subject"), GrpcErrors.violatedFields(spaced));
        // Without one: registered, and an inspector nobody signs in as.
        assertEquals("", inspector("").getSubject());
        assertEquals("", inspector("").getSubject());
    }

    // ---- unit managers and viewers: their units and below, never who inspected --------------------------

    @Test
    void aUnitManagerSeesTheInspectionsOfItsUnitsAndTheirDescendantsOnly() {
        Inspection inA = assigned(hallA, InspectionKind.INSPECTION_KIND_ON_SITE_ASSESSMENT, inspector1);
        Inspection inB = assigned(hallB, InspectionKind.INSPECTION_KIND_ON_SITE_ASSESSMENT, inspector2);
        InspectionServiceBlockingStub manager = Tokens.as(inspections, Tokens.of("unit-manager", region));

        assertEquals(inA.getId(), get(manager, inA.getId()).getId());
        notFound(() -> get(manager, inB.getId()));
        notFound(() -> manager.compareInspection(
                CompareInspectionRequest.newBuilder().setId(inB.getId()).build()));
        assertEquals(List.of(inA.getId()), ids(manager.listInspections(ListInspectionsRequest.getDefaultInstance())));
        assertEquals(
                List.of(),
                ids(manager.listInspections(
                        ListInspectionsRequest.newBuilder().setUnitId(hallB).build())));
        notFound(() -> get(Tokens.as(inspections, Tokens.of("viewer", hallB)), inA.getId()));
        assertEquals(
                inB.getId(),
                get(Tokens.as(inspections, Tokens.of("viewer", hallB)), inB.getId())
                        .getId());
    }

    @Test
    void aPageTokenMintedUnderOneScopeIsRefusedUnderAnother() {
        assigned(hallA, InspectionKind.INSPECTION_KIND_ON_SITE_ASSESSMENT, inspector1);
        assigned(hallA, InspectionKind.INSPECTION_KIND_ON_SITE_ASSESSMENT, inspector1);
        InspectionServiceBlockingStub narrow = Tokens.as(inspections, Tokens.of("viewer", hallA));
        ListInspectionsResponse first = narrow.listInspections(
                ListInspectionsRequest.newBuilder().setPageSize(1).build());
        assertFalse(first.getNextPageToken().isEmpty());
        ListInspectionsRequest next = ListInspectionsRequest.newBuilder()
                .setPageSize(1)
                .setPageToken(first.getNextPageToken())
                .build();
        assertEquals(1, narrow.listInspections(next).getInspectionsCount());
        StatusRuntimeException wider =
                assertThrows(StatusRuntimeException.class, () -> Tokens.as(inspections, Tokens.of("viewer", hallB))
                        .listInspections(next));
        assertEquals(Status.Code.INVALID_ARGUMENT, wider.getStatus().getCode());
        StatusRuntimeException unrestricted =
                assertThrows(StatusRuntimeException.class, () -> inspections.listInspections(next));
        assertEquals(Status.Code.INVALID_ARGUMENT, unrestricted.getStatus().getCode());
    }

    @Test
    void theUnitNeverLearnsWhoInspectedIt() {
        Inspection shopping = assigned(hallA, InspectionKind.INSPECTION_KIND_MYSTERY_SHOPPING, inspector1);
        InspectionServiceBlockingStub asOne = Tokens.as(inspections, inspectorToken(subject1));
        Inspection started = asOne.startInspection(StartInspectionRequest.newBuilder()
                .setId(shopping.getId())
                .setEtag(shopping.getEtag())
                .setNote("I went in as myself, " + inspector1.getName())
                .build());
        asOne.recordMysteryShoppingContact(RecordMysteryShoppingContactRequest.newBuilder()
                .setId(shopping.getId())
                .setEtag(started.getEtag())
                .setContact(MysteryShoppingContact.newBuilder()
                        .setMode(ContactMode.CONTACT_MODE_VISIT)
                        .setContactTime(ProtoTime.timestamp(Instant.now().minus(Duration.ofHours(1))))
                        .setScenario("the woman in a red coat asks to move a broadband line"))
                .build());

        // The organisation sees everything; the shopper appears under the pseudonym.
        Inspection whole = get(inspections, shopping.getId());
        assertEquals(inspector1.getId(), whole.getInspectors(0).getInspectorId());
        assertEquals(inspector1.getPseudonym(), whole.getInspectors(0).getDisplayName());
        assertTrue(whole.getMysteryShopping().hasContactTime());
        assertEquals(subject1, whole.getHistory(0).getActor());

        for (String role : List.of("unit-manager", "viewer")) {
            Inspection unitSide = get(Tokens.as(inspections, Tokens.of(role, hallA)), shopping.getId());
            AssignedInspector shown = unitSide.getInspectors(0);
            assertEquals("", shown.getInspectorId(), role);
            assertEquals("", shown.getDisplayName(), role);
            assertEquals(AuthorityLevel.AUTHORITY_LEVEL_PROVINCIAL, shown.getAuthorityLevel(), role);
            assertEquals(
                    ContactMode.CONTACT_MODE_VISIT,
                    unitSide.getMysteryShopping().getMode(),
                    role);
            assertFalse(unitSide.getMysteryShopping().hasContactTime(), role);
            assertEquals("", unitSide.getMysteryShopping().getScenario(), role);
            for (InspectionMove move : unitSide.getHistoryList()) {
                assertEquals("", move.getActor(), role);
                assertEquals("", move.getNote(), role);
            }
            assertFalse(unitSide.toString().contains(subject1), role);
            assertFalse(unitSide.toString().contains(inspector1.getName()), role);
            assertFalse(unitSide.toString().contains(inspector1.getPseudonym()), role);
            Inspection listed = Tokens.as(inspections, Tokens.of(role, hallA))
                    .listInspections(
                            ListInspectionsRequest.newBuilder().setUnitId(hallA).build())
                    .getInspections(0);
            assertEquals("", listed.getInspectors(0).getDisplayName(), role);
            assertFalse(listed.toString().contains(inspector1.getId()), role);
        }
    }

    // ---- rectification, supervision, plans -------------------------------------------------------

    @Test
    void rectificationOrdersFollowTheUnitAndTheAssignment() {
        Inspection inA = assigned(hallA, InspectionKind.INSPECTION_KIND_ON_SITE_ASSESSMENT, inspector1);
        Inspection started = inspections.startInspection(StartInspectionRequest.newBuilder()
                .setId(inA.getId())
                .setEtag(inA.getEtag())
                .build());
        Inspection rated = inspections.rateElements(RateElementsRequest.newBuilder()
                .setId(inA.getId())
                .addRatings(level("1.1.1", "NON_COMPLIANCE"))
                .build());
        Inspection submitted = inspections.submitInspection(SubmitInspectionRequest.newBuilder()
                .setId(inA.getId())
                .setEtag(rated.getEtag())
                .build());
        inspections.finalizeInspection(FinalizeInspectionRequest.newBuilder()
                .setId(inA.getId())
                .setEtag(submitted.getEtag())
                .build());
        ListRectificationOrdersRequest ofA = ListRectificationOrdersRequest.newBuilder()
                .setInspectionId(inA.getId())
                .build();
        RectificationOrder order = orders.listRectificationOrders(ofA).getOrders(0);
        GetRectificationOrderRequest getOrder =
                GetRectificationOrderRequest.newBuilder().setId(order.getId()).build();

        RectificationServiceBlockingStub manager = Tokens.as(orders, Tokens.of("unit-manager", region));
        assertEquals(order.getId(), manager.getRectificationOrder(getOrder).getId());
        assertEquals(1, manager.listRectificationOrders(ofA).getOrdersCount());
        RectificationServiceBlockingStub other = Tokens.as(orders, Tokens.of("unit-manager", hallB));
        notFound(() -> other.getRectificationOrder(getOrder));
        assertEquals(0, other.listRectificationOrders(ofA).getOrdersCount());

        // A unit manager hands an order on only to a unit it sees.
        StatusRuntimeException away = assertThrows(
                StatusRuntimeException.class,
                () -> manager.updateRectificationOrder(UpdateRectificationOrderRequest.newBuilder()
                        .setOrder(RectificationOrder.newBuilder()
                                .setId(order.getId())
                                .setEtag(order.getEtag())
                                .setOwnerUnitId(hallB))
                        .setUpdateMask(FieldMask.newBuilder().addPaths("owner_unit_id"))
                        .build()));
        assertEquals(Status.Code.NOT_FOUND, away.getStatus().getCode());
        assertTrue(away.getStatus().getDescription().contains(hallB), away.toString());

        // Inspectors: the orders of their own inspections.
        RectificationServiceBlockingStub one = Tokens.as(orders, inspectorToken(subject1));
        RectificationServiceBlockingStub two = Tokens.as(orders, inspectorToken(subject2));
        assertEquals(order.getId(), one.getRectificationOrder(getOrder).getId());
        notFound(() -> two.getRectificationOrder(getOrder));
        assertEquals(0, two.listRectificationOrders(ofA).getOrdersCount());
        notFound(() -> two.verifyRectificationOrder(VerifyRectificationOrderRequest.newBuilder()
                .setId(order.getId())
                .setEtag(order.getEtag())
                .setNote("checked")
                .setEffective(true)
                .build()));
    }

    @Test
    void supervisionOrdersAndPlansFollowTheUnit() {
        SupervisionOrder order = supervision.createSupervisionOrder(CreateSupervisionOrderRequest.newBuilder()
                .setOrder(SupervisionOrder.newBuilder()
                        .setUnitId(hallB)
                        .setAuthorityLevel(AuthorityLevel.AUTHORITY_LEVEL_PROVINCIAL)
                        .setIssuer("Provincial Customer Service Department")
                        .setProblem("Queue times above 30 minutes")
                        .setDueTime(ProtoTime.timestamp(Instant.now().plus(Duration.ofDays(20))))
                        .setReportInterval(ProtoTime.duration(Duration.ofDays(7))))
                .build());
        GetSupervisionOrderRequest getOrder =
                GetSupervisionOrderRequest.newBuilder().setId(order.getId()).build();
        SupervisionServiceBlockingStub manager = Tokens.as(supervision, Tokens.of("unit-manager", region));
        notFound(() -> manager.getSupervisionOrder(getOrder));
        assertEquals(
                0,
                manager.listSupervisionOrders(ListSupervisionOrdersRequest.newBuilder()
                                .setUnitId(hallB)
                                .build())
                        .getOrdersCount());
        SupervisionServiceBlockingStub own = Tokens.as(supervision, Tokens.of("viewer", hallB));
        assertEquals(order.getId(), own.getSupervisionOrder(getOrder).getId());
        assertEquals(
                List.of(order.getId()),
                own.listSupervisionOrders(ListSupervisionOrdersRequest.getDefaultInstance()).getOrdersList().stream()
                        .map(SupervisionOrder::getId)
                        .toList());

        InspectionPlan plan = plans.createInspectionPlan(CreateInspectionPlanRequest.newBuilder()
                .setPlan(InspectionPlan.newBuilder()
                        .setName("Quarterly assessment of hall B")
                        .setKind(InspectionKind.INSPECTION_KIND_ON_SITE_ASSESSMENT)
                        .setAuthorityLevel(AuthorityLevel.AUTHORITY_LEVEL_UNIT)
                        .setStandardCode(std)
                        .setCadence(Cadence.CADENCE_QUARTERLY)
                        .setStartDate("2026-01-01")
                        .setEndDate("2026-12-31")
                        .setTimeZone("Asia/Shanghai")
                        .setTargets(PlanTargets.newBuilder().addUnitIds(hallB)))
                .build());
        GetInspectionPlanRequest getPlan =
                GetInspectionPlanRequest.newBuilder().setId(plan.getId()).build();
        notFound(() -> Tokens.as(plans, Tokens.of("unit-manager", region)).getInspectionPlan(getPlan));
        assertFalse(Tokens.as(plans, Tokens.of("unit-manager", region))
                .listInspectionPlans(ListInspectionPlansRequest.newBuilder()
                        .setPageSize(1000)
                        .build())
                .getPlansList()
                .stream()
                .anyMatch(p -> p.getId().equals(plan.getId())));
        assertEquals(
                plan.getId(),
                Tokens.as(plans, Tokens.of("viewer", hallB))
                        .getInspectionPlan(getPlan)
                        .getId());
        assertEquals(
                List.of(plan.getId()),
                Tokens.as(plans, Tokens.of("viewer", hallB))
                        .listInspectionPlans(ListInspectionPlansRequest.getDefaultInstance())
                        .getPlansList()
                        .stream()
                        .map(InspectionPlan::getId)
                        .toList());
    }

    static Rating level(String element, String level) {
        return Rating.newBuilder().setElementCode(element).setLevelCode(level).build();
    }
}
