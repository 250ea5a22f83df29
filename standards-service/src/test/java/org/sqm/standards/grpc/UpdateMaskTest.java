package org.sqm.standards.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.protobuf.FieldMask;
import com.google.rpc.BadRequest;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.sqm.proto.standards.v1.Calendar;
import org.sqm.proto.standards.v1.CalendarServiceGrpc.CalendarServiceBlockingStub;
import org.sqm.proto.standards.v1.CreateCalendarRequest;
import org.sqm.proto.standards.v1.CreateStandardRequest;
import org.sqm.proto.standards.v1.CreateUnitRequest;
import org.sqm.proto.standards.v1.Standard;
import org.sqm.proto.standards.v1.StandardServiceGrpc.StandardServiceBlockingStub;
import org.sqm.proto.standards.v1.Unit;
import org.sqm.proto.standards.v1.UnitServiceGrpc.UnitServiceBlockingStub;
import org.sqm.proto.standards.v1.UnitType;
import org.sqm.proto.standards.v1.UpdateCalendarRequest;
import org.sqm.proto.standards.v1.UpdateStandardRequest;
import org.sqm.proto.standards.v1.UpdateUnitRequest;
import org.sqm.testing.EmbeddedPostgresResource;

/** Every update (AIP-134) names each path it refuses and what can be changed, in a stable order. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class UpdateMaskTest {

    private static final String REQUIRED = "update_mask: is required: name the fields to change";

    @GrpcClient("units")
    UnitServiceBlockingStub units;

    @GrpcClient("calendars")
    CalendarServiceBlockingStub calendars;

    @GrpcClient("standards")
    StandardServiceBlockingStub standards;

    private static String code(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void unitMasksNameEveryPathThatCannotChange() throws Exception {
        Unit hall = units.createUnit(CreateUnitRequest.newBuilder()
                .setUnit(Unit.newBuilder()
                        .setCode(code("HALL"))
                        .setName("Hall")
                        .setType(UnitType.UNIT_TYPE_SERVICE_HALL))
                .build());
        String changeable = "; changeable are name, type, parent_id, calendar_id";

        assertEquals(
                List.of(
                        "update_mask: 'code' cannot be changed" + changeable,
                        "update_mask: 'state' cannot be changed" + changeable),
                violations(() -> units.updateUnit(UpdateUnitRequest.newBuilder()
                        .setUnit(hall)
                        .setUpdateMask(FieldMask.newBuilder().addPaths("code").addPaths("state"))
                        .build())));
        assertEquals(
                List.of(REQUIRED),
                violations(() -> units.updateUnit(
                        UpdateUnitRequest.newBuilder().setUnit(hall).build())));
    }

    @Test
    void calendarMasksNameEveryPathThatCannotChange() throws Exception {
        Calendar calendar = calendars.createCalendar(CreateCalendarRequest.newBuilder()
                .setCalendar(Calendar.newBuilder()
                        .setCode(code("ALWAYS"))
                        .setName("Always open")
                        .setTimeZone("Europe/London")
                        .setAlwaysOpen(true))
                .build());

        assertEquals(
                List.of("update_mask: 'code' cannot be changed; changeable are name, time_zone, always_open,"
                        + " working_hours, holidays"),
                violations(() -> calendars.updateCalendar(UpdateCalendarRequest.newBuilder()
                        .setCalendar(calendar)
                        .setUpdateMask(FieldMask.newBuilder().addPaths("code"))
                        .build())));
        assertEquals(
                List.of(REQUIRED),
                violations(() -> calendars.updateCalendar(
                        UpdateCalendarRequest.newBuilder().setCalendar(calendar).build())));
    }

    @Test
    void standardMasksNameEveryPathThatCannotChange() throws Exception {
        Standard draft = standards.createStandard(CreateStandardRequest.newBuilder()
                .setStandard(Standard.newBuilder().setCode(code("STD")).setTitle("Draft"))
                .build());

        assertEquals(
                List.of("update_mask: 'status' cannot be changed; changeable are title, description, effective_from,"
                        + " effective_until, unit_types, channels, rating_scale, criteria, service_level_targets"),
                violations(() -> standards.updateStandard(UpdateStandardRequest.newBuilder()
                        .setStandard(draft)
                        .setUpdateMask(FieldMask.newBuilder().addPaths("status"))
                        .build())));
        assertEquals(
                List.of(REQUIRED),
                violations(() -> standards.updateStandard(
                        UpdateStandardRequest.newBuilder().setStandard(draft).build())));
    }

    /** The field violations of the INVALID_ARGUMENT the call fails with, as "field: description". */
    private static List<String> violations(Executable call) throws Exception {
        var e = assertThrows(StatusRuntimeException.class, call);
        assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode());
        for (var detail : StatusProto.fromThrowable(e).getDetailsList()) {
            if (detail.is(BadRequest.class)) {
                return detail.unpack(BadRequest.class).getFieldViolationsList().stream()
                        .map(v -> v.getField() + ": " + v.getDescription())
                        .toList();
            }
        }
        throw new AssertionError("no BadRequest in " + e);
    }
}
