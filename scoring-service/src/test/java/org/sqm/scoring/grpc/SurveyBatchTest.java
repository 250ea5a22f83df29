package org.sqm.scoring.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import org.sqm.proto.common.v1.CustomerSegment;
import org.sqm.proto.scoring.v1.CreateSurveyBatchRequest;
import org.sqm.proto.scoring.v1.GetSatisfactionIndexRequest;
import org.sqm.proto.scoring.v1.GetSurveyBatchRequest;
import org.sqm.proto.scoring.v1.SatisfactionIndex;
import org.sqm.proto.scoring.v1.SurveyBatch;
import org.sqm.proto.scoring.v1.SurveyResponse;
import org.sqm.proto.scoring.v1.SurveyServiceGrpc.SurveyServiceBlockingStub;
import org.sqm.proto.standards.v1.UnitType;
import org.sqm.testing.EmbeddedPostgresResource;
import org.sqm.testing.GrpcErrors;

@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class SurveyBatchTest {

    static final CustomerSegment MOBILE = CustomerSegment.CUSTOMER_SEGMENT_MOBILE;
    static final CustomerSegment HOME = CustomerSegment.CUSTOMER_SEGMENT_HOME;
    static final CustomerSegment ALL = CustomerSegment.CUSTOMER_SEGMENT_UNSPECIFIED;

    @GrpcClient("scoring")
    SurveyServiceBlockingStub surveys;

    String hall;

    @BeforeEach
    void unit() {
        hall = FakeBackends.unit(UnitType.UNIT_TYPE_SERVICE_HALL);
    }

    static SurveyResponse response(String unit, CustomerSegment segment, String date, double score) {
        return SurveyResponse.newBuilder()
                .setUnitId(unit)
                .setSegment(segment)
                .setDate(date)
                .setScore(score)
                .build();
    }

    static SurveyBatch batch(String id, double min, double max, SurveyResponse... responses) {
        return SurveyBatch.newBuilder()
                .setBatchId(id)
                .setSource("City customer service department, telephone survey")
                .setScaleMin(min)
                .setScaleMax(max)
                .addAllResponses(List.of(responses))
                .build();
    }

    SurveyBatch create(SurveyBatch batch) {
        return surveys.createSurveyBatch(
                CreateSurveyBatchRequest.newBuilder().setSurveyBatch(batch).build());
    }

    SatisfactionIndex index(CustomerSegment segment, String period) {
        return surveys.getSatisfactionIndex(GetSatisfactionIndexRequest.newBuilder()
                .setUnitId(hall)
                .setSegment(segment)
                .setPeriod(period)
                .build());
    }

    static String id() {
        return "survey:" + UUID.randomUUID();
    }

    @Test
    void theIndexIsTheMeanOnZeroToHundredWithAStudentTInterval() {
        String march = id();
        String february = id();
        // March, scale 1-5: mobile 5, 4, 4, 3 -> 100, 75, 75, 50; home 2 -> 25.
        create(batch(
                march,
                1,
                5,
                response(hall, MOBILE, "2026-03-02", 5),
                response(hall, MOBILE, "2026-03-10", 4),
                response(hall, MOBILE, "2026-03-17", 4),
                response(hall, MOBILE, "2026-03-31", 3),
                response(hall, HOME, "2026-03-05", 2)));
        // February, scale 0-10: mobile 8, 10 -> 80, 100. April outside the quarter: mobile 0 -> 0.
        create(batch(
                february,
                0,
                10,
                response(hall, MOBILE, "2026-02-11", 8),
                response(hall, MOBILE, "2026-02-28", 10),
                response(hall, MOBILE, "2026-04-01", 0)));

        // Mean 75; s = sqrt((25^2 + 0 + 0 + 25^2) / 3) = 20.4124; t(0.975, 3) = 3.182446;
        // 75 -+ 3.182446 x 20.4124 / 2 = 75 -+ 32.4807 -> [42.5193, 107.4807], clamped to 100.
        SatisfactionIndex mobileMarch = index(MOBILE, "2026-03");
        assertEquals(4, mobileMarch.getSampleSize());
        assertEquals(75.0, mobileMarch.getIndex(), 1e-9);
        assertEquals(20.412415, mobileMarch.getStandardDeviation(), 1e-6);
        assertEquals(42.519293, mobileMarch.getConfidenceInterval().getLower(), 1e-6);
        assertEquals(100.0, mobileMarch.getConfidenceInterval().getUpper(), 1e-9);
        assertEquals(List.of(march), mobileMarch.getBatchIdsList());

        // One answer: its own value, no spread, the whole scale as interval.
        SatisfactionIndex homeMarch = index(HOME, "2026-03");
        assertEquals(1, homeMarch.getSampleSize());
        assertEquals(25.0, homeMarch.getIndex(), 1e-9);
        assertFalse(homeMarch.hasStandardDeviation());
        assertEquals(0.0, homeMarch.getConfidenceInterval().getLower(), 1e-9);
        assertEquals(100.0, homeMarch.getConfidenceInterval().getUpper(), 1e-9);

        // All segments of March: 100, 75, 75, 50, 25 -> 65.
        assertEquals(65.0, index(ALL, "2026-03").getIndex(), 1e-9);

        // The first quarter, mobile: 100, 75, 75, 50, 80, 100 -> mean 80; squares of the deviations
        // 400 + 25 + 25 + 900 + 0 + 400 = 1750, s = sqrt(1750 / 5) = 18.7083; t(0.975, 5) = 2.570582;
        // 80 -+ 2.570582 x 18.7083 / sqrt(6) = 80 -+ 19.6331.
        SatisfactionIndex mobileQ1 = index(MOBILE, "2026-Q1");
        assertEquals(6, mobileQ1.getSampleSize());
        assertEquals(80.0, mobileQ1.getIndex(), 1e-9);
        assertEquals(60.366857, mobileQ1.getConfidenceInterval().getLower(), 1e-6);
        assertEquals(99.633143, mobileQ1.getConfidenceInterval().getUpper(), 1e-6);
        assertEquals(List.of(march, february).stream().sorted().toList(), mobileQ1.getBatchIdsList());

        // The year adds April's 0.
        assertEquals(7, index(MOBILE, "2026").getSampleSize());
        assertEquals(480.0 / 7, index(MOBILE, "2026").getIndex(), 1e-9);

        SatisfactionIndex none = index(MOBILE, "2025-03");
        assertEquals(0, none.getSampleSize());
        assertFalse(none.hasIndex());
        assertFalse(none.hasConfidenceInterval());
    }

    @Test
    void aCorrectedBatchReplacesTheResponsesItSupersedes() {
        String first = id();
        create(batch(first, 1, 5, response(hall, MOBILE, "2026-05-02", 5), response(hall, MOBILE, "2026-05-03", 1)));
        String correction = id();
        SurveyBatch corrected =
                create(batch(
                                correction,
                                1,
                                5,
                                response(hall, MOBILE, "2026-05-02", 3),
                                response(hall, MOBILE, "2026-05-03", 3))
                        .toBuilder()
                        .setSupersedesBatchId(first)
                        .build());
        assertEquals(first, corrected.getSupersedesBatchId());

        SatisfactionIndex may = index(MOBILE, "2026-05");
        assertEquals(50.0, may.getIndex(), 1e-9);
        assertEquals(0.0, may.getStandardDeviation(), 1e-9);
        assertEquals(50.0, may.getConfidenceInterval().getLower(), 1e-9);
        assertEquals(50.0, may.getConfidenceInterval().getUpper(), 1e-9);
        assertEquals(List.of(correction), may.getBatchIdsList());
        SurveyBatch old = surveys.getSurveyBatch(
                GetSurveyBatchRequest.newBuilder().setBatchId(first).build());
        assertEquals(correction, old.getSupersededByBatchId());
        assertEquals(2, old.getResponsesCount());
    }

    @Test
    void aBatchSentAgainIsAnsweredAndOtherContentIsAlreadyExists() {
        String id = id();
        SurveyBatch first = create(batch(id, 1, 10, response(hall, MOBILE, "2026-06-01", 7)));
        assertEquals(first, create(batch(id, 1, 10, response(hall, MOBILE, "2026-06-01", 7))));
        var e = assertThrows(
                StatusRuntimeException.class, () -> create(batch(id, 1, 5, response(hall, MOBILE, "2026-06-01", 4))));
        assertEquals(Status.Code.ALREADY_EXISTS, e.getStatus().getCode());
        assertEquals("SURVEY_BATCH_ALREADY_EXISTS", GrpcErrors.errorInfo(e).getReason());
        assertEquals(1, index(MOBILE, "2026-06").getSampleSize());
    }

    @Test
    void badResponsesAreNamedAndNothingIsWritten() {
        String id = id();
        var e = assertThrows(
                StatusRuntimeException.class,
                () -> create(batch(
                        id,
                        1,
                        5,
                        response(hall, MOBILE, "2026-07-01", 6),
                        response(hall, MOBILE, "2026-07-01", 0.5),
                        response(hall, ALL, "2026-07-01", 3),
                        response(hall, MOBILE, "2026-02-30", 3),
                        response(hall, MOBILE, "2099-01-01", 3),
                        response(hall, MOBILE, "", 3),
                        SurveyResponse.newBuilder()
                                .setUnitId(hall)
                                .setSegmentValue(99)
                                .setDate("2026-07-01")
                                .setScore(3)
                                .build())));
        assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode());
        assertEquals(
                List.of(
                        "survey_batch.responses[0].score",
                        "survey_batch.responses[1].score",
                        "survey_batch.responses[2].segment",
                        "survey_batch.responses[3].date",
                        "survey_batch.responses[4].date",
                        "survey_batch.responses[5].date",
                        "survey_batch.responses[6].segment"),
                GrpcErrors.violatedFields(e));

        var scale = assertThrows(
                StatusRuntimeException.class, () -> create(batch(id, 5, 5, response(hall, MOBILE, "2026-07-01", 5))));
        assertEquals(List.of("survey_batch.scale_min"), GrpcErrors.violatedFields(scale));

        var unit = assertThrows(
                StatusRuntimeException.class,
                () -> create(batch(id, 1, 5, response(UUID.randomUUID().toString(), MOBILE, "2026-07-01", 5))));
        assertEquals(List.of("survey_batch.responses[0].unit_id"), GrpcErrors.violatedFields(unit));

        var missing = assertThrows(
                StatusRuntimeException.class,
                () -> surveys.getSurveyBatch(
                        GetSurveyBatchRequest.newBuilder().setBatchId(id).build()));
        assertEquals(Status.Code.NOT_FOUND, missing.getStatus().getCode());
        assertEquals(0, index(ALL, "2026-07").getSampleSize());
    }

    @Test
    void theIndexRefusesAMalformedPeriodOrSegment() {
        var e = assertThrows(
                StatusRuntimeException.class,
                () -> surveys.getSatisfactionIndex(GetSatisfactionIndexRequest.newBuilder()
                        .setUnitId("x")
                        .setSegmentValue(42)
                        .setPeriod("2026-Q5")
                        .build()));
        assertEquals(List.of("unit_id", "segment", "period"), GrpcErrors.violatedFields(e));
        assertTrue(e.getStatus().getDescription().contains("2026-Q1"));
    }
}
