package org.sqm.complaint.client;

import static org.sqm.commons.convert.ProtoTime.duration;
import static org.sqm.commons.convert.ProtoTime.instant;
import static org.sqm.commons.convert.ProtoTime.timestamp;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ForwardingClientCall;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.quarkus.grpc.GrpcClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.sqm.commons.auth.OutgoingToken;
import org.sqm.commons.client.RemoteCallException;
import org.sqm.commons.client.RemoteCalls;
import org.sqm.commons.client.UnitDirectory;
import org.sqm.commons.convert.ProtoEnums;
import org.sqm.complaint.domain.ComplaintChannel;
import org.sqm.complaint.domain.Severity;
import org.sqm.complaint.service.Standards;
import org.sqm.proto.standards.v1.CalendarServiceGrpc.CalendarServiceBlockingStub;
import org.sqm.proto.standards.v1.ComputeDueTimeRequest;
import org.sqm.proto.standards.v1.MeasureBusinessTimeRequest;
import org.sqm.proto.standards.v1.ResolveServiceLevelRequest;
import org.sqm.proto.standards.v1.ServiceChannel;
import org.sqm.proto.standards.v1.ServiceLevelServiceGrpc.ServiceLevelServiceBlockingStub;
import org.sqm.proto.standards.v1.TimeInterval;
import org.sqm.proto.standards.v1.UnitServiceGrpc.UnitServiceBlockingStub;
import org.sqm.proto.standards.v1.UnitState;

/** {@link Standards} over gRPC, through the one way of calling another service ({@link RemoteCalls}). */
@ApplicationScoped
public class StandardsGrpcClient implements Standards {

    private static final String SERVICE = UnitDirectory.SERVICE;

    private final UnitDirectory units;
    private final UnitDirectory unitsAsService;
    private final ServiceLevelServiceBlockingStub serviceLevels;
    private final CalendarServiceBlockingStub calendars;
    private final RemoteCalls calls;

    public StandardsGrpcClient(
            @GrpcClient("standards") UnitServiceBlockingStub units,
            @GrpcClient("standards") ServiceLevelServiceBlockingStub serviceLevels,
            @GrpcClient("standards") CalendarServiceBlockingStub calendars,
            RemoteCalls calls,
            OutgoingToken token) {
        this.units = new UnitDirectory(units, calls);
        this.unitsAsService = new UnitDirectory(units.withInterceptors(new AsService(token)), calls);
        this.serviceLevels = serviceLevels;
        this.calendars = calendars;
        this.calls = calls;
    }

    @Override
    public Optional<Unit> unit(UUID id) {
        return units.unit(id).map(StandardsGrpcClient::unit);
    }

    @Override
    public Optional<Standards.ServiceLevel> serviceLevel(
            UUID unitId,
            ComplaintChannel channel,
            String category,
            Severity severity,
            Instant at,
            double warningShare) {
        org.sqm.proto.standards.v1.ServiceLevel level;
        try {
            level = calls.read(
                    SERVICE,
                    () -> serviceLevels.resolveServiceLevel(ResolveServiceLevelRequest.newBuilder()
                            .setUnitId(unitId.toString())
                            .setChannel(serviceChannel(channel))
                            .setCategory(category)
                            .setSeverity(ProtoEnums.toProto(severity, org.sqm.proto.common.v1.Severity.class))
                            .setAtTime(timestamp(at))
                            .setWarningShare(warningShare)
                            .build()));
        } catch (RemoteCallException e) {
            // No rule, no calendar or no such unit: the caller tells which.
            if (e.code() == Status.Code.NOT_FOUND || e.code() == Status.Code.FAILED_PRECONDITION) {
                return Optional.empty();
            }
            throw e;
        }
        var t = level.getTarget();
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
                unit(level.getUnit())));
    }

    @Override
    public Optional<Unit> unitAsService(UUID id) {
        return unitsAsService.unit(id).map(StandardsGrpcClient::unit);
    }

    /** Sends this service's own token instead of the caller's (the global interceptor keeps a token already set). */
    private record AsService(OutgoingToken token) implements ClientInterceptor {

        private static final Metadata.Key<String> AUTHORIZATION =
                Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

        @Override
        public <Q, A> ClientCall<Q, A> interceptCall(MethodDescriptor<Q, A> method, CallOptions options, Channel next) {
            Optional<String> service = token.serviceToken();
            return new ForwardingClientCall.SimpleForwardingClientCall<>(next.newCall(method, options)) {
                @Override
                public void start(Listener<A> listener, Metadata headers) {
                    service.ifPresent(t -> headers.put(AUTHORIZATION, "Bearer " + t));
                    super.start(listener, headers);
                }
            };
        }
    }

    private static Unit unit(org.sqm.proto.standards.v1.Unit unit) {
        return new Unit(
                UUID.fromString(unit.getId()),
                unit.getParentId().isEmpty() ? null : UUID.fromString(unit.getParentId()),
                unit.getState() == UnitState.UNIT_STATE_ACTIVE);
    }

    /** Complaint channels in the terms of service standards (the two enums name them differently). */
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
        return instant(calls.read(
                        SERVICE,
                        () -> calendars.computeDueTime(ComputeDueTimeRequest.newBuilder()
                                .setCalendarId(calendarId.toString())
                                .setStartTime(timestamp(start))
                                .setBusinessDuration(duration(duration))
                                .addAllPausedIntervals(intervals(pauses))
                                .build()))
                .getDueTime());
    }

    @Override
    public Duration businessTime(UUID calendarId, Instant start, Instant end, List<Interval> pauses) {
        return duration(calls.read(
                        SERVICE,
                        () -> calendars.measureBusinessTime(MeasureBusinessTimeRequest.newBuilder()
                                .setCalendarId(calendarId.toString())
                                .setStartTime(timestamp(start))
                                .setEndTime(timestamp(end))
                                .addAllPausedIntervals(intervals(pauses))
                                .build()))
                .getBusinessTime());
    }

    @Override
    public List<UUID> descendants(UUID unitId) {
        return units.descendants(unitId, true).stream()
                .map(u -> UUID.fromString(u.getId()))
                .toList();
    }

    private static List<TimeInterval> intervals(List<Interval> pauses) {
        return pauses.stream()
                .map(p -> TimeInterval.newBuilder()
                        .setStartTime(timestamp(p.start()))
                        .setEndTime(timestamp(p.end()))
                        .build())
                .toList();
    }
}
