package org.sqm.gateway.rest.complaints;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.sqm.gateway.fakes.Backend;
import org.sqm.gateway.fakes.FakeBackendTest;
import org.sqm.gateway.fakes.Statuses;
import org.sqm.proto.common.v1.CustomerSegment;
import org.sqm.proto.complaint.v1.ComplaintStatistics;
import org.sqm.proto.complaint.v1.SegmentCount;
import org.sqm.proto.complaint.v1.StreamComplaintStatisticsRequest;
import org.sqm.proto.complaint.v1.UnitComplaintStatistics;

@QuarkusTest
class ComplaintStatisticsFeedResourceTest extends FakeBackendTest {

    private static final String PERIOD = "?periodStart=2026-10-01T00:00:00Z&periodEnd=2026-11-01T00:00:00Z";

    @TestHTTPResource("/api/v1/complaintStatistics")
    URI feed;

    private static UnitComplaintStatistics unit(String id, long received) {
        return UnitComplaintStatistics.newBuilder()
                .setUnitId(id)
                .setStatistics(ComplaintStatistics.newBuilder()
                        .setReceived(received)
                        .setResolved(received - 1)
                        .setMedianResolutionTime(span("PT5H"))
                        .setFirstContactResolutions(1)
                        .setFirstContactResolutionRate(1.0 / received)
                        .addReceivedBySegment(SegmentCount.newBuilder()
                                .setSegment(CustomerSegment.CUSTOMER_SEGMENT_HOME)
                                .setReceived(received)))
                .build();
    }

    @Test
    void everyUnitOfThePeriodIsOneJsonLine() throws Exception {
        Backend.stream(StreamComplaintStatisticsRequest.class, List.of(unit("u1", 3), unit("u2", 5)), null);

        String body = given().when()
                .get("/api/v1/complaintStatistics" + PERIOD)
                .then()
                .statusCode(200)
                .contentType(startsWith(ComplaintStatisticsFeedResource.NDJSON))
                .extract()
                .asString();

        List<JsonNode> lines = lines(body);
        assertEquals(2, lines.size(), body);
        assertEquals("u1", lines.get(0).get("unitId").asText());
        assertEquals(3, lines.get(0).get("statistics").get("received").asInt());
        assertEquals(
                "PT5H",
                lines.get(0).get("statistics").get("medianResolutionTime").asText());
        assertEquals(
                1, lines.get(0).get("statistics").get("firstContactResolutions").asInt());
        assertEquals(
                3,
                lines.get(0)
                        .get("statistics")
                        .get("receivedBySegment")
                        .get("HOME")
                        .asInt());
        assertEquals("u2", lines.get(1).get("unitId").asText());
        assertEquals(
                0.2,
                lines.get(1).get("statistics").get("firstContactResolutionRate").asDouble(),
                1e-9);
        StreamComplaintStatisticsRequest sent = Backend.received(StreamComplaintStatisticsRequest.class);
        assertEquals(at("2026-10-01T00:00:00Z"), sent.getPeriodStart());
        assertEquals(at("2026-11-01T00:00:00Z"), sent.getPeriodEnd());
    }

    @Test
    void aPeriodWithoutComplaintsIsAnEmptyBody() {
        Backend.stream(StreamComplaintStatisticsRequest.class, List.of(), null);
        given().when()
                .get("/api/v1/complaintStatistics" + PERIOD)
                .then()
                .statusCode(200)
                .body(equalTo(""));
    }

    @Test
    void aMissingOrMalformedPeriodIs400BeforeAnyBackendCall() {
        given().queryParam("periodEnd", "2026-11-01T00:00:00Z")
                .when()
                .get("/api/v1/complaintStatistics")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors[0].field", equalTo("periodStart"));
        given().queryParam("periodStart", "2026-10-01T00:00:00Z")
                .queryParam("periodEnd", "next month")
                .when()
                .get("/api/v1/complaintStatistics")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("periodEnd"));
        assertTrue(Backend.requests(StreamComplaintStatisticsRequest.class).isEmpty());
    }

    @Test
    void aPeriodTheServiceRefusesIsAProblemNotAStream() {
        Backend.fail(
                StreamComplaintStatisticsRequest.class,
                Statuses.invalid("period_end", "must be at most 400 days after period_start"));
        given().when()
                .get("/api/v1/complaintStatistics" + PERIOD)
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors[0].field", equalTo("periodEnd"))
                .body("errors[0].message", equalTo("must be at most 400 days after period_start"));
    }

    @Test
    void anUnreachableServiceBeforeTheFirstLineIs503AndIsRetried() {
        Backend.fail(StreamComplaintStatisticsRequest.class, Statuses.transportReset());
        given().when()
                .get("/api/v1/complaintStatistics" + PERIOD)
                .then()
                .statusCode(503)
                .contentType(PROBLEM);
        assertEquals(3, Backend.requests(StreamComplaintStatisticsRequest.class).size(), "read-attempts");
    }

    @Test
    void aFailureAfterTheFirstLineBreaksTheAnswerInsteadOfEndingIt() throws Exception {
        Backend.stream(
                StreamComplaintStatisticsRequest.class,
                List.of(unit("u1", 3), unit("u2", 5)),
                io.grpc.Status.UNAVAILABLE.withDescription("gone").asRuntimeException());
        HttpResponse<Stream<String>> response;
        try {
            response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(feed + PERIOD))
                                    .header("Authorization", "Bearer " + org.sqm.testing.auth.DevTokens.administrator())
                                    .build(),
                            HttpResponse.BodyHandlers.ofLines());
        } catch (IOException brokenBeforeTheHeadersArrived) {
            // The first lines were still in the server's buffer when the stream broke: the connection is
            // cut before the status line reaches the client. Also a broken answer, never a clean end.
            return;
        }
        assertEquals(200, response.statusCode());
        Exception broken = assertThrows(Exception.class, () -> response.body().toList());
        assertTrue(
                broken instanceof UncheckedIOException || broken instanceof IOException,
                "the body ends with an I/O error, not a clean end: " + broken);
    }

    private static List<JsonNode> lines(String body) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> lines = new java.util.ArrayList<>();
        for (String line : body.split("\n")) {
            if (!line.isEmpty()) {
                lines.add(json.readTree(line));
            }
        }
        return lines;
    }
}
