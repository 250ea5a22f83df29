package org.sqm.inspection.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sqm.inspection.grpc.InspectionFlows.code;
import static org.sqm.inspection.grpc.InspectionFlows.level;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.sqm.commons.convert.ProtoTime;
import org.sqm.inspection.TestClock;
import org.sqm.proto.inspection.v1.AuthorityLevel;
import org.sqm.proto.inspection.v1.CompleteSupervisionOrderRequest;
import org.sqm.proto.inspection.v1.CreateSupervisionOrderRequest;
import org.sqm.proto.inspection.v1.GetInspectionRequest;
import org.sqm.proto.inspection.v1.Inspection;
import org.sqm.proto.inspection.v1.InspectionFeedServiceGrpc.InspectionFeedServiceBlockingStub;
import org.sqm.proto.inspection.v1.InspectionKind;
import org.sqm.proto.inspection.v1.InspectionPeriodBasis;
import org.sqm.proto.inspection.v1.InspectionResult;
import org.sqm.proto.inspection.v1.InspectionResultView;
import org.sqm.proto.inspection.v1.InspectionServiceGrpc.InspectionServiceBlockingStub;
import org.sqm.proto.inspection.v1.InspectorServiceGrpc.InspectorServiceBlockingStub;
import org.sqm.proto.inspection.v1.LapseKind;
import org.sqm.proto.inspection.v1.ListRectificationOrdersRequest;
import org.sqm.proto.inspection.v1.OrderKind;
import org.sqm.proto.inspection.v1.OrderLapse;
import org.sqm.proto.inspection.v1.RecordSupervisionCauseRequest;
import org.sqm.proto.inspection.v1.RectificationOrder;
import org.sqm.proto.inspection.v1.RectificationServiceGrpc.RectificationServiceBlockingStub;
import org.sqm.proto.inspection.v1.StreamInspectionResultsRequest;
import org.sqm.proto.inspection.v1.StreamOrderLapsesRequest;
import org.sqm.proto.inspection.v1.SubmitSupervisionReportRequest;
import org.sqm.proto.inspection.v1.SupervisionOrder;
import org.sqm.proto.inspection.v1.SupervisionServiceGrpc.SupervisionServiceBlockingStub;
import org.sqm.proto.standards.v1.UnitType;
import org.sqm.testing.EmbeddedPostgresResource;
import org.sqm.testing.GrpcErrors;

/** InspectionFeedService: a period's finalized inspections and its order lapses, streamed. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class InspectionFeedGrpcServiceTest {

    @GrpcClient("feeds")
    InspectionFeedServiceBlockingStub feeds;

    @GrpcClient("supervision")
    SupervisionServiceBlockingStub supervision;

    @GrpcClient("inspections")
    InspectionServiceBlockingStub inspections;

    @GrpcClient("inspectors")
    InspectorServiceBlockingStub inspectors;

    @GrpcClient("orders")
    RectificationServiceBlockingStub orders;

    @Inject
    TestClock clock;

    @Inject
    DataSource db;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    static Instant at(String instant) {
        return Instant.parse(instant);
    }

    List<OrderLapse> lapses(String start, String end) {
        List<OrderLapse> all = new ArrayList<>();
        feeds.streamOrderLapses(StreamOrderLapsesRequest.newBuilder()
                        .setPeriodStart(ProtoTime.timestamp(at(start)))
                        .setPeriodEnd(ProtoTime.timestamp(at(end)))
                        .build())
                .forEachRemaining(all::add);
        return all;
    }

    List<InspectionResult> results(Instant start, Instant end, InspectionKind kind) {
        return results(start, end, kind, InspectionPeriodBasis.INSPECTION_PERIOD_BASIS_UNSPECIFIED);
    }

    List<InspectionResult> results(Instant start, Instant end, InspectionKind kind, InspectionPeriodBasis basis) {
        List<InspectionResult> all = new ArrayList<>();
        feeds.streamInspectionResults(StreamInspectionResultsRequest.newBuilder()
                        .setPeriodStart(ProtoTime.timestamp(start))
                        .setPeriodEnd(ProtoTime.timestamp(end))
                        .setKind(kind)
                        .setPeriodBasis(basis)
                        .build())
                .forEachRemaining(all::add);
        return all;
    }

    static void refusedNaming(String field, Supplier<?> call) {
        StatusRuntimeException e = assertThrows(StatusRuntimeException.class, call::get);
        assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode());
        assertEquals(List.of(field), GrpcErrors.violatedFields(e));
    }

    // ---- order lapses ------------------------------------------------------------------------------

    SupervisionOrder issue(String unit, String when, String due, Duration interval) {
        clock.set(at(when));
        return supervision.createSupervisionOrder(CreateSupervisionOrderRequest.newBuilder()
                .setOrder(SupervisionOrder.newBuilder()
                        .setUnitId(unit)
                        .setAuthorityLevel(AuthorityLevel.AUTHORITY_LEVEL_CITY)
                        .setIssuer("Dazhou city branch")
                        .setProblem("Problem issued " + when)
                        .setDueTime(ProtoTime.timestamp(at(due)))
                        .setReportInterval(ProtoTime.duration(interval)))
                .build());
    }

    SupervisionOrder report(SupervisionOrder o, String when) {
        clock.set(at(when));
        return supervision.submitSupervisionReport(SubmitSupervisionReportRequest.newBuilder()
                .setId(o.getId())
                .setEtag(o.getEtag())
                .setNote("progress at " + when)
                .build());
    }

    SupervisionOrder cause(SupervisionOrder o, String when) {
        clock.set(at(when));
        return supervision.recordSupervisionCause(RecordSupervisionCauseRequest.newBuilder()
                .setId(o.getId())
                .setEtag(o.getEtag())
                .setCause("cause found " + when)
                .build());
    }

    SupervisionOrder complete(SupervisionOrder o, String when) {
        clock.set(at(when));
        return supervision.completeSupervisionOrder(CompleteSupervisionOrderRequest.newBuilder()
                .setId(o.getId())
                .setEtag(o.getEtag())
                .setNote("done " + when)
                .build());
    }

    /** Sets a rectification order's times and status by hand, as if it had lived through 2021. */
    void backdate(RectificationOrder o, String created, String due, String done) throws SQLException {
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement("UPDATE rectification_order SET create_time = ?,"
                        + " due_time = ?, done_time = ?, status = 'DONE' WHERE id = ?")) {
            ps.setTimestamp(1, Timestamp.from(at(created)));
            ps.setTimestamp(2, Timestamp.from(at(due)));
            ps.setTimestamp(3, Timestamp.from(at(done)));
            ps.setObject(4, UUID.fromString(o.getId()));
            assertEquals(1, ps.executeUpdate());
        }
    }

    /** "lapse id | kind | occurred | due", for the lapses of the given orders, in the feed's order. */
    static List<String> of(List<OrderLapse> lapses, Set<String> orderIds) {
        return lapses.stream()
                .filter(l -> orderIds.contains(l.getOrderId()))
                .map(l -> l.getLapseId() + " | " + l.getKind().name().substring("LAPSE_KIND_".length()) + " | "
                        + ProtoTime.instant(l.getOccurredTime()) + " | " + ProtoTime.instant(l.getDueTime()))
                .toList();
    }

    static void assertInFeedOrder(List<OrderLapse> lapses) {
        Comparator<OrderLapse> feedOrder = Comparator.<OrderLapse, Instant>comparing(
                        l -> ProtoTime.instant(l.getOccurredTime()))
                .thenComparing(OrderLapse::getLapseId);
        assertEquals(lapses.stream().sorted(feedOrder).toList(), lapses);
        assertEquals(
                lapses.size(),
                lapses.stream().map(OrderLapse::getLapseId).distinct().count());
    }

    @Test
    void lapsesOfAPeriodAreLateCompletionsLateReportsAndWhatIsStillOpenAtItsEndEachWithAStableId() throws SQLException {
        String unit = FakeStandardsBackend.unit(null, UnitType.UNIT_TYPE_SERVICE_HALL);
        // Order A: reports every 7 days from Mar 2 08:00 (due Mar 9, 16, 23, 30, Apr 6), itself due Mar 20.
        SupervisionOrder a = issue(unit, "2021-03-02T08:00:00Z", "2021-03-20T08:00:00Z", Duration.ofDays(7));
        a = report(a, "2021-03-05T10:00:00Z"); // report 1, on time
        // Order B: done on time, before its first report (every 30 days) fell due: no lapse at all.
        SupervisionOrder b = issue(unit, "2021-03-10T00:00:00Z", "2021-03-25T00:00:00Z", Duration.ofDays(30));
        b = cause(b, "2021-03-12T00:00:00Z");
        a = report(a, "2021-03-18T09:00:00Z"); // report 2, due Mar 16: late
        complete(b, "2021-03-20T00:00:00Z");
        a = cause(a, "2021-04-02T00:00:00Z");
        a = report(a, "2021-04-03T12:00:00Z"); // report 3, due Mar 23: late
        complete(a, "2021-04-05T00:00:00Z"); // due Mar 20: late; report 4 (due Mar 30) never came
        // Order C: issued in April, still open on May 1 with reports 1 (Apr 17) and 2 (Apr 24) missing.
        SupervisionOrder c = issue(unit, "2021-04-10T00:00:00Z", "2021-04-20T00:00:00Z", Duration.ofDays(7));

        // Rectification orders, their times set by hand: R1 due Mar 15 and done Apr 10, R2 done on time.
        clock.reset();
        Inspection finalized = new InspectionFlows(inspections, inspectors)
                .finalized(
                        unit,
                        publishTwoElements(),
                        "lead",
                        level("1.1.1", "NON_COMPLIANCE"),
                        level("1.1.2", "NON_COMPLIANCE"));
        List<RectificationOrder> rectification = orders.listRectificationOrders(
                        ListRectificationOrdersRequest.newBuilder()
                                .setInspectionId(finalized.getId())
                                .build())
                .getOrdersList();
        RectificationOrder r1 = rectification.get(0);
        RectificationOrder r2 = rectification.get(1);
        backdate(r1, "2021-03-01T00:00:00Z", "2021-03-15T00:00:00Z", "2021-04-10T00:00:00Z");
        backdate(r2, "2021-03-01T00:00:00Z", "2021-03-31T00:00:00Z", "2021-03-20T00:00:00Z");

        clock.set(at("2021-05-02T00:00:00Z"));
        Set<String> ours = Set.of(a.getId(), b.getId(), c.getId(), r1.getId(), r2.getId());
        String aId = a.getId();
        List<OrderLapse> march = lapses("2021-03-01T00:00:00Z", "2021-04-01T00:00:00Z");
        assertInFeedOrder(march);
        assertEquals(
                List.of(
                                aId + ":REPORT:2 | STATUS_REPORT_LATE | 2021-03-18T09:00:00Z | 2021-03-16T08:00:00Z",
                                // Still open at the end of March: A (due Mar 20) with reports 3 and 4 missing, and R1.
                                aId
                                        + ":NOT_DONE_IN_TIME | ORDER_NOT_DONE_IN_TIME | 2021-04-01T00:00:00Z | 2021-03-20T08:00:00Z",
                                aId + ":REPORT:3 | STATUS_REPORT_LATE | 2021-04-01T00:00:00Z | 2021-03-23T08:00:00Z",
                                aId + ":REPORT:4 | STATUS_REPORT_LATE | 2021-04-01T00:00:00Z | 2021-03-30T08:00:00Z",
                                r1.getId() + ":NOT_DONE_IN_TIME | ORDER_NOT_DONE_IN_TIME | 2021-04-01T00:00:00Z"
                                        + " | 2021-03-15T00:00:00Z")
                        .stream()
                        .sorted(BY_TIME_THEN_ID)
                        .toList(),
                of(march, ours));

        List<OrderLapse> april = lapses("2021-04-01T00:00:00Z", "2021-05-01T00:00:00Z");
        assertInFeedOrder(april);
        assertEquals(
                List.of(
                                // The same lapses as at the end of March, now as they ended: the same ids.
                                aId + ":REPORT:3 | STATUS_REPORT_LATE | 2021-04-03T12:00:00Z | 2021-03-23T08:00:00Z",
                                aId
                                        + ":NOT_DONE_IN_TIME | ORDER_NOT_DONE_IN_TIME | 2021-04-05T00:00:00Z | 2021-03-20T08:00:00Z",
                                aId + ":REPORT:4 | STATUS_REPORT_LATE | 2021-04-05T00:00:00Z | 2021-03-30T08:00:00Z",
                                r1.getId() + ":NOT_DONE_IN_TIME | ORDER_NOT_DONE_IN_TIME | 2021-04-10T00:00:00Z"
                                        + " | 2021-03-15T00:00:00Z",
                                c.getId() + ":NOT_DONE_IN_TIME | ORDER_NOT_DONE_IN_TIME | 2021-05-01T00:00:00Z"
                                        + " | 2021-04-20T00:00:00Z",
                                c.getId()
                                        + ":REPORT:1 | STATUS_REPORT_LATE | 2021-05-01T00:00:00Z | 2021-04-17T00:00:00Z",
                                c.getId()
                                        + ":REPORT:2 | STATUS_REPORT_LATE | 2021-05-01T00:00:00Z | 2021-04-24T00:00:00Z")
                        .stream()
                        .sorted(BY_TIME_THEN_ID)
                        .toList(),
                of(april, ours));

        OrderLapse r1Late = april.stream()
                .filter(l -> l.getOrderId().equals(r1.getId()))
                .findFirst()
                .orElseThrow();
        assertEquals(OrderKind.ORDER_KIND_RECTIFICATION, r1Late.getOrderKind());
        assertEquals(unit, r1Late.getUnitId());
        assertEquals(LapseKind.LAPSE_KIND_ORDER_NOT_DONE_IN_TIME, r1Late.getKind());
        assertTrue(r1Late.getDescription().startsWith("rectification order 'Rectify 1.1."), r1Late.getDescription());
        assertTrue(
                r1Late.getDescription().endsWith("due 2021-03-15T00:00:00Z, completed 2021-04-10T00:00:00Z"),
                r1Late.getDescription());
        OrderLapse missing = april.stream()
                .filter(l -> l.getLapseId().equals(aId + ":REPORT:4"))
                .findFirst()
                .orElseThrow();
        assertEquals(OrderKind.ORDER_KIND_SUPERVISION, missing.getOrderKind());
        assertTrue(missing.getDescription().startsWith("status report 4 of supervision order 'Problem issued"));

        // A period has to be over, and no more than 400 days.
        refusedNaming("period_end", () -> lapses("2021-05-01T00:00:00Z", "2021-06-01T00:00:00Z"));
        refusedNaming("period_end", () -> lapses("2021-04-01T00:00:00Z", "2021-03-01T00:00:00Z"));
        refusedNaming("period_end", () -> lapses("2020-01-01T00:00:00Z", "2021-03-01T00:00:00Z"));
        StatusRuntimeException none = assertThrows(StatusRuntimeException.class, () -> feeds.streamOrderLapses(
                        StreamOrderLapsesRequest.getDefaultInstance())
                .hasNext());
        assertEquals(List.of("period_start", "period_end"), GrpcErrors.violatedFields(none));
    }

    /** The feed's order of the lines of {@link #of}: occurred time, then lapse id (byte order). */
    static final Comparator<String> BY_TIME_THEN_ID =
            Comparator.<String, String>comparing(l -> l.split(" \\| ")[2]).thenComparing(l -> l.split(" \\| ")[0]);

    String publishTwoElements() {
        String std = code();
        FakeStandardsBackend.publish(std, 1, "1.1.1:m", "1.1.2:m");
        return std;
    }

    // ---- inspection results ----------------------------------------------------------------------

    /** Inserts inspections of the unit in the status, finalized one a minute from {@code first}, of two kinds in turn. */
    void insertInspections(String unit, String standardId, Instant first, int count, String status)
            throws SQLException {
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement("INSERT INTO inspection (id, unit_id, kind, authority_level,"
                        + " standard_id, window_start, window_end, status, create_time, update_time, finalize_time)"
                        + " SELECT gen_random_uuid(), ?, CASE WHEN n % 2 = 0 THEN 'SPOT_CHECK' ELSE 'DESK_REVIEW' END,"
                        + " 'CITY', ?, CAST(? AS timestamptz), CAST(? AS timestamptz) + interval '30 days', ?,"
                        + " CAST(? AS timestamptz), CAST(? AS timestamptz),"
                        + " CAST(? AS timestamptz) + n * interval '1 minute'"
                        + " FROM generate_series(0, ? - 1) n")) {
            Timestamp t = Timestamp.from(first);
            ps.setObject(1, UUID.fromString(unit));
            ps.setObject(2, UUID.fromString(standardId));
            ps.setTimestamp(3, t);
            ps.setTimestamp(4, t);
            ps.setString(5, status);
            ps.setTimestamp(6, t);
            ps.setTimestamp(7, t);
            ps.setTimestamp(8, t);
            ps.setInt(9, count);
            ps.executeUpdate();
        }
    }

    @Test
    void theResultsOfAPeriodComeInBatchesByFinalizeTimeWithTheirScores() throws SQLException {
        String unit = FakeStandardsBackend.unit(null, UnitType.UNIT_TYPE_SERVICE_HALL);
        String std = publishTwoElements();
        Instant before = Instant.now().minusSeconds(1);
        Inspection scored = new InspectionFlows(inspections, inspectors)
                .finalized(unit, std, "lead", level("1.1.1", "COMPLIANT"), level("1.1.2", "PARTIAL_COMPLIANCE"));
        // 450 more, finalized in June 2019, more than two batches of the feed.
        insertInspections(unit, scored.getStandardId(), at("2019-06-01T00:00:00Z"), 450, "FINALIZED");

        List<InspectionResult> june = results(
                at("2019-06-01T00:00:00Z"), at("2019-07-01T00:00:00Z"), InspectionKind.INSPECTION_KIND_UNSPECIFIED);
        assertEquals(450, june.size());
        assertEquals(
                450,
                june.stream().map(InspectionResult::getInspectionId).distinct().count());
        for (int n = 1; n < june.size(); n++) {
            assertTrue(
                    ProtoTime.instant(june.get(n - 1).getFinalizeTime())
                            .isBefore(ProtoTime.instant(june.get(n).getFinalizeTime())),
                    "by finalize time");
        }
        assertEquals(2, june.get(0).getRatingsCount(), "every element of the pinned version, unrated here");
        assertFalse(june.get(0).hasScore(), "inserted without a score, like inspections finalized before scores");
        List<InspectionResult> spotChecks = results(
                at("2019-06-01T00:00:00Z"), at("2019-07-01T00:00:00Z"), InspectionKind.INSPECTION_KIND_SPOT_CHECK);
        assertEquals(225, spotChecks.size());
        assertTrue(spotChecks.stream().allMatch(r -> r.getKind() == InspectionKind.INSPECTION_KIND_SPOT_CHECK));

        // The finalized one, with the score stored at finalization.
        InspectionResult fed =
                results(before, Instant.now().plusSeconds(60), InspectionKind.INSPECTION_KIND_UNSPECIFIED).stream()
                        .filter(r -> r.getInspectionId().equals(scored.getId()))
                        .findFirst()
                        .orElseThrow();
        // (1 * 80 + 1 * 40) / (2 * 100) = 0.6 -> 60.00
        assertEquals(60.0, fed.getScore().getScore());
        assertEquals(
                inspections
                        .getInspection(GetInspectionRequest.newBuilder()
                                .setId(scored.getId())
                                .build())
                        .getScore(),
                fed.getScore());

        Instant now = Instant.now();
        refusedNaming(
                "period_start",
                () -> results(
                        now.plusSeconds(3600), now.plusSeconds(7200), InspectionKind.INSPECTION_KIND_UNSPECIFIED));
        refusedNaming(
                "period_end",
                () -> results(
                        now.minusSeconds(60), now.minusSeconds(3600), InspectionKind.INSPECTION_KIND_UNSPECIFIED));
        refusedNaming(
                "period_end",
                () -> results(now.minus(Duration.ofDays(500)), now, InspectionKind.INSPECTION_KIND_UNSPECIFIED));
    }

    @Test
    void byWindowStartAPeriodHasWhatWasAssessedInItHoweverLateItWasFinalized() throws SQLException {
        String unit = FakeStandardsBackend.unit(null, UnitType.UNIT_TYPE_SERVICE_HALL);
        String std = publishTwoElements();
        String standardId = new InspectionFlows(inspections, inspectors)
                .finalized(unit, std, "lead", level("1.1.1", "COMPLIANT"), level("1.1.2", "COMPLIANT"))
                .getStandardId();
        // 700 inspections (two batches and more) whose window starts on 31 August 2011 at 23:00,
        // finalized one a minute from then: 60 in August, 640 in September.
        insertInspections(unit, standardId, at("2011-08-31T23:00:00Z"), 700, "FINALIZED");
        Instant august = at("2011-08-01T00:00:00Z");
        Instant september = at("2011-09-01T00:00:00Z");
        Instant october = at("2011-10-01T00:00:00Z");
        InspectionKind any = InspectionKind.INSPECTION_KIND_UNSPECIFIED;
        InspectionPeriodBasis window = InspectionPeriodBasis.INSPECTION_PERIOD_BASIS_WINDOW_START;
        InspectionPeriodBasis finalized = InspectionPeriodBasis.INSPECTION_PERIOD_BASIS_FINALIZE_TIME;

        assertEquals(60, results(august, september, any).size(), "by finalize time, the default");
        assertEquals(60, results(august, september, any, finalized).size());
        assertEquals(640, results(september, october, any, finalized).size());
        List<InspectionResult> assessedInAugust = results(august, september, any, window);
        assertEquals(700, assessedInAugust.size(), "by window start: all of them belong to August");
        assertEquals(
                700,
                assessedInAugust.stream()
                        .map(InspectionResult::getInspectionId)
                        .distinct()
                        .count(),
                "each once across the batches");
        assertEquals(0, results(september, october, any, window).size());
        // The score view: the same results without their ratings.
        List<InspectionResult> scoresOnly = new ArrayList<>();
        feeds.streamInspectionResults(StreamInspectionResultsRequest.newBuilder()
                        .setPeriodStart(ProtoTime.timestamp(august))
                        .setPeriodEnd(ProtoTime.timestamp(september))
                        .setPeriodBasis(window)
                        .setView(InspectionResultView.INSPECTION_RESULT_VIEW_SCORE)
                        .build())
                .forEachRemaining(scoresOnly::add);
        assertEquals(
                assessedInAugust.stream()
                        .map(r -> r.toBuilder().clearRatings().build())
                        .toList(),
                scoresOnly);
        assertTrue(assessedInAugust.get(0).getRatingsCount() > 0);
        assertEquals(
                350,
                results(august, september, InspectionKind.INSPECTION_KIND_SPOT_CHECK, window)
                        .size());

        StatusRuntimeException unknown = assertThrows(StatusRuntimeException.class, () -> feeds.streamInspectionResults(
                        StreamInspectionResultsRequest.newBuilder()
                                .setPeriodStart(ProtoTime.timestamp(august))
                                .setPeriodEnd(ProtoTime.timestamp(september))
                                .setPeriodBasisValue(7)
                                .build())
                .hasNext());
        assertEquals(Status.Code.INVALID_ARGUMENT, unknown.getStatus().getCode());
        assertEquals(List.of("period_basis"), GrpcErrors.violatedFields(unknown));
    }

    /**
     * The volume check, run on demand: {@code -Dsqm.feed.volume=100000} streams that many finalized
     * inspections (with two ratings each) and prints the time and the heap used.
     */
    @Test
    @EnabledIfSystemProperty(named = "sqm.feed.volume", matches = "\\d+")
    void aLargePeriodStreamsWithoutHoldingItInMemory() throws SQLException {
        int volume = Integer.parseInt(System.getProperty("sqm.feed.volume"));
        String unit = FakeStandardsBackend.unit(null, UnitType.UNIT_TYPE_SERVICE_HALL);
        String std = publishTwoElements();
        Inspection pinned = new InspectionFlows(inspections, inspectors).onSite(unit, std);
        Instant first = at("2018-01-01T00:00:00Z");
        // Rated while submitted (a finalized inspection's ratings never change, the triggers see to it), then
        // finalized.
        insertInspections(unit, pinned.getStandardId(), first, volume, "SUBMITTED");
        try (Connection c = db.getConnection()) {
            for (String sql : List.of(
                    "INSERT INTO rating (inspection_id, element_code, position, level_code, not_applicable, attachments,"
                            + " interviews, meets_requirement, points, update_time)"
                            + " SELECT i.id, e.code, e.pos, 'COMPLIANT', false, '[]', '[]', true, 80, i.finalize_time"
                            + " FROM inspection i CROSS JOIN (VALUES ('1.1.1', 0), ('1.1.2', 1)) e(code, pos)"
                            + " WHERE i.unit_id = ? AND i.status = 'SUBMITTED'",
                    "UPDATE inspection SET status = 'FINALIZED' WHERE unit_id = ? AND status = 'SUBMITTED'")) {
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    ps.setObject(1, UUID.fromString(unit));
                    ps.executeUpdate();
                }
            }
        }
        Runtime runtime = Runtime.getRuntime();
        long start = System.nanoTime();
        long[] count = {0};
        long[] peak = {0};
        // A stream of this size outlasts the one deadline commons gives every call (sqm.client.deadline).
        feeds.withDeadlineAfter(10, TimeUnit.MINUTES)
                .streamInspectionResults(StreamInspectionResultsRequest.newBuilder()
                        .setPeriodStart(ProtoTime.timestamp(first))
                        .setPeriodEnd(ProtoTime.timestamp(first.plus(Duration.ofDays(399))))
                        .build())
                .forEachRemaining(r -> {
                    if (++count[0] % 10_000 == 0) {
                        peak[0] = Math.max(peak[0], runtime.totalMemory() - runtime.freeMemory());
                    }
                });
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(volume, count[0]);
        System.out.printf(
                "FEED VOLUME: %d inspections with 2 ratings each streamed in %d ms; heap in use at most %d MB%n",
                volume, millis, peak[0] / (1024 * 1024));
    }
}
