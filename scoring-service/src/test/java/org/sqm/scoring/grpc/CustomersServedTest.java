package org.sqm.scoring.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.sqm.proto.scoring.v1.CreateCustomersServedBatchRequest;
import org.sqm.proto.scoring.v1.CustomersServed;
import org.sqm.proto.scoring.v1.CustomersServedBatch;
import org.sqm.proto.scoring.v1.CustomersServedItem;
import org.sqm.proto.scoring.v1.CustomersServedServiceGrpc.CustomersServedServiceBlockingStub;
import org.sqm.proto.scoring.v1.GetCustomersServedBatchRequest;
import org.sqm.proto.scoring.v1.ListCustomersServedRequest;
import org.sqm.proto.standards.v1.UnitType;
import org.sqm.testing.EmbeddedPostgresResource;
import org.sqm.testing.GrpcErrors;

@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class CustomersServedTest {

    @GrpcClient("scoring")
    CustomersServedServiceBlockingStub customers;

    static CustomersServedItem count(String unit, String period, long n) {
        return CustomersServedItem.newBuilder()
                .setUnitId(unit)
                .setPeriod(period)
                .setCustomers(n)
                .build();
    }

    static CustomersServedBatch batch(String id, String supersedes, CustomersServedItem... items) {
        return CustomersServedBatch.newBuilder()
                .setBatchId(id)
                .setSource("Billing system, active subscribers per county")
                .setSupersedesBatchId(supersedes)
                .addAllItems(List.of(items))
                .build();
    }

    CustomersServedBatch create(CustomersServedBatch batch) {
        return customers.createCustomersServedBatch(CreateCustomersServedBatchRequest.newBuilder()
                .setCustomersServedBatch(batch)
                .build());
    }

    List<CustomersServed> list(String unit, boolean superseded) {
        return customers
                .listCustomersServed(ListCustomersServedRequest.newBuilder()
                        .setUnitId(unit)
                        .setShowSuperseded(superseded)
                        .build())
                .getCustomersServedList();
    }

    @Test
    void countsAreRecordedOnceReadBackAndCorrectionsStayVisible() {
        String county = FakeBackends.unit(UnitType.UNIT_TYPE_COUNTY_BRANCH);
        String hall = FakeBackends.unit(UnitType.UNIT_TYPE_SERVICE_HALL);
        String id = "billing:" + UUID.randomUUID();
        CustomersServedBatch first = create(batch(id, "", count(county, "2026-03", 48_200), count(hall, "2026-03", 0)));
        assertEquals(first, create(batch(id, "", count(county, "2026-03", 48_200), count(hall, "2026-03", 0))));
        assertEquals(
                first,
                customers.getCustomersServedBatch(GetCustomersServedBatchRequest.newBuilder()
                        .setBatchId(id)
                        .build()));
        assertEquals(
                List.of(48_200L),
                list(county, false).stream().map(CustomersServed::getCustomers).toList());

        var again = assertThrows(
                StatusRuntimeException.class,
                () -> create(batch("billing:" + UUID.randomUUID(), "", count(county, "2026-03", 48_300))));
        assertEquals(Status.Code.ALREADY_EXISTS, again.getStatus().getCode());
        assertEquals(
                "CUSTOMERS_SERVED_ALREADY_EXISTS", GrpcErrors.errorInfo(again).getReason());

        String correction = "billing:" + UUID.randomUUID();
        create(batch(correction, id, count(county, "2026-03", 48_300), count(hall, "2026-03", 0)));
        assertEquals(
                List.of(48_300L),
                list(county, false).stream().map(CustomersServed::getCustomers).toList());
        List<CustomersServed> all = list(county, true);
        assertEquals(
                List.of(48_200L, 48_300L),
                all.stream().map(CustomersServed::getCustomers).toList());
        assertEquals(
                List.of(correction, ""),
                all.stream().map(CustomersServed::getSupersededByBatchId).toList());
        assertEquals(
                List.of("2026-03"),
                customers
                        .listCustomersServed(ListCustomersServedRequest.newBuilder()
                                .setUnitId(hall)
                                .setPeriod("2026-03")
                                .build())
                        .getCustomersServedList()
                        .stream()
                        .map(CustomersServed::getPeriod)
                        .toList());
    }

    @Test
    void badCountsAreNamedAndNothingIsWritten() {
        String county = FakeBackends.unit(UnitType.UNIT_TYPE_COUNTY_BRANCH);
        String id = "billing:" + UUID.randomUUID();
        var e = assertThrows(
                StatusRuntimeException.class,
                () -> create(batch(
                        id,
                        "",
                        count(county, "2026-03", -1),
                        count(county, "2099", 5),
                        count(county, "", 5),
                        count("", "2026-04", 5),
                        count(county, "2026-05", 5),
                        count(county, "2026-05", 6))));
        assertEquals(
                List.of(
                        "customers_served_batch.items[0].customers",
                        "customers_served_batch.items[1].period",
                        "customers_served_batch.items[2].period",
                        "customers_served_batch.items[3].unit_id",
                        "customers_served_batch.items[5]"),
                GrpcErrors.violatedFields(e));
        var empty = assertThrows(StatusRuntimeException.class, () -> create(batch(id, "", new CustomersServedItem[0])));
        assertEquals(List.of("customers_served_batch.items"), GrpcErrors.violatedFields(empty));
        var header = assertThrows(
                StatusRuntimeException.class,
                () -> create(CustomersServedBatch.newBuilder()
                        .setBatchId("has spaces")
                        .setSupersedesBatchId("has spaces")
                        .addItems(count(county, "2026-03", 1))
                        .build()));
        assertEquals(
                List.of(
                        "customers_served_batch.batch_id",
                        "customers_served_batch.source",
                        "customers_served_batch.supersedes_batch_id",
                        "customers_served_batch.supersedes_batch_id"),
                GrpcErrors.violatedFields(header));
        assertEquals(List.of(), list(county, true));
    }
}
