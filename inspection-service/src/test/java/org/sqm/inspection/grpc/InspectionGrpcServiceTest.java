package org.sqm.inspection.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Timestamp;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.sqm.commons.convert.ProtoTime;
import org.sqm.inspection.service.InspectionWatch;
import org.sqm.proto.inspection.v1.AssignInspectorsRequest;
import org.sqm.proto.inspection.v1.Attachment;
import org.sqm.proto.inspection.v1.AuthorityLevel;
import org.sqm.proto.inspection.v1.CompareInspectionRequest;
import org.sqm.proto.inspection.v1.ContactMode;
import org.sqm.proto.inspection.v1.CreateInspectionRequest;
import org.sqm.proto.inspection.v1.CreateInspectorRequest;
import org.sqm.proto.inspection.v1.FindingSeverity;
import org.sqm.proto.inspection.v1.GetInspectionRequest;
import org.sqm.proto.inspection.v1.Inspection;
import org.sqm.proto.inspection.v1.InspectionAction;
import org.sqm.proto.inspection.v1.InspectionComparison;
import org.sqm.proto.inspection.v1.InspectionKind;
import org.sqm.proto.inspection.v1.InspectionResult;
import org.sqm.proto.inspection.v1.InspectionServiceGrpc.InspectionServiceBlockingStub;
import org.sqm.proto.inspection.v1.InspectionStatus;
import org.sqm.proto.inspection.v1.Inspector;
import org.sqm.proto.inspection.v1.InspectorServiceGrpc.InspectorServiceBlockingStub;
import org.sqm.proto.inspection.v1.Interview;
import org.sqm.proto.inspection.v1.IntervieweeGroup;
import org.sqm.proto.inspection.v1.ListInspectionResultsRequest;
import org.sqm.proto.inspection.v1.ListInspectionResultsResponse;
import org.sqm.proto.inspection.v1.ListRectificationOrdersRequest;
import org.sqm.proto.inspection.v1.MysteryShoppingContact;
import org.sqm.proto.inspection.v1.RateElementsRequest;
import org.sqm.proto.inspection.v1.Rating;
import org.sqm.proto.inspection.v1.RatingChange;
import org.sqm.proto.inspection.v1.RecordMysteryShoppingContactRequest;
import org.sqm.proto.inspection.v1.RectificationAction;
import org.sqm.proto.inspection.v1.RectificationOrder;
import org.sqm.proto.inspection.v1.RectificationServiceGrpc.RectificationServiceBlockingStub;
import org.sqm.proto.inspection.v1.RectificationStatus;
import org.sqm.proto.inspection.v1.TransitionInspectionRequest;
import org.sqm.proto.inspection.v1.TransitionRectificationOrderRequest;
import org.sqm.proto.standards.v1.UnitType;
import org.sqm.testing.EmbeddedPostgresResource;
import org.sqm.testing.GrpcErrors;

@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class InspectionGrpcServiceTest {

    @GrpcClient("inspections")
    InspectionServiceBlockingStub inspections;

    @GrpcClient("inspectors")
    InspectorServiceBlockingStub inspectors;

    @GrpcClient("orders")
    RectificationServiceBlockingStub orders;

    @Inject
    InspectionWatch watch;

    @Inject
    DataSource db;

    static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    // ---- helpers -----------------------------------------------------------------------------------

    static Timestamp ts(Instant i) {
        return ProtoTime.timestamp(i);
    }

    static String code() {
        return "STD-" + UUID.randomUUID().toString().substring(0, 8);
    }

    String inspector(AuthorityLevel level, Instant from, Instant until, InspectionKind... kinds) {
        String cert = "C-" + UUID.randomUUID().toString().substring(0, 12);
        Inspector.Builder b = Inspector.newBuilder()
                .setName("Inspector " + cert)
                .setCertificateNumber(cert)
                .setAuthorityLevel(level)
                .setValidFrom(ts(from))
                .setValidUntil(ts(until));
        for (InspectionKind k : kinds) {
            b.addQualifiedKinds(k);
            if (k == InspectionKind.INSPECTION_KIND_MYSTERY_SHOPPING) {
                b.setPseudonym("Shopper " + cert);
            }
        }
        return inspectors
                .createInspector(
                        CreateInspectorRequest.newBuilder().setInspector(b).build())
                .getId();
    }

    String validInspector(AuthorityLevel level, InspectionKind kind) {
        return inspector(level, NOW.minus(Duration.ofDays(30)), NOW.plus(Duration.ofDays(400)), kind);
    }

    Inspection create(
            String unit,
            InspectionKind kind,
            AuthorityLevel authority,
            String standardCode,
            Instant start,
            Instant end) {
        return inspections.createInspection(CreateInspectionRequest.newBuilder()
                .setInspection(Inspection.newBuilder()
                        .setUnitId(unit)
                        .setKind(kind)
                        .setAuthorityLevel(authority)
                        .setStandardCode(standardCode)
                        .setWindowStart(ts(start))
                        .setWindowEnd(ts(end)))
                .build());
    }

    Inspection onSite(String unit, String standardCode) {
        return create(
                unit,
                InspectionKind.INSPECTION_KIND_ON_SITE_ASSESSMENT,
                AuthorityLevel.AUTHORITY_LEVEL_PROVINCIAL,
                standardCode,
                NOW.minus(Duration.ofDays(1)),
                NOW.plus(Duration.ofDays(30)));
    }

    Inspection get(String id) {
        return inspections.getInspection(
                GetInspectionRequest.newBuilder().setId(id).build());
    }

    Inspection move(Inspection i, InspectionAction action, String note) {
        return inspections.transitionInspection(TransitionInspectionRequest.newBuilder()
                .setId(i.getId())
                .setEtag(get(i.getId()).getEtag())
                .setAction(action)
                .setNote(note)
                .build());
    }

    Inspection started(Inspection i) {
        String a = validInspector(AuthorityLevel.AUTHORITY_LEVEL_NATIONAL, i.getKind());
        String b = validInspector(AuthorityLevel.AUTHORITY_LEVEL_PROVINCIAL, i.getKind());
        Inspection assigned = inspections.assignInspectors(AssignInspectorsRequest.newBuilder()
                .setId(i.getId())
                .setEtag(i.getEtag())
                .addInspectorIds(a)
                .addInspectorIds(b)
                .build());
        return move(assigned, InspectionAction.INSPECTION_ACTION_START, "");
    }

    static Rating level(String element, String level) {
        return Rating.newBuilder().setElementCode(element).setLevelCode(level).build();
    }

    Inspection rate(Inspection i, Rating... ratings) {
        return inspections.rateElements(RateElementsRequest.newBuilder()
                .setId(i.getId())
                .addAllRatings(List.of(ratings))
                .build());
    }

    static String reason(StatusRuntimeException e) {
        return GrpcErrors.errorInfo(e).getReason();
    }

    // ---- lifecycle and immutability ----------------------------------------------------------------

    @Test
    void inspectionGoesFromScheduledToFinalizedAndThenNeverChanges() throws SQLException {
        String unit = FakeStandardsBackend.unit(null, UnitType.UNIT_TYPE_SERVICE_HALL);
        String std = code();
        FakeStandardsBackend.publish(std, 1, "1.1.1:m", "1.1.2:m", "1.1.3");
        Inspection created = onSite(unit, std);
        assertEquals(InspectionStatus.INSPECTION_STATUS_SCHEDULED, created.getStatus());
        assertEquals(1, created.getStandardVersion());
        assertEquals(3, created.getElementsCount());

        Inspection started = started(created);
        assertEquals(InspectionStatus.INSPECTION_STATUS_IN_PROGRESS, started.getStatus());
        assertEquals(2, started.getInspectorsCount());

        rate(started, level("1.1.1", "COMPLIANT"), level("1.1.2", "COMPLIANCE_PLUS"));
        Inspection submitted = move(started, InspectionAction.INSPECTION_ACTION_SUBMIT, "");
        assertEquals(InspectionStatus.INSPECTION_STATUS_SUBMITTED, submitted.getStatus());

        // Ratings are closed while submitted; a return needs a note; after it they open again.
        StatusRuntimeException closed =
                assertThrows(StatusRuntimeException.class, () -> rate(submitted, level("1.1.3", "COMPLIANT")));
        assertEquals(Status.Code.FAILED_PRECONDITION, closed.getStatus().getCode());
        StatusRuntimeException noNote = assertThrows(
                StatusRuntimeException.class, () -> move(submitted, InspectionAction.INSPECTION_ACTION_RETURN, ""));
        assertEquals(List.of("note"), GrpcErrors.violatedFields(noNote));
        Inspection returned = move(submitted, InspectionAction.INSPECTION_ACTION_RETURN, "evidence for 1.1.2 missing");
        assertEquals(InspectionStatus.INSPECTION_STATUS_RETURNED, returned.getStatus());
        assertEquals("evidence for 1.1.2 missing", returned.getStatusNote());
        rate(
                returned,
                Rating.newBuilder()
                        .setElementCode("1.1.2")
                        .setLevelCode("COMPLIANT")
                        .setEvidenceNotes("queue ticket log")
                        .setObservations("counter 3 greeted every customer")
                        .addInterviews(Interview.newBuilder()
                                .setGroup(IntervieweeGroup.INTERVIEWEE_GROUP_STAFF)
                                .setNote("knows the escalation path"))
                        .addAttachments(Attachment.newBuilder()
                                .setUri("https://files.example/p1.jpg")
                                .setSha256("a".repeat(64)))
                        .build());
        move(returned, InspectionAction.INSPECTION_ACTION_SUBMIT, "");
        Inspection finalized = move(returned, InspectionAction.INSPECTION_ACTION_FINALIZE, "");
        assertEquals(InspectionStatus.INSPECTION_STATUS_FINALIZED, finalized.getStatus());
        assertTrue(finalized.hasFinalizeTime());
        assertEquals("COMPLIANT", finalized.getRatings(1).getLevelCode());
        assertEquals(1, finalized.getRatings(1).getInterviewsCount());

        // Every change of a finalized inspection is refused, and nothing changes.
        for (Runnable change : List.<Runnable>of(
                () -> rate(finalized, level("1.1.3", "COMPLIANT")),
                () -> move(finalized, InspectionAction.INSPECTION_ACTION_CANCEL, "too late"),
                () -> move(finalized, InspectionAction.INSPECTION_ACTION_RETURN, "again"),
                () -> inspections.assignInspectors(AssignInspectorsRequest.newBuilder()
                        .setId(finalized.getId())
                        .setEtag(finalized.getEtag())
                        .addInspectorIds(finalized.getInspectors(0).getInspectorId())
                        .build()))) {
            StatusRuntimeException e = assertThrows(StatusRuntimeException.class, change::run);
            assertEquals(Status.Code.FAILED_PRECONDITION, e.getStatus().getCode());
            assertEquals("INSPECTION_FROZEN", reason(e));
        }
        assertEquals(finalized, get(finalized.getId()));

        // The database refuses too, for anyone writing SQL by hand.
        try (Connection c = db.getConnection()) {
            for (String sql : List.of(
                    "UPDATE inspection SET status_note = 'x' WHERE id = ?",
                    "UPDATE rating SET level_code = 'NON_COMPLIANCE' WHERE inspection_id = ?",
                    "DELETE FROM inspection_inspector WHERE inspection_id = ?")) {
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    ps.setObject(1, UUID.fromString(finalized.getId()));
                    SQLException refused = assertThrows(SQLException.class, ps::executeUpdate, sql);
                    assertTrue(refused.getMessage().contains("never changes"), refused.getMessage());
                }
            }
        }
        assertEquals(finalized, get(finalized.getId()));
    }

    @Test
    void movesOutsideTheLifecycleAreRefusedAndStaleEtagsAborted() {
        String unit = FakeStandardsBackend.unit(null, UnitType.UNIT_TYPE_SERVICE_HALL);
        String std = code();
        FakeStandardsBackend.publish(std, 1, "1.1.1:m");
        Inspection created = onSite(unit, std);
        StatusRuntimeException submit = assertThrows(
                StatusRuntimeException.class, () -> move(created, InspectionAction.INSPECTION_ACTION_SUBMIT, ""));
        assertEquals("INVALID_TRANSITION", reason(submit));
        StatusRuntimeException noInspectors = assertThrows(
                StatusRuntimeException.class, () -> move(created, InspectionAction.INSPECTION_ACTION_START, ""));
        assertEquals("INSPECTORS_REQUIRED", reason(noInspectors));
        Inspection started = started(created);
        StatusRuntimeException stale = assertThrows(
                StatusRuntimeException.class,
                () -> inspections.transitionInspection(TransitionInspectionRequest.newBuilder()
                        .setId(started.getId())
                        .setEtag(created.getEtag())
                        .setAction(InspectionAction.INSPECTION_ACTION_CANCEL)
                        .setNote("x")
                        .build()));
        assertEquals(Status.Code.ABORTED, stale.getStatus().getCode());
        Inspection cancelled =
                move(started, InspectionAction.INSPECTION_ACTION_CANCEL, "unit closed for refurbishment");
        assertEquals(InspectionStatus.INSPECTION_STATUS_CANCELLED, cancelled.getStatus());
        assertEquals(
                "INSPECTION_FROZEN",
                reason(assertThrows(
                        StatusRuntimeException.class,
                        () -> move(cancelled, InspectionAction.INSPECTION_ACTION_START, ""))));
    }

    // ---- inspectors ----------------------------------------------------------------------------------

    @Test
    void regulatorInspectionsNeedTwoQualifiedInspectorsWithValidCertificatesOfSufficientAuthority() {
        String unit = FakeStandardsBackend.unit(null, UnitType.UNIT_TYPE_SERVICE_HALL);
        String std = code();
        FakeStandardsBackend.publish(std, 1, "1.1.1:m");
        Inspection i = onSite(unit, std);
        InspectionKind kind = InspectionKind.INSPECTION_KIND_ON_SITE_ASSESSMENT;
        String good = validInspector(AuthorityLevel.AUTHORITY_LEVEL_PROVINCIAL, kind);
        String good2 = validInspector(AuthorityLevel.AUTHORITY_LEVEL_NATIONAL, kind);
        String expired = inspector(
                AuthorityLevel.AUTHORITY_LEVEL_PROVINCIAL,
                NOW.minus(Duration.ofDays(400)),
                NOW.minus(Duration.ofDays(1)),
                kind);
        String expiresInWindow = inspector(
                AuthorityLevel.AUTHORITY_LEVEL_PROVINCIAL,
                NOW.minus(Duration.ofDays(10)),
                NOW.plus(Duration.ofDays(5)),
                kind);
        String city = validInspector(AuthorityLevel.AUTHORITY_LEVEL_CITY, kind);
        String shopper = validInspector(
                AuthorityLevel.AUTHORITY_LEVEL_NATIONAL, InspectionKind.INSPECTION_KIND_MYSTERY_SHOPPING);

        StatusRuntimeException tooFew = assertThrows(StatusRuntimeException.class, () -> assign(i, good));
        assertEquals(Status.Code.INVALID_ARGUMENT, tooFew.getStatus().getCode());
        assertEquals(List.of("inspector_ids"), GrpcErrors.violatedFields(tooFew));

        StatusRuntimeException bad = assertThrows(
                StatusRuntimeException.class,
                () -> assign(
                        i,
                        good,
                        expired,
                        expiresInWindow,
                        city,
                        shopper,
                        UUID.randomUUID().toString(),
                        good));
        assertEquals(
                List.of(
                        "inspector_ids[1]",
                        "inspector_ids[2]",
                        "inspector_ids[3]",
                        "inspector_ids[4]",
                        "inspector_ids[5]",
                        "inspector_ids[6]"),
                GrpcErrors.violatedFields(bad));
        assertEquals(0, get(i.getId()).getInspectorsCount(), "nothing written");

        Inspection assigned = assign(i, good, good2);
        assertEquals(2, assigned.getInspectorsCount());

        // The unit's own inspection needs one inspector, of unit level or above.
        Inspection self = create(
                unit,
                InspectionKind.INSPECTION_KIND_SELF_INSPECTION,
                AuthorityLevel.AUTHORITY_LEVEL_UNIT,
                std,
                NOW.minus(Duration.ofHours(1)),
                NOW.plus(Duration.ofHours(8)));
        String own =
                validInspector(AuthorityLevel.AUTHORITY_LEVEL_UNIT, InspectionKind.INSPECTION_KIND_SELF_INSPECTION);
        assertEquals(1, assign(self, own).getInspectorsCount());
    }

    Inspection assign(Inspection i, String... ids) {
        return inspections.assignInspectors(AssignInspectorsRequest.newBuilder()
                .setId(i.getId())
                .setEtag(get(i.getId()).getEtag())
                .addAllInspectorIds(List.of(ids))
                .build());
    }

    @Test
    void mysteryShoppersAppearUnderTheirPseudonymAndTheContactMustFallInTheWindow() {
        String unit = FakeStandardsBackend.unit(null, UnitType.UNIT_TYPE_HOTLINE);
        String std = code();
        FakeStandardsBackend.publish(std, 1, "1.1.1:m");
        Instant start = NOW.minus(Duration.ofDays(3));
        Inspection i = create(
                unit,
                InspectionKind.INSPECTION_KIND_MYSTERY_SHOPPING,
                AuthorityLevel.AUTHORITY_LEVEL_CITY,
                std,
                start,
                NOW.plus(Duration.ofDays(3)));
        Inspection started = started(i);
        assertTrue(started.getInspectorsList().stream()
                .allMatch(a -> a.getDisplayName().startsWith("Shopper ")));

        rate(started, level("1.1.1", "COMPLIANT"));
        assertEquals(
                "CONTACT_REQUIRED",
                reason(assertThrows(
                        StatusRuntimeException.class,
                        () -> move(started, InspectionAction.INSPECTION_ACTION_SUBMIT, ""))));
        StatusRuntimeException outside =
                assertThrows(StatusRuntimeException.class, () -> contact(started, start.minusSeconds(60)));
        assertEquals(List.of("contact.contact_time"), GrpcErrors.violatedFields(outside));
        Inspection contacted = contact(started, start.plus(Duration.ofHours(30)));
        assertEquals(
                ContactMode.CONTACT_MODE_CALL, contacted.getMysteryShopping().getMode());
        assertEquals(
                InspectionStatus.INSPECTION_STATUS_SUBMITTED,
                move(contacted, InspectionAction.INSPECTION_ACTION_SUBMIT, "").getStatus());
    }

    Inspection contact(Inspection i, Instant when) {
        return inspections.recordMysteryShoppingContact(RecordMysteryShoppingContactRequest.newBuilder()
                .setId(i.getId())
                .setEtag(get(i.getId()).getEtag())
                .setContact(MysteryShoppingContact.newBuilder()
                        .setMode(ContactMode.CONTACT_MODE_CALL)
                        .setContactTime(ts(when))
                        .setScenario("asks how to move a broadband line to a new flat"))
                .build());
    }

    // ---- ratings -------------------------------------------------------------------------------------

    @Test
    void badRatingsNameEveryFieldAndWriteNothing() {
        String unit = FakeStandardsBackend.unit(null, UnitType.UNIT_TYPE_SERVICE_HALL);
        String std = code();
        FakeStandardsBackend.publish(std, 1, "1.1.1:m", "1.1.2", "1.1.3");
        Inspection i = started(onSite(unit, std));
        rate(i, level("1.1.3", "COMPLIANT"));

        StatusRuntimeException e = assertThrows(
                StatusRuntimeException.class,
                () -> rate(
                        i,
                        level("1.1.1", "EXCELLENT"),
                        level("9.9.9", "COMPLIANT"),
                        Rating.newBuilder()
                                .setElementCode("1.1.2")
                                .setNotApplicable(true)
                                .build(),
                        Rating.newBuilder().setElementCode("1.1.3").setScore(5).build(),
                        level("1.1.1", "COMPLIANT")));
        assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode());
        assertEquals(
                List.of(
                        "ratings[0].level_code",
                        "ratings[1].element_code",
                        "ratings[2].justification",
                        "ratings[3].score",
                        "ratings[4].element_code"),
                GrpcErrors.violatedFields(e));
        Inspection after = get(i.getId());
        assertEquals(1, after.getRatedCount());
        assertEquals("COMPLIANT", after.getRatings(0).getLevelCode());

        Inspection na = rate(
                i,
                Rating.newBuilder()
                        .setElementCode("1.1.2")
                        .setNotApplicable(true)
                        .setJustification("the hall has no self-service terminals")
                        .build());
        assertEquals(2, na.getRatedCount());
    }

    @Test
    void submittingWithMandatoryElementsUnratedListsEveryMissingElement() {
        String unit = FakeStandardsBackend.unit(null, UnitType.UNIT_TYPE_SERVICE_HALL);
        String std = code();
        FakeStandardsBackend.publish(std, 1, "1.1.1:m", "1.1.2:m", "1.1.3", "1.1.4:m");
        Inspection i = started(onSite(unit, std));
        rate(i, level("1.1.2", "COMPLIANT"), level("1.1.3", "COMPLIANT"));
        StatusRuntimeException e = assertThrows(
                StatusRuntimeException.class, () -> move(i, InspectionAction.INSPECTION_ACTION_SUBMIT, ""));
        assertEquals(Status.Code.FAILED_PRECONDITION, e.getStatus().getCode());
        assertEquals("UNRATED_MANDATORY_ELEMENTS", reason(e));
        assertEquals(List.of("1.1.1", "1.1.4"), GrpcErrors.preconditionSubjects(e));
        assertEquals(
                InspectionStatus.INSPECTION_STATUS_IN_PROGRESS, get(i.getId()).getStatus());
    }

    @Test
    void numericScalesTakeScoresWithinTheirRange() {
        String unit = FakeStandardsBackend.unit(null, UnitType.UNIT_TYPE_SERVICE_HALL);
        String std = code();
        FakeStandardsBackend.publish(std, 1, FakeStandardsBackend.numeric(), "1.1.1:m", "1.1.2");
        Inspection i = started(onSite(unit, std));
        StatusRuntimeException e = assertThrows(
                StatusRuntimeException.class,
                () -> rate(
                        i,
                        Rating.newBuilder().setElementCode("1.1.1").setScore(11).build(),
                        level("1.1.2", "COMPLIANT"),
                        Rating.newBuilder()
                                .setElementCode("1.1.2")
                                .setNotApplicable(true)
                                .setJustification("x")
                                .build()));
        assertEquals(
                List.of(
                        "ratings[0].score",
                        "ratings[1].level_code",
                        "ratings[2].element_code",
                        "ratings[2].not_applicable"),
                GrpcErrors.violatedFields(e));
        Inspection rated =
                rate(i, Rating.newBuilder().setElementCode("1.1.1").setScore(0).build());
        assertTrue(rated.getRatings(0).hasScore());
        assertEquals(0, rated.getRatings(0).getScore());
        assertFalse(rated.getRatings(0).getMeetsRequirement());
    }

    // ---- version pinning -----------------------------------------------------------------------------

    @Test
    void anInspectionKeepsItsPinnedVersionWhenANewerOneIsPublished() {
        String unit = FakeStandardsBackend.unit(null, UnitType.UNIT_TYPE_SERVICE_HALL);
        String std = code();
        String v1 = FakeStandardsBackend.publish(std, 1, "1.1.1:m", "1.1.2:m");
        Inspection old = started(onSite(unit, std));
        assertEquals(v1, old.getStandardId());

        String v2 = FakeStandardsBackend.publish(std, 2, "1.1.1:m", "1.1.2:m", "1.1.5:m");
        Inspection fresh = onSite(unit, std);
        assertEquals(v2, fresh.getStandardId());
        assertEquals(2, fresh.getStandardVersion());
        assertEquals(3, fresh.getElementsCount());

        // The old inspection still rates exactly v1's elements and submits without v2's new element.
        StatusRuntimeException e =
                assertThrows(StatusRuntimeException.class, () -> rate(old, level("1.1.5", "COMPLIANT")));
        assertEquals(List.of("ratings[0].element_code"), GrpcErrors.violatedFields(e));
        rate(old, level("1.1.1", "COMPLIANT"), level("1.1.2", "COMPLIANT"));
        Inspection submitted = move(old, InspectionAction.INSPECTION_ACTION_SUBMIT, "");
        assertEquals(1, submitted.getStandardVersion());
        assertEquals(2, submitted.getElementsCount());

        // Pinning a draft by id is refused; a standard without a published version cannot be inspected.
        String draft = FakeStandardsBackend.draft(std, 3);
        StatusRuntimeException notPublished = assertThrows(
                StatusRuntimeException.class,
                () -> inspections.createInspection(CreateInspectionRequest.newBuilder()
                        .setInspection(old.toBuilder().clearStandardCode().setStandardId(draft))
                        .build()));
        assertEquals(List.of("inspection.standard_id"), GrpcErrors.violatedFields(notPublished));
        StatusRuntimeException none = assertThrows(StatusRuntimeException.class, () -> onSite(unit, code()));
        assertEquals("NO_PUBLISHED_VERSION", reason(none));
    }

    // ---- missed and overdue --------------------------------------------------------------------------

    @Test
    void inspectionsNotSubmittedByTheEndOfTheirWindowAreFlaggedMissedOnce() {
        String unit = FakeStandardsBackend.unit(null, UnitType.UNIT_TYPE_SERVICE_HALL);
        String std = code();
        FakeStandardsBackend.publish(std, 1, "1.1.1:m");
        Instant start = Instant.now().minus(Duration.ofDays(2));
        Instant end = Instant.now().plusSeconds(2);
        Inspection lapsed = create(
                unit, InspectionKind.INSPECTION_KIND_SPOT_CHECK, AuthorityLevel.AUTHORITY_LEVEL_CITY, std, start, end);
        Inspection done = create(
                unit, InspectionKind.INSPECTION_KIND_SPOT_CHECK, AuthorityLevel.AUTHORITY_LEVEL_CITY, std, start, end);
        done = started(done);
        rate(done, level("1.1.1", "COMPLIANT"));
        done = move(done, InspectionAction.INSPECTION_ACTION_SUBMIT, "");
        Inspection running = onSite(unit, std);
        String etagBefore = get(lapsed.getId()).getEtag();

        waitUntil(end.plusMillis(200));
        InspectionWatch.Result first = watch.runOnce();
        assertTrue(first.missed() >= 1);
        assertTrue(get(lapsed.getId()).getMissed());
        assertFalse(get(done.getId()).getMissed());
        assertFalse(get(running.getId()).getMissed());
        assertEquals(etagBefore, get(lapsed.getId()).getEtag(), "flagging does not disturb editors");
        assertEquals(0, watch.runOnce().missed(), "each inspection is flagged once");
    }

    @Test
    void twoWatchPassesAtOnceFlagEachLapsedInspectionExactlyOnce() throws Exception {
        String unit = FakeStandardsBackend.unit(null, UnitType.UNIT_TYPE_SERVICE_HALL);
        String std = code();
        FakeStandardsBackend.publish(std, 1, "1.1.1:m");
        Instant end = Instant.now().plusSeconds(2);
        List<String> ids = new ArrayList<>();
        for (int n = 0; n < 30; n++) {
            ids.add(create(
                            unit,
                            InspectionKind.INSPECTION_KIND_SPOT_CHECK,
                            AuthorityLevel.AUTHORITY_LEVEL_CITY,
                            std,
                            end.minus(Duration.ofDays(1)),
                            end)
                    .getId());
        }
        waitUntil(end.plusMillis(200));
        long before = missedCount();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        var first = pool.submit(watch::runOnce);
        var second = pool.submit(watch::runOnce);
        int flagged = first.get().missed() + second.get().missed();
        pool.shutdown();
        assertEquals(missedCount() - before, flagged, "every flag counted once");
        assertTrue(flagged >= 30);
        assertTrue(ids.stream().allMatch(id -> get(id).getMissed()));
    }

    long missedCount() throws SQLException {
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM inspection WHERE missed");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static void waitUntil(Instant when) {
        long millis = Duration.between(Instant.now(), when).toMillis();
        if (millis > 0) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    // ---- findings and rectification orders -----------------------------------------------------------

    Inspection finalized(String unit, String std, Rating... ratings) {
        Inspection i = started(onSite(unit, std));
        rate(i, ratings);
        move(i, InspectionAction.INSPECTION_ACTION_SUBMIT, "");
        return move(i, InspectionAction.INSPECTION_ACTION_FINALIZE, "");
    }

    List<RectificationOrder> ordersOf(Inspection i) {
        return orders.listRectificationOrders(ListRectificationOrdersRequest.newBuilder()
                        .setInspectionId(i.getId())
                        .build())
                .getOrdersList();
    }

    @Test
    void failingRatingsBecomeFindingsWithOrdersDueBySeverity() {
        String unit = FakeStandardsBackend.unit(null, UnitType.UNIT_TYPE_SERVICE_HALL);
        String std = code();
        FakeStandardsBackend.publish(std, 1, "1.1.1:m", "1.1.2:m", "1.1.3:mc", "1.1.4", "1.1.5");
        Inspection f = finalized(
                unit,
                std,
                level("1.1.1", "PARTIAL_COMPLIANCE"),
                level("1.1.2", "NON_COMPLIANCE"),
                level("1.1.3", "PARTIAL_COMPLIANCE"),
                Rating.newBuilder()
                        .setElementCode("1.1.4")
                        .setNotApplicable(true)
                        .setJustification("no lift")
                        .build(),
                level("1.1.5", "COMPLIANCE_PLUS"));
        Instant finalizedAt = ProtoTime.instantOrNull(true, f.getFinalizeTime());
        Map<String, RectificationOrder> byElement = new HashMap<>();
        ordersOf(f).forEach(o -> byElement.put(o.getFinding().getElementCode(), o));
        assertEquals(3, byElement.size(), "one finding per failing rating; not applicable and passing make none");
        RectificationOrder partial = byElement.get("1.1.1");
        assertEquals(
                FindingSeverity.FINDING_SEVERITY_MINOR, partial.getFinding().getSeverity());
        assertEquals(
                finalizedAt.atOffset(java.time.ZoneOffset.UTC).plusMonths(3).toInstant(),
                ProtoTime.instantOrNull(true, partial.getDueTime()));
        assertEquals(
                FindingSeverity.FINDING_SEVERITY_MAJOR,
                byElement.get("1.1.2").getFinding().getSeverity());
        assertEquals(
                finalizedAt.atOffset(java.time.ZoneOffset.UTC).plusMonths(1).toInstant(),
                ProtoTime.instantOrNull(true, byElement.get("1.1.2").getDueTime()));
        assertEquals(
                FindingSeverity.FINDING_SEVERITY_CRITICAL,
                byElement.get("1.1.3").getFinding().getSeverity());
        assertEquals(
                finalizedAt.plus(Duration.ofDays(7)),
                ProtoTime.instantOrNull(true, byElement.get("1.1.3").getDueTime()));
        assertEquals(unit, partial.getOwnerUnitId());
        assertEquals(RectificationStatus.RECTIFICATION_STATUS_OPEN, partial.getStatus());

        // open -> in progress -> done -> verified not effective -> open again -> done -> verified.
        RectificationOrder o = moveOrder(partial, RectificationAction.RECTIFICATION_ACTION_START, "", false);
        assertEquals(
                "INVALID_TRANSITION",
                reason(assertThrows(
                        StatusRuntimeException.class,
                        () -> moveOrder(partial, RectificationAction.RECTIFICATION_ACTION_VERIFY, "x", true))));
        o = moveOrder(o, RectificationAction.RECTIFICATION_ACTION_COMPLETE, "queue signage replaced", false);
        assertEquals(RectificationStatus.RECTIFICATION_STATUS_DONE, o.getStatus());
        o = moveOrder(o, RectificationAction.RECTIFICATION_ACTION_VERIFY, "customers still queue twice", false);
        assertEquals(RectificationStatus.RECTIFICATION_STATUS_OPEN, o.getStatus());
        assertEquals(1, o.getReopenCount());
        o = moveOrder(o, RectificationAction.RECTIFICATION_ACTION_COMPLETE, "single queue introduced", false);
        o = moveOrder(o, RectificationAction.RECTIFICATION_ACTION_VERIFY, "one queue observed on two visits", true);
        assertEquals(RectificationStatus.RECTIFICATION_STATUS_VERIFIED, o.getStatus());
        assertTrue(o.hasVerifyTime());
        RectificationOrder verified = o;
        assertEquals(
                "INVALID_TRANSITION",
                reason(assertThrows(
                        StatusRuntimeException.class,
                        () -> moveOrder(verified, RectificationAction.RECTIFICATION_ACTION_COMPLETE, "x", false))));
    }

    @Test
    void metricsCountFinalizedInspectionsAndMissedOnes() {
        String unit = FakeStandardsBackend.unit(null, UnitType.UNIT_TYPE_SERVICE_HALL);
        String std = code();
        FakeStandardsBackend.publish(std, 1, "1.1.1:m");
        finalized(unit, std, level("1.1.1", "COMPLIANT"));
        String metrics = io.restassured.RestAssured.given()
                .when()
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertTrue(
                metrics.contains(
                        "sqm_inspections_finalized_total{authority=\"PROVINCIAL\",kind=\"ON_SITE_ASSESSMENT\"}"),
                metrics);
        assertTrue(metrics.contains("grpc_server_processing_duration_seconds"), "gRPC server timings");
        assertTrue(
                metrics.contains("grpc_client_processing_duration_seconds"), "gRPC client timings (standards-service)");
        assertTrue(metrics.contains("agroal_active_count"), "connection pool");
    }

    RectificationOrder moveOrder(RectificationOrder o, RectificationAction action, String note, boolean effective) {
        String etag = orders.getRectificationOrder(org.sqm.proto.inspection.v1.GetRectificationOrderRequest.newBuilder()
                        .setId(o.getId())
                        .build())
                .getEtag();
        return orders.transitionRectificationOrder(TransitionRectificationOrderRequest.newBuilder()
                .setId(o.getId())
                .setEtag(etag)
                .setAction(action)
                .setNote(note)
                .setEffective(effective)
                .build());
    }

    @Test
    void ordersPastTheirDueTimeAreFlaggedOverdueOnce() throws SQLException {
        String unit = FakeStandardsBackend.unit(null, UnitType.UNIT_TYPE_SERVICE_HALL);
        String std = code();
        FakeStandardsBackend.publish(std, 1, "1.1.1:m", "1.1.2:m");
        Inspection f = finalized(unit, std, level("1.1.1", "NON_COMPLIANCE"), level("1.1.2", "NON_COMPLIANCE"));
        List<RectificationOrder> list = ordersOf(f);
        assertEquals(2, list.size());
        RectificationOrder late = list.get(0);
        RectificationOrder done =
                moveOrder(list.get(1), RectificationAction.RECTIFICATION_ACTION_COMPLETE, "fixed", false);
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "UPDATE rectification_order SET due_time = now() - interval '1 hour' WHERE finding_id IN"
                                + " (SELECT id FROM finding WHERE inspection_id = ?)")) {
            ps.setObject(1, UUID.fromString(f.getId()));
            assertEquals(2, ps.executeUpdate());
        }
        assertTrue(watch.runOnce().overdue() >= 1);
        assertEquals(0, watch.runOnce().overdue());
        List<RectificationOrder> overdue = orders.listRectificationOrders(ListRectificationOrdersRequest.newBuilder()
                        .setOwnerUnitId(unit)
                        .setOverdueOnly(true)
                        .build())
                .getOrdersList();
        assertEquals(
                List.of(late.getId()),
                overdue.stream().map(RectificationOrder::getId).toList());
        assertFalse(orders.getRectificationOrder(org.sqm.proto.inspection.v1.GetRectificationOrderRequest.newBuilder()
                        .setId(done.getId())
                        .build())
                .getOverdue());
    }

    // ---- results and comparison ----------------------------------------------------------------------

    @Test
    void theResultsFeedReturnsEveryFinalizedInspectionWithTheStoredRatings() throws SQLException {
        String unit = FakeStandardsBackend.unit(null, UnitType.UNIT_TYPE_SERVICE_HALL);
        String std = code();
        FakeStandardsBackend.publish(std, 1, "1.1.1:m", "1.1.2", "1.1.3");
        Instant from = Instant.now().minusSeconds(1);
        List<String> ids = new ArrayList<>();
        String[] levels = {"COMPLIANT", "PARTIAL_COMPLIANCE", "COMPLIANCE_PLUS", "NON_COMPLIANCE"};
        for (int n = 0; n < 5; n++) {
            ids.add(finalized(unit, std, level("1.1.1", levels[n % 4]), level("1.1.2", levels[(n + 1) % 4]))
                    .getId());
        }
        started(onSite(unit, std)); // not finalized: never in the feed
        Instant until = Instant.now().plusSeconds(1);

        List<InspectionResult> results = new ArrayList<>();
        String token = "";
        do {
            ListInspectionResultsResponse page =
                    inspections.listInspectionResults(ListInspectionResultsRequest.newBuilder()
                            .setFinalizedFrom(ts(from))
                            .setFinalizedUntil(ts(until))
                            .setUnitId(unit)
                            .setKind(InspectionKind.INSPECTION_KIND_ON_SITE_ASSESSMENT)
                            .setAuthorityLevel(AuthorityLevel.AUTHORITY_LEVEL_PROVINCIAL)
                            .setPageSize(2)
                            .setPageToken(token)
                            .build());
            assertTrue(page.getResultsCount() <= 2);
            results.addAll(page.getResultsList());
            token = page.getNextPageToken();
        } while (!token.isEmpty());
        assertEquals(
                ids, results.stream().map(InspectionResult::getInspectionId).toList(), "by finalize time, each once");

        // Every rating in the feed is the stored one; unrated elements are listed as unrated.
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT element_code, level_code, points, meets_requirement FROM rating WHERE inspection_id = ?")) {
            for (InspectionResult r : results) {
                ps.setObject(1, UUID.fromString(r.getInspectionId()));
                Map<String, String> stored = new HashMap<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        stored.put(rs.getString(1), rs.getString(2) + "/" + rs.getInt(3) + "/" + rs.getBoolean(4));
                    }
                }
                assertEquals(3, r.getRatingsCount());
                Map<String, String> fed = new HashMap<>();
                r.getRatingsList().stream()
                        .filter(x -> x.getRated())
                        .forEach(x -> fed.put(
                                x.getElement().getCode(),
                                x.getLevelCode() + "/" + x.getPoints() + "/" + x.getMeetsRequirement()));
                assertEquals(stored, fed);
                assertFalse(r.getRatings(2).getRated());
            }
        }
    }

    @Test
    void comparisonPutsRatingsBesideThoseOfThePreviousInspectionOfTheSameUnitAndKind() {
        String unit = FakeStandardsBackend.unit(null, UnitType.UNIT_TYPE_SERVICE_HALL);
        String std = code();
        FakeStandardsBackend.publish(std, 1, "1.1.1:m", "1.1.2", "1.1.3");
        Inspection first = finalized(unit, std, level("1.1.1", "PARTIAL_COMPLIANCE"), level("1.1.2", "COMPLIANT"));
        FakeStandardsBackend.publish(std, 2, "1.1.1:m", "1.1.2", "1.1.3", "1.1.4");
        Inspection second = finalized(
                unit,
                std,
                level("1.1.1", "COMPLIANT"),
                level("1.1.2", "COMPLIANT"),
                level("1.1.3", "NON_COMPLIANCE"),
                level("1.1.4", "COMPLIANT"));
        InspectionComparison c = inspections.compareInspection(
                CompareInspectionRequest.newBuilder().setId(second.getId()).build());
        assertEquals(first.getId(), c.getPreviousInspectionId());
        assertEquals(
                List.of(
                        RatingChange.RATING_CHANGE_IMPROVED,
                        RatingChange.RATING_CHANGE_UNCHANGED,
                        RatingChange.RATING_CHANGE_NEW,
                        RatingChange.RATING_CHANGE_NEW),
                c.getElementsList().stream().map(e -> e.getChange()).toList());
        assertEquals("PARTIAL_COMPLIANCE", c.getElements(0).getPrevious().getLevelCode());
        InspectionComparison none = inspections.compareInspection(
                CompareInspectionRequest.newBuilder().setId(first.getId()).build());
        assertEquals("", none.getPreviousInspectionId());
        assertNotEquals(0, none.getElementsCount());
    }

    @Test
    void unknownAndInactiveUnitsAndBadWindowsAreRefused() {
        String std = code();
        FakeStandardsBackend.publish(std, 1, "1.1.1:m");
        String inactive = FakeStandardsBackend.unit(null, UnitType.UNIT_TYPE_SERVICE_HALL);
        FakeStandardsBackend.deactivate(inactive);
        for (String unit : List.of(UUID.randomUUID().toString(), inactive)) {
            StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> onSite(unit, std));
            assertEquals(List.of("inspection.unit_id"), GrpcErrors.violatedFields(e));
        }
        String unit = FakeStandardsBackend.unit(null, UnitType.UNIT_TYPE_SERVICE_HALL);
        StatusRuntimeException e = assertThrows(
                StatusRuntimeException.class,
                () -> create(
                        unit,
                        InspectionKind.INSPECTION_KIND_SELF_INSPECTION,
                        AuthorityLevel.AUTHORITY_LEVEL_CITY,
                        std,
                        NOW,
                        NOW.minusSeconds(1)));
        assertEquals(List.of("inspection.window_end", "inspection.authority_level"), GrpcErrors.violatedFields(e));
    }
}
