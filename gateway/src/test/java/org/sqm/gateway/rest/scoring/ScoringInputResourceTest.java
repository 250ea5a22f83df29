package org.sqm.gateway.rest.scoring;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.rpc.Code;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.sqm.gateway.fakes.Backend;
import org.sqm.gateway.fakes.FakeBackendTest;
import org.sqm.gateway.fakes.Statuses;
import org.sqm.proto.common.v1.CustomerSegment;
import org.sqm.proto.scoring.v1.ConfidenceInterval;
import org.sqm.proto.scoring.v1.CreateCustomersServedBatchRequest;
import org.sqm.proto.scoring.v1.CreateMeasurementBatchRequest;
import org.sqm.proto.scoring.v1.CreateSurveyBatchRequest;
import org.sqm.proto.scoring.v1.CustomersServed;
import org.sqm.proto.scoring.v1.CustomersServedBatch;
import org.sqm.proto.scoring.v1.CustomersServedItem;
import org.sqm.proto.scoring.v1.GetMeasurementBatchRequest;
import org.sqm.proto.scoring.v1.GetSatisfactionIndexRequest;
import org.sqm.proto.scoring.v1.ListCustomersServedRequest;
import org.sqm.proto.scoring.v1.ListCustomersServedResponse;
import org.sqm.proto.scoring.v1.ListMeasurementsRequest;
import org.sqm.proto.scoring.v1.ListMeasurementsResponse;
import org.sqm.proto.scoring.v1.Measurement;
import org.sqm.proto.scoring.v1.MeasurementBatch;
import org.sqm.proto.scoring.v1.MeasurementItem;
import org.sqm.proto.scoring.v1.SatisfactionIndex;
import org.sqm.proto.scoring.v1.SurveyBatch;
import org.sqm.proto.scoring.v1.SurveyResponse;

@QuarkusTest
class ScoringInputResourceTest extends FakeBackendTest {

    static final String UNIT = "5f0c1c7e-3f7e-4d1a-9b1e-1d2f3a4b5c6d";

    static final MeasurementBatch BATCH = MeasurementBatch.newBuilder()
            .setBatchId("field:2026-03")
            .setSource("City sampling")
            .addItems(MeasurementItem.newBuilder()
                    .setUnitId(UNIT)
                    .setIndicatorCode("FIELD_APPOINTMENT_KEEPING")
                    .setPeriod("2026-03")
                    .setNumerator(188)
                    .setDenominator(200))
            .setRecordTime(at("2026-04-02T08:00:00Z"))
            .build();

    @Test
    void aMeasurementBatchIsRecordedWithItsIdInTheLocationAndReadBack() {
        Backend.answer(CreateMeasurementBatchRequest.class, BATCH);
        given().contentType(ContentType.JSON)
                .body("{\"batchId\":\"field:2026-03\",\"source\":\"City sampling\",\"items\":[{\"unitId\":\"" + UNIT
                        + "\",\"indicatorCode\":\"FIELD_APPOINTMENT_KEEPING\",\"period\":\"2026-03\","
                        + "\"numerator\":188,\"denominator\":200}]}")
                .when()
                .post("/api/v1/measurementBatches")
                .then()
                .statusCode(201)
                .header("Location", containsString("/api/v1/measurementBatches/field:2026-03"))
                .body("items[0].numerator", equalTo(188))
                .body("supersededByBatchId", nullValue())
                .body("recordTime", equalTo("2026-04-02T08:00:00Z"));
        MeasurementItem sent = Backend.received(CreateMeasurementBatchRequest.class)
                .getMeasurementBatch()
                .getItems(0);
        assertEquals(200, sent.getDenominator());
        assertEquals(0, sent.getSampleSize());

        Backend.answer(
                GetMeasurementBatchRequest.class,
                BATCH.toBuilder().setSupersededByBatchId("field:2026-03:fix").build());
        given().when()
                .get("/api/v1/measurementBatches/field:2026-03")
                .then()
                .statusCode(200)
                .body("supersededByBatchId", equalTo("field:2026-03:fix"));
        assertEquals(
                "field:2026-03",
                Backend.received(GetMeasurementBatchRequest.class).getBatchId());
    }

    @Test
    void batchProblemsNameTheItemsAsTheBodyHasThem() {
        Backend.fail(
                CreateMeasurementBatchRequest.class,
                Statuses.invalid(
                        "measurement_batch.items[3].numerator", "must not be above the denominator",
                        "measurement_batch.supersedes_batch_id", "names no measurements batch"));
        given().contentType(ContentType.JSON)
                .body("{\"batchId\":\"b\",\"items\":[]}")
                .when()
                .post("/api/v1/measurementBatches")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors.field", contains("items[3].numerator", "supersedesBatchId"));
        Backend.fail(
                CreateMeasurementBatchRequest.class,
                Statuses.status(Code.ALREADY_EXISTS, "MEASUREMENT_BATCH_ALREADY_EXISTS", "other content"));
        given().contentType(ContentType.JSON)
                .body("{\"batchId\":\"b\",\"items\":[]}")
                .when()
                .post("/api/v1/measurementBatches")
                .then()
                .statusCode(409)
                .body("reason", equalTo("MEASUREMENT_BATCH_ALREADY_EXISTS"));
        given().contentType(ContentType.JSON)
                .body("{\"batchId\":\"b\",\"items\":[{\"numerator\":\"many\"}]}")
                .when()
                .post("/api/v1/measurementBatches")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("items[0].numerator"));
        given().contentType(ContentType.JSON)
                .body("{\"batchId\":\"b\",\"items\":[null]}")
                .when()
                .post("/api/v1/measurementBatches")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("items[0]"));
    }

    @Test
    void measurementsAreListedWithTheirFilters() {
        Backend.answer(
                ListMeasurementsRequest.class,
                ListMeasurementsResponse.newBuilder()
                        .addMeasurements(Measurement.newBuilder()
                                .setBatchId("field:2026-03")
                                .setUnitId(UNIT)
                                .setIndicatorCode("FIELD_APPOINTMENT_KEEPING")
                                .setPeriod("2026-03")
                                .setNumerator(188)
                                .setDenominator(200)
                                .setValue(94)
                                .setRecordTime(at("2026-04-02T08:00:00Z")))
                        .setNextPageToken("next")
                        .build());
        given().queryParam("unitId", UNIT)
                .queryParam("period", "2026-03")
                .queryParam("includeSuperseded", "true")
                .when()
                .get("/api/v1/measurements")
                .then()
                .statusCode(200)
                .body("items[0].value", equalTo(94.0f))
                .body("items[0].supersededByBatchId", nullValue())
                .body("nextPageToken", equalTo("next"));
        ListMeasurementsRequest sent = Backend.received(ListMeasurementsRequest.class);
        assertEquals(UNIT, sent.getUnitId());
        assertEquals("2026-03", sent.getPeriod());
        assertTrue(sent.getShowSuperseded());
        given().queryParam("includeSuperseded", "yes")
                .when()
                .get("/api/v1/measurements")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("includeSuperseded"));
    }

    @Test
    void surveyBatchesTakeSegmentsByNameAndTheIndexReadsAPeriod() {
        Backend.answer(
                CreateSurveyBatchRequest.class,
                SurveyBatch.newBuilder()
                        .setBatchId("survey:2026-03")
                        .setSource("Telephone survey")
                        .setScaleMin(1)
                        .setScaleMax(5)
                        .addResponses(SurveyResponse.newBuilder()
                                .setUnitId(UNIT)
                                .setSegment(CustomerSegment.CUSTOMER_SEGMENT_VIP)
                                .setDate("2026-03-02")
                                .setScore(4))
                        .setRecordTime(at("2026-04-02T08:00:00Z"))
                        .build());
        given().contentType(ContentType.JSON)
                .body("{\"batchId\":\"survey:2026-03\",\"source\":\"Telephone survey\",\"scaleMin\":1,\"scaleMax\":5,"
                        + "\"responses\":[{\"unitId\":\"" + UNIT
                        + "\",\"segment\":\"VIP\",\"date\":\"2026-03-02\",\"score\":4}]}")
                .when()
                .post("/api/v1/surveyBatches")
                .then()
                .statusCode(201)
                .header("Location", containsString("/api/v1/surveyBatches/survey:2026-03"))
                .body("responses[0].segment", equalTo("VIP"));
        SurveyBatch sent = Backend.received(CreateSurveyBatchRequest.class).getSurveyBatch();
        assertEquals(CustomerSegment.CUSTOMER_SEGMENT_VIP, sent.getResponses(0).getSegment());
        assertEquals(5.0, sent.getScaleMax());

        given().contentType(ContentType.JSON)
                .body("{\"batchId\":\"s\",\"responses\":[{\"segment\":\"PREPAID\"}]}")
                .when()
                .post("/api/v1/surveyBatches")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("responses[0].segment"));

        Backend.answer(
                GetSatisfactionIndexRequest.class,
                SatisfactionIndex.newBuilder()
                        .setUnitId(UNIT)
                        .setPeriod("2026-Q1")
                        .setSampleSize(4)
                        .setIndex(75)
                        .setStandardDeviation(20.41)
                        .setConfidenceInterval(
                                ConfidenceInterval.newBuilder().setLower(42.52).setUpper(100))
                        .addBatchIds("survey:2026-03")
                        .build());
        given().queryParam("period", "2026-Q1")
                .when()
                .get("/api/v1/units/" + UNIT + "/satisfactionIndex")
                .then()
                .statusCode(200)
                .body("index", equalTo(75.0f))
                .body("segment", nullValue())
                .body("confidenceInterval.lower", equalTo(42.52f))
                .body("batchIds", contains("survey:2026-03"));
        GetSatisfactionIndexRequest asked = Backend.received(GetSatisfactionIndexRequest.class);
        assertEquals(CustomerSegment.CUSTOMER_SEGMENT_UNSPECIFIED, asked.getSegment());
        assertEquals("2026-Q1", asked.getPeriod());

        Backend.answer(
                GetSatisfactionIndexRequest.class,
                SatisfactionIndex.newBuilder()
                        .setUnitId(UNIT)
                        .setSegment(CustomerSegment.CUSTOMER_SEGMENT_HOME)
                        .setPeriod("2026-03")
                        .build());
        given().queryParam("period", "2026-03")
                .queryParam("segment", "HOME")
                .when()
                .get("/api/v1/units/" + UNIT + "/satisfactionIndex")
                .then()
                .statusCode(200)
                .body("sampleSize", equalTo(0))
                .body("index", nullValue())
                .body("confidenceInterval", nullValue());
        given().queryParam("segment", "PREPAID")
                .when()
                .get("/api/v1/units/" + UNIT + "/satisfactionIndex")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("segment"));
    }

    @Test
    void customersServedAreRecordedAndListed() {
        Backend.answer(
                CreateCustomersServedBatchRequest.class,
                CustomersServedBatch.newBuilder()
                        .setBatchId("billing:2026-03")
                        .setSource("Billing")
                        .setSupersedesBatchId("billing:2026-03:old")
                        .addItems(CustomersServedItem.newBuilder()
                                .setUnitId(UNIT)
                                .setPeriod("2026-03")
                                .setCustomers(48_200))
                        .setRecordTime(at("2026-04-02T08:00:00Z"))
                        .build());
        given().contentType(ContentType.JSON)
                .body(
                        "{\"batchId\":\"billing:2026-03\",\"source\":\"Billing\",\"supersedesBatchId\":\"billing:2026-03:old\","
                                + "\"items\":[{\"unitId\":\"" + UNIT
                                + "\",\"period\":\"2026-03\",\"customers\":48200}]}")
                .when()
                .post("/api/v1/customersServedBatches")
                .then()
                .statusCode(201)
                .body("supersedesBatchId", equalTo("billing:2026-03:old"))
                .body("items[0].customers", equalTo(48200));
        assertEquals(
                "billing:2026-03:old",
                Backend.received(CreateCustomersServedBatchRequest.class)
                        .getCustomersServedBatch()
                        .getSupersedesBatchId());

        Backend.answer(
                ListCustomersServedRequest.class,
                ListCustomersServedResponse.newBuilder()
                        .addCustomersServed(CustomersServed.newBuilder()
                                .setBatchId("billing:2026-03:old")
                                .setUnitId(UNIT)
                                .setPeriod("2026-03")
                                .setCustomers(48_000)
                                .setRecordTime(at("2026-04-01T08:00:00Z"))
                                .setSupersededByBatchId("billing:2026-03"))
                        .build());
        given().queryParam("unitId", UNIT)
                .queryParam("includeSuperseded", "true")
                .when()
                .get("/api/v1/customersServed")
                .then()
                .statusCode(200)
                .body("items[0].supersededByBatchId", equalTo("billing:2026-03"));
        assertTrue(Backend.received(ListCustomersServedRequest.class).getShowSuperseded());
    }
}
