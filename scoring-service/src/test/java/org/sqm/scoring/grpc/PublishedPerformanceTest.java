package org.sqm.scoring.grpc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.util.JsonFormat;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sqm.commons.convert.ProtoTime;
import org.sqm.proto.scoring.v1.ListPublishedPerformanceRequest;
import org.sqm.proto.scoring.v1.ListPublishedPerformanceResponse;
import org.sqm.proto.scoring.v1.PerformanceMeasure;
import org.sqm.proto.scoring.v1.PerformancePublication;
import org.sqm.proto.scoring.v1.PublishPerformanceRequest;
import org.sqm.proto.scoring.v1.PublishedFigure;
import org.sqm.proto.scoring.v1.PublishedPerformance;
import org.sqm.proto.scoring.v1.PublishedPerformanceServiceGrpc.PublishedPerformanceServiceBlockingStub;
import org.sqm.proto.standards.v1.UnitType;
import org.sqm.scoring.TestClock;
import org.sqm.scoring.domain.Period;
import org.sqm.scoring.service.UnitFigures;
import org.sqm.testing.EmbeddedPostgresResource;
import org.sqm.testing.GrpcErrors;

/**
 * Publishing a period and reading its feed over gRPC, in 2022, which no other test scores. The figures
 * are those of {@link UnitFiguresTest} (hall 1 in April: index 90 of 3, timeliness 90 % of 10, 30
 * complaints per 10 000 of 4000 customers, calls 90 % of 50; hall 2: 60 of 1, 50 % of 2, 30 of 1000,
 * 75 % of 40; the city pooled: 82.5 of 4, 83.3 % of 12, 30 of 5000) against the hall model's targets:
 * index 80 (all segments; the VIP component's 99 is not it), no target for timeliness (a direct
 * mapping), rate 20 with lower better, calls 90.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class PublishedPerformanceTest {

    static final double EPS = 1e-9;

    @GrpcClient("scoring")
    PublishedPerformanceServiceBlockingStub published;

    @Inject
    UnitFigures.Source figures;

    @Inject
    TestClock clock;

    @Inject
    PerformanceScenario s;

    @BeforeEach
    void scenario() {
        s.setUp();
    }

    @AfterEach
    void back() {
        FakeBackends.resetFeeds();
        clock.reset();
    }

    /** The April inputs of both halls, in the given month of 2022. */
    void month(String month) {
        s.surveys(s.hall1, "2022-" + month + "-10", 8, 9, 10);
        s.complaints(s.hall1, "2022-" + month + "-01", 12, 10, 9);
        s.customers(s.hall1, "2022-" + month, 4000);
        s.calls(s.hall1, "2022-" + month, 45, 50);
        s.surveys(s.hall2, "2022-" + month + "-20", 6);
        s.complaints(s.hall2, "2022-" + month + "-01", 3, 2, 1);
        s.customers(s.hall2, "2022-" + month, 1000);
        s.calls(s.hall2, "2022-" + month, 30, 40);
    }

    PerformancePublication publish(String period, String actor) {
        return published.publishPerformance(PublishPerformanceRequest.newBuilder()
                .setPeriod(period)
                .setActor(actor)
                .build());
    }

    ListPublishedPerformanceResponse list(String period) {
        return published.listPublishedPerformance(ListPublishedPerformanceRequest.newBuilder()
                .setPeriod(period)
                .setPageSize(1000)
                .build());
    }

    static PublishedFigure figure(PublishedPerformance row, PerformanceMeasure measure) {
        return row.getFiguresList().stream()
                .filter(f -> f.getMeasure() == measure)
                .findFirst()
                .orElseThrow();
    }

    @Test
    void aPublishedRowHasEveryFigureWithItsSampleAndTarget() {
        month("04");
        s.surveys(s.hall1, "2022-05-03", 7);
        s.recompute("2022-Q2");
        PerformancePublication publication = publish("2022-04", "regulator-desk");
        assertEquals("2022-04", publication.getPeriod());
        assertEquals("regulator-desk", publication.getActor());
        assertEquals(3, publication.getUnitCount());
        assertEquals(64, publication.getFingerprint().length());

        ListPublishedPerformanceResponse feed = list("2022-04");
        assertEquals(publication, feed.getPublication());
        assertEquals(
                List.of(s.city, s.hall1, s.hall2),
                feed.getRowsList().stream().map(PublishedPerformance::getUnitId).toList(),
                "by unit code");

        PublishedPerformance h1 = feed.getRows(1);
        assertEquals("Unit PH1-" + s.suffix, h1.getUnitName());
        assertEquals(UnitType.UNIT_TYPE_SERVICE_HALL, h1.getUnitType());
        assertEquals(1, h1.getLevel());
        assertEquals(s.city, h1.getParentUnitId());
        assertEquals(s.hallModel.getId(), h1.getModelId());
        assertEquals(
                figures.current(Period.parse("2022-04").orElseThrow())
                        .get(UUID.fromString(s.hall1))
                        .scorecardId()
                        .toString(),
                h1.getScorecardId());
        assertEquals(
                List.of(
                        PerformanceMeasure.PERFORMANCE_MEASURE_SATISFACTION_INDEX,
                        PerformanceMeasure.PERFORMANCE_MEASURE_COMPLAINT_TIMELINESS,
                        PerformanceMeasure.PERFORMANCE_MEASURE_COMPLAINT_RATE,
                        PerformanceMeasure.PERFORMANCE_MEASURE_INDICATOR),
                h1.getFiguresList().stream().map(PublishedFigure::getMeasure).toList());
        PublishedFigure index = h1.getFigures(0);
        assertEquals("Satisfaction index", index.getName());
        assertEquals(90.0, index.getAchieved(), EPS);
        assertEquals(3, index.getSampleSize());
        assertEquals(PerformanceScenario.INDEX_TARGET, index.getTarget(), EPS);
        assertTrue(index.getTargetMet());
        assertEquals("", index.getNote());
        PublishedFigure timeliness = h1.getFigures(1);
        assertEquals(90.0, timeliness.getAchieved(), EPS);
        assertEquals(10, timeliness.getSampleSize());
        assertFalse(timeliness.hasTarget(), "a direct mapping sets no target");
        assertFalse(timeliness.hasTargetMet());
        PublishedFigure rate = h1.getFigures(2);
        assertEquals(30.0, rate.getAchieved(), EPS);
        assertEquals(4000, rate.getSampleSize());
        assertEquals(PerformanceScenario.RATE_TARGET, rate.getTarget(), EPS);
        assertFalse(rate.getTargetMet(), "30 is above a target of 20 where lower is better");
        PublishedFigure calls = h1.getFigures(3);
        assertEquals(s.calls, calls.getIndicatorCode());
        assertEquals("Calls answered within 20 seconds", calls.getName());
        assertEquals(90.0, calls.getAchieved(), EPS);
        assertEquals(50, calls.getSampleSize());
        assertTrue(calls.getTargetMet(), "at the target is meeting it");

        PublishedPerformance h2 = feed.getRows(2);
        PublishedFigure index2 = figure(h2, PerformanceMeasure.PERFORMANCE_MEASURE_SATISFACTION_INDEX);
        assertEquals(60.0, index2.getAchieved(), EPS);
        assertFalse(index2.getTargetMet());
        assertEquals("1 response, fewer than the model's minimum sample of 2", index2.getNote());
        assertFalse(figure(h2, PerformanceMeasure.PERFORMANCE_MEASURE_INDICATOR).getTargetMet());

        PublishedPerformance city = feed.getRows(0);
        assertEquals(3, city.getFiguresCount(), "a roll-up model has no indicator");
        PublishedFigure cityIndex = city.getFigures(0);
        assertEquals(82.5, cityIndex.getAchieved(), EPS);
        assertEquals(4, cityIndex.getSampleSize());
        assertFalse(cityIndex.hasTarget(), "a roll-up model sets no target");
        assertEquals("pooled from the units below", cityIndex.getNote());
        assertEquals(1000.0 / 12, city.getFigures(1).getAchieved(), EPS);
        assertEquals(5000, city.getFigures(2).getSampleSize());

        // The quarter: hall 1 pooled over April and May (90 of 3 and 70 of 1: 85 of 4); June has nothing.
        publish("2022-Q2", "");
        PublishedPerformance quarter = published
                .listPublishedPerformance(ListPublishedPerformanceRequest.newBuilder()
                        .setPeriod("2022-Q2")
                        .setParentUnitId(s.city)
                        .setPageSize(1)
                        .build())
                .getRows(0);
        assertEquals(s.hall1, quarter.getUnitId());
        assertEquals(85.0, quarter.getFigures(0).getAchieved(), EPS);
        assertEquals(4, quarter.getFigures(0).getSampleSize());
        assertEquals(30.0, quarter.getFigures(2).getAchieved(), EPS);
        assertEquals("api", list("2022-Q2").getPublication().getActor());
    }

    @Test
    void filtersAndPages() {
        month("03");
        s.recompute("2022-03");
        publish("2022-03", "");
        ListPublishedPerformanceResponse first =
                published.listPublishedPerformance(ListPublishedPerformanceRequest.newBuilder()
                        .setPeriod("2022-03")
                        .setParentUnitId(s.city)
                        .setPageSize(1)
                        .build());
        assertEquals(
                List.of(s.hall1),
                first.getRowsList().stream()
                        .map(PublishedPerformance::getUnitId)
                        .toList());
        assertFalse(first.getNextPageToken().isEmpty());
        ListPublishedPerformanceResponse second =
                published.listPublishedPerformance(ListPublishedPerformanceRequest.newBuilder()
                        .setPeriod("2022-03")
                        .setParentUnitId(s.city)
                        .setPageSize(1)
                        .setPageToken(first.getNextPageToken())
                        .build());
        assertEquals(
                List.of(s.hall2),
                second.getRowsList().stream()
                        .map(PublishedPerformance::getUnitId)
                        .toList());
        assertEquals("", second.getNextPageToken());
        ListPublishedPerformanceResponse cities =
                published.listPublishedPerformance(ListPublishedPerformanceRequest.newBuilder()
                        .setPeriod("2022-03")
                        .setUnitType(UnitType.UNIT_TYPE_CITY_BRANCH)
                        .build());
        assertEquals(
                List.of(s.city),
                cities.getRowsList().stream()
                        .map(PublishedPerformance::getUnitId)
                        .toList());
        var otherFilter = assertThrows(
                StatusRuntimeException.class,
                () -> published.listPublishedPerformance(ListPublishedPerformanceRequest.newBuilder()
                        .setPeriod("2022-03")
                        .setPageToken(first.getNextPageToken())
                        .build()));
        assertEquals(List.of("page_token"), GrpcErrors.violatedFields(otherFilter));
    }

    @Test
    void aPublicationNeverChanges() throws Exception {
        month("07");
        s.recompute("2022-07");
        // Three at once: one publication, whoever wins.
        List<CompletableFuture<PerformancePublication>> racing = new ArrayList<>();
        for (String actor : List.of("a", "b", "c")) {
            racing.add(CompletableFuture.supplyAsync(() -> publish("2022-07", actor)));
        }
        PerformancePublication first = racing.get(0).get();
        for (var other : racing) {
            assertEquals(first, other.get());
        }
        ListPublishedPerformanceResponse before = list("2022-07");
        byte[] bytes = before.toByteArray();
        assertArrayEquals(bytes, list("2022-07").toByteArray(), "the same bytes every time");

        // Hall 1 gets a zero in July and the month is recomputed: its current figures change, the feed not.
        s.surveys(s.hall1, "2022-07-11", 0);
        s.recompute("2022-07");
        assertEquals(
                67.5,
                figures.current(Period.parse("2022-07").orElseThrow())
                        .get(UUID.fromString(s.hall1))
                        .satisfactionIndex(),
                EPS);
        PerformancePublication again = publish("2022-07", "someone else");
        assertEquals(first, again, "the first publication, unchanged");
        assertArrayEquals(bytes, list("2022-07").toByteArray());
        assertEquals(90.0, before.getRows(1).getFigures(0).getAchieved(), EPS);
    }

    @Test
    void theFeedHasNoPersonalData() throws Exception {
        month("08");
        s.recompute("2022-08");
        publish("2022-08", "");
        String feed = JsonFormat.printer().print(list("2022-08"));
        for (String personal : List.of(PerformanceScenario.RESPONDENT, "R77123", "survey-", "Telephone survey")) {
            assertFalse(feed.contains(personal), personal + " in " + feed);
        }
        assertTrue(feed.contains("PH1-" + s.suffix), "the feed itself was read");
    }

    @Test
    void refusalsWriteNothing() {
        // A period not closed or in the future by the service's clock (Asia/Shanghai days).
        clock.set(Instant.parse("2022-09-15T00:00:00Z"));
        for (var bad : List.of(
                new String[] {"2022-09", "PERIOD_NOT_CLOSED"},
                new String[] {"2022-Q3", "PERIOD_NOT_CLOSED"},
                new String[] {"2022-10", "PERIOD_IN_FUTURE"},
                new String[] {"2022-13", "INVALID_FIELDS"},
                new String[] {"", "INVALID_FIELDS"})) {
            var e = assertThrows(StatusRuntimeException.class, () -> publish(bad[0], ""));
            assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode(), bad[0]);
            assertEquals(bad[1], GrpcErrors.errorInfo(e).getReason(), bad[0]);
            assertEquals(List.of("period"), GrpcErrors.violatedFields(e), bad[0]);
        }
        clock.reset();
        var actor = assertThrows(StatusRuntimeException.class, () -> publish("2022-01", "x".repeat(101)));
        assertEquals(List.of("actor"), GrpcErrors.violatedFields(actor));
        // Closed but never scored.
        var unscored = assertThrows(StatusRuntimeException.class, () -> publish("2022-01", ""));
        assertEquals(Status.Code.FAILED_PRECONDITION, unscored.getStatus().getCode());
        assertEquals("PERIOD_NOT_SCORED", GrpcErrors.errorInfo(unscored).getReason());
        // Scored but not published; nothing was published by the refusals either.
        s.recompute("2022-02");
        for (String period : List.of("2022-01", "2022-02", "2022-09")) {
            var e = assertThrows(StatusRuntimeException.class, () -> list(period));
            assertEquals(Status.Code.FAILED_PRECONDITION, e.getStatus().getCode(), period);
            assertEquals("PERIOD_NOT_PUBLISHED", GrpcErrors.errorInfo(e).getReason(), period);
        }
        var malformed = assertThrows(
                StatusRuntimeException.class,
                () -> published.listPublishedPerformance(ListPublishedPerformanceRequest.newBuilder()
                        .setPeriod("2022-02")
                        .setParentUnitId("not-an-id")
                        .setPageSize(-1)
                        .build()));
        assertEquals(Status.Code.INVALID_ARGUMENT, malformed.getStatus().getCode());
        assertEquals(List.of("parent_unit_id", "page_size"), GrpcErrors.violatedFields(malformed));
        var noPeriod = assertThrows(
                StatusRuntimeException.class,
                () -> published.listPublishedPerformance(ListPublishedPerformanceRequest.newBuilder()
                        .setPeriod("2022")
                        .setPageSize(1)
                        .build()));
        assertEquals("PERIOD_NOT_PUBLISHED", GrpcErrors.errorInfo(noPeriod).getReason());
        // Published by the service's clock.
        clock.set(Instant.parse("2023-01-05T10:00:00Z"));
        assertEquals(
                ProtoTime.timestamp(Instant.parse("2023-01-05T10:00:00Z")),
                publish("2022-02", "").getPublishTime());
    }
}
