package org.sqm.suite;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.Descriptors;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientInterceptors;
import io.grpc.Context;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.MethodDescriptor;
import io.grpc.ServiceDescriptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.ProtoMethodDescriptorSupplier;
import io.grpc.stub.ClientCalls;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sqm.proto.common.v1.Access;
import org.sqm.proto.common.v1.AccessProto;
import org.sqm.proto.common.v1.Role;
import org.sqm.proto.complaint.v1.Complaint;
import org.sqm.proto.complaint.v1.ComplaintServiceGrpc;
import org.sqm.proto.complaint.v1.GetComplaintRequest;
import org.sqm.proto.complaint.v1.ListComplaintsRequest;
import org.sqm.proto.inspection.v1.GetInspectionRequest;
import org.sqm.proto.inspection.v1.Inspection;
import org.sqm.proto.inspection.v1.InspectionServiceGrpc;
import org.sqm.proto.inspection.v1.ListInspectionsRequest;
import org.sqm.testing.auth.GrpcTokenChecks;

/**
 * Issue 17's authorisation matrix, against the running suite: every REST operation the gateway's
 * OpenAPI document lists and every gRPC method of the four services' proto descriptors states its
 * roles (a new one without an entry fails here), and is called with a token of each of the seven
 * roles: a role not stated is refused (403 problem+json, PERMISSION_DENIED), a stated one gets
 * through. Then unit scope in and out: a unit manager and a complaint handler of unit A see A's
 * child's complaint and nothing of unit B, an inspector only the inspections assigned to them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(SuiteExtension.class)
class AuthorisationMatrixIT {

    private static final String PROBLEM = "application/problem+json";
    private static final String PLACEHOLDER_ID = "0b0b0b0b-0000-4000-8000-00000000a117";
    private static final Set<Status.Code> BROKEN_OR_REFUSED = Set.of(
            Status.Code.UNAUTHENTICATED, Status.Code.PERMISSION_DENIED, Status.Code.INTERNAL, Status.Code.UNKNOWN);
    private static final MethodDescriptor.Marshaller<byte[]> BYTES = new MethodDescriptor.Marshaller<>() {
        @Override
        public InputStream stream(byte[] value) {
            return new ByteArrayInputStream(value);
        }

        @Override
        public byte[] parse(InputStream stream) {
            try {
                return stream.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    };

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final ExecutorService pool = Executors.newFixedThreadPool(8);
    private final Map<Component, ManagedChannel> channels = new EnumMap<>(Component.class);

    private String unitA;
    private String unitA1;
    private String unitB;
    private String complaintA1;
    private String complaintB;
    private String inspectorSubject;
    private String assignedInspection;
    private String otherInspection;

    @BeforeAll
    void twoUnitTreesWithComplaintsAndInspections() {
        Suite suite = SuiteExtension.suite();
        for (Component c : Component.values()) {
            if (c.database() != null) {
                channels.put(
                        c,
                        ManagedChannelBuilder.forAddress("localhost", suite.grpcPort(c))
                                .usePlaintext()
                                .build());
            }
        }
        String calendar = Fixtures.officeCalendar();
        unitA = Fixtures.unitOn("CITY_BRANCH", null, calendar);
        unitA1 = Fixtures.unitOn("SERVICE_HALL", unitA, null);
        unitB = Fixtures.unitOn("SERVICE_HALL", null, calendar);
        Fixtures.publishedCopy("service-hall-and-hotline.json", "SQM-HALL-HOTLINE", "AUZ-SLA");
        complaintA1 = complaint(unitA1);
        complaintB = complaint(unitB);

        String standard = Fixtures.publishedCopy("customer-service-excellence.json", "CSE", "AUZ-CSE");
        inspectorSubject = Fixtures.unique("inspector") + "@sqm.dev";
        String mine = Fixtures.inspectorWithSubject(inspectorSubject, "PROVINCIAL", "ON_SITE_ASSESSMENT");
        String other = Fixtures.inspectorWithSubject(
                Fixtures.unique("inspector") + "@sqm.dev", "PROVINCIAL", "ON_SITE_ASSESSMENT");
        String third = Fixtures.inspectorWithSubject(
                Fixtures.unique("inspector") + "@sqm.dev", "PROVINCIAL", "ON_SITE_ASSESSMENT");
        assignedInspection = assignedInspection(unitB, standard, List.of(mine, third));
        otherInspection = assignedInspection(unitB, standard, List.of(other, third));
    }

    @AfterAll
    void close() throws InterruptedException {
        pool.shutdownNow();
        for (ManagedChannel channel : channels.values()) {
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    private static String complaint(String unit) {
        return given().contentType(ContentType.JSON)
                .body(Fixtures.complaintBody(unit, "Scope check"))
                .when()
                .post("/api/v1/complaints")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private static String assignedInspection(String unit, String standard, List<String> inspectors) {
        Instant now = Instant.now();
        return Fixtures.assignedInspection(
                Map.of(
                        "unitId",
                        unit,
                        "kind",
                        "ON_SITE_ASSESSMENT",
                        "authorityLevel",
                        "PROVINCIAL",
                        "standardCode",
                        standard,
                        "windowStart",
                        now.minus(1, ChronoUnit.DAYS).toString(),
                        "windowEnd",
                        now.plus(30, ChronoUnit.DAYS).toString()),
                inspectors);
    }

    // ---------------------------------------------------------------- REST

    @Test
    void everyRestOperationStatesItsRolesAndTheGatewayKeepsToThem() throws Exception {
        String gateway = SuiteExtension.suite().baseUrl(Component.GATEWAY);
        HttpResponse<String> document = http.send(
                HttpRequest.newBuilder(URI.create(gateway + "/q/openapi?format=json"))
                        .timeout(Duration.ofSeconds(20))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, document.statusCode(), "the OpenAPI document");
        JsonNode paths = new ObjectMapper().readTree(document.body()).path("paths");

        List<String> withoutRoles = new ArrayList<>();
        List<Callable<String>> calls = new ArrayList<>();
        int operations = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> path = it.next();
            if (!path.getKey().startsWith("/api/")) {
                continue;
            }
            for (String method : List.of("get", "put", "post", "delete", "patch")) {
                JsonNode operation = path.getValue().get(method);
                if (operation == null) {
                    continue;
                }
                operations++;
                JsonNode stated = operation.get("x-sqm-roles");
                // A state-change operation ({id}:{verb}) states its roles per verb: each verb is a call of its own.
                Map<String, JsonNode> byPath = new java.util.LinkedHashMap<>();
                if (stated != null && stated.isObject()) {
                    for (Iterator<Map.Entry<String, JsonNode>> verbs = stated.fields(); verbs.hasNext(); ) {
                        Map.Entry<String, JsonNode> verb = verbs.next();
                        byPath.put(lastParameter(path.getKey(), verb.getKey()), verb.getValue());
                    }
                    if (byPath.isEmpty()) {
                        byPath.put(path.getKey(), null);
                    }
                } else {
                    byPath.put(path.getKey(), stated);
                }
                for (Map.Entry<String, JsonNode> target : byPath.entrySet()) {
                    String name = method.toUpperCase(Locale.ROOT) + " " + target.getKey();
                    Set<String> allowed;
                    try {
                        allowed = roles(target.getValue());
                    } catch (IllegalArgumentException e) {
                        withoutRoles.add(name + ": " + e.getMessage());
                        continue;
                    }
                    HttpRequest.Builder request =
                            restCall(gateway, target.getKey(), path.getValue(), method, operation);
                    for (String role : Tokens.ROLES) {
                        calls.add(() -> restOutcome(name, request, role, allowed.contains(role)));
                    }
                }
            }
        }
        assertTrue(operations > 50, "the OpenAPI document lists only " + operations + " /api operations");
        List<String> failures = new ArrayList<>();
        if (!withoutRoles.isEmpty()) {
            failures.add("operations without a valid x-sqm-roles: " + withoutRoles);
        }
        failures.addAll(run(calls));
        System.out.printf("authorisation matrix, REST: %d operations, %d calls%n", operations, calls.size());
        if (!failures.isEmpty()) {
            fail(failures.size() + " REST authorisation failures of " + calls.size() + " calls:\n"
                    + String.join("\n", failures));
        }
    }

    /** The roles an {@code x-sqm-roles} value names, as token groups. */
    private static Set<String> roles(JsonNode value) {
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("missing");
        }
        List<String> names = new ArrayList<>();
        if (value.isArray()) {
            value.forEach(v -> names.add(v.asText()));
        } else {
            names.addAll(List.of(value.asText().split(",")));
        }
        Set<String> roles = new LinkedHashSet<>();
        for (String n : names) {
            String role = n.trim()
                    .toLowerCase(Locale.ROOT)
                    .replaceFirst("^role_", "")
                    .replace('_', '-')
                    .replace(' ', '-');
            if (!Tokens.ROLES.contains(role)) {
                throw new IllegalArgumentException("names an unknown role '" + n + "'");
            }
            roles.add(role);
        }
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("names no role");
        }
        return roles;
    }

    /** The path with its last parameter (a state change's verb) replaced by {@code value}. */
    private static String lastParameter(String template, String value) {
        int open = template.lastIndexOf('{');
        int close = template.indexOf('}', open);
        if (open < 0 || close < 0) {
            throw new IllegalStateException(template + " states roles per verb but has no verb parameter");
        }
        return template.substring(0, open) + value + template.substring(close + 1);
    }

    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([^}:]+)(?::[^}]*)?}");

    /** A request for the operation with placeholder path parameters and an empty body of its type. */
    private static HttpRequest.Builder restCall(
            String gateway, String template, JsonNode pathItem, String method, JsonNode operation) {
        Matcher m = PATH_PARAMETER.matcher(template);
        StringBuilder path = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(path, Matcher.quoteReplacement(placeholder(m.group(1), operation, pathItem)));
        }
        m.appendTail(path);
        HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.noBody();
        String contentType = null;
        JsonNode content = operation.path("requestBody").path("content");
        if (content.isObject() && content.fieldNames().hasNext()) {
            contentType = content.fieldNames().next();
            body = HttpRequest.BodyPublishers.ofString(contentType.contains("json") ? "{}" : "");
        } else if (!method.equals("get") && !method.equals("delete")) {
            body = HttpRequest.BodyPublishers.ofString("");
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway + path))
                .timeout(Duration.ofSeconds(15))
                .method(method.toUpperCase(Locale.ROOT), body);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return request;
    }

    /** A path parameter's first enum value when it has some, else a well-formed id no resource has. */
    private static String placeholder(String name, JsonNode operation, JsonNode pathItem) {
        for (JsonNode parameters : List.of(operation.path("parameters"), pathItem.path("parameters"))) {
            for (JsonNode p : parameters) {
                if (name.equals(p.path("name").asText())
                        && p.path("schema").path("enum").size() > 0) {
                    return p.path("schema").path("enum").get(0).asText();
                }
            }
        }
        return PLACEHOLDER_ID;
    }

    private String restOutcome(String name, HttpRequest.Builder template, String role, boolean allowed)
            throws IOException, InterruptedException {
        HttpRequest request = template.copy()
                .header("Authorization", Tokens.bearer(role, unitA))
                .build();
        HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        // Only the status and headers count; a stream (server-sent events) is left at once.
        response.body().close();
        int status = response.statusCode();
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (allowed) {
            if (status == 401 || status == 403 || status >= 500) {
                return name + " as " + role + " (listed): " + status + ", expected neither 401, 403 nor 5xx";
            }
        } else if (status != 403 || !type.startsWith(PROBLEM)) {
            return name + " as " + role + " (not listed): " + status + " " + type + ", expected 403 " + PROBLEM;
        }
        return null;
    }

    // ---------------------------------------------------------------- gRPC

    /** One gRPC method as the proto descriptors state it, with the server that serves it. */
    private record Rpc(Component server, MethodDescriptor<?, ?> method, Descriptors.MethodDescriptor proto) {}

    @Test
    void everyGrpcMethodStatesItsRolesAndEveryServiceKeepsToThem() throws Exception {
        List<Rpc> rpcs = rpcs();
        List<String> withoutRoles = new ArrayList<>();
        List<Callable<String>> calls = new ArrayList<>();
        Set<String> services = new TreeSet<>();
        for (Rpc rpc : rpcs) {
            String name = rpc.server().module() + " " + rpc.method().getFullMethodName();
            services.add(rpc.method().getServiceName());
            if (!rpc.proto().getOptions().hasExtension(AccessProto.access)) {
                withoutRoles.add(name);
                continue;
            }
            Access access = rpc.proto().getOptions().getExtension(AccessProto.access);
            Set<String> allowed = new HashSet<>();
            for (Role r : access.getRolesList()) {
                allowed.add(r.name()
                        .substring("ROLE_".length())
                        .toLowerCase(Locale.ROOT)
                        .replace('_', '-'));
            }
            for (String role : Tokens.ROLES) {
                calls.add(() -> grpcOutcome(name, rpc, role, allowed.contains(role)));
            }
        }
        assertTrue(
                services.containsAll(List.of(
                        "sqm.standards.v1.UnitService",
                        "sqm.complaint.v1.ComplaintService",
                        "sqm.inspection.v1.InspectionService",
                        "sqm.scoring.v1.ScorecardService",
                        "sqm.common.v1.AuditService")),
                "services found in the proto descriptors: " + services);
        List<String> failures = new ArrayList<>();
        if (!withoutRoles.isEmpty()) {
            failures.add("methods without (sqm.common.v1.access): " + withoutRoles);
        }
        failures.addAll(run(calls));
        System.out.printf(
                "authorisation matrix, gRPC: %d methods (of %d services, the audit service on each server), %d calls%n",
                rpcs.size(), services.size(), calls.size());
        if (!failures.isEmpty()) {
            fail(failures.size() + " gRPC authorisation failures of " + calls.size() + " calls:\n"
                    + String.join("\n", failures));
        }
    }

    /** Every method of every service in the generated {@code org.sqm.proto.*Grpc} classes, with its server. */
    private static List<Rpc> rpcs() throws Exception {
        Path location = Path.of(AccessProto.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        List<String> classes = new ArrayList<>();
        if (Files.isDirectory(location)) {
            try (Stream<Path> files = Files.walk(location)) {
                files.map(f -> location.relativize(f).toString().replace('\\', '/'))
                        .forEach(classes::add);
            }
        } else {
            try (JarFile jar = new JarFile(location.toFile())) {
                jar.stream().map(e -> e.getName()).forEach(classes::add);
            }
        }
        List<Rpc> rpcs = new ArrayList<>();
        for (String file : classes) {
            if (!file.startsWith("org/sqm/proto/") || !file.endsWith("Grpc.class") || file.contains("$")) {
                continue;
            }
            Class<?> grpc = Class.forName(
                    file.substring(0, file.length() - ".class".length()).replace('/', '.'));
            if (grpc.getSimpleName().startsWith("Mutiny")) {
                // Quarkus' Mutiny stubs of the same services.
                continue;
            }
            ServiceDescriptor service =
                    (ServiceDescriptor) grpc.getMethod("getServiceDescriptor").invoke(null);
            String context = grpc.getPackageName().split("\\.")[3];
            List<Component> servers =
                    switch (context) {
                        case "standards" -> List.of(Component.STANDARDS);
                        case "inspection" -> List.of(Component.INSPECTION);
                        case "complaint" -> List.of(Component.COMPLAINT);
                        case "scoring" -> List.of(Component.SCORING);
                            // sqm.common.v1 (the audit trail) is served by every service.
                        default -> List.of(
                                Component.STANDARDS, Component.INSPECTION, Component.COMPLAINT, Component.SCORING);
                    };
            for (MethodDescriptor<?, ?> method : service.getMethods()) {
                Descriptors.MethodDescriptor proto =
                        ((ProtoMethodDescriptorSupplier) method.getSchemaDescriptor()).getMethodDescriptor();
                for (Component server : servers) {
                    rpcs.add(new Rpc(server, method, proto));
                }
            }
        }
        return rpcs;
    }

    private String grpcOutcome(String name, Rpc rpc, String role, boolean allowed) {
        Channel channel =
                ClientInterceptors.intercept(channels.get(rpc.server()), Tokens.grpc(Tokens.bearer(role, unitA)));
        Status status = call(channel, rpc.method());
        if (allowed) {
            if (BROKEN_OR_REFUSED.contains(status.getCode())) {
                return name + " as " + role + " (listed): " + status + ", expected anything but " + BROKEN_OR_REFUSED;
            }
        } else if (status.getCode() != Status.Code.PERMISSION_DENIED) {
            return name + " as " + role + " (not listed): " + status + ", expected PERMISSION_DENIED";
        }
        return null;
    }

    /**
     * Calls the method with its request's default (empty) message: the status it ends with, or OK as
     * soon as a streaming method sends its first message (the stream is cancelled then).
     */
    private static Status call(Channel channel, MethodDescriptor<?, ?> method) {
        MethodDescriptor<byte[], byte[]> bytes = method.toBuilder(BYTES, BYTES).build();
        CallOptions options = CallOptions.DEFAULT.withDeadlineAfter(15, TimeUnit.SECONDS);
        Context.CancellableContext context = Context.current().withCancellation();
        try {
            return context.call(() -> {
                if (bytes.getType() == MethodDescriptor.MethodType.UNARY) {
                    ClientCalls.blockingUnaryCall(channel, bytes, options, new byte[0]);
                } else {
                    ClientCalls.blockingServerStreamingCall(channel, bytes, options, new byte[0])
                            .hasNext();
                }
                return Status.OK;
            });
        } catch (StatusRuntimeException e) {
            return e.getStatus();
        } catch (Exception e) {
            return Status.fromThrowable(e);
        } finally {
            context.cancel(null);
        }
    }

    private List<String> run(List<Callable<String>> calls) throws InterruptedException {
        List<String> failures = new ArrayList<>();
        for (Future<String> f : pool.invokeAll(calls)) {
            try {
                String failure = f.get();
                if (failure != null) {
                    failures.add(failure);
                }
            } catch (java.util.concurrent.ExecutionException e) {
                failures.add("a call failed: " + e.getCause());
            }
        }
        failures.sort(String::compareTo);
        return failures;
    }

    // ---------------------------------------------------------------- tokens

    /**
     * Bad tokens end to end (the gateway's and the services' own tests cover each mechanism): at the
     * running gateway, on a read served by each backend, every bad token is a 401 problem with a
     * Bearer challenge; at every service's gRPC port UNAUTHENTICATED, with a valid token passing and
     * health open.
     */
    @Test
    void badTokensAre401AtTheGatewayAndUnauthenticatedAtEveryService() throws Exception {
        String gateway = SuiteExtension.suite().baseUrl(Component.GATEWAY);
        List<String> failures = new ArrayList<>();
        for (String path :
                List.of("/api/v1/units", "/api/v1/complaints", "/api/v1/inspections", "/api/v1/scorecards")) {
            for (Map.Entry<String, String> bad :
                    GrpcTokenChecks.badAuthorizations().entrySet()) {
                HttpRequest.Builder request =
                        HttpRequest.newBuilder(URI.create(gateway + path)).timeout(Duration.ofSeconds(15));
                if (bad.getValue() != null) {
                    request.header("Authorization", bad.getValue());
                }
                HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                String challenge =
                        response.headers().firstValue("WWW-Authenticate").orElse("");
                String type = response.headers().firstValue("Content-Type").orElse("");
                if (response.statusCode() != 401 || !challenge.startsWith("Bearer") || !type.startsWith(PROBLEM)) {
                    failures.add(path + " with a token " + bad.getKey() + ": " + response.statusCode() + " " + type
                            + " WWW-Authenticate: " + challenge);
                }
            }
        }
        assertEquals(List.of(), failures);
        Suite suite = SuiteExtension.suite();
        GrpcTokenChecks.assertOnlyValidTokensPass(
                suite.grpcPort(Component.STANDARDS), "sqm.standards.v1.UnitService/ListUnits");
        GrpcTokenChecks.assertOnlyValidTokensPass(
                suite.grpcPort(Component.INSPECTION), "sqm.inspection.v1.InspectionService/ListInspections");
        GrpcTokenChecks.assertOnlyValidTokensPass(
                suite.grpcPort(Component.COMPLAINT), "sqm.complaint.v1.ComplaintService/ListComplaints");
        GrpcTokenChecks.assertOnlyValidTokensPass(
                suite.grpcPort(Component.SCORING), "sqm.scoring.v1.ScorecardService/ListScorecards");
    }

    // ---------------------------------------------------------------- scope

    @Test
    void aUnitManagerAndAComplaintHandlerOfASeeTheComplaintsOfAAndItsChildAndNothingOfB() {
        for (String role : List.of("unit-manager", "complaint-handler")) {
            String bearer = Tokens.bearer(role, unitA);
            given().header("Authorization", bearer)
                    .when()
                    .get("/api/v1/complaints/" + complaintA1)
                    .then()
                    .statusCode(200);
            given().header("Authorization", bearer)
                    .when()
                    .get("/api/v1/complaints/" + complaintB)
                    .then()
                    .statusCode(404)
                    .contentType(PROBLEM);
            List<String> units = given().header("Authorization", bearer)
                    .queryParam("pageSize", 100)
                    .when()
                    .get("/api/v1/complaints")
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("items.unitId");
            assertTrue(units.contains(unitA1), role + " lists " + units);
            assertTrue(Set.of(unitA, unitA1).containsAll(units), role + " lists complaints of other units: " + units);
            Response ofB = given().header("Authorization", bearer)
                    .queryParam("unitId", unitB)
                    .when()
                    .get("/api/v1/complaints");
            assertTrue(ofB.statusCode() == 404 || ofB.statusCode() == 200, "B's list: " + ofB.statusCode());
            if (ofB.statusCode() == 200) {
                assertEquals(List.of(), ofB.path("items"), role + " lists B's complaints");
            }

            ComplaintServiceGrpc.ComplaintServiceBlockingStub complaints = ComplaintServiceGrpc.newBlockingStub(
                            channels.get(Component.COMPLAINT))
                    .withInterceptors(Tokens.grpc(bearer))
                    .withDeadlineAfter(15, TimeUnit.SECONDS);
            assertEquals(
                    unitA1,
                    complaints
                            .getComplaint(GetComplaintRequest.newBuilder()
                                    .setId(complaintA1)
                                    .build())
                            .getUnitId());
            assertEquals(
                    Status.Code.NOT_FOUND,
                    code(() -> complaints.getComplaint(
                            GetComplaintRequest.newBuilder().setId(complaintB).build())));
            List<String> listed = complaints
                    .listComplaints(
                            ListComplaintsRequest.newBuilder().setPageSize(100).build())
                    .getComplaintsList()
                    .stream()
                    .map(Complaint::getUnitId)
                    .toList();
            assertTrue(listed.contains(unitA1), role + " over gRPC lists " + listed);
            assertTrue(Set.of(unitA, unitA1).containsAll(listed), role + " over gRPC lists other units: " + listed);
        }
        // Not a unit of theirs: B's inspection is as missing for A's unit manager as an id never used.
        given().header("Authorization", Tokens.bearer("unit-manager", unitA))
                .when()
                .get("/api/v1/inspections/" + assignedInspection)
                .then()
                .statusCode(404)
                .contentType(PROBLEM);
    }

    @Test
    void anInspectorSeesOnlyTheInspectionsAssignedToThem() {
        String bearer = Tokens.bearerAs(inspectorSubject, "inspector");
        given().header("Authorization", bearer)
                .when()
                .get("/api/v1/inspections/" + assignedInspection)
                .then()
                .statusCode(200);
        given().header("Authorization", bearer)
                .when()
                .get("/api/v1/inspections/" + otherInspection)
                .then()
                .statusCode(404)
                .contentType(PROBLEM);
        List<String> ids = given().header("Authorization", bearer)
                .queryParam("pageSize", 100)
                .when()
                .get("/api/v1/inspections")
                .then()
                .statusCode(200)
                .extract()
                .path("items.id");
        assertEquals(List.of(assignedInspection), ids);

        InspectionServiceGrpc.InspectionServiceBlockingStub inspections = InspectionServiceGrpc.newBlockingStub(
                        channels.get(Component.INSPECTION))
                .withInterceptors(Tokens.grpc(bearer))
                .withDeadlineAfter(15, TimeUnit.SECONDS);
        assertEquals(
                assignedInspection,
                inspections
                        .getInspection(GetInspectionRequest.newBuilder()
                                .setId(assignedInspection)
                                .build())
                        .getId());
        assertEquals(
                Status.Code.NOT_FOUND,
                code(() -> inspections.getInspection(
                        GetInspectionRequest.newBuilder().setId(otherInspection).build())));
        List<String> listed = inspections
                .listInspections(
                        ListInspectionsRequest.newBuilder().setPageSize(100).build())
                .getInspectionsList()
                .stream()
                .map(Inspection::getId)
                .toList();
        assertEquals(List.of(assignedInspection), listed);
        assertFalse(listed.contains(otherInspection));
    }

    private static Status.Code code(Runnable call) {
        try {
            call.run();
            return Status.Code.OK;
        } catch (StatusRuntimeException e) {
            return e.getStatus().getCode();
        }
    }
}
