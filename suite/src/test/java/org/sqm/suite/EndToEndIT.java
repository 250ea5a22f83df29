package org.sqm.suite;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.reflection.v1alpha.ServerReflectionGrpc;
import io.grpc.reflection.v1alpha.ServerReflectionRequest;
import io.grpc.reflection.v1alpha.ServerReflectionResponse;
import io.grpc.reflection.v1alpha.ServiceResponse;
import io.grpc.stub.StreamObserver;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The packaged services as real processes on a real PostgreSQL, driven through the real gateway
 * over REST, and called directly over gRPC by a Java and a Node.js client.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(SuiteExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EndToEndIT {

    private static final String PROBLEM = "application/problem+json";
    private static final long DEADLINE_MILLIS = SuiteExtension.DEADLINE_MILLIS;

    private Suite suite;
    private Path home;
    private Path work;

    @BeforeAll
    void useSuite() {
        suite = SuiteExtension.suite();
        home = SuiteExtension.home();
        work = SuiteExtension.work();
    }

    private static String code(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static Response createUnit(String code, String type, String parentId) {
        String parent = parentId == null ? "" : ",\"parentId\":\"" + parentId + "\"";
        return given().contentType(ContentType.JSON)
                .body("{\"code\":\"" + code + "\",\"name\":\"Unit " + code + "\",\"type\":\"" + type + "\"" + parent
                        + "}")
                .when()
                .post("/api/v1/units");
    }

    @Test
    @Order(1)
    void everyServiceAnswersGrpcHealthAndReflection() throws Exception {
        Map<Component, String> services = Map.of(
                Component.STANDARDS, "sqm.standards.v1.UnitService",
                Component.INSPECTION, "sqm.inspection.v1.InspectorService",
                Component.COMPLAINT, "sqm.complaint.v1.ComplaintService",
                Component.SCORING, "sqm.scoring.v1.DeductionRuleService");
        for (var entry : services.entrySet()) {
            ManagedChannel channel = ManagedChannelBuilder.forAddress("localhost", suite.grpcPort(entry.getKey()))
                    .usePlaintext()
                    .intercept(org.sqm.testing.auth.Bearer.administratorInterceptor())
                    .build();
            try {
                HealthCheckResponse health = HealthGrpc.newBlockingStub(channel)
                        .withDeadlineAfter(5, TimeUnit.SECONDS)
                        .check(HealthCheckRequest.newBuilder().build());
                assertEquals(
                        HealthCheckResponse.ServingStatus.SERVING,
                        health.getStatus(),
                        entry.getKey().module());

                List<String> listed = reflectServices(channel);
                assertTrue(listed.contains(entry.getValue()), entry.getKey().module() + " lists " + listed);
                assertTrue(
                        listed.contains("grpc.health.v1.Health"), entry.getKey().module() + " lists " + listed);
            } finally {
                channel.shutdownNow();
            }
            given().baseUri(suite.baseUrl(entry.getKey()))
                    .when()
                    .get("/q/health/ready")
                    .then()
                    .statusCode(200)
                    .body("checks.name", hasItem("Database connections health check"));
        }
    }

    private static List<String> reflectServices(ManagedChannel channel) throws Exception {
        CompletableFuture<List<String>> result = new CompletableFuture<>();
        StreamObserver<ServerReflectionRequest> requests = ServerReflectionGrpc.newStub(channel)
                .withDeadlineAfter(5, TimeUnit.SECONDS)
                .serverReflectionInfo(new StreamObserver<>() {
                    @Override
                    public void onNext(ServerReflectionResponse response) {
                        result.complete(response.getListServicesResponse().getServiceList().stream()
                                .map(ServiceResponse::getName)
                                .toList());
                    }

                    @Override
                    public void onError(Throwable t) {
                        result.completeExceptionally(t);
                    }

                    @Override
                    public void onCompleted() {}
                });
        requests.onNext(
                ServerReflectionRequest.newBuilder().setListServices("*").build());
        requests.onCompleted();
        return result.get(10, TimeUnit.SECONDS);
    }

    private static List<String> reflectServicesV1(ManagedChannel channel) throws Exception {
        CompletableFuture<List<String>> result = new CompletableFuture<>();
        StreamObserver<io.grpc.reflection.v1.ServerReflectionRequest> requests =
                io.grpc.reflection.v1.ServerReflectionGrpc.newStub(channel)
                        .withDeadlineAfter(5, TimeUnit.SECONDS)
                        .serverReflectionInfo(new StreamObserver<>() {
                            @Override
                            public void onNext(io.grpc.reflection.v1.ServerReflectionResponse response) {
                                result.complete(response.getListServicesResponse().getServiceList().stream()
                                        .map(io.grpc.reflection.v1.ServiceResponse::getName)
                                        .toList());
                            }

                            @Override
                            public void onError(Throwable t) {
                                result.completeExceptionally(t);
                            }

                            @Override
                            public void onCompleted() {}
                        });
        requests.onNext(io.grpc.reflection.v1.ServerReflectionRequest.newBuilder()
                .setListServices("*")
                .build());
        requests.onCompleted();
        return result.get(10, TimeUnit.SECONDS);
    }

    @Test
    @Order(2)
    void createGetAndListUnitsThroughTheGateway() {
        String companyId = createUnit(code("CO"), "COMPANY", null)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String hallCode = code("HALL");
        Response created = createUnit(hallCode, "SERVICE_HALL", companyId);
        created.then().statusCode(201).header("Location", containsString("/api/v1/units/"));
        String hallId = created.path("id");

        given().when()
                .get("/api/v1/units/{id}", hallId)
                .then()
                .statusCode(200)
                .body("code", equalTo(hallCode))
                .body("type", equalTo("SERVICE_HALL"))
                .body("parentId", equalTo(companyId));

        Set<String> expected = new HashSet<>(List.of(companyId, hallId));
        for (int i = 0; i < 3; i++) {
            expected.add(createUnit(code("PAGE"), "HOTLINE", null)
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id"));
        }
        Set<String> seen = new HashSet<>();
        String token = null;
        int pages = 0;
        do {
            var request = given().queryParam("pageSize", 2);
            if (token != null) {
                request.queryParam("pageToken", token);
            }
            Response page = request.when().get("/api/v1/units");
            page.then().statusCode(200);
            List<String> ids = page.path("items.id");
            assertTrue(ids.size() <= 2);
            ids.forEach(id -> assertTrue(seen.add(id), "unit listed twice: " + id));
            token = page.path("nextPageToken");
            pages++;
        } while (token != null && pages < 100);
        assertTrue(seen.containsAll(expected), "every created unit is listed");
        assertTrue(pages >= 3, "five or more units in pages of two take three pages or more");
    }

    @Test
    @Order(3)
    void theHierarchyIsManagedThroughTheGateway() {
        String company = createUnit(code("CO"), "COMPANY", null)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String city = createUnit(code("CITY"), "CITY_BRANCH", company)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String hall = createUnit(code("HALL"), "SERVICE_HALL", city)
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        given().when()
                .get("/api/v1/units/{id}/path", hall)
                .then()
                .statusCode(200)
                .body("items.id", org.hamcrest.Matchers.contains(company, city, hall));
        given().queryParam("pageSize", 1)
                .when()
                .get("/api/v1/units/{id}/descendants", company)
                .then()
                .statusCode(200)
                .body("items", org.hamcrest.Matchers.hasSize(1))
                .body("nextPageToken", org.hamcrest.Matchers.notNullValue());

        String cityEtag = given().when()
                .get("/api/v1/units/{id}", city)
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
        given().contentType(ContentType.JSON)
                .header("If-Match", cityEtag)
                .body("{\"parentId\":\"" + hall + "\"}")
                .when()
                .patch("/api/v1/units/{id}", city)
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors.field", hasItem("parentId"));
        String renamedEtag = given().contentType(ContentType.JSON)
                .header("If-Match", cityEtag)
                .body("{\"name\":\"Renamed city\"}")
                .when()
                .patch("/api/v1/units/{id}", city)
                .then()
                .statusCode(200)
                .body("name", equalTo("Renamed city"))
                .extract()
                .header("ETag");
        given().contentType(ContentType.JSON)
                .header("If-Match", cityEtag)
                .body("{\"name\":\"Stale write\"}")
                .when()
                .patch("/api/v1/units/{id}", city)
                .then()
                .statusCode(409)
                .contentType(PROBLEM)
                .body("reason", equalTo("ETAG_MISMATCH"));

        given().urlEncodingEnabled(false)
                .header("If-Match", renamedEtag)
                .when()
                .post("/api/v1/units/{id}:deactivate", city)
                .then()
                .statusCode(409)
                .contentType(PROBLEM)
                .body("reason", equalTo("UNIT_HAS_ACTIVE_CHILDREN"));
        String hallEtag =
                given().when().get("/api/v1/units/{id}", hall).then().extract().header("ETag");
        given().urlEncodingEnabled(false)
                .header("If-Match", hallEtag)
                .when()
                .post("/api/v1/units/{id}:deactivate", hall)
                .then()
                .statusCode(200)
                .body("state", equalTo("INACTIVE"));
    }

    @Test
    @Order(4)
    void callerMistakesAreProblemsNot500s() {
        given().contentType(ContentType.JSON)
                .body("{\"code\":\"bad code!\",\"type\":\"HOTLINE\"}")
                .when()
                .post("/api/v1/units")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors.field", hasItem("code"))
                .body("errors.field", hasItem("name"));

        given().when()
                .get("/api/v1/units/{id}", UUID.randomUUID())
                .then()
                .statusCode(404)
                .contentType(PROBLEM)
                .body("reason", equalTo("UNIT_NOT_FOUND"));

        String code = code("DUP");
        createUnit(code, "HOTLINE", null).then().statusCode(201);
        createUnit(code, "HOTLINE", null)
                .then()
                .statusCode(409)
                .contentType(PROBLEM)
                .body("reason", equalTo("UNIT_ALREADY_EXISTS"));
    }

    @Test
    @Order(5)
    void aCallAfterTheDeadlineSpanStillSucceeds() throws InterruptedException {
        String id = createUnit(code("LATE"), "FIELD_TEAM", null)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        Thread.sleep(DEADLINE_MILLIS + 500);
        given().when().get("/api/v1/units/{id}", id).then().statusCode(200);
    }

    @Test
    @Order(6)
    void aNodeJsClientCreatesAndReadsAUnitFromTheShippedProtoFiles() throws Exception {
        assumeTrue(
                commandWorks("node", "--version") && commandWorks("npm", "--version"),
                "node and npm are not on the PATH: the non-Java client check needs them");
        Path client = work.resolve("node-client");
        Files.createDirectories(client);
        for (String file : List.of("package.json", "package-lock.json", "unit-client.js")) {
            Files.copy(
                    home.resolve("suite/src/test/node").resolve(file),
                    client.resolve(file),
                    StandardCopyOption.REPLACE_EXISTING);
        }
        Path protoDir = extractProtoFiles(client.resolve("proto"));
        assertEquals(
                0,
                run(client, "npm", "ci", "--no-audit", "--no-fund", "--loglevel=error")
                        .exitCode(),
                "npm ci failed");

        String code = code("NODE");
        Result result = run(
                client,
                "node",
                "unit-client.js",
                "localhost:" + suite.grpcPort(Component.STANDARDS),
                protoDir.toString(),
                code);

        assertEquals(0, result.exitCode(), result.output());
        String line = result.output()
                .lines()
                .filter(l -> l.startsWith("{"))
                .reduce((a, b) -> b)
                .orElseThrow();
        var json = io.restassured.path.json.JsonPath.from(line);
        assertEquals(code, json.getString("created.code"));
        assertEquals(json.getString("created.id"), json.getString("read.id"));
        assertEquals("UNIT_TYPE_HOTLINE", json.getString("read.type"));
        assertEquals(3, json.getInt("invalidCode"), "an invalid create is INVALID_ARGUMENT");
        given().when()
                .get("/api/v1/units/{id}", json.getString("created.id"))
                .then()
                .statusCode(200)
                .body("code", equalTo(code));
    }

    private Path extractProtoFiles(Path target) throws IOException {
        Path jar;
        try (Stream<Path> files = Files.list(home.resolve("proto/target"))) {
            jar = files.filter(p -> p.getFileName().toString().matches("sqm-proto-.*\\.jar"))
                    .filter(p -> !p.getFileName().toString().contains("sources"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("the proto jar is not built"));
        }
        int count = 0;
        try (JarFile jarFile = new JarFile(jar.toFile())) {
            for (var entry : java.util.Collections.list(jarFile.entries())) {
                if (entry.getName().endsWith(".proto")) {
                    Path out = target.resolve(entry.getName());
                    Files.createDirectories(out.getParent());
                    try (InputStream in = jarFile.getInputStream(entry)) {
                        Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
                    }
                    count++;
                }
            }
        }
        assertTrue(count >= 4, "the proto jar ships the .proto files");
        return target;
    }

    @Test
    @Order(7)
    void aStoppedBackendIs503WhileTheGatewayStaysHealthyAndRecovers() {
        String id = createUnit(code("RECOVER"), "HOTLINE", null)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        suite.stop(Component.STANDARDS);
        String traceId = TracingIT.randomHex(16);
        try {
            long started = System.nanoTime();
            given().header("traceparent", "00-" + traceId + "-" + TracingIT.randomHex(8) + "-01")
                    .when()
                    .get("/api/v1/units/{id}", id)
                    .then()
                    .statusCode(503)
                    .contentType(PROBLEM)
                    .body("status", equalTo(503))
                    .body("detail", containsString("unavailable"));
            long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            assertTrue(elapsedMillis < DEADLINE_MILLIS + 1_000, "503 came after " + elapsedMillis + " ms");

            given().contentType(ContentType.JSON)
                    .body("{\"code\":\"X-1\",\"name\":\"X\",\"type\":\"HOTLINE\"}")
                    .when()
                    .post("/api/v1/units")
                    .then()
                    .statusCode(503)
                    .contentType(PROBLEM);

            given().when().get("/q/health/ready").then().statusCode(200);
            given().when().get("/q/health/live").then().statusCode(200);
        } finally {
            suite.restart(Component.STANDARDS);
        }
        int status = 0;
        for (int attempt = 0; attempt < 60 && status != 200; attempt++) {
            status = given().when()
                    .get("/api/v1/units/{id}", id)
                    .then()
                    .extract()
                    .statusCode();
            if (status != 200) {
                sleep(500);
            }
        }
        assertEquals(200, status, "the gateway reaches standards-service again by itself");

        // The gateway logged the failure as a JSON line carrying the request's trace id.
        List<String> lines;
        try {
            lines = java.nio.file.Files.readAllLines(suite.log(Component.GATEWAY));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        List<String> traced = lines.stream().filter(l -> l.contains(traceId)).toList();
        assertEquals(1, traced.size(), "one log line of the failed request: " + traced);
        assertTrue(
                traced.get(0).startsWith("{") && traced.get(0).contains("\"traceId\":\"" + traceId + "\""),
                traced.get(0));
        assertTrue(traced.get(0).contains("\"level\":\"WARN\""), traced.get(0));
    }

    private record Result(int exitCode, String output) {}

    private static boolean commandWorks(String... command) {
        try {
            return new ProcessBuilder(command).redirectErrorStream(true).start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static Result run(Path dir, String... command) throws IOException, InterruptedException {
        Path output = Files.createTempFile(dir, "output", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command);
        // The Node.js client's bearer token (an administrator's development token).
        builder.environment().put("SQM_TOKEN", org.sqm.testing.auth.DevTokens.administrator());
        Process p = builder.directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("timed out after 5 minutes: " + String.join(" ", command));
        }
        return new Result(p.exitValue(), Files.readString(output));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
