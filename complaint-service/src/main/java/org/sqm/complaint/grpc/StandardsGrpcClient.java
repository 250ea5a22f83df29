package org.sqm.complaint.grpc;

import com.google.protobuf.Timestamp;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.sqm.commons.grpc.ProtoTime;
import org.sqm.complaint.config.ComplaintConfig;
import org.sqm.complaint.domain.ComplaintChannel;
import org.sqm.complaint.domain.Severity;
import org.sqm.complaint.service.Standards;
import org.sqm.proto.standards.v1.CalendarServiceGrpc.CalendarServiceBlockingStub;
import org.sqm.proto.standards.v1.ComputeDueTimeRequest;
import org.sqm.proto.standards.v1.GetUnitRequest;
import org.sqm.proto.standards.v1.ListUnitDescendantsRequest;
import org.sqm.proto.standards.v1.ListUnitDescendantsResponse;
import org.sqm.proto.standards.v1.MeasureBusinessTimeRequest;
import org.sqm.proto.standards.v1.ResolveServiceLevelRequest;
import org.sqm.proto.standards.v1.ServiceChannel;
import org.sqm.proto.standards.v1.ServiceLevelServiceGrpc.ServiceLevelServiceBlockingStub;
import org.sqm.proto.standards.v1.TimeInterval;
import org.sqm.proto.standards.v1.UnitServiceGrpc.UnitServiceBlockingStub;
import org.sqm.proto.standards.v1.UnitState;

/** {@link Standards} over gRPC; every call carries its own deadline. */
@ApplicationScoped
public class StandardsGrpcClient implements Standards {

    private final UnitServiceBlockingStub units;
    private final ServiceLevelServiceBlockingStub serviceLevels;
    private final CalendarServiceBlockingStub calendars;
    private final long deadlineMillis;

    public StandardsGrpcClient(
            @GrpcClient("standards") UnitServiceBlockingStub units,
            @GrpcClient("standards") ServiceLevelServiceBlockingStub serviceLevels,
            @GrpcClient("standards") CalendarServiceBlockingStub calendars,
            ComplaintConfig config) {
        this.units = units;
        this.serviceLevels = serviceLevels;
        this.calendars = calendars;
        this.deadlineMillis = config.standardsDeadline().toMillis();
    }

    @Override
    public Optional<Unit> unit(UUID id) {
        try {
            return Optional.of(unit(units.withDeadlineAfter(deadlineMillis, TimeUnit.MILLISECONDS)
                    .getUnit(GetUnitRequest.newBuilder().setId(id.toString()).build())));
        } catch (StatusRuntimeException e) {
            if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public Optional<Standards.ServiceLevel> serviceLevel(
            UUID unitId,
            ComplaintChannel channel,
            String category,
            Severity severity,
            Instant at,
            double warningShare) {
        try {
            org.sqm.proto.standards.v1.ServiceLevel level = serviceLevels
                    .withDeadlineAfter(deadlineMillis, TimeUnit.MILLISECONDS)
                    .resolveServiceLevel(ResolveServiceLevelRequest.newBuilder()
                            .setUnitId(unitId.toString())
                            .setChannel(serviceChannel(channel))
                            .setCategory(category)
                            .setSeverity(org.sqm.proto.common.v1.Severity.valueOf("SEVERITY_" + severity.name()))
                            .setAtTime(ProtoTime.timestamp(at))
                            .setWarningShare(warningShare)
                            .build());
            var t = level.getTarget();
            // A standards-service older than the unit field: ask for the unit separately.
            Unit unit = level.hasUnit() ? unit(level.getUnit()) : unit(unitId).orElse(null);
            return Optional.of(new Standards.ServiceLevel(
                    t.hasAcknowledgeWithin() ? duration(t.getAcknowledgeWithin()) : null,
                    t.hasFirstResponseWithin() ? duration(t.getFirstResponseWithin()) : null,
                    t.hasResolveWithin() ? duration(t.getResolveWithin()) : null,
                    t.hasCallBackWithin() ? duration(t.getCallBackWithin()) : null,
                    level.hasAcknowledgeDueTime() ? instant(level.getAcknowledgeDueTime()) : null,
                    level.hasFirstResponseDueTime() ? instant(level.getFirstResponseDueTime()) : null,
                    level.hasResolveDueTime() ? instant(level.getResolveDueTime()) : null,
                    level.hasAcknowledgeWarnTime() ? instant(level.getAcknowledgeWarnTime()) : null,
                    level.hasFirstResponseWarnTime() ? instant(level.getFirstResponseWarnTime()) : null,
                    level.hasResolveWarnTime() ? instant(level.getResolveWarnTime()) : null,
                    UUID.fromString(level.getCalendarId()),
                    level.getStandardCode() + " v" + level.getStandardVersion() + " rule " + level.getRuleIndex(),
                    unit));
        } catch (StatusRuntimeException e) {
            if (e.getStatus().getCode() == Status.Code.NOT_FOUND
                    || e.getStatus().getCode() == Status.Code.FAILED_PRECONDITION) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private static Unit unit(org.sqm.proto.standards.v1.Unit unit) {
        return new Unit(
                UUID.fromString(unit.getId()),
                unit.getParentId().isEmpty() ? null : UUID.fromString(unit.getParentId()),
                unit.getState() == UnitState.UNIT_STATE_ACTIVE);
    }

    /** Complaint channels in the terms of service standards. */
    static ServiceChannel serviceChannel(ComplaintChannel channel) {
        return switch (channel) {
            case PHONE -> ServiceChannel.SERVICE_CHANNEL_PHONE;
            case EMAIL -> ServiceChannel.SERVICE_CHANNEL_EMAIL;
            case WEB_FORM -> ServiceChannel.SERVICE_CHANNEL_ONLINE;
            case SOCIAL_MEDIA -> ServiceChannel.SERVICE_CHANNEL_SOCIAL_MEDIA;
            case IN_PERSON -> ServiceChannel.SERVICE_CHANNEL_IN_PERSON;
            case REGULATOR_REFERRAL, CONSUMER_ASSOCIATION_REFERRAL -> ServiceChannel.SERVICE_CHANNEL_REFERRAL;
        };
    }

    @Override
    public Instant dueTime(UUID calendarId, Instant start, Duration duration, List<Interval> pauses) {
        var response = calendars
                .withDeadlineAfter(deadlineMillis, TimeUnit.MILLISECONDS)
                .computeDueTime(ComputeDueTimeRequest.newBuilder()
                        .setCalendarId(calendarId.toString())
                        .setStartTime(ProtoTime.timestamp(start))
                        .setBusinessDuration(com.google.protobuf.Duration.newBuilder()
                                .setSeconds(duration.getSeconds())
                                .setNanos(duration.getNano()))
                        .addAllPausedIntervals(intervals(pauses))
                        .build());
        return instant(response.getDueTime());
    }

    @Override
    public Duration businessTime(UUID calendarId, Instant start, Instant end, List<Interval> pauses) {
        var response = calendars
                .withDeadlineAfter(deadlineMillis, TimeUnit.MILLISECONDS)
                .measureBusinessTime(MeasureBusinessTimeRequest.newBuilder()
                        .setCalendarId(calendarId.toString())
                        .setStartTime(ProtoTime.timestamp(start))
                        .setEndTime(ProtoTime.timestamp(end))
                        .addAllPausedIntervals(intervals(pauses))
                        .build());
        return duration(response.getBusinessTime());
    }

    @Override
    public List<UUID> descendants(UUID unitId) {
        List<UUID> ids = new ArrayList<>();
        String token = "";
        do {
            ListUnitDescendantsResponse page = units.withDeadlineAfter(deadlineMillis, TimeUnit.MILLISECONDS)
                    .listUnitDescendants(ListUnitDescendantsRequest.newBuilder()
                            .setId(unitId.toString())
                            .setPageSize(1000)
                            .setPageToken(token)
                            .setShowInactive(true)
                            .build());
            page.getUnitsList().forEach(u -> ids.add(UUID.fromString(u.getId())));
            token = page.getNextPageToken();
        } while (!token.isEmpty());
        return ids;
    }

    private static List<TimeInterval> intervals(List<Interval> pauses) {
        return pauses.stream()
                .map(p -> TimeInterval.newBuilder()
                        .setStartTime(ProtoTime.timestamp(p.start()))
                        .setEndTime(ProtoTime.timestamp(p.end()))
                        .build())
                .toList();
    }

    private static Duration duration(com.google.protobuf.Duration d) {
        return Duration.ofSeconds(d.getSeconds(), d.getNanos());
    }

    private static Instant instant(Timestamp t) {
        return Instant.ofEpochSecond(t.getSeconds(), t.getNanos());
    }
}
