package org.sqm.scoring.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sqm.proto.scoring.v1.CreateIndicatorRequest;
import org.sqm.proto.scoring.v1.CreateMeasurementBatchRequest;
import org.sqm.proto.scoring.v1.GetMeasurementBatchRequest;
import org.sqm.proto.scoring.v1.Indicator;
import org.sqm.proto.scoring.v1.IndicatorDirection;
import org.sqm.proto.scoring.v1.IndicatorKind;
import org.sqm.proto.scoring.v1.IndicatorServiceGrpc.IndicatorServiceBlockingStub;
import org.sqm.proto.scoring.v1.ListMeasurementsRequest;
import org.sqm.proto.scoring.v1.LoadScoringCatalogueRequest;
import org.sqm.proto.scoring.v1.Measurement;
import org.sqm.proto.scoring.v1.MeasurementBatch;
import org.sqm.proto.scoring.v1.MeasurementItem;
import org.sqm.proto.scoring.v1.MeasurementServiceGrpc.MeasurementServiceBlockingStub;
import org.sqm.proto.scoring.v1.ScoringCatalogueServiceGrpc.ScoringCatalogueServiceBlockingStub;
import org.sqm.proto.standards.v1.UnitType;
import org.sqm.testing.EmbeddedPostgresResource;
import org.sqm.testing.GrpcErrors;

@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class MeasurementBatchTest {

    static final String KEEPING = "FIELD_APPOINTMENT_KEEPING";
    static final String COMPLIANCE = "FIELD_BEHAVIOUR_COMPLIANCE";

    @GrpcClient("scoring")
    MeasurementServiceBlockingStub measurements;

    @GrpcClient("scoring")
    IndicatorServiceBlockingStub indicators;

    @GrpcClient("scoring")
    ScoringCatalogueServiceBlockingStub catalogue;

    String team;
    String otherTeam;

    @BeforeEach
    void catalogueAndUnits() {
        catalogue.loadScoringCatalogue(LoadScoringCatalogueRequest.getDefaultInstance());
        team = FakeBackends.unit(UnitType.UNIT_TYPE_FIELD_TEAM);
        otherTeam = FakeBackends.unit(UnitType.UNIT_TYPE_FIELD_TEAM);
    }

    static String batchId() {
        return "field-sampling:" + UUID.randomUUID();
    }

    static MeasurementItem rate(String unit, String indicator, String period, long numerator, long denominator) {
        return MeasurementItem.newBuilder()
                .setUnitId(unit)
                .setIndicatorCode(indicator)
                .setPeriod(period)
                .setNumerator(numerator)
                .setDenominator(denominator)
                .build();
    }

    static MeasurementBatch batch(String id, MeasurementItem... items) {
        return MeasurementBatch.newBuilder()
                .setBatchId(id)
                .setSource("City customer service department, monthly field sampling")
                .addAllItems(List.of(items))
                .build();
    }

    MeasurementBatch create(MeasurementBatch batch) {
        return measurements.createMeasurementBatch(CreateMeasurementBatchRequest.newBuilder()
                .setMeasurementBatch(batch)
                .build());
    }

    List<Measurement> list(String unit, boolean superseded) {
        return measurements
                .listMeasurements(ListMeasurementsRequest.newBuilder()
                        .setUnitId(unit)
                        .setShowSuperseded(superseded)
                        .build())
                .getMeasurementsList();
    }

    StatusRuntimeException refused(MeasurementBatch batch) {
        return assertThrows(StatusRuntimeException.class, () -> create(batch));
    }

    @Test
    void aBatchIsRecordedReadBackAndListedWithItsValues() {
        String id = batchId();
        MeasurementBatch created =
                create(batch(id, rate(team, KEEPING, "2026-03", 188, 200), rate(team, COMPLIANCE, "2026-03", 45, 50)));

        assertEquals(2, created.getItemsCount());
        assertTrue(created.hasRecordTime());
        assertEquals("", created.getSupersededByBatchId());
        assertEquals(
                created,
                measurements.getMeasurementBatch(
                        GetMeasurementBatchRequest.newBuilder().setBatchId(id).build()));
        List<Measurement> listed = list(team, false);
        assertEquals(
                List.of(KEEPING, COMPLIANCE),
                listed.stream().map(Measurement::getIndicatorCode).toList());
        // 188 of 200 visits on time: 94 %; 45 of 50 compliant: 90 %.
        assertEquals(94.0, listed.get(0).getValue(), 1e-9);
        assertEquals(90.0, listed.get(1).getValue(), 1e-9);
        assertEquals(id, listed.get(0).getBatchId());
        assertEquals(1, listed.get(1).getItemIndex());
    }

    @Test
    void aMeanIndicatorTakesAMeanAndItsSampleSize() {
        String code = "HOTLINE_MEAN_WAIT-" + UUID.randomUUID().toString().substring(0, 8);
        indicators.createIndicator(CreateIndicatorRequest.newBuilder()
                .setIndicator(Indicator.newBuilder()
                        .setCode(code)
                        .setName("Mean waiting time of hotline calls")
                        .setCounted("Seconds from queueing to an agent answering, averaged over answered calls")
                        .setKind(IndicatorKind.INDICATOR_KIND_MEAN)
                        .setDirection(IndicatorDirection.INDICATOR_DIRECTION_LOWER_IS_BETTER)
                        .setUnitType(UnitType.UNIT_TYPE_HOTLINE))
                .build());
        String hotline = FakeBackends.unit(UnitType.UNIT_TYPE_HOTLINE);
        create(batch(
                batchId(),
                MeasurementItem.newBuilder()
                        .setUnitId(hotline)
                        .setIndicatorCode(code)
                        .setPeriod("2026-Q1")
                        .setMean(14.2)
                        .setSampleSize(5230)
                        .build()));

        Measurement m = list(hotline, false).get(0);
        assertEquals(14.2, m.getValue(), 1e-9);
        assertEquals(5230, m.getSampleSize());

        var e = refused(batch(
                batchId(),
                MeasurementItem.newBuilder()
                        .setUnitId(hotline)
                        .setIndicatorCode(code)
                        .setPeriod("2026-04")
                        .setNumerator(3)
                        .setDenominator(4)
                        .build()));
        assertEquals(
                List.of(
                        "measurement_batch.items[0].sample_size",
                        "measurement_batch.items[0].numerator",
                        "measurement_batch.items[0].denominator"),
                GrpcErrors.violatedFields(e));
    }

    @Test
    void sendingABatchAgainIsSafeAndAnotherContentUnderItsIdIsAlreadyExists() {
        String id = batchId();
        MeasurementBatch first = create(batch(id, rate(team, KEEPING, "2026-04", 90, 100)));
        int unitCalls = FakeBackends.GET_UNIT_CALLS.get();

        assertEquals(first, create(batch(id, rate(team, KEEPING, "2026-04", 90, 100))));
        assertEquals(unitCalls, FakeBackends.GET_UNIT_CALLS.get(), "a batch sent again asks standards-service nothing");
        assertEquals(1, list(team, true).size());

        var e = refused(batch(id, rate(team, KEEPING, "2026-04", 91, 100)));
        assertEquals(Status.Code.ALREADY_EXISTS, e.getStatus().getCode());
        assertEquals("MEASUREMENT_BATCH_ALREADY_EXISTS", GrpcErrors.errorInfo(e).getReason());
        assertEquals(90, list(team, true).get(0).getNumerator());
    }

    @Test
    void badItemsAreAllNamedAndNothingIsWritten() {
        String id = batchId();
        String hall = FakeBackends.unit(UnitType.UNIT_TYPE_SERVICE_HALL);
        var e = refused(batch(
                id,
                rate(team, "NO_SUCH_INDICATOR", "2026-03", 1, 2),
                rate(team, KEEPING, "2099-01", 1, 2),
                rate(team, KEEPING, "2026-13", 1, 2),
                rate(team, KEEPING, "2026-05", 21, 20),
                rate(team, KEEPING, "2026-06", -1, 20),
                rate(team, KEEPING, "2026-07", 0, -3),
                rate(team, KEEPING, "2026-08", 0, 0),
                rate("not-a-uuid", KEEPING, "2026-09", 1, 2)));
        assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode());
        assertEquals(
                List.of(
                        "measurement_batch.items[1].period",
                        "measurement_batch.items[2].period",
                        "measurement_batch.items[3].numerator",
                        "measurement_batch.items[4].numerator",
                        "measurement_batch.items[5].denominator",
                        "measurement_batch.items[7].unit_id"),
                GrpcErrors.violatedFields(e));

        // Once the items' own fields are right, the stored state: an unknown indicator, a rate without cases.
        e = refused(batch(id, rate(team, "NO_SUCH_INDICATOR", "2026-03", 1, 2), rate(team, KEEPING, "2026-08", 0, 0)));
        assertEquals(
                List.of("measurement_batch.items[0].indicator_code", "measurement_batch.items[1].denominator"),
                GrpcErrors.violatedFields(e));

        // Then the units, at standards-service: unknown, or of another type than the indicator's.
        e = refused(batch(
                id,
                rate(UUID.randomUUID().toString(), KEEPING, "2026-03", 1, 2),
                rate(hall, KEEPING, "2026-03", 1, 2)));
        assertEquals(
                List.of("measurement_batch.items[0].unit_id", "measurement_batch.items[1].unit_id"),
                GrpcErrors.violatedFields(e));

        var missing = assertThrows(
                StatusRuntimeException.class,
                () -> measurements.getMeasurementBatch(
                        GetMeasurementBatchRequest.newBuilder().setBatchId(id).build()));
        assertEquals(Status.Code.NOT_FOUND, missing.getStatus().getCode());
        assertEquals(
                "MEASUREMENT_BATCH_NOT_FOUND", GrpcErrors.errorInfo(missing).getReason());
    }

    @Test
    void theSameValueTwiceInABatchOrInTwoCurrentBatchesIsRefused() {
        var twice = refused(batch(
                batchId(), rate(team, KEEPING, "2026-03", 1, 2), rate(team.toUpperCase(), KEEPING, "2026-03", 1, 2)));
        assertEquals(List.of("measurement_batch.items[1]"), GrpcErrors.violatedFields(twice));

        create(batch(batchId(), rate(team, KEEPING, "2026-03", 1, 2)));
        var again = refused(
                batch(batchId(), rate(otherTeam, KEEPING, "2026-03", 1, 2), rate(team, KEEPING, "2026-03", 2, 2)));
        assertEquals(Status.Code.ALREADY_EXISTS, again.getStatus().getCode());
        assertEquals("MEASUREMENT_ALREADY_EXISTS", GrpcErrors.errorInfo(again).getReason());
        assertEquals("measurement_batch.items[1]", GrpcErrors.errorInfo(again).getMetadataOrThrow("field"));
        assertEquals(0, list(otherTeam, true).size(), "nothing of the refused batch was written");
    }

    @Test
    void aCorrectionSupersedesItsBatchAndBothStayVisible() {
        String original = batchId();
        create(batch(original, rate(team, KEEPING, "2026-02", 150, 200), rate(otherTeam, KEEPING, "2026-02", 80, 100)));
        String correction = batchId();
        MeasurementBatch corrected = create(batch(correction, rate(team, KEEPING, "2026-02", 160, 200)).toBuilder()
                .setSupersedesBatchId(original)
                .build());
        assertEquals(original, corrected.getSupersedesBatchId());

        // Current values: the correction's; the corrected batch is replaced whole.
        assertEquals(
                List.of(80.0),
                list(team, false).stream().map(Measurement::getValue).toList());
        assertEquals(List.of(), list(otherTeam, false));
        // On request, the superseded values too, saying what superseded them.
        List<Measurement> all = list(team, true);
        assertEquals(
                List.of(75.0, 80.0), all.stream().map(Measurement::getValue).toList());
        assertEquals(
                List.of(correction, ""),
                all.stream().map(Measurement::getSupersededByBatchId).toList());
        assertEquals(
                correction,
                measurements
                        .getMeasurementBatch(GetMeasurementBatchRequest.newBuilder()
                                .setBatchId(original)
                                .build())
                        .getSupersededByBatchId());

        // A batch is superseded once; a second correction of it must correct the correction.
        var twice = refused(batch(batchId(), rate(team, KEEPING, "2026-02", 170, 200)).toBuilder()
                .setSupersedesBatchId(original)
                .build());
        assertEquals(Status.Code.FAILED_PRECONDITION, twice.getStatus().getCode());
        assertEquals("BATCH_ALREADY_SUPERSEDED", GrpcErrors.errorInfo(twice).getReason());
        var unknown = refused(batch(batchId(), rate(team, KEEPING, "2026-02", 170, 200)).toBuilder()
                .setSupersedesBatchId("no-such-batch")
                .build());
        assertEquals(List.of("measurement_batch.supersedes_batch_id"), GrpcErrors.violatedFields(unknown));
    }

    @Test
    void standardsServiceDownIsUnavailableAndWritesNothingButABatchSentAgainIsStillAnswered() {
        String id = batchId();
        MeasurementBatch first = create(batch(id, rate(team, KEEPING, "2026-01", 1, 2)));
        FakeBackends.UNREACHABLE_UNITS.add(team);
        try {
            assertEquals(first, create(batch(id, rate(team, KEEPING, "2026-01", 1, 2))));
            String other = batchId();
            var e = refused(batch(other, rate(team, COMPLIANCE, "2026-01", 1, 2)));
            assertEquals(Status.Code.UNAVAILABLE, e.getStatus().getCode());
            assertEquals("DEPENDENCY_UNAVAILABLE", GrpcErrors.errorInfo(e).getReason());
            assertEquals(1, list(team, true).size());
        } finally {
            FakeBackends.UNREACHABLE_UNITS.remove(team);
        }
    }

    @Test
    void listsArePagedWithSealedTokens() {
        create(batch(
                batchId(),
                rate(team, KEEPING, "2026-01", 1, 2),
                rate(team, KEEPING, "2026-02", 1, 2),
                rate(team, KEEPING, "2026-03", 1, 2)));
        var first = measurements.listMeasurements(ListMeasurementsRequest.newBuilder()
                .setUnitId(team)
                .setPageSize(2)
                .build());
        assertEquals(2, first.getMeasurementsCount());
        var second = measurements.listMeasurements(ListMeasurementsRequest.newBuilder()
                .setUnitId(team)
                .setPageSize(2)
                .setPageToken(first.getNextPageToken())
                .build());
        assertEquals(
                List.of("2026-03"),
                second.getMeasurementsList().stream()
                        .map(Measurement::getPeriod)
                        .toList());
        assertEquals("", second.getNextPageToken());
        var otherFilter = assertThrows(
                StatusRuntimeException.class,
                () -> measurements.listMeasurements(ListMeasurementsRequest.newBuilder()
                        .setUnitId(otherTeam)
                        .setPageToken(first.getNextPageToken())
                        .build()));
        assertEquals(List.of("page_token"), GrpcErrors.violatedFields(otherFilter));
        var badPeriod = assertThrows(
                StatusRuntimeException.class,
                () -> measurements.listMeasurements(
                        ListMeasurementsRequest.newBuilder().setPeriod("March").build()));
        assertEquals(List.of("period"), GrpcErrors.violatedFields(badPeriod));
    }
}
