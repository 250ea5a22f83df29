package org.sqm.suite;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Bulk intake through the real gateway, complaint-service and standards-service: per-item answers,
 * retries that record nothing twice, the limit of 1000, and a request id used twice in one batch.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(SuiteExtension.class)
class ComplaintBatchIT {

    private String hall;

    @BeforeAll
    void aUnitWithDeadlines() {
        hall = Fixtures.complaintUnit();
    }

    private static String item(String requestId, String complaint) {
        return "{\"requestId\":\"" + requestId + "\",\"complaint\":" + complaint + "}";
    }

    private static JsonPath batch(List<String> items) {
        return given().urlEncodingEnabled(false)
                .contentType(ContentType.JSON)
                .body("{\"requests\":[" + String.join(",", items) + "]}")
                .when()
                .post("/api/v1/complaints:batchCreate")
                .then()
                .statusCode(200)
                .body("results", hasSize(items.size()))
                .extract()
                .jsonPath();
    }

    @Test
    void aHalfFailedBatchAnswersEachItemAndItsRetryRecordsNothingTwice() {
        String unit = Fixtures.complaintUnit();
        String run = UUID.randomUUID().toString();
        List<String> items = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            // Every third item lacks a description and is refused; the others are recorded.
            items.add(item(run + "-" + i, Fixtures.complaintBody(unit, i % 3 == 1 ? "" : "Bulk complaint " + i)));
        }
        JsonPath first = batch(items);
        assertEquals(4, Fixtures.complaintCount(unit));
        assertEquals(400, first.getInt("results[1].error.status"));
        assertEquals("requests[1].complaint.description", first.getString("results[1].error.errors[0].field"));
        assertEquals(3, first.getList("results[0].complaint.deadlines").size(), "deadlines from the real standard");

        // The whole batch again: nothing recorded twice, the same complaints answered.
        JsonPath again = batch(items);
        assertEquals(4, Fixtures.complaintCount(unit));
        for (int i : List.of(0, 2, 3, 5)) {
            assertEquals(
                    first.getString("results[" + i + "].complaint.id"),
                    again.getString("results[" + i + "].complaint.id"));
        }

        // The refused items fixed, the batch once more: only they are recorded now.
        items.set(1, item(run + "-1", Fixtures.complaintBody(unit, "Bulk complaint 1, fixed")));
        items.set(4, item(run + "-4", Fixtures.complaintBody(unit, "Bulk complaint 4, fixed")));
        JsonPath fixed = batch(items);
        assertEquals(6, Fixtures.complaintCount(unit));
        assertEquals(first.getString("results[0].complaint.id"), fixed.getString("results[0].complaint.id"));
        assertEquals("RECEIVED", fixed.getString("results[4].complaint.status"));
    }

    @Test
    void theSameRequestIdTwiceInOneBatchIsOneComplaint() {
        String unit = Fixtures.complaintUnit();
        String id = "twice-" + UUID.randomUUID();
        String other = "differs-" + UUID.randomUUID();
        JsonPath answer = batch(List.of(
                item(id, Fixtures.complaintBody(unit, "Sent twice in one batch")),
                item(id, Fixtures.complaintBody(unit, "Sent twice in one batch")),
                item(other, Fixtures.complaintBody(unit, "First under this id")),
                item(other, Fixtures.complaintBody(unit, "Another complaint under the same id"))));
        assertEquals(answer.getString("results[0].complaint.id"), answer.getString("results[1].complaint.id"));
        assertNotEquals(answer.getString("results[0].complaint.id"), answer.getString("results[2].complaint.id"));
        assertEquals(409, answer.getInt("results[3].error.status"));
        assertEquals("REQUEST_ID_REUSED", answer.getString("results[3].error.reason"));
        assertEquals(2, Fixtures.complaintCount(unit));
    }

    @Test
    void aThousandAreRecordedInOneCallAndOneMoreIsRefusedWhole() {
        String over = IntStream.range(0, 1001)
                .mapToObj(i -> item("over-" + UUID.randomUUID(), Fixtures.complaintBody(hall, "Over the limit " + i)))
                .collect(Collectors.joining(","));
        given().urlEncodingEnabled(false)
                .contentType(ContentType.JSON)
                .body("{\"requests\":[" + over + "]}")
                .when()
                .post("/api/v1/complaints:batchCreate")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("requests"));
        int before = Fixtures.complaintCount(hall);
        assertEquals(0, before, "nothing of the refused batch was recorded");

        List<String> thousand = IntStream.range(0, 1000)
                .mapToObj(i -> item("full-" + UUID.randomUUID(), Fixtures.complaintBody(hall, "A full batch " + i)))
                .toList();
        JsonPath answer = batch(thousand);
        assertEquals(
                1000, answer.getList("results.complaint.id").stream().distinct().count());
        assertEquals(1000, Fixtures.complaintCount(hall));
    }
}
