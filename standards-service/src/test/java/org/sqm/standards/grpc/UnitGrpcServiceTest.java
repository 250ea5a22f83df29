package org.sqm.standards.grpc;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import grpc.health.v1.HealthGrpc;
import grpc.health.v1.HealthOuterClass.HealthCheckRequest;
import grpc.health.v1.HealthOuterClass.HealthCheckResponse;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.sqm.proto.standards.v1.CreateUnitRequest;
import org.sqm.proto.standards.v1.GetUnitRequest;
import org.sqm.proto.standards.v1.ListUnitsRequest;
import org.sqm.proto.standards.v1.ListUnitsResponse;
import org.sqm.proto.standards.v1.Unit;
import org.sqm.proto.standards.v1.UnitServiceGrpc.UnitServiceBlockingStub;
import org.sqm.proto.standards.v1.UnitType;
import org.sqm.testing.EmbeddedPostgresResource;
import org.sqm.testing.GrpcErrors;

@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class UnitGrpcServiceTest {

    @GrpcClient("units")
    UnitServiceBlockingStub units;

    @GrpcClient("health")
    HealthGrpc.HealthBlockingStub health;

    private static String uniqueCode(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private Unit create(String code, UnitType type, String parentId) {
        Unit.Builder unit =
                Unit.newBuilder().setCode(code).setName("Unit " + code).setType(type);
        if (parentId != null) {
            unit.setParentId(parentId);
        }
        return units.createUnit(CreateUnitRequest.newBuilder().setUnit(unit).build());
    }

    @Test
    void createdUnitCanBeReadBack() {
        Unit company = create(uniqueCode("CO"), UnitType.UNIT_TYPE_COMPANY, null);
        Unit hall = create(uniqueCode("HALL"), UnitType.UNIT_TYPE_SERVICE_HALL, company.getId());

        Unit read =
                units.getUnit(GetUnitRequest.newBuilder().setId(hall.getId()).build());

        assertEquals(hall, read);
        assertEquals(company.getId(), read.getParentId());
        assertEquals(UnitType.UNIT_TYPE_SERVICE_HALL, read.getType());
        assertTrue(read.getCreateTime().getSeconds() > 0);
    }

    @Test
    void invalidFieldsAreAllReportedAsFieldViolations() {
        var e = assertThrows(
                StatusRuntimeException.class,
                () -> units.createUnit(CreateUnitRequest.newBuilder()
                        .setUnit(Unit.newBuilder()
                                .setCode("bad code!")
                                .setTypeValue(99)
                                .setParentId("not-a-uuid"))
                        .build()));

        assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode());
        assertEquals("INVALID_FIELDS", GrpcErrors.errorInfo(e).getReason());
        assertEquals("standards-service", GrpcErrors.errorInfo(e).getDomain());
        assertEquals(List.of("unit.code", "unit.name", "unit.type", "unit.parent_id"), GrpcErrors.violatedFields(e));
    }

    @Test
    void unknownParentIsAnInvalidField() {
        var e = assertThrows(
                StatusRuntimeException.class,
                () -> create(
                        uniqueCode("HALL"),
                        UnitType.UNIT_TYPE_SERVICE_HALL,
                        UUID.randomUUID().toString()));

        assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode());
        assertEquals(List.of("unit.parent_id"), GrpcErrors.violatedFields(e));
    }

    @Test
    void duplicateCodeIsAlreadyExists() {
        String code = uniqueCode("DUP");
        create(code, UnitType.UNIT_TYPE_HOTLINE, null);

        var e = assertThrows(StatusRuntimeException.class, () -> create(code, UnitType.UNIT_TYPE_HOTLINE, null));

        assertEquals(Status.Code.ALREADY_EXISTS, e.getStatus().getCode());
        assertEquals("UNIT_ALREADY_EXISTS", GrpcErrors.errorInfo(e).getReason());
    }

    @Test
    void unknownIdIsNotFoundAndMalformedIdIsInvalid() {
        String id = UUID.randomUUID().toString();
        var notFound = assertThrows(
                StatusRuntimeException.class,
                () -> units.getUnit(GetUnitRequest.newBuilder().setId(id).build()));
        assertEquals(Status.Code.NOT_FOUND, notFound.getStatus().getCode());
        assertEquals("UNIT_NOT_FOUND", GrpcErrors.errorInfo(notFound).getReason());
        assertEquals(id, GrpcErrors.errorInfo(notFound).getMetadataOrThrow("id"));

        var malformed = assertThrows(
                StatusRuntimeException.class,
                () -> units.getUnit(GetUnitRequest.newBuilder().setId("42").build()));
        assertEquals(Status.Code.INVALID_ARGUMENT, malformed.getStatus().getCode());
        assertEquals(List.of("id"), GrpcErrors.violatedFields(malformed));
    }

    @Test
    void racingRetriesWithOneRequestIdCreateOneUnit() throws Exception {
        String requestId = UUID.randomUUID().toString();
        CreateUnitRequest request = CreateUnitRequest.newBuilder()
                .setUnit(Unit.newBuilder()
                        .setCode(uniqueCode("RETRY"))
                        .setName("Retried")
                        .setType(UnitType.UNIT_TYPE_FIELD_TEAM))
                .setRequestId(requestId)
                .build();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Unit>> calls = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                calls.add(() -> units.createUnit(request));
            }
            Set<String> ids = new HashSet<>();
            for (Future<Unit> f : pool.invokeAll(calls)) {
                ids.add(f.get().getId());
            }
            assertEquals(1, ids.size(), "every retry must return the same unit");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void listingWalksEveryUnitOncePageByPage() {
        Set<String> created = new HashSet<>();
        for (int i = 0; i < 7; i++) {
            created.add(create(uniqueCode("PAGE" + i), UnitType.UNIT_TYPE_ONLINE_SERVICE, null)
                    .getId());
        }
        Set<String> seen = new HashSet<>();
        List<String> codes = new ArrayList<>();
        String token = "";
        int pages = 0;
        do {
            ListUnitsResponse page = units.listUnits(ListUnitsRequest.newBuilder()
                    .setPageSize(3)
                    .setPageToken(token)
                    .build());
            assertTrue(page.getUnitsCount() <= 3);
            page.getUnitsList().forEach(u -> {
                assertTrue(seen.add(u.getId()), "a unit appeared twice");
                codes.add(u.getCode());
            });
            token = page.getNextPageToken();
            pages++;
        } while (!token.isEmpty() && pages < 1000);

        assertTrue(seen.containsAll(created));
        assertEquals(codes.stream().sorted().toList(), codes, "pages come in code order");
    }

    @Test
    void badPagingArgumentsAreInvalid() {
        var badToken = assertThrows(
                StatusRuntimeException.class,
                () -> units.listUnits(
                        ListUnitsRequest.newBuilder().setPageToken("MTAw").build()));
        assertEquals(Status.Code.INVALID_ARGUMENT, badToken.getStatus().getCode());
        assertEquals(List.of("page_token"), GrpcErrors.violatedFields(badToken));

        var negative = assertThrows(
                StatusRuntimeException.class,
                () -> units.listUnits(
                        ListUnitsRequest.newBuilder().setPageSize(-1).build()));
        assertEquals(List.of("page_size"), GrpcErrors.violatedFields(negative));
    }

    @Test
    void grpcHealthServiceAnswersServing() {
        HealthCheckResponse response =
                health.check(HealthCheckRequest.newBuilder().build());
        assertEquals(HealthCheckResponse.ServingStatus.SERVING, response.getStatus());
    }

    @Test
    void readinessIncludesTheDatabase() {
        given().when()
                .get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("Database connections health check"));
    }
}
