package org.sqm.scoring.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.sqm.proto.scoring.v1.CreateIndicatorRequest;
import org.sqm.proto.scoring.v1.GetIndicatorRequest;
import org.sqm.proto.scoring.v1.Indicator;
import org.sqm.proto.scoring.v1.IndicatorDirection;
import org.sqm.proto.scoring.v1.IndicatorKind;
import org.sqm.proto.scoring.v1.IndicatorServiceGrpc.IndicatorServiceBlockingStub;
import org.sqm.proto.scoring.v1.ListIndicatorsRequest;
import org.sqm.proto.scoring.v1.ListIndicatorsResponse;
import org.sqm.proto.standards.v1.UnitType;
import org.sqm.testing.EmbeddedPostgresResource;
import org.sqm.testing.GrpcErrors;

@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class IndicatorGrpcServiceTest {

    @GrpcClient("scoring")
    IndicatorServiceBlockingStub indicators;

    static Indicator indicator(String code) {
        return Indicator.newBuilder()
                .setCode(code)
                .setName("Appointment-keeping rate of repairs")
                .setCounted("Repairs on the agreed time, of repairs with an agreed time")
                .setKind(IndicatorKind.INDICATOR_KIND_RATE)
                .setDirection(IndicatorDirection.INDICATOR_DIRECTION_HIGHER_IS_BETTER)
                .setUnitType(UnitType.UNIT_TYPE_FIELD_TEAM)
                .build();
    }

    Indicator create(Indicator indicator, String requestId) {
        return indicators.createIndicator(CreateIndicatorRequest.newBuilder()
                .setIndicator(indicator)
                .setRequestId(requestId)
                .build());
    }

    static String code() {
        return "REPAIR_KEEPING-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void anIndicatorIsCreatedOncePerRequestIdAndReadBack() {
        String requestId = UUID.randomUUID().toString();
        String code = code();
        Indicator created = create(indicator(code), requestId);
        assertEquals(created, create(indicator(code), requestId));
        assertEquals(
                created,
                indicators.getIndicator(
                        GetIndicatorRequest.newBuilder().setId(created.getId()).build()));
        assertEquals(UnitType.UNIT_TYPE_FIELD_TEAM, created.getUnitType());

        var reused = assertThrows(StatusRuntimeException.class, () -> create(indicator(code()), requestId));
        assertEquals("REQUEST_ID_REUSED", GrpcErrors.errorInfo(reused).getReason());
        var taken = assertThrows(StatusRuntimeException.class, () -> create(indicator(code), ""));
        assertEquals(Status.Code.ALREADY_EXISTS, taken.getStatus().getCode());
        assertEquals("INDICATOR_ALREADY_EXISTS", GrpcErrors.errorInfo(taken).getReason());
    }

    @Test
    void badFieldsAreAllNamed() {
        var e = assertThrows(
                StatusRuntimeException.class,
                () -> create(
                        Indicator.newBuilder()
                                .setCode("has space")
                                .setUnitTypeValue(77)
                                .build(),
                        ""));
        assertEquals(
                List.of(
                        "indicator.code",
                        "indicator.name",
                        "indicator.counted",
                        "indicator.kind",
                        "indicator.direction",
                        "indicator.unit_type"),
                GrpcErrors.violatedFields(e));
        var missing = assertThrows(
                StatusRuntimeException.class,
                () -> indicators.getIndicator(GetIndicatorRequest.newBuilder()
                        .setId(UUID.randomUUID().toString())
                        .build()));
        assertEquals("INDICATOR_NOT_FOUND", GrpcErrors.errorInfo(missing).getReason());
    }

    @Test
    void listingWalksEveryIndicatorOnce() {
        Set<String> created = new HashSet<>();
        for (int i = 0; i < 3; i++) {
            created.add(create(indicator(code()), "").getId());
        }
        Set<String> seen = new HashSet<>();
        String token = "";
        do {
            ListIndicatorsResponse page = indicators.listIndicators(ListIndicatorsRequest.newBuilder()
                    .setPageSize(2)
                    .setPageToken(token)
                    .build());
            page.getIndicatorsList().forEach(i -> assertTrue(seen.add(i.getId())));
            token = page.getNextPageToken();
        } while (!token.isEmpty());
        assertTrue(seen.containsAll(created));
    }
}
