package org.sqm.inspection.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.sqm.commons.convert.ProtoTime;
import org.sqm.inspection.domain.UnitSample;
import org.sqm.inspection.service.InspectionWatch;
import org.sqm.proto.inspection.v1.AuthorityLevel;
import org.sqm.proto.inspection.v1.Cadence;
import org.sqm.proto.inspection.v1.CreateInspectionPlanRequest;
import org.sqm.proto.inspection.v1.GenerateOccurrencesRequest;
import org.sqm.proto.inspection.v1.GenerateOccurrencesResponse;
import org.sqm.proto.inspection.v1.GetInspectionPlanRequest;
import org.sqm.proto.inspection.v1.Inspection;
import org.sqm.proto.inspection.v1.InspectionKind;
import org.sqm.proto.inspection.v1.InspectionPlan;
import org.sqm.proto.inspection.v1.InspectionPlanServiceGrpc.InspectionPlanServiceBlockingStub;
import org.sqm.proto.inspection.v1.InspectionServiceGrpc.InspectionServiceBlockingStub;
import org.sqm.proto.inspection.v1.ListInspectionsRequest;
import org.sqm.proto.inspection.v1.ListInspectionsResponse;
import org.sqm.proto.inspection.v1.PlanTargets;
import org.sqm.proto.standards.v1.UnitType;
import org.sqm.testing.EmbeddedPostgresResource;
import org.sqm.testing.GrpcErrors;

@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class InspectionPlanGrpcServiceTest {

    @GrpcClient("plans")
    InspectionPlanServiceBlockingStub plans;

    @GrpcClient("inspections")
    InspectionServiceBlockingStub inspections;

    @Inject
    InspectionWatch watch;

    static String code() {
        return "STD-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static InspectionPlan.Builder plan(String std, Cadence cadence, String start, String end) {
        return InspectionPlan.newBuilder()
                .setName("Provincial mystery shopping of service halls")
                .setKind(InspectionKind.INSPECTION_KIND_MYSTERY_SHOPPING)
                .setAuthorityLevel(AuthorityLevel.AUTHORITY_LEVEL_PROVINCIAL)
                .setStandardCode(std)
                .setCadence(cadence)
                .setStartDate(start)
                .setEndDate(end)
                .setTimeZone("Asia/Shanghai");
    }

    InspectionPlan create(InspectionPlan.Builder plan, String requestId) {
        return plans.createInspectionPlan(CreateInspectionPlanRequest.newBuilder()
                .setPlan(plan)
                .setRequestId(requestId)
                .build());
    }

    GenerateOccurrencesResponse generate(InspectionPlan plan, String through) {
        return plans.generateOccurrences(GenerateOccurrencesRequest.newBuilder()
                .setPlanId(plan.getId())
                .setThroughDate(through)
                .build());
    }

    List<Inspection> occurrences(InspectionPlan plan) {
        List<Inspection> all = new ArrayList<>();
        String token = "";
        do {
            ListInspectionsResponse page = inspections.listInspections(ListInspectionsRequest.newBuilder()
                    .setPlanId(plan.getId())
                    .setPageSize(7)
                    .setPageToken(token)
                    .build());
            all.addAll(page.getInspectionsList());
            token = page.getNextPageToken();
        } while (!token.isEmpty());
        return all;
    }

    @Test
    void generatingTwiceNeverDoublesOccurrencesAndNewOnesPinTheVersionPublishedThen() throws Exception {
        String std = code();
        String v1 = FakeStandardsBackend.publish(std, 1, "1.1.1:m");
        String a = FakeStandardsBackend.unit(null, UnitType.UNIT_TYPE_SERVICE_HALL);
        String b = FakeStandardsBackend.unit(null, UnitType.UNIT_TYPE_SERVICE_HALL);
        InspectionPlan plan = create(
                plan(std, Cadence.CADENCE_QUARTERLY, "2026-02-15", "2026-12-31")
                        .setTargets(PlanTargets.newBuilder().addUnitIds(a).addUnitIds(b)),
                "plan-" + UUID.randomUUID());
        assertEquals(
                plan,
                plans.getInspectionPlan(GetInspectionPlanRequest.newBuilder()
                        .setId(plan.getId())
                        .build()));

        GenerateOccurrencesResponse first = generate(plan, "2026-06-30");
        assertEquals(4, first.getCreatedCount(), "Q1 (from Feb 15) and Q2 for two units");
        assertEquals(std + " v1", first.getPinnedStandard());

        // Racing and repeated calls create nothing more.
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<GenerateOccurrencesResponse>> racing = new ArrayList<>();
        for (int n = 0; n < 4; n++) {
            racing.add(pool.submit(() -> generate(plan, "2026-06-30")));
        }
        for (Future<GenerateOccurrencesResponse> f : racing) {
            assertEquals(0, f.get().getCreatedCount());
            assertEquals(4, f.get().getExistingCount());
        }
        pool.shutdown();

        String v2 = FakeStandardsBackend.publish(std, 2, "1.1.1:m", "1.1.2:m");
        GenerateOccurrencesResponse second = generate(plan, "");
        assertEquals(4, second.getCreatedCount(), "Q3 and Q4");
        assertEquals(4, second.getExistingCount());

        List<Inspection> all = occurrences(plan);
        assertEquals(8, all.size());
        ZoneId shanghai = ZoneId.of("Asia/Shanghai");
        Map<String, Long> byWindow = all.stream()
                .collect(Collectors.groupingBy(
                        i -> ProtoTime.instantOrNull(true, i.getWindowStart())
                                        .atZone(shanghai)
                                        .toLocalDate() + "/" + i.getStandardId(),
                        Collectors.counting()));
        assertEquals(
                Map.of(
                        "2026-02-15/" + v1, 2L,
                        "2026-04-01/" + v1, 2L,
                        "2026-07-01/" + v2, 2L,
                        "2026-10-01/" + v2, 2L),
                byWindow);
        Inspection q4 = all.get(0);
        assertEquals(
                LocalDate.of(2027, 1, 1),
                ProtoTime.instantOrNull(true, q4.getWindowEnd())
                        .atZone(shanghai)
                        .toLocalDate());
        assertEquals(plan.getId(), q4.getPlanId());
    }

    @Test
    void everyActiveUnitOfTheTypeBelowTheParentIsTargeted() {
        String std = code();
        FakeStandardsBackend.publish(std, 1, "1.1.1:m");
        String branch = FakeStandardsBackend.unit(null, UnitType.UNIT_TYPE_CITY_BRANCH);
        String county = FakeStandardsBackend.unit(branch, UnitType.UNIT_TYPE_COUNTY_BRANCH);
        String hall1 = FakeStandardsBackend.unit(branch, UnitType.UNIT_TYPE_SERVICE_HALL);
        String hall2 = FakeStandardsBackend.unit(county, UnitType.UNIT_TYPE_SERVICE_HALL);
        String closed = FakeStandardsBackend.unit(county, UnitType.UNIT_TYPE_SERVICE_HALL);
        FakeStandardsBackend.deactivate(closed);
        FakeStandardsBackend.unit(county, UnitType.UNIT_TYPE_HOTLINE);
        InspectionPlan plan = create(
                plan(std, Cadence.CADENCE_EXPLICIT_DATES, "2026-03-01", "2026-03-31")
                        .addExplicitDates("2026-03-20")
                        .addExplicitDates("2026-03-05")
                        .setTargets(PlanTargets.newBuilder()
                                .setParentUnitId(branch)
                                .setUnitType(UnitType.UNIT_TYPE_SERVICE_HALL)),
                "");
        assertEquals(List.of("2026-03-05", "2026-03-20"), plan.getExplicitDatesList());
        assertEquals(4, generate(plan, "").getCreatedCount());
        assertEquals(
                java.util.Set.of(hall1, hall2),
                occurrences(plan).stream().map(Inspection::getUnitId).collect(Collectors.toSet()));
    }

    @Test
    void occurrencesWhoseWindowEndedUndoneAreFlaggedMissed() {
        String std = code();
        FakeStandardsBackend.publish(std, 1, "1.1.1:m");
        String hall = FakeStandardsBackend.unit(null, UnitType.UNIT_TYPE_SERVICE_HALL);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        InspectionPlan plan = create(
                plan(
                                std,
                                Cadence.CADENCE_WEEKLY,
                                today.minusWeeks(3).toString(),
                                today.plusWeeks(2).toString())
                        .setTimeZone("UTC")
                        .setTargets(PlanTargets.newBuilder().addUnitIds(hall)),
                "");
        int created = generate(plan, "").getCreatedCount();
        assertTrue(created >= 5, "weekly over five weeks: " + created);
        watch.runOnce();
        List<Inspection> all = occurrences(plan);
        long endedBeforeNow = all.stream()
                .filter(i -> ProtoTime.instantOrNull(true, i.getWindowEnd()).isBefore(java.time.Instant.now()))
                .count();
        assertTrue(endedBeforeNow >= 2);
        assertEquals(endedBeforeNow, all.stream().filter(Inspection::getMissed).count());
        ListInspectionsResponse missed = inspections.listInspections(ListInspectionsRequest.newBuilder()
                .setPlanId(plan.getId())
                .setMissedOnly(true)
                .build());
        assertEquals(endedBeforeNow, missed.getInspectionsCount());
    }

    @Test
    void badPlansNameEveryFieldAndRetriesReturnTheFirstPlan() {
        String std = code();
        String hall = FakeStandardsBackend.unit(null, UnitType.UNIT_TYPE_SERVICE_HALL);
        StatusRuntimeException e = assertThrows(
                StatusRuntimeException.class,
                () -> create(
                        plan(std, Cadence.CADENCE_EXPLICIT_DATES, "2026-03-01", "2026-02-01")
                                .setName("")
                                .setTimeZone("Mars/Olympus")
                                .addExplicitDates("2026-13-01")
                                .setTargets(PlanTargets.newBuilder()
                                        .addUnitIds(hall)
                                        .setParentUnitId(hall)
                                        .setUnitType(UnitType.UNIT_TYPE_SERVICE_HALL)),
                        ""));
        assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode());
        assertEquals(
                List.of("plan.name", "plan.end_date", "plan.time_zone", "plan.explicit_dates[0]", "plan.targets"),
                GrpcErrors.violatedFields(e));

        StatusRuntimeException unknown = assertThrows(
                StatusRuntimeException.class,
                () -> create(
                        plan(std, Cadence.CADENCE_MONTHLY, "2026-01-01", "2026-12-31")
                                .setTargets(PlanTargets.newBuilder()
                                        .addUnitIds(hall)
                                        .addUnitIds(UUID.randomUUID().toString())),
                        ""));
        assertEquals(List.of("plan.targets.unit_ids[1]"), GrpcErrors.violatedFields(unknown));

        String requestId = "retry-" + UUID.randomUUID();
        InspectionPlan.Builder monthly = plan(std, Cadence.CADENCE_MONTHLY, "2026-01-01", "2026-12-31")
                .setTargets(PlanTargets.newBuilder().addUnitIds(hall));
        InspectionPlan first = create(monthly, requestId);
        assertEquals(first, create(monthly, requestId));
        StatusRuntimeException reused =
                assertThrows(StatusRuntimeException.class, () -> create(monthly.setName("Another plan"), requestId));
        assertEquals(Status.Code.ALREADY_EXISTS, reused.getStatus().getCode());

        StatusRuntimeException noVersion =
                assertThrows(StatusRuntimeException.class, () -> generate(first, "2026-02-01"));
        assertEquals("NO_PUBLISHED_VERSION", GrpcErrors.errorInfo(noVersion).getReason());
    }

    @Test
    void aSampledPlanInspectsTheSameNUnitsOfEachPeriodHoweverOftenItIsGenerated() {
        String std = code();
        FakeStandardsBackend.publish(std, 1, "1.1.1:m");
        String city = FakeStandardsBackend.unit(null, UnitType.UNIT_TYPE_CITY_BRANCH);
        List<UUID> halls = new ArrayList<>();
        for (int n = 0; n < 5; n++) {
            halls.add(UUID.fromString(FakeStandardsBackend.unit(city, UnitType.UNIT_TYPE_SERVICE_HALL)));
        }
        InspectionPlan plan = create(
                plan(std, Cadence.CADENCE_MONTHLY, "2026-01-01", "2026-03-31")
                        .setKind(InspectionKind.INSPECTION_KIND_SPOT_CHECK)
                        .setTimeZone("UTC")
                        .setSampleSize(2)
                        .setTargets(PlanTargets.newBuilder()
                                .setParentUnitId(city)
                                .setUnitType(UnitType.UNIT_TYPE_SERVICE_HALL)),
                "");
        assertEquals(2, plan.getSampleSize());
        GenerateOccurrencesResponse first = generate(plan, "");
        assertEquals(6, first.getCreatedCount(), "two of the five halls in each of three months");

        // Each month's sample is the two halls ranked first for the plan and the month's first day.
        Map<String, java.util.Set<String>> byMonth = occurrences(plan).stream()
                .collect(Collectors.groupingBy(
                        i -> ProtoTime.instantOrNull(true, i.getWindowStart()).toString(),
                        Collectors.mapping(Inspection::getUnitId, Collectors.toSet())));
        for (String month : List.of("2026-01-01", "2026-02-01", "2026-03-01")) {
            List<UUID> ranked = UnitSample.ranked(UUID.fromString(plan.getId()), LocalDate.parse(month), halls);
            assertEquals(
                    java.util.Set.of(ranked.get(0).toString(), ranked.get(1).toString()),
                    byMonth.get(month + "T00:00:00Z"),
                    month);
        }

        // Generating again, even after a new hall opened, never adds to a period's sample.
        FakeStandardsBackend.unit(city, UnitType.UNIT_TYPE_SERVICE_HALL);
        GenerateOccurrencesResponse again = generate(plan, "");
        assertEquals(0, again.getCreatedCount());
        assertEquals(6, again.getExistingCount());
        assertEquals(6, occurrences(plan).size());
    }

    @Test
    void dailyHalfYearlyAndAnnualPlansGenerateTheirPeriods() {
        String std = code();
        FakeStandardsBackend.publish(std, 1, "1.1.1:m");
        String hall = FakeStandardsBackend.unit(null, UnitType.UNIT_TYPE_SERVICE_HALL);
        Map<Cadence, Integer> expected = Map.of(
                Cadence.CADENCE_DAILY, 7, // 2026-03-01 to 2026-03-07, one a day
                Cadence.CADENCE_HALF_YEARLY, 2, // 2026-03-01 to 2026-06-30, 2026-07-01 to 2026-12-31
                Cadence.CADENCE_ANNUAL, 1); // 2026-03-01 to 2026-12-31
        expected.forEach((cadence, count) -> {
            InspectionPlan plan = create(
                    plan(std, cadence, "2026-03-01", cadence == Cadence.CADENCE_DAILY ? "2026-03-07" : "2026-12-31")
                            .setKind(InspectionKind.INSPECTION_KIND_SELF_INSPECTION)
                            .setAuthorityLevel(AuthorityLevel.AUTHORITY_LEVEL_UNIT)
                            .setTargets(PlanTargets.newBuilder().addUnitIds(hall)),
                    "");
            assertEquals(cadence, plan.getCadence());
            assertEquals((int) count, generate(plan, "").getCreatedCount(), cadence.name());
        });
    }

    @Test
    void aSampleSizeMustBeSmallerThanTheListedUnits() {
        String std = code();
        String a = FakeStandardsBackend.unit(null, UnitType.UNIT_TYPE_SERVICE_HALL);
        String b = FakeStandardsBackend.unit(null, UnitType.UNIT_TYPE_SERVICE_HALL);
        for (int size : new int[] {-1, 2, 1001}) {
            StatusRuntimeException e = assertThrows(
                    StatusRuntimeException.class,
                    () -> create(
                            plan(std, Cadence.CADENCE_MONTHLY, "2026-01-01", "2026-12-31")
                                    .setSampleSize(size)
                                    .setTargets(PlanTargets.newBuilder()
                                            .addUnitIds(a)
                                            .addUnitIds(b)),
                            ""));
            assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode());
            assertTrue(GrpcErrors.violatedFields(e).contains("plan.sample_size"), "size " + size);
        }
        assertEquals(
                1,
                create(
                                plan(std, Cadence.CADENCE_MONTHLY, "2026-01-01", "2026-12-31")
                                        .setSampleSize(1)
                                        .setTargets(PlanTargets.newBuilder()
                                                .addUnitIds(a)
                                                .addUnitIds(b)),
                                "")
                        .getSampleSize());
    }
}
