package org.sqm.inspection.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.FieldMask;
import com.google.protobuf.Timestamp;
import com.google.rpc.ErrorInfo;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.narayana.jta.QuarkusTransaction;
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
import org.sqm.proto.inspection.v1.CancelInspectionRequest;
import org.sqm.proto.inspection.v1.CompareInspectionRequest;
import org.sqm.proto.inspection.v1.CompleteRectificationOrderRequest;
import org.sqm.proto.inspection.v1.ContactMode;
import org.sqm.proto.inspection.v1.CreateInspectionRequest;
import org.sqm.proto.inspection.v1.CreateInspectorRequest;
import org.sqm.proto.inspection.v1.FinalizeInspectionRequest;
import org.sqm.proto.inspection.v1.FindingSeverity;
import org.sqm.proto.inspection.v1.GetInspectionRequest;
import org.sqm.proto.inspection.v1.GetRectificationOrderRequest;
import org.sqm.proto.inspection.v1.Inspection;
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
import org.sqm.proto.inspection.v1.ListInspectionsRequest;
import org.sqm.proto.inspection.v1.ListRectificationOrdersRequest;
import org.sqm.proto.inspection.v1.MysteryShoppingContact;
import org.sqm.proto.inspection.v1.RateElementsRequest;
import org.sqm.proto.inspection.v1.Rating;
import org.sqm.proto.inspection.v1.RatingChange;
import org.sqm.proto.inspection.v1.RecordMysteryShoppingContactRequest;
import org.sqm.proto.inspection.v1.RectificationOrder;
import org.sqm.proto.inspection.v1.RectificationServiceGrpc.RectificationServiceBlockingStub;
import org.sqm.proto.inspection.v1.RectificationStatus;
import org.sqm.proto.inspection.v1.ReturnInspectionRequest;
import org.sqm.proto.inspection.v1.StartInspectionRequest;
import org.sqm.proto.inspection.v1.StartRectificationOrderRequest;
import org.sqm.proto.inspection.v1.SubmitInspectionRequest;
import org.sqm.proto.inspection.v1.UpdateRectificationOrderRequest;
import org.sqm.proto.inspection.v1.VerifyRectificationOrderRequest;
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

    /** The moves of an inspection, one RPC each. */
    enum Move {
        START,
        SUBMIT,
        RETURN,
        FINALIZE,
        CANCEL
    }

    Inspection move(Inspection i, Move move, String note) {
        return move(i.getId(), get(i.getId()).getEtag(), move, note);
    }

    Inspection move(String id, String etag, Move move, String note) {
        return switch (move) {
            case START -> inspections.startInspection(StartInspectionRequest.newBuilder()
                    .setId(id)
                    .setEtag(etag)
                    .setNote(note)
                    .build());
            case SUBMIT -> inspections.submitInspection(SubmitInspectionRequest.newBuilder()
                    .setId(id)
                    .setEtag(etag)
                    .setNote(note)
                    .build());
            case RETURN -> inspections.returnInspection(ReturnInspectionRequest.newBuilder()
                    .setId(id)
                    .setEtag(etag)
                    .setNote(note)
                    .build());
            case FINALIZE -> inspections.finalizeInspection(FinalizeInspectionRequest.newBuilder()
                    .setId(id)
                    .setEtag(etag)
                    .setNote(note)
                    .build());
            case CANCEL -> inspections.cancelInspection(CancelInspectionRequest.newBuilder()
                    .setId(id)
                    .setEtag(etag)
                    .setNote(note)
                    .build());
        };
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
        return move(assigned, Move.START, "");
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
        Inspection submitted = move(started, Move.SUBMIT, "");
        assertEquals(InspectionStatus.INSPECTION_STATUS_SUBMITTED, submitted.getStatus());

        // Ratings are closed while submitted; a return needs a note; after it they open again.
        StatusRuntimeException closed =
                assertThrows(StatusRuntimeException.class, () -> rate(submitted, level("1.1.3", "COMPLIANT")));
        assertEquals(Status.Code.FAILED_PRECONDITION, closed.getStatus().getCode());
        StatusRuntimeException noNote =
                assertThrows(StatusRuntimeException.class, () -> move(submitted, Move.RETURN, ""));
        assertEquals(List.of("note"), GrpcErrors.violatedFields(noNote));
        Inspection returned = move(submitted, Move.RETURN, "evidence for 1.1.2 missing");
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
        move(returned, Move.SUBMIT, "");
        Inspection finalized = move(returned, Move.FINALIZE, "");
        assertEquals(InspectionStatus.INSPECTION_STATUS_FINALIZED, finalized.getStatus());
        assertTrue(finalized.hasFinalizeTime());
        assertEquals("COMPLIANT", finalized.getRatings(1).getLevelCode());
        assertEquals(1, finalized.getRatings(1).getInterviewsCount());

        // Every change of a finalized inspection is refused, and nothing changes.
        for (Runnable change : List.<Runnable>of(
                () -> rate(finalized, level("1.1.3", "COMPLIANT")),
                () -> move(finalized, Move.CANCEL, "too late"),
                () -> move(finalized, Move.RETURN, "again"),
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
        StatusRuntimeException submit =
                assertThrows(StatusRuntimeException.class, () -> move(created, Move.SUBMIT, ""));
        assertEquals("INVALID_TRANSITION", reason(submit));
        StatusRuntimeException noInspectors =
                assertThrows(StatusRuntimeException.class, () -> move(created, Move.START, ""));
        assertEquals("INSPECTORS_REQUIRED", reason(noInspectors));
        Inspection started = started(created);
        StatusRuntimeException stale = assertThrows(
                StatusRuntimeException.class, () -> move(started.getId(), created.getEtag(), Move.CANCEL, "x"));
        assertEquals(Status.Code.ABORTED, stale.getStatus().getCode());
        Inspection cancelled = move(started, Move.CANCEL, "unit closed for refurbishment");
        assertEquals(InspectionStatus.INSPECTION_STATUS_CANCELLED, cancelled.getStatus());
        assertEquals(
                "INSPECTION_FROZEN",
                reason(assertThrows(StatusRuntimeException.class, () -> move(cancelled, Move.START, ""))));
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
                reason(assertThrows(StatusRuntimeException.class, () -> move(started, Move.SUBMIT, ""))));
        StatusRuntimeException outside =
                assertThrows(StatusRuntimeException.class, () -> contact(started, start.minusSeconds(60)));
        assertEquals(List.of("contact.contact_time"), GrpcErrors.violatedFields(outside));
        Inspection contacted = contact(started, start.plus(Duration.ofHours(30)));
        assertEquals(
                ContactMode.CONTACT_MODE_CALL, contacted.getMysteryShopping().getMode());
        assertEquals(
                InspectionStatus.INSPECTION_STATUS_SUBMITTED,
                move(contacted, Move.SUBMIT, "").getStatus());
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
        StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> move(i, Move.SUBMIT, ""));
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
        Inspection submitted = move(old, Move.SUBMIT, "");
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
        done = move(done, Move.SUBMIT, "");
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
        move(i, Move.SUBMIT, "");
        return move(i, Move.FINALIZE, "");
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
        RectificationOrder o = moveOrder(partial, OrderMove.START, "", false);
        assertEquals(
                "INVALID_TRANSITION",
                reason(assertThrows(
                        StatusRuntimeException.class, () -> moveOrder(partial, OrderMove.VERIFY, "x", true))));
        o = moveOrder(o, OrderMove.COMPLETE, "queue signage replaced", false);
        assertEquals(RectificationStatus.RECTIFICATION_STATUS_DONE, o.getStatus());
        o = moveOrder(o, OrderMove.VERIFY, "customers still queue twice", false);
        assertEquals(RectificationStatus.RECTIFICATION_STATUS_OPEN, o.getStatus());
        assertEquals(1, o.getReopenCount());
        o = moveOrder(o, OrderMove.COMPLETE, "single queue introduced", false);
        o = moveOrder(o, OrderMove.VERIFY, "one queue observed on two visits", true);
        assertEquals(RectificationStatus.RECTIFICATION_STATUS_VERIFIED, o.getStatus());
        assertTrue(o.hasVerifyTime());
        RectificationOrder verified = o;
        assertEquals(
                "INVALID_TRANSITION",
                reason(assertThrows(
                        StatusRuntimeException.class, () -> moveOrder(verified, OrderMove.COMPLETE, "x", false))));
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

    /** The moves of a rectification order, one RPC each. */
    enum OrderMove {
        START,
        COMPLETE,
        VERIFY
    }

    /** An order as a list shows it: lists leave the history out. */
    static RectificationOrder withoutHistory(RectificationOrder o) {
        return o.toBuilder().clearHistory().build();
    }

    RectificationOrder order(String id) {
        return orders.getRectificationOrder(
                GetRectificationOrderRequest.newBuilder().setId(id).build());
    }

    RectificationOrder moveOrder(RectificationOrder o, OrderMove move, String note, boolean effective) {
        String etag = order(o.getId()).getEtag();
        return switch (move) {
            case START -> orders.startRectificationOrder(StartRectificationOrderRequest.newBuilder()
                    .setId(o.getId())
                    .setEtag(etag)
                    .setNote(note)
                    .build());
            case COMPLETE -> orders.completeRectificationOrder(CompleteRectificationOrderRequest.newBuilder()
                    .setId(o.getId())
                    .setEtag(etag)
                    .setNote(note)
                    .build());
            case VERIFY -> orders.verifyRectificationOrder(VerifyRectificationOrderRequest.newBuilder()
                    .setId(o.getId())
                    .setEtag(etag)
                    .setNote(note)
                    .setEffective(effective)
                    .build());
        };
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
        RectificationOrder done = moveOrder(list.get(1), OrderMove.COMPLETE, "fixed", false);
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
        assertFalse(order(done.getId()).getOverdue());
    }

    @Test
    void openOnlyListsInspectionsNeitherFinalizedNorCancelledInOneCall() {
        String unit = FakeStandardsBackend.unit(null, UnitType.UNIT_TYPE_SERVICE_HALL);
        String std = code();
        FakeStandardsBackend.publish(std, 1, "1.1.1:m");
        Inspection scheduled = onSite(unit, std);
        Inspection inProgress = started(onSite(unit, std));
        Inspection submitted = started(onSite(unit, std));
        rate(submitted, level("1.1.1", "COMPLIANT"));
        submitted = move(submitted, Move.SUBMIT, "");
        Inspection returned = move(
                move(rate(started(onSite(unit, std)), level("1.1.1", "COMPLIANT")), Move.SUBMIT, ""),
                Move.RETURN,
                "evidence missing");
        finalized(unit, std, level("1.1.1", "COMPLIANT"));
        move(onSite(unit, std), Move.CANCEL, "unit closed");

        List<String> open = new ArrayList<>();
        String token = "";
        do {
            var page = inspections.listInspections(ListInspectionsRequest.newBuilder()
                    .setUnitId(unit)
                    .setOpenOnly(true)
                    .setPageSize(3)
                    .setPageToken(token)
                    .build());
            page.getInspectionsList().forEach(i -> open.add(i.getId()));
            token = page.getNextPageToken();
        } while (!token.isEmpty());
        assertEquals(
                java.util.Set.of(scheduled.getId(), inProgress.getId(), submitted.getId(), returned.getId()),
                java.util.Set.copyOf(open));
        assertEquals(4, open.size());

        StatusRuntimeException both = assertThrows(
                StatusRuntimeException.class,
                () -> inspections.listInspections(ListInspectionsRequest.newBuilder()
                        .setUnitId(unit)
                        .setOpenOnly(true)
                        .setStatus(InspectionStatus.INSPECTION_STATUS_SCHEDULED)
                        .build()));
        assertEquals(Status.Code.INVALID_ARGUMENT, both.getStatus().getCode());
        assertEquals(List.of("open_only"), GrpcErrors.violatedFields(both));
    }

    @Test
    void openOnlyListsRectificationOrdersNeitherDoneNorVerifiedInOneCall() {
        String unit = FakeStandardsBackend.unit(null, UnitType.UNIT_TYPE_SERVICE_HALL);
        String std = code();
        FakeStandardsBackend.publish(std, 1, "1.1.1:m", "1.1.2:m", "1.1.3:m", "1.1.4:m");
        Inspection f = finalized(
                unit,
                std,
                level("1.1.1", "NON_COMPLIANCE"),
                level("1.1.2", "NON_COMPLIANCE"),
                level("1.1.3", "NON_COMPLIANCE"),
                level("1.1.4", "NON_COMPLIANCE"));
        Map<String, RectificationOrder> byElement = new HashMap<>();
        ordersOf(f).forEach(o -> byElement.put(o.getFinding().getElementCode(), o));
        RectificationOrder open = byElement.get("1.1.1");
        RectificationOrder inProgress = moveOrder(byElement.get("1.1.2"), OrderMove.START, "", false);
        moveOrder(moveOrder(byElement.get("1.1.3"), OrderMove.START, "", false), OrderMove.COMPLETE, "fixed", false);
        moveOrder(
                moveOrder(
                        moveOrder(byElement.get("1.1.4"), OrderMove.START, "", false),
                        OrderMove.COMPLETE,
                        "fixed",
                        false),
                OrderMove.VERIFY,
                "seen fixed",
                true);

        List<String> listed = orders
                .listRectificationOrders(ListRectificationOrdersRequest.newBuilder()
                        .setOwnerUnitId(unit)
                        .setOpenOnly(true)
                        .build())
                .getOrdersList()
                .stream()
                .map(RectificationOrder::getId)
                .toList();
        assertEquals(java.util.Set.of(open.getId(), inProgress.getId()), java.util.Set.copyOf(listed));
        assertEquals(2, listed.size());

        StatusRuntimeException both = assertThrows(
                StatusRuntimeException.class,
                () -> orders.listRectificationOrders(ListRectificationOrdersRequest.newBuilder()
                        .setOwnerUnitId(unit)
                        .setOpenOnly(true)
                        .setStatus(RectificationStatus.RECTIFICATION_STATUS_DONE)
                        .build()));
        assertEquals(Status.Code.INVALID_ARGUMENT, both.getStatus().getCode());
        assertEquals(List.of("open_only"), GrpcErrors.violatedFields(both));
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

    // ---- updating rectification orders (AIP-134) -------------------------------------------------------

    RectificationOrder update(RectificationOrder order, String... paths) {
        return orders.updateRectificationOrder(UpdateRectificationOrderRequest.newBuilder()
                .setOrder(order)
                .setUpdateMask(FieldMask.newBuilder().addAllPaths(List.of(paths)))
                .build());
    }

    @Test
    void anUpdateChangesOnlyTheFieldsItsMaskNames() {
        String unit = FakeStandardsBackend.unit(null, UnitType.UNIT_TYPE_SERVICE_HALL);
        String other = FakeStandardsBackend.unit(null, UnitType.UNIT_TYPE_SERVICE_HALL);
        String std = code();
        FakeStandardsBackend.publish(std, 1, "1.1.1:m");
        RectificationOrder issued =
                ordersOf(finalized(unit, std, level("1.1.1", "NON_COMPLIANCE"))).get(0);
        Instant later = ProtoTime.instant(issued.getDueTime()).plus(Duration.ofDays(10));

        // Only the description is named: the new owner and due time sent along are left alone.
        RectificationOrder described = update(
                issued.toBuilder()
                        .setDescription("  Replace the queue signage  ")
                        .setOwnerUnitId(other)
                        .setDueTime(ts(later))
                        .build(),
                "description");
        assertEquals("Replace the queue signage", described.getDescription());
        assertEquals(unit, described.getOwnerUnitId());
        assertEquals(issued.getDueTime(), described.getDueTime());
        assertNotEquals(issued.getEtag(), described.getEtag());
        assertEquals(described, order(issued.getId()), "the answer is what was written");

        // The owner (checked with standards-service, outside the transaction) and the due time.
        RectificationOrder moved = update(
                described.toBuilder()
                        .setOwnerUnitId(other)
                        .setDueTime(ts(later))
                        .setDescription("")
                        .build(),
                "owner_unit_id",
                "due_time");
        assertEquals(other, moved.getOwnerUnitId());
        assertEquals(ts(later), moved.getDueTime());
        assertEquals("Replace the queue signage", moved.getDescription());

        // A stale etag is ABORTED; nothing changes.
        StatusRuntimeException stale =
                assertThrows(StatusRuntimeException.class, () -> update(described, "description"));
        assertEquals(Status.Code.ABORTED, stale.getStatus().getCode());
        assertEquals(moved, order(issued.getId()));
    }

    @Test
    void anUpdateMaskMustNameChangeableFieldsAndANewOwnerMustExist() {
        String unit = FakeStandardsBackend.unit(null, UnitType.UNIT_TYPE_SERVICE_HALL);
        String std = code();
        FakeStandardsBackend.publish(std, 1, "1.1.1:m");
        RectificationOrder issued =
                ordersOf(finalized(unit, std, level("1.1.1", "NON_COMPLIANCE"))).get(0);

        StatusRuntimeException empty = assertThrows(StatusRuntimeException.class, () -> update(issued));
        assertEquals(Status.Code.INVALID_ARGUMENT, empty.getStatus().getCode());
        assertEquals(List.of("update_mask"), GrpcErrors.violatedFields(empty));
        StatusRuntimeException unknown = assertThrows(
                StatusRuntimeException.class,
                () -> update(issued.toBuilder().setDescription("x").build(), "description", "status"));
        assertEquals(Status.Code.INVALID_ARGUMENT, unknown.getStatus().getCode());
        assertEquals(List.of("update_mask"), GrpcErrors.violatedFields(unknown));
        StatusRuntimeException blank = assertThrows(
                StatusRuntimeException.class,
                () -> update(
                        issued.toBuilder().setDescription(" ").clearDueTime().build(), "description", "due_time"));
        assertEquals(List.of("order.description", "order.due_time"), GrpcErrors.violatedFields(blank));
        StatusRuntimeException early = assertThrows(
                StatusRuntimeException.class,
                () -> update(
                        issued.toBuilder().setDueTime(issued.getCreateTime()).build(), "due_time"));
        assertEquals(List.of("order.due_time"), GrpcErrors.violatedFields(early));

        // The owner is looked up in standards-service: an unknown unit is the caller's mistake. The
        // lookup runs with no transaction open (the outgoing call interceptor would fail it otherwise).
        StatusRuntimeException noUnit = assertThrows(
                StatusRuntimeException.class,
                () -> update(
                        issued.toBuilder()
                                .setOwnerUnitId(UUID.randomUUID().toString())
                                .build(),
                        "owner_unit_id"));
        assertEquals(Status.Code.INVALID_ARGUMENT, noUnit.getStatus().getCode());
        assertEquals(List.of("order.owner_unit_id"), GrpcErrors.violatedFields(noUnit));
        assertEquals(issued, withoutHistory(order(issued.getId())), "nothing written");

        // A done order never changes.
        RectificationOrder done = moveOrder(issued, OrderMove.COMPLETE, "fixed", false);
        StatusRuntimeException finished = assertThrows(
                StatusRuntimeException.class,
                () -> update(done.toBuilder().setDescription("again").build(), "description"));
        assertEquals(Status.Code.FAILED_PRECONDITION, finished.getStatus().getCode());
        assertEquals("INVALID_STATUS", reason(finished));
    }

    // ---- standards-service failing -------------------------------------------------------------------

    @Inject
    org.sqm.inspection.service.Standards standards;

    @Test
    void noCallToStandardsServiceLeavesWhileATransactionIsOpen() {
        String unit = FakeStandardsBackend.unit(null, UnitType.UNIT_TYPE_SERVICE_HALL);
        assertTrue(standards.unit(UUID.fromString(unit)).isPresent());
        RuntimeException refused = assertThrows(RuntimeException.class, () -> QuarkusTransaction.requiringNew()
                .run(() -> standards.unit(UUID.fromString(unit))));
        Throwable cause = refused;
        while (!(cause instanceof IllegalStateException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        assertTrue(cause.getMessage().contains("inside an open database transaction"), cause.toString());
    }

    static void assertDependencyFailed(StatusRuntimeException e, Status.Code downstream) {
        assertEquals(Status.Code.FAILED_PRECONDITION, e.getStatus().getCode(), e.toString());
        ErrorInfo info = GrpcErrors.errorInfo(e);
        assertEquals("DEPENDENCY_FAILED", info.getReason());
        assertEquals("standards-service", info.getMetadataOrThrow("service"));
        assertEquals(downstream.name(), info.getMetadataOrThrow("code"));
    }

    @Test
    void aFailingStandardsServiceIsReportedAsTheDependencysProblemNotAsAMissingInspection() {
        String unit = FakeStandardsBackend.unit(null, UnitType.UNIT_TYPE_SERVICE_HALL);

        // Listing the versions of a code answers NOT_FOUND: this used to reach the caller as its own NOT_FOUND.
        String listed = code();
        FakeStandardsBackend.publish(listed, 1, "1.1.1:m");
        FakeStandardsBackend.failing(
                listed, Status.NOT_FOUND.withDescription("no such route").asRuntimeException());
        assertDependencyFailed(
                assertThrows(StatusRuntimeException.class, () -> onSite(unit, listed)), Status.Code.NOT_FOUND);

        // The version standards-service lists as in force cannot be read to pin it.
        String vanishing = code();
        String version = FakeStandardsBackend.publish(vanishing, 1, "1.1.1:m");
        FakeStandardsBackend.failing(version, Status.NOT_FOUND.asRuntimeException());
        assertDependencyFailed(
                assertThrows(StatusRuntimeException.class, () -> onSite(unit, vanishing)), Status.Code.NOT_FOUND);

        // Pinning by id meets an error standards-service reports itself: its reason travels along.
        String broken = code();
        String brokenVersion = FakeStandardsBackend.publish(broken, 1, "1.1.1:m");
        FakeStandardsBackend.failing(brokenVersion, FakeStandardsBackend.answered(Status.Code.INTERNAL, "INTERNAL"));
        StatusRuntimeException internal = assertThrows(
                StatusRuntimeException.class,
                () -> inspections.createInspection(CreateInspectionRequest.newBuilder()
                        .setInspection(Inspection.newBuilder()
                                .setUnitId(unit)
                                .setKind(InspectionKind.INSPECTION_KIND_SPOT_CHECK)
                                .setAuthorityLevel(AuthorityLevel.AUTHORITY_LEVEL_CITY)
                                .setStandardId(brokenVersion)
                                .setWindowStart(ts(NOW))
                                .setWindowEnd(ts(NOW.plus(Duration.ofDays(1)))))
                        .build()));
        assertDependencyFailed(internal, Status.Code.INTERNAL);
        assertEquals("INTERNAL", GrpcErrors.errorInfo(internal).getMetadataOrThrow("reason"));

        // standards-service unreachable: UNAVAILABLE, worth trying again later.
        String std = code();
        FakeStandardsBackend.publish(std, 1, "1.1.1:m");
        String cut = FakeStandardsBackend.unit(null, UnitType.UNIT_TYPE_SERVICE_HALL);
        FakeStandardsBackend.failing(
                cut, Status.UNAVAILABLE.withDescription("connection refused").asRuntimeException());
        StatusRuntimeException unavailable = assertThrows(StatusRuntimeException.class, () -> onSite(cut, std));
        assertEquals(Status.Code.UNAVAILABLE, unavailable.getStatus().getCode());
        assertEquals("DEPENDENCY_UNAVAILABLE", reason(unavailable));

        // A new owner that standards-service fails to look up is its problem too, and nothing is written.
        RectificationOrder issued =
                ordersOf(finalized(unit, std, level("1.1.1", "NON_COMPLIANCE"))).get(0);
        String owner = FakeStandardsBackend.unit(null, UnitType.UNIT_TYPE_SERVICE_HALL);
        FakeStandardsBackend.failing(owner, FakeStandardsBackend.answered(Status.Code.PERMISSION_DENIED, "DENIED"));
        assertDependencyFailed(
                assertThrows(
                        StatusRuntimeException.class,
                        () -> update(issued.toBuilder().setOwnerUnitId(owner).build(), "owner_unit_id")),
                Status.Code.PERMISSION_DENIED);
        assertEquals(issued, withoutHistory(order(issued.getId())));
    }
}
