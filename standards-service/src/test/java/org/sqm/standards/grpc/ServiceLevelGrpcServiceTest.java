package org.sqm.standards.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.protobuf.Duration;
import com.google.protobuf.FieldMask;
import com.google.protobuf.Timestamp;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.sqm.proto.common.v1.Severity;
import org.sqm.proto.standards.v1.Calendar;
import org.sqm.proto.standards.v1.CalendarServiceGrpc.CalendarServiceBlockingStub;
import org.sqm.proto.standards.v1.CreateCalendarRequest;
import org.sqm.proto.standards.v1.CreateStandardRequest;
import org.sqm.proto.standards.v1.CreateStandardVersionRequest;
import org.sqm.proto.standards.v1.CreateUnitRequest;
import org.sqm.proto.standards.v1.Criterion;
import org.sqm.proto.standards.v1.Element;
import org.sqm.proto.standards.v1.PublishStandardRequest;
import org.sqm.proto.standards.v1.RatingLevel;
import org.sqm.proto.standards.v1.RatingScale;
import org.sqm.proto.standards.v1.RatingScaleKind;
import org.sqm.proto.standards.v1.ResolveServiceLevelRequest;
import org.sqm.proto.standards.v1.ServiceChannel;
import org.sqm.proto.standards.v1.ServiceLevel;
import org.sqm.proto.standards.v1.ServiceLevelServiceGrpc.ServiceLevelServiceBlockingStub;
import org.sqm.proto.standards.v1.ServiceLevelTarget;
import org.sqm.proto.standards.v1.Standard;
import org.sqm.proto.standards.v1.StandardServiceGrpc.StandardServiceBlockingStub;
import org.sqm.proto.standards.v1.SubCriterion;
import org.sqm.proto.standards.v1.Unit;
import org.sqm.proto.standards.v1.UnitServiceGrpc.UnitServiceBlockingStub;
import org.sqm.proto.standards.v1.UnitType;
import org.sqm.proto.standards.v1.UpdateStandardRequest;
import org.sqm.proto.standards.v1.Weekday;
import org.sqm.proto.standards.v1.WorkingHours;
import org.sqm.testing.EmbeddedPostgresResource;
import org.sqm.testing.GrpcErrors;

@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class ServiceLevelGrpcServiceTest {

    private static final Timestamp MARCH = Timestamp.newBuilder()
            .setSeconds(Instant.parse("2026-03-02T10:00:00Z").getEpochSecond())
            .build();

    @GrpcClient("servicelevels")
    ServiceLevelServiceBlockingStub serviceLevels;

    @GrpcClient("standards")
    StandardServiceBlockingStub standards;

    @GrpcClient("units")
    UnitServiceBlockingStub units;

    @GrpcClient("calendars")
    CalendarServiceBlockingStub calendars;

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static Duration hours(double hours) {
        return Duration.newBuilder().setSeconds((long) (hours * 3600)).build();
    }

    private Calendar calendar() {
        return calendars.createCalendar(CreateCalendarRequest.newBuilder()
                .setCalendar(Calendar.newBuilder()
                        .setCode(unique("CAL"))
                        .setName("Field office")
                        .setTimeZone("Asia/Shanghai")
                        .addWorkingHours(WorkingHours.newBuilder()
                                .setDay(Weekday.WEEKDAY_MONDAY)
                                .setStartTime("09:00")
                                .setEndTime("18:00")))
                .build());
    }

    private Unit unit(UnitType type, Unit parent, Calendar calendar) {
        Unit.Builder unit =
                Unit.newBuilder().setCode(unique("U")).setName("Unit").setType(type);
        if (parent != null) {
            unit.setParentId(parent.getId());
        }
        if (calendar != null) {
            unit.setCalendarId(calendar.getId());
        }
        return units.createUnit(CreateUnitRequest.newBuilder().setUnit(unit).build());
    }

    private static List<ServiceLevelTarget> rules(Duration generalResolve) {
        return List.of(
                ServiceLevelTarget.newBuilder()
                        .setAcknowledgeWithin(hours(8))
                        .setResolveWithin(generalResolve)
                        .build(),
                ServiceLevelTarget.newBuilder()
                        .setSeverity(Severity.SEVERITY_CRITICAL)
                        .setResolveWithin(hours(40))
                        .build(),
                ServiceLevelTarget.newBuilder()
                        .setUnitType(UnitType.UNIT_TYPE_FIELD_TEAM)
                        .setChannel(ServiceChannel.SERVICE_CHANNEL_FIELD_VISIT)
                        .setAcknowledgeWithin(hours(2))
                        .build(),
                ServiceLevelTarget.newBuilder()
                        .setChannel(ServiceChannel.SERVICE_CHANNEL_FIELD_VISIT)
                        .setSeverity(Severity.SEVERITY_CRITICAL)
                        .setCategory("NO_SHOW")
                        .setAcknowledgeWithin(hours(0.5))
                        .build());
    }

    /** What publishing needs besides the rules: a rating scale and one criterion. */
    private static Standard.Builder publishable(Standard.Builder standard) {
        return standard.setRatingScale(RatingScale.newBuilder()
                        .setKind(RatingScaleKind.RATING_SCALE_KIND_LEVELS)
                        .addLevels(RatingLevel.newBuilder()
                                .setCode("MET")
                                .setLabel("Met")
                                .setPoints(100)
                                .setMeetsRequirement(true))
                        .addLevels(RatingLevel.newBuilder().setCode("NOT_MET").setLabel("Not met")))
                .addCriteria(Criterion.newBuilder()
                        .setCode("1")
                        .setTitle("Appointments")
                        .setWeight(1)
                        .addSubCriteria(SubCriterion.newBuilder()
                                .setCode("1.1")
                                .setTitle("Keeping appointments")
                                .setWeight(1)
                                .addElements(Element.newBuilder()
                                        .setCode("1.1.1")
                                        .setTitle("The engineer arrives in the agreed slot.")
                                        .setWeight(1))));
    }

    private Standard publishedFieldStandard() {
        Standard draft = standards.createStandard(CreateStandardRequest.newBuilder()
                .setStandard(publishable(Standard.newBuilder())
                        .setCode(unique("FIELD"))
                        .setTitle("Field team standard")
                        .setEffectiveFrom("2026-01-01")
                        .addUnitTypes(UnitType.UNIT_TYPE_FIELD_TEAM)
                        .addAllServiceLevelTargets(rules(hours(120))))
                .build());
        return standards.publishStandard(PublishStandardRequest.newBuilder()
                .setId(draft.getId())
                .setEtag(draft.getEtag())
                .build());
    }

    private ServiceLevel resolve(Unit unit, ServiceChannel channel, Severity severity, String category) {
        return serviceLevels.resolveServiceLevel(ResolveServiceLevelRequest.newBuilder()
                .setUnitId(unit.getId())
                .setChannel(channel)
                .setSeverity(severity)
                .setCategory(category)
                .setAtTime(MARCH)
                .build());
    }

    @Test
    void theMostSpecificRuleWinsOnTheInheritedCalendar() {
        Calendar calendar = calendar();
        Unit company = unit(UnitType.UNIT_TYPE_COMPANY, null, calendar);
        Unit city = unit(UnitType.UNIT_TYPE_CITY_BRANCH, company, null);
        Unit team = unit(UnitType.UNIT_TYPE_FIELD_TEAM, city, null);
        Standard standard = publishedFieldStandard();

        ServiceLevel visit = resolve(team, ServiceChannel.SERVICE_CHANNEL_FIELD_VISIT, Severity.SEVERITY_LOW, "");
        assertEquals(2, visit.getRuleIndex());
        assertEquals(2, visit.getSpecificity());
        assertEquals(hours(2), visit.getTarget().getAcknowledgeWithin());
        assertEquals(standard.getId(), visit.getStandardId());
        assertEquals(calendar.getId(), visit.getCalendarId());
        assertEquals(company.getId(), visit.getCalendarUnitId(), "the calendar is inherited from the company");
        assertEquals("Asia/Shanghai", visit.getCalendarTimeZone());
        assertEquals(team, visit.getUnit(), "the unit comes along: callers need no GetUnit");

        assertEquals(
                1,
                resolve(team, ServiceChannel.SERVICE_CHANNEL_PHONE, Severity.SEVERITY_CRITICAL, "")
                        .getRuleIndex());
        assertEquals(
                3,
                resolve(team, ServiceChannel.SERVICE_CHANNEL_FIELD_VISIT, Severity.SEVERITY_CRITICAL, "NO_SHOW")
                        .getRuleIndex());
        ServiceLevel general = resolve(team, ServiceChannel.SERVICE_CHANNEL_EMAIL, Severity.SEVERITY_MEDIUM, "");
        assertEquals(0, general.getRuleIndex());
        assertEquals(hours(120), general.getTarget().getResolveWithin());

        // A newer published version of the same rules wins the tie.
        Standard v2 = standards.createStandardVersion(CreateStandardVersionRequest.newBuilder()
                .setSourceId(standard.getId())
                .build());
        v2 = standards.updateStandard(UpdateStandardRequest.newBuilder()
                .setStandard(v2.toBuilder().clearServiceLevelTargets().addAllServiceLevelTargets(rules(hours(100))))
                .setUpdateMask(FieldMask.newBuilder().addPaths("service_level_targets"))
                .build());
        standards.publishStandard(PublishStandardRequest.newBuilder()
                .setId(v2.getId())
                .setEtag(v2.getEtag())
                .build());
        ServiceLevel newer = resolve(team, ServiceChannel.SERVICE_CHANNEL_EMAIL, Severity.SEVERITY_MEDIUM, "");
        assertEquals(2, newer.getStandardVersion());
        assertEquals(hours(100), newer.getTarget().getResolveWithin());
    }

    @Test
    void warningInstantsComeWithTheDeadlinesOnTheBusinessCalendar() {
        Unit team = unit(UnitType.UNIT_TYPE_FIELD_TEAM, null, calendar());
        publishedFieldStandard();
        ServiceLevel plain = resolve(team, ServiceChannel.SERVICE_CHANNEL_EMAIL, Severity.SEVERITY_MEDIUM, "");
        assertEquals(false, plain.hasResolveWarnTime(), "not asked, not given");
        ServiceLevel warned = serviceLevels.resolveServiceLevel(ResolveServiceLevelRequest.newBuilder()
                .setUnitId(team.getId())
                .setChannel(ServiceChannel.SERVICE_CHANNEL_EMAIL)
                .setSeverity(Severity.SEVERITY_MEDIUM)
                .setAtTime(MARCH)
                .setWarningShare(0.75)
                .build());
        long allowed = warned.getTarget().getResolveWithin().getSeconds();
        var expected = calendars.computeDueTime(org.sqm.proto.standards.v1.ComputeDueTimeRequest.newBuilder()
                .setCalendarId(warned.getCalendarId())
                .setStartTime(MARCH)
                .setBusinessDuration(
                        com.google.protobuf.Duration.newBuilder().setSeconds((long) Math.floor(allowed * 0.75)))
                .build());
        assertEquals(expected.getDueTime(), warned.getResolveWarnTime(), "75 % of the resolve time, on the calendar");
        assertEquals(plain.getResolveDueTime(), warned.getResolveDueTime());

        for (double share : new double[] {-0.1, 1.0, Double.NaN}) {
            var bad = assertThrows(
                    StatusRuntimeException.class,
                    () -> serviceLevels.resolveServiceLevel(ResolveServiceLevelRequest.newBuilder()
                            .setUnitId(team.getId())
                            .setWarningShare(share)
                            .build()));
            assertEquals(java.util.List.of("warning_share"), GrpcErrors.violatedFields(bad));
        }
        // A timestamp outside the range of timestamp.proto is the caller's mistake, not an internal error.
        var outOfRange = assertThrows(
                StatusRuntimeException.class,
                () -> serviceLevels.resolveServiceLevel(ResolveServiceLevelRequest.newBuilder()
                        .setUnitId(team.getId())
                        .setAtTime(Timestamp.newBuilder()
                                .setSeconds(4_973_711_050_907_503_703L)
                                .setNanos(-5))
                        .build()));
        assertEquals(java.util.List.of("at_time"), GrpcErrors.violatedFields(outOfRange));
    }

    @Test
    void noCalendarNoStandardInForceAndUnknownUnitAreErrors() {
        Unit orphan = unit(UnitType.UNIT_TYPE_FIELD_TEAM, null, null);
        var noCalendar = assertThrows(
                StatusRuntimeException.class,
                () -> resolve(orphan, ServiceChannel.SERVICE_CHANNEL_FIELD_VISIT, Severity.SEVERITY_LOW, ""));
        assertEquals(Status.Code.FAILED_PRECONDITION, noCalendar.getStatus().getCode());
        assertEquals("UNIT_HAS_NO_CALENDAR", GrpcErrors.errorInfo(noCalendar).getReason());

        Unit team = unit(UnitType.UNIT_TYPE_FIELD_TEAM, null, calendar());
        publishedFieldStandard();
        var beforeInForce = assertThrows(
                StatusRuntimeException.class,
                () -> serviceLevels.resolveServiceLevel(ResolveServiceLevelRequest.newBuilder()
                        .setUnitId(team.getId())
                        .setAtTime(Timestamp.newBuilder()
                                .setSeconds(
                                        Instant.parse("2025-06-01T00:00:00Z").getEpochSecond()))
                        .build()));
        assertEquals(Status.Code.NOT_FOUND, beforeInForce.getStatus().getCode());

        var unknown = assertThrows(
                StatusRuntimeException.class,
                () -> serviceLevels.resolveServiceLevel(ResolveServiceLevelRequest.newBuilder()
                        .setUnitId(UUID.randomUUID().toString())
                        .build()));
        assertEquals(Status.Code.NOT_FOUND, unknown.getStatus().getCode());

        var unknownCalendar = assertThrows(
                StatusRuntimeException.class,
                () -> units.createUnit(CreateUnitRequest.newBuilder()
                        .setUnit(Unit.newBuilder()
                                .setCode(unique("U"))
                                .setName("x")
                                .setType(UnitType.UNIT_TYPE_HOTLINE)
                                .setCalendarId(UUID.randomUUID().toString()))
                        .build()));
        assertEquals(List.of("unit.calendar_id"), GrpcErrors.violatedFields(unknownCalendar));
    }

    @Test
    void theDayInForceIsTheNearestCalendarsDayOnADeepPath() {
        Calendar utc = calendars.createCalendar(CreateCalendarRequest.newBuilder()
                .setCalendar(Calendar.newBuilder()
                        .setCode(unique("CAL"))
                        .setName("Head office")
                        .setTimeZone("UTC")
                        .setAlwaysOpen(true))
                .build());
        Calendar shanghai = calendar();
        Unit company = unit(UnitType.UNIT_TYPE_COMPANY, null, utc);
        Unit city = unit(UnitType.UNIT_TYPE_CITY_BRANCH, company, shanghai);
        Unit county = unit(UnitType.UNIT_TYPE_COUNTY_BRANCH, city, null);
        Unit team = unit(UnitType.UNIT_TYPE_ACCOUNT_MANAGEMENT_TEAM, county, null);
        // In force on one day only, with the most specific rule there is: nothing published earlier beats it.
        Standard draft = standards.createStandard(CreateStandardRequest.newBuilder()
                .setStandard(publishable(Standard.newBuilder())
                        .setCode(unique("ONE-DAY"))
                        .setTitle("One day's standard")
                        .setEffectiveFrom("2090-03-02")
                        .setEffectiveUntil("2090-03-03")
                        .addUnitTypes(UnitType.UNIT_TYPE_ACCOUNT_MANAGEMENT_TEAM)
                        .addServiceLevelTargets(ServiceLevelTarget.newBuilder()
                                .setUnitType(UnitType.UNIT_TYPE_ACCOUNT_MANAGEMENT_TEAM)
                                .setChannel(ServiceChannel.SERVICE_CHANNEL_PHONE)
                                .setSeverity(Severity.SEVERITY_HIGH)
                                .setCategory("BILLING")
                                .setResolveWithin(hours(3))))
                .build());
        Standard oneDay = standards.publishStandard(PublishStandardRequest.newBuilder()
                .setId(draft.getId())
                .setEtag(draft.getEtag())
                .build());

        // The city's calendar (Asia/Shanghai, UTC+8) decides which day it is, not the company's (UTC).
        for (var c : List.of(
                new Object[] {"2090-03-01T15:59:59Z", false},
                new Object[] {"2090-03-01T16:00:00Z", true},
                new Object[] {"2090-03-02T15:59:59Z", true},
                new Object[] {"2090-03-02T16:00:00Z", false})) {
            ResolveServiceLevelRequest request = ResolveServiceLevelRequest.newBuilder()
                    .setUnitId(team.getId())
                    .setChannel(ServiceChannel.SERVICE_CHANNEL_PHONE)
                    .setSeverity(Severity.SEVERITY_HIGH)
                    .setCategory("BILLING")
                    .setAtTime(Timestamp.newBuilder()
                            .setSeconds(Instant.parse((String) c[0]).getEpochSecond()))
                    .build();
            if ((Boolean) c[1]) {
                ServiceLevel level = serviceLevels.resolveServiceLevel(request);
                assertEquals(oneDay.getId(), level.getStandardId(), c[0] + " is in force in Shanghai");
                assertEquals(shanghai.getId(), level.getCalendarId(), "the nearest calendar");
                assertEquals(city.getId(), level.getCalendarUnitId());
                assertEquals(team, level.getUnit());
            } else {
                try {
                    ServiceLevel other = serviceLevels.resolveServiceLevel(request);
                    assertEquals(false, oneDay.getId().equals(other.getStandardId()), c[0] + " is not in force");
                } catch (StatusRuntimeException e) {
                    assertEquals(Status.Code.NOT_FOUND, e.getStatus().getCode(), c[0] + " is not in force");
                }
            }
        }
    }

    @Test
    void malformedRulesAreNamed() {
        var e = assertThrows(
                StatusRuntimeException.class,
                () -> standards.createStandard(CreateStandardRequest.newBuilder()
                        .setStandard(Standard.newBuilder()
                                .setCode(unique("BAD"))
                                .setTitle("Bad rules")
                                .addServiceLevelTargets(
                                        ServiceLevelTarget.newBuilder().setCategory("billing"))
                                .addServiceLevelTargets(
                                        ServiceLevelTarget.newBuilder().setResolveWithin(hours(-1)))
                                .addServiceLevelTargets(ServiceLevelTarget.newBuilder()
                                        .setSeverityValue(42)
                                        .setResolveWithin(hours(1))))
                        .build()));
        assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode());
        assertEquals(List.of("standard.service_level_targets[2].severity"), GrpcErrors.violatedFields(e));

        var rules = assertThrows(
                StatusRuntimeException.class,
                () -> standards.createStandard(CreateStandardRequest.newBuilder()
                        .setStandard(Standard.newBuilder()
                                .setCode(unique("BAD"))
                                .setTitle("Bad rules")
                                .addServiceLevelTargets(
                                        ServiceLevelTarget.newBuilder().setCategory("billing"))
                                .addServiceLevelTargets(
                                        ServiceLevelTarget.newBuilder().setResolveWithin(hours(-1)))
                                .addServiceLevelTargets(
                                        ServiceLevelTarget.newBuilder().setResolveWithin(hours(1))))
                        .build()));
        assertEquals(
                List.of(
                        "standard.service_level_targets[0].category",
                        "standard.service_level_targets[0]",
                        "standard.service_level_targets[1].resolve_within",
                        "standard.service_level_targets[2]"),
                GrpcErrors.violatedFields(rules));
    }
}
