package org.sqm.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

/**
 * The data every benchmark works on, made through the gateway as a user would: an office calendar,
 * a service hall on it, the shipped hall-and-hotline standard (deadlines, 22 elements:
 * {@code serviceStandardId}) and the Customer Service Excellence standard (57 elements:
 * {@code standardId}) published.
 */
record Fixture(String gateway, String unitId, String standardId, String serviceStandardId, String complaintBody) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    static Fixture create(String gateway, Path home) throws IOException, InterruptedException {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        StringBuilder hours = new StringBuilder();
        for (String day : List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY")) {
            hours.append(hours.length() == 0 ? "" : ",")
                    .append("{\"day\":\"")
                    .append(day)
                    .append("\",\"startTime\":\"08:00\",\"endTime\":\"20:00\"}");
        }
        String calendar = post(
                        gateway + "/api/v1/calendars",
                        "{\"code\":\"BENCH-" + suffix
                                + "\",\"name\":\"Bench calendar\",\"timeZone\":\"Asia/Shanghai\",\"workingHours\":["
                                + hours + "]}")
                .get("id")
                .asText();
        String unit = post(
                        gateway + "/api/v1/units",
                        "{\"code\":\"BENCH-HALL-" + suffix
                                + "\",\"name\":\"Bench hall\",\"type\":\"SERVICE_HALL\",\"calendarId\":\"" + calendar
                                + "\"}")
                .get("id")
                .asText();
        String service = publish(
                gateway,
                Files.readString(home.resolve(
                                "standards-service/src/main/resources/catalogue/service-hall-and-hotline.json"))
                        .replace("\"code\": \"SQM-HALL-HOTLINE\"", "\"code\": \"BENCH-SLA-" + suffix + "\""));
        String cse = publish(
                gateway,
                Files.readString(home.resolve(
                                "standards-service/src/main/resources/catalogue/customer-service-excellence.json"))
                        .replace("\"code\": \"CSE\"", "\"code\": \"BENCH-CSE-" + suffix + "\""));
        String body =
                "{\"unitId\":\"" + unit + "\",\"channel\":\"PHONE\",\"category\":\"BILLING\",\"severity\":\"MEDIUM\","
                        + "\"description\":\"Charged twice for the same month; the hotline promised a refund.\","
                        + "\"remedySought\":\"Refund\",\"complainant\":{\"name\":\"Li Wei\",\"phone\":\"+86 10 5555 0100\"}}";
        return new Fixture(gateway, unit, cse, service, body);
    }

    private static String publish(String gateway, String document) throws IOException, InterruptedException {
        HttpResponse<String> draft = send(HttpRequest.newBuilder(URI.create(gateway + "/api/v1/standards:import"))
                .header("Authorization", org.sqm.testing.auth.Bearer.administrator())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(document))
                .build());
        String id = JSON.readTree(draft.body()).get("id").asText();
        send(HttpRequest.newBuilder(URI.create(gateway + "/api/v1/standards/" + id + ":publish"))
                .header("Authorization", org.sqm.testing.auth.Bearer.administrator())
                .header("If-Match", draft.headers().firstValue("ETag").orElseThrow())
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
        return id;
    }

    static JsonNode post(String url, String body) throws IOException, InterruptedException {
        return JSON.readTree(send(HttpRequest.newBuilder(URI.create(url))
                        .header("Authorization", org.sqm.testing.auth.Bearer.administrator())
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build())
                .body());
    }

    static HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IOException(
                    request.method() + " " + request.uri() + " -> " + response.statusCode() + " " + response.body());
        }
        return response;
    }
}
