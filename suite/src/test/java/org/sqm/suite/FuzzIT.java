package org.sqm.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import io.grpc.CallOptions;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.MethodDescriptor;
import io.grpc.ServiceDescriptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ClientCalls;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.sqm.proto.complaint.v1.ComplaintServiceGrpc;
import org.sqm.proto.inspection.v1.InspectionPlanServiceGrpc;
import org.sqm.proto.inspection.v1.InspectionServiceGrpc;
import org.sqm.proto.inspection.v1.InspectorServiceGrpc;
import org.sqm.proto.inspection.v1.RectificationServiceGrpc;
import org.sqm.proto.scoring.v1.DeductionRuleServiceGrpc;
import org.sqm.proto.standards.v1.CalendarServiceGrpc;
import org.sqm.proto.standards.v1.ServiceLevelServiceGrpc;
import org.sqm.proto.standards.v1.StandardServiceGrpc;
import org.sqm.proto.standards.v1.UnitServiceGrpc;
import org.sqm.testing.EmbeddedDatabase;

/**
 * Fuzzing with jqwik, seeded and reproducible: 4 000 malformed REST calls across every gateway
 * endpoint (wrong types, missing and extra fields, huge strings, unicode, negative and huge numbers,
 * bad ids, bodies that are no JSON) and 4 000 random messages to every gRPC method of every service
 * (random field values, unknown enum numbers, nested garbage). The only answers allowed: 2xx, or 4xx
 * problem+json; OK or INVALID_ARGUMENT / NOT_FOUND / FAILED_PRECONDITION / ALREADY_EXISTS / ABORTED
 * (a random etag is a stale one). Afterwards the databases are checked for consistency. About 40 calls
 * per endpoint and per method: 6 000 each took 137 s of the test suite on 2 cores (2026-12-02), the largest
 * single part of its 20-minute budget.
 */
class FuzzIT {

    static final String SEED = "20261121";
    static final Set<Status.Code> ALLOWED = Set.of(
            Status.Code.OK,
            Status.Code.INVALID_ARGUMENT,
            Status.Code.NOT_FOUND,
            Status.Code.FAILED_PRECONDITION,
            Status.Code.ALREADY_EXISTS,
            Status.Code.ABORTED);

    static final Map<Integer, AtomicInteger> REST_STATUSES = new TreeMap<>();
    static final Map<Status.Code, AtomicInteger> GRPC_CODES = new EnumMap<>(Status.Code.class);
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final Map<Component, ManagedChannel> CHANNELS = new ConcurrentHashMap<>();
    static List<String> knownIds = List.of();

    /** One REST endpoint: method, path template ({id} and {move} are filled in), whether it takes a body. */
    record Endpoint(String method, String path, boolean body) {}

    /** One gRPC method and the service that serves it. */
    record GrpcMethod(Component service, MethodDescriptor<Message, Message> method) {
        @Override
        public String toString() {
            return method.getFullMethodName();
        }
    }

    static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("POST", "/api/v1/units", true),
            new Endpoint("GET", "/api/v1/units/{id}", false),
            new Endpoint("GET", "/api/v1/units", false),
            new Endpoint("PATCH", "/api/v1/units/{id}", true),
            new Endpoint("POST", "/api/v1/units/{id}:{move}", true),
            new Endpoint("GET", "/api/v1/units/{id}/descendants", false),
            new Endpoint("GET", "/api/v1/units/{id}/path", false),
            new Endpoint("GET", "/api/v1/units/{id}/serviceLevel", false),
            new Endpoint("GET", "/api/v1/units/{id}/complaintStatistics", false),
            new Endpoint("POST", "/api/v1/calendars", true),
            new Endpoint("GET", "/api/v1/calendars/{id}", false),
            new Endpoint("GET", "/api/v1/calendars", false),
            new Endpoint("PATCH", "/api/v1/calendars/{id}", true),
            new Endpoint("POST", "/api/v1/calendars/{id}:{move}", true),
            new Endpoint("POST", "/api/v1/standards", true),
            new Endpoint("GET", "/api/v1/standards/{id}", false),
            new Endpoint("GET", "/api/v1/standards", false),
            new Endpoint("PATCH", "/api/v1/standards/{id}", true),
            new Endpoint("POST", "/api/v1/standards/{id}:{move}", true),
            new Endpoint("GET", "/api/v1/standards/{id}:export", false),
            new Endpoint("POST", "/api/v1/standards:import", true),
            new Endpoint("POST", "/api/v1/complaints", true),
            new Endpoint("GET", "/api/v1/complaints/{id}", false),
            new Endpoint("GET", "/api/v1/complaints", false),
            new Endpoint("POST", "/api/v1/complaints/{id}:{move}", true),
            new Endpoint("GET", "/api/v1/complaint-categories", false),
            new Endpoint("POST", "/api/v1/inspectors", true),
            new Endpoint("GET", "/api/v1/inspectors/{id}", false),
            new Endpoint("GET", "/api/v1/inspectors", false),
            new Endpoint("POST", "/api/v1/inspectionPlans", true),
            new Endpoint("GET", "/api/v1/inspectionPlans/{id}", false),
            new Endpoint("GET", "/api/v1/inspectionPlans", false),
            new Endpoint("POST", "/api/v1/inspectionPlans/{id}:generate", true),
            new Endpoint("POST", "/api/v1/inspections", true),
            new Endpoint("GET", "/api/v1/inspections/{id}", false),
            new Endpoint("GET", "/api/v1/inspections", false),
            new Endpoint("PUT", "/api/v1/inspections/{id}/inspectors", true),
            new Endpoint("PUT", "/api/v1/inspections/{id}/mysteryShoppingContact", true),
            new Endpoint("POST", "/api/v1/inspections/{id}/ratings", true),
            new Endpoint("POST", "/api/v1/inspections/{id}:{move}", true),
            new Endpoint("GET", "/api/v1/inspections/{id}/comparison", false),
            new Endpoint("GET", "/api/v1/inspectionResults", false),
            new Endpoint("GET", "/api/v1/rectificationOrders/{id}", false),
            new Endpoint("GET", "/api/v1/rectificationOrders", false),
            new Endpoint("PATCH", "/api/v1/rectificationOrders/{id}", true),
            new Endpoint("POST", "/api/v1/rectificationOrders/{id}:{move}", true),
            new Endpoint("POST", "/api/v1/supervisionOrders", true),
            new Endpoint("GET", "/api/v1/supervisionOrders/{id}", false),
            new Endpoint("GET", "/api/v1/supervisionOrders", false),
            new Endpoint("POST", "/api/v1/supervisionOrders/{id}:{move}", true),
            new Endpoint("GET", "/api/v1/complaintStatistics", false),
            new Endpoint("POST", "/api/v1/scoringCatalogue:load", true),
            new Endpoint("POST", "/api/v1/indicators", true),
            new Endpoint("GET", "/api/v1/indicators/{id}", false),
            new Endpoint("GET", "/api/v1/indicators", false),
            new Endpoint("POST", "/api/v1/deductionRules", true),
            new Endpoint("GET", "/api/v1/deductionRules/{id}", false),
            new Endpoint("GET", "/api/v1/deductionRules", false),
            new Endpoint("POST", "/api/v1/measurementBatches", true),
            new Endpoint("GET", "/api/v1/measurementBatches/{id}", false),
            new Endpoint("GET", "/api/v1/measurements", false),
            new Endpoint("POST", "/api/v1/surveyBatches", true),
            new Endpoint("GET", "/api/v1/surveyBatches/{id}", false),
            new Endpoint("GET", "/api/v1/units/{id}/satisfactionIndex", false),
            new Endpoint("POST", "/api/v1/customersServedBatches", true),
            new Endpoint("GET", "/api/v1/customersServedBatches/{id}", false),
            new Endpoint("GET", "/api/v1/customersServed", false),
            new Endpoint("POST", "/api/v1/violations", true),
            new Endpoint("GET", "/api/v1/violations/{id}", false),
            new Endpoint("GET", "/api/v1/violations", false),
            new Endpoint("POST", "/api/v1/violations/{id}:{move}", true),
            new Endpoint("POST", "/api/v1/violations:recordOrderLapses", true),
            new Endpoint("POST", "/api/v1/scoringModels", true),
            new Endpoint("GET", "/api/v1/scoringModels/{id}", false),
            new Endpoint("GET", "/api/v1/scoringModels", false),
            new Endpoint("PATCH", "/api/v1/scoringModels/{id}", true),
            new Endpoint("POST", "/api/v1/scoringModels/{id}:{move}", true),
            new Endpoint("POST", "/api/v1/scorecards:recompute", true),
            new Endpoint("GET", "/api/v1/scorecards", false),
            new Endpoint("GET", "/api/v1/units/{id}/scorecards/{id}", false),
            new Endpoint("GET", "/api/v1/units/{id}/scorecards/2026-03", false),
            new Endpoint("GET", "/api/v1/units/{id}/scoreTrend", false),
            new Endpoint("GET", "/api/v1/leagueTables", false),
            new Endpoint("POST", "/api/v1/publishedPerformance/{id}:publish", false),
            new Endpoint("GET", "/api/v1/publishedPerformance/{id}", false),
            new Endpoint("GET", "/api/v1/publishedPerformance/2026-03", false),
            new Endpoint("POST", "/api/v1/accreditationRules", true),
            new Endpoint("GET", "/api/v1/accreditationRules/{id}", false),
            new Endpoint("GET", "/api/v1/accreditationRules", false),
            new Endpoint("POST", "/api/v1/units/{id}/accreditationDecisions", true),
            new Endpoint("GET", "/api/v1/accreditationDecisions/{id}", false),
            new Endpoint("GET", "/api/v1/accreditationDecisions", false),
            new Endpoint("GET", "/api/v1/certifications/{id}", false),
            new Endpoint("GET", "/api/v1/certifications", false),
            new Endpoint("POST", "/api/v1/certifications/{id}:{move}", true),
            new Endpoint("GET", "/api/v1/spotChecks", false),
            new Endpoint("GET", "/api/v1/operations/{id}", false),
            new Endpoint("GET", "/api/v1/operations", false),
            new Endpoint("POST", "/api/v1/operations/{id}:{move}", true));

    static final List<String> FIELDS = List.of(
            "code",
            "name",
            "type",
            "parentId",
            "calendarId",
            "timeZone",
            "workingHours",
            "holidays",
            "unitId",
            "channel",
            "category",
            "severity",
            "description",
            "remedySought",
            "complainant",
            "receiveTime",
            "kind",
            "authorityLevel",
            "standardCode",
            "standardId",
            "windowStart",
            "windowEnd",
            "targets",
            "cadence",
            "startDate",
            "endDate",
            "explicitDates",
            "ratings",
            "inspectorIds",
            "note",
            "effective",
            "title",
            "criteria",
            "ratingScale",
            "validFrom",
            "validUntil",
            "qualifiedKinds",
            "pseudonym",
            "certificateNumber",
            "throughDate",
            "startTime",
            "endTime",
            "businessDuration",
            "pausedIntervals",
            "score",
            "outcome",
            "rootCause",
            "remedy",
            "dueTime",
            "ownerUnitId",
            "mode",
            "contactTime",
            "scenario",
            "effectiveFrom",
            "unitTypes",
            "channels",
            "serviceLevelTargets",
            "day",
            "date",
            "issuer",
            "regulator",
            "problem",
            "reportInterval",
            "cause",
            "sampleSize",
            "customerSegment",
            "resolvedAtFirstContact",
            "batchId",
            "source",
            "supersedesBatchId",
            "items",
            "indicatorCode",
            "period",
            "numerator",
            "denominator",
            "mean",
            "scaleMin",
            "scaleMax",
            "responses",
            "segment",
            "customers",
            "ruleCode",
            "occurredTime",
            "evidence",
            "reportedBy",
            "reason",
            "rulesCode",
            "rulesId",
            "validityMonths",
            "reviewIntervalMonths",
            "nonComplianceLevelCodes",
            "periodStart",
            "periodEnd",
            "counted",
            "direction",
            "unitType",
            "pointsMillis",
            "indicators",
            "deductionRules",
            "scoringModels",
            "components",
            "weightBasisPoints",
            "inspectionScore",
            "authorityWeights",
            "failedCountsAsZero",
            "satisfactionIndex",
            "minSample",
            "indicator",
            "complaintTimeliness",
            "complaintRate",
            "callBackCoverage",
            "mapping",
            "direct",
            "target",
            "floor",
            "rollUp",
            "weighting",
            "missingSourcePolicy",
            "deductionRuleCodes",
            "deductionCapPoints",
            "baseScore",
            "gradeBands",
            "grade",
            "minScore",
            "level");

    static final List<String> QUERY = List.of(
            "pageSize",
            "pageToken",
            "parentId",
            "includeInactive",
            "status",
            "unitId",
            "code",
            "channel",
            "category",
            "severity",
            "at",
            "from",
            "to",
            "overdue",
            "missed",
            "planId",
            "kind",
            "authorityLevel",
            "finalizedFrom",
            "finalizedUntil",
            "view",
            "includeDescendants",
            "receivedAfter",
            "ownerUnitId",
            "periodStart",
            "periodEnd",
            "period",
            "segment",
            "indicatorCode",
            "includeSuperseded",
            "includeWithdrawn",
            "reportOverdue",
            "unitType",
            "state",
            "level",
            "parentUnitId",
            "count",
            "metric",
            "timeout");

    static final List<String> MOVES = List.of(
            "deactivate",
            "reactivate",
            "computeDueTime",
            "measureBusinessTime",
            "publish",
            "retire",
            "newVersion",
            "acknowledge",
            "startInvestigation",
            "waitOnCustomer",
            "resume",
            "resolve",
            "close",
            "reopen",
            "withdraw",
            "escalate",
            "recordSatisfaction",
            "recordCallBack",
            "start",
            "submit",
            "return",
            "finalize",
            "cancel",
            "complete",
            "verify",
            "generate",
            "recordCause",
            "report",
            "wait",
            "suspend",
            "reinstate",
            "nonsense");

    @BeforeContainer
    static void suiteAndSomeRealIds() {
        Suite suite = SuiteExtension.ensureStarted();
        for (Component c : List.of(Component.STANDARDS, Component.INSPECTION, Component.COMPLAINT, Component.SCORING)) {
            CHANNELS.put(
                    c,
                    ManagedChannelBuilder.forAddress("localhost", suite.grpcPort(c))
                            .usePlaintext()
                            .intercept(org.sqm.testing.auth.Bearer.administratorInterceptor())
                            .build());
        }
        // Some ids that exist, so that part of the garbage reaches real resources.
        List<String> ids = new ArrayList<>();
        try {
            String unit = Fixtures.complaintUnit();
            ids.add(unit);
            HttpResponse<String> complaint = HTTP.send(
                    HttpRequest.newBuilder(URI.create(suite.baseUrl(Component.GATEWAY) + "/api/v1/complaints"))
                            .header("Authorization", org.sqm.testing.auth.Bearer.administrator())
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(Fixtures.complaintBody(unit, "fuzz")))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            ids.add(JSON.readTree(complaint.body()).get("id").asText());
        } catch (Exception e) {
            throw new IllegalStateException("fixture", e);
        }
        knownIds = List.copyOf(ids);
    }

    @AfterContainer
    static void reportAndCheckTheDatabases() throws Exception {
        CHANNELS.values().forEach(ManagedChannel::shutdownNow);
        Suite suite = SuiteExtension.ensureStarted();
        Map<String, Long> broken = new LinkedHashMap<>();
        broken.put(
                "units whose parent is missing",
                count(
                        suite,
                        "standards",
                        "SELECT count(*) FROM unit u WHERE u.parent_id IS NOT NULL"
                                + " AND NOT EXISTS (SELECT 1 FROM unit p WHERE p.id = u.parent_id)"));
        broken.put(
                "published standards without publish time",
                count(
                        suite,
                        "standards",
                        "SELECT count(*) FROM standard WHERE status <> 'DRAFT' AND publish_time IS NULL"));
        broken.put(
                "complaints without history",
                count(
                        suite,
                        "complaint",
                        "SELECT count(*) FROM complaint c WHERE NOT EXISTS"
                                + " (SELECT 1 FROM complaint_event e WHERE e.complaint_id = c.id)"));
        broken.put(
                "complaints without deadlines",
                count(
                        suite,
                        "complaint",
                        "SELECT count(*) FROM complaint c WHERE NOT EXISTS"
                                + " (SELECT 1 FROM complaint_deadline d WHERE d.complaint_id = c.id)"));
        broken.put(
                "finalized inspections without finalize time",
                count(
                        suite,
                        "inspection",
                        "SELECT count(*) FROM inspection WHERE status = 'FINALIZED' AND finalize_time IS NULL"));
        broken.put(
                "inspections whose pinned standard is missing",
                count(
                        suite,
                        "inspection",
                        "SELECT count(*) FROM inspection i WHERE NOT EXISTS (SELECT 1 FROM pinned_standard p WHERE p.id = i.standard_id)"));
        System.out.printf(
                "fuzzing, REST: %d calls by status %s%n",
                REST_STATUSES.values().stream().mapToInt(AtomicInteger::get).sum(), REST_STATUSES);
        System.out.printf(
                "fuzzing, gRPC: %d calls by code %s%n",
                GRPC_CODES.values().stream().mapToInt(AtomicInteger::get).sum(), GRPC_CODES);
        System.out.printf("fuzzing, database consistency afterwards: %s%n", broken);
        broken.forEach((check, n) -> assertEquals(0L, n, check));
    }

    static long count(Suite suite, String database, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(suite.database().jdbcUrl(database), EmbeddedDatabase.USER, "");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    // ---- REST ------------------------------------------------------------------------------------------

    @Property(tries = 4000, seed = SEED, shrinking = ShrinkingMode.OFF)
    void everyRestEndpointAnswersGarbageWithAClientError(
            @ForAll("endpoints") Endpoint endpoint,
            @ForAll("ids") String id,
            @ForAll("moves") String move,
            @ForAll("queries") Map<String, String> query,
            @ForAll("bodies") String body,
            @ForAll boolean jsonContentType)
            throws Exception {
        String path = endpoint.path()
                .replace("{id}", URLEncoder.encode(id, StandardCharsets.UTF_8).replace("%3A", ":"))
                .replace("{move}", move);
        StringBuilder url = new StringBuilder(SuiteExtension.ensureStarted().baseUrl(Component.GATEWAY)).append(path);
        String separator = "?";
        for (var q : query.entrySet()) {
            url.append(separator)
                    .append(q.getKey())
                    .append('=')
                    .append(URLEncoder.encode(q.getValue(), StandardCharsets.UTF_8));
            separator = "&";
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url.toString()))
                .header("Authorization", org.sqm.testing.auth.Bearer.administrator())
                .timeout(Duration.ofSeconds(20));
        if (endpoint.body()) {
            request.header("Content-Type", jsonContentType ? "application/json" : "text/plain")
                    .method(endpoint.method(), HttpRequest.BodyPublishers.ofString(body));
        } else {
            request.method(endpoint.method(), HttpRequest.BodyPublishers.noBody());
        }
        if (id.length() % 3 == 0) {
            request.header("If-Match", "\"" + id.length() + "\"");
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        int status = response.statusCode();
        synchronized (REST_STATUSES) {
            REST_STATUSES.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
        }
        String what = endpoint.method() + " " + url + " " + abbreviate(body) + " -> " + status + " "
                + abbreviate(response.body());
        assertTrue(status < 500, what);
        if (status >= 400) {
            assertEquals(
                    "application/problem+json",
                    response.headers().firstValue("Content-Type").orElse(""),
                    what);
        }
    }

    static String abbreviate(String s) {
        return s.length() <= 300 ? s : s.substring(0, 300) + "…(" + s.length() + " chars)";
    }

    @Provide
    Arbitrary<Endpoint> endpoints() {
        return Arbitraries.of(ENDPOINTS);
    }

    @Provide
    Arbitrary<String> moves() {
        return Arbitraries.of(MOVES);
    }

    @Provide
    Arbitrary<String> ids() {
        return Arbitraries.oneOf(
                net.jqwik.api.Combinators.combine(Arbitraries.longs(), Arbitraries.longs())
                        .as((a, b) -> new java.util.UUID(a, b).toString()),
                Arbitraries.of(knownIds.isEmpty() ? List.of("x") : knownIds),
                Arbitraries.strings().ofMinLength(1).ofMaxLength(40),
                Arbitraries.strings()
                        .withCharRange('a', 'z')
                        .numeric()
                        .ofMinLength(36)
                        .ofMaxLength(36),
                Arbitraries.strings().all().ofMinLength(1).ofMaxLength(300),
                Arbitraries.of(
                        "0",
                        "-1",
                        "null",
                        "%00",
                        "..",
                        "' OR 1=1 --",
                        "\u202e\u0000x",
                        "😀",
                        "00000000-0000-0000-0000-000000000000"));
    }

    @Provide
    Arbitrary<Map<String, String>> queries() {
        return Arbitraries.maps(Arbitraries.of(QUERY), scalarText()).ofMaxSize(4);
    }

    static Arbitrary<String> scalarText() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(30),
                Arbitraries.integers().map(String::valueOf),
                Arbitraries.longs().map(String::valueOf),
                Arbitraries.of(
                        "true",
                        "false",
                        "-1",
                        "0",
                        "1001",
                        "2026-02-30",
                        "2026-03-06T16:00:00Z",
                        "2026-03",
                        "2026-Q1",
                        "2025",
                        "10s",
                        "PT-1H",
                        "P99999999D",
                        "OPEN",
                        "FINALIZED",
                        "NaN",
                        "1e309",
                        ""),
                Arbitraries.strings().all().ofMinLength(100).ofMaxLength(400));
    }

    @Provide
    Arbitrary<String> bodies() {
        return Arbitraries.oneOf(
                json(2).map(FuzzIT::write),
                Arbitraries.maps(Arbitraries.of(FIELDS), json(2)).ofMaxSize(8).map(FuzzIT::write),
                Arbitraries.strings().all().ofMaxLength(200),
                Arbitraries.of(
                        "",
                        "{",
                        "[]",
                        "null",
                        "{\"a\":",
                        "\"\\ud800\"",
                        "{\"code\":1e999}",
                        "{\"name\":\"" + "x".repeat(200_000) + "\"}"));
    }

    static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (Exception e) {
            return "{}";
        }
    }

    /** Arbitrary JSON values, nested up to {@code depth}. */
    static Arbitrary<Object> json(int depth) {
        Arbitrary<Object> scalar = Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(50).map(s -> (Object) s),
                Arbitraries.strings().ofMinLength(1000).ofMaxLength(20_000).map(s -> (Object) s),
                Arbitraries.integers().map(i -> (Object) i),
                Arbitraries.longs().map(l -> (Object) l),
                Arbitraries.doubles().map(d -> (Object) d),
                Arbitraries.of(true, false).map(b -> (Object) b),
                Arbitraries.just((Object) null),
                Arbitraries.of(
                                "SERVICE_HALL",
                                "PHONE",
                                "BILLING",
                                "CRITICAL",
                                "MYSTERY_SHOPPING",
                                "PROVINCIAL",
                                "QUARTERLY",
                                "2026-01-01",
                                "2026-03-06T16:00:00Z",
                                "PT8H",
                                "Europe/London",
                                java.util.UUID.randomUUID().toString())
                        .map(s -> (Object) s));
        if (depth == 0) {
            return scalar;
        }
        return Arbitraries.oneOf(
                scalar,
                json(depth - 1).list().ofMaxSize(4).map(l -> (Object) l),
                Arbitraries.maps(Arbitraries.of(FIELDS), json(depth - 1))
                        .ofMaxSize(5)
                        .map(m -> (Object) m));
    }

    // ---- gRPC ------------------------------------------------------------------------------------------

    @Property(tries = 4000, seed = SEED, shrinking = ShrinkingMode.OFF)
    void everyGrpcMethodAnswersRandomMessagesWithAClientError(
            @ForAll("grpcMethods") GrpcMethod method, @ForAll long messageSeed) {
        Message prototype = ((MethodDescriptor.PrototypeMarshaller<Message>)
                        method.method().getRequestMarshaller())
                .getMessagePrototype();
        Message request = randomMessage(prototype.newBuilderForType(), new Random(messageSeed), 0)
                .build();
        Status.Code code;
        String description = "";
        try {
            CallOptions options = CallOptions.DEFAULT.withDeadlineAfter(20, TimeUnit.SECONDS);
            if (method.method().getType() == MethodDescriptor.MethodType.SERVER_STREAMING) {
                // A period feed: read it to the end (a random valid period may well answer OK).
                ClientCalls.blockingServerStreamingCall(
                                CHANNELS.get(method.service()), method.method(), options, request)
                        .forEachRemaining(m -> {});
            } else {
                ClientCalls.blockingUnaryCall(CHANNELS.get(method.service()), method.method(), options, request);
            }
            code = Status.Code.OK;
        } catch (StatusRuntimeException e) {
            code = e.getStatus().getCode();
            description = String.valueOf(e.getStatus().getDescription());
        }
        synchronized (GRPC_CODES) {
            GRPC_CODES.computeIfAbsent(code, c -> new AtomicInteger()).incrementAndGet();
        }
        assertTrue(
                ALLOWED.contains(code),
                method + " " + abbreviate(request.toString()) + " -> " + code + " " + description);
    }

    @SuppressWarnings("unchecked")
    @Provide
    Arbitrary<GrpcMethod> grpcMethods() {
        Map<Component, List<ServiceDescriptor>> services = Map.of(
                Component.STANDARDS,
                        List.of(
                                UnitServiceGrpc.getServiceDescriptor(),
                                CalendarServiceGrpc.getServiceDescriptor(),
                                StandardServiceGrpc.getServiceDescriptor(),
                                ServiceLevelServiceGrpc.getServiceDescriptor()),
                Component.INSPECTION,
                        List.of(
                                InspectorServiceGrpc.getServiceDescriptor(),
                                InspectionPlanServiceGrpc.getServiceDescriptor(),
                                InspectionServiceGrpc.getServiceDescriptor(),
                                RectificationServiceGrpc.getServiceDescriptor(),
                                org.sqm.proto.inspection.v1.SupervisionServiceGrpc.getServiceDescriptor(),
                                org.sqm.proto.inspection.v1.InspectionFeedServiceGrpc.getServiceDescriptor()),
                Component.COMPLAINT, List.of(ComplaintServiceGrpc.getServiceDescriptor()),
                Component.SCORING,
                        List.of(
                                DeductionRuleServiceGrpc.getServiceDescriptor(),
                                org.sqm.proto.scoring.v1.IndicatorServiceGrpc.getServiceDescriptor(),
                                org.sqm.proto.scoring.v1.MeasurementServiceGrpc.getServiceDescriptor(),
                                org.sqm.proto.scoring.v1.SurveyServiceGrpc.getServiceDescriptor(),
                                org.sqm.proto.scoring.v1.CustomersServedServiceGrpc.getServiceDescriptor(),
                                org.sqm.proto.scoring.v1.ViolationServiceGrpc.getServiceDescriptor(),
                                org.sqm.proto.scoring.v1.ScoringCatalogueServiceGrpc.getServiceDescriptor(),
                                org.sqm.proto.scoring.v1.ScoringModelServiceGrpc.getServiceDescriptor(),
                                org.sqm.proto.scoring.v1.ScorecardServiceGrpc.getServiceDescriptor(),
                                org.sqm.proto.scoring.v1.LeagueTableServiceGrpc.getServiceDescriptor(),
                                org.sqm.proto.scoring.v1.PublishedPerformanceServiceGrpc.getServiceDescriptor(),
                                org.sqm.proto.scoring.v1.AccreditationServiceGrpc.getServiceDescriptor(),
                                org.sqm.proto.scoring.v1.CertificationServiceGrpc.getServiceDescriptor(),
                                org.sqm.proto.scoring.v1.SpotCheckServiceGrpc.getServiceDescriptor(),
                                com.google.longrunning.OperationsGrpc.getServiceDescriptor()));
        List<GrpcMethod> methods = new ArrayList<>();
        services.forEach((component, descriptors) -> descriptors.forEach(d -> d.getMethods()
                .forEach(m -> methods.add(new GrpcMethod(component, (MethodDescriptor<Message, Message>) m)))));
        methods.sort(java.util.Comparator.comparing(GrpcMethod::toString));
        return Arbitraries.of(methods);
    }

    /** Fills a message with random values: any field may be set, strings and numbers of any kind, enums with unknown numbers. */
    static Message.Builder randomMessage(Message.Builder builder, Random random, int depth) {
        for (FieldDescriptor field : builder.getDescriptorForType().getFields()) {
            if (random.nextInt(3) == 0) {
                continue;
            }
            if (field.isMapField()) {
                continue;
            }
            if (field.isRepeated()) {
                int n = random.nextInt(4);
                for (int i = 0; i < n; i++) {
                    Object value = randomValue(builder, field, random, depth);
                    if (value != null) {
                        builder.addRepeatedField(field, value);
                    }
                }
            } else {
                Object value = randomValue(builder, field, random, depth);
                if (value != null) {
                    builder.setField(field, value);
                }
            }
        }
        return builder;
    }

    static Object randomValue(Message.Builder parent, FieldDescriptor field, Random random, int depth) {
        return switch (field.getJavaType()) {
            case STRING -> randomString(random);
            case INT -> switch (random.nextInt(4)) {
                case 0 -> random.nextInt();
                case 1 -> -random.nextInt(10);
                case 2 -> Integer.MAX_VALUE;
                default -> random.nextInt(1200);
            };
            case LONG -> switch (random.nextInt(3)) {
                case 0 -> random.nextLong();
                case 1 -> (long) random.nextInt(100_000_000) + 1_700_000_000L;
                default -> -1L;
            };
            case BOOLEAN -> random.nextBoolean();
            case FLOAT -> random.nextFloat();
            case DOUBLE -> random.nextDouble();
            case BYTE_STRING -> ByteString.copyFromUtf8(randomString(random));
            case ENUM -> field.getEnumType()
                    .findValueByNumberCreatingIfUnknown(
                            random.nextInt(3) == 0 ? random.nextInt(1000) : random.nextInt(8));
            case MESSAGE -> depth >= 3
                    ? null
                    : randomMessage(parent.newBuilderForField(field), random, depth + 1)
                            .build();
        };
    }

    static String randomString(Random random) {
        return switch (random.nextInt(8)) {
            case 0 -> "";
            case 1 -> new java.util.UUID(random.nextLong(), random.nextLong()).toString();
            case 2 -> knownIds.isEmpty() ? "x" : knownIds.get(random.nextInt(knownIds.size()));
            case 3 -> "x".repeat(random.nextInt(20_000));
            case 4 -> new String(Character.toChars(0x1F600 + random.nextInt(50))) + "\u202e\u0000";
            case 5 -> List.of(
                            "SERVICE_HALL",
                            "BILLING",
                            "2026-01-01",
                            "2026-13-45",
                            "CSE",
                            "Asia/Shanghai",
                            "PT8H",
                            "1.1.1",
                            "{\"format\":\"sqm-standard/v1\"}",
                            "update_mask",
                            "title")
                    .get(random.nextInt(11));
            default -> {
                StringBuilder sb = new StringBuilder();
                int n = random.nextInt(40);
                for (int i = 0; i < n; i++) {
                    sb.append((char) (32 + random.nextInt(0x2FF)));
                }
                yield sb.toString();
            }
        };
    }
}
