package org.sqm.standards.grpc;

import static org.sqm.commons.convert.ProtoTime.durationOrNull;
import static org.sqm.commons.convert.ProtoTime.instantOrNull;
import static org.sqm.commons.convert.ProtoTime.timestamp;
import static org.sqm.commons.grpc.Replies.reply;

import io.grpc.stub.StreamObserver;
import io.quarkus.grpc.GrpcService;
import io.smallrye.common.annotation.Blocking;
import org.sqm.commons.convert.ProtoTime;
import org.sqm.commons.paging.PageTokens;
import org.sqm.proto.standards.v1.Calendar;
import org.sqm.proto.standards.v1.CalendarServiceGrpc;
import org.sqm.proto.standards.v1.ComputeDueTimeRequest;
import org.sqm.proto.standards.v1.ComputeDueTimeResponse;
import org.sqm.proto.standards.v1.CreateCalendarRequest;
import org.sqm.proto.standards.v1.GetCalendarRequest;
import org.sqm.proto.standards.v1.ListCalendarsRequest;
import org.sqm.proto.standards.v1.ListCalendarsResponse;
import org.sqm.proto.standards.v1.MeasureBusinessTimeRequest;
import org.sqm.proto.standards.v1.MeasureBusinessTimeResponse;
import org.sqm.proto.standards.v1.UpdateCalendarRequest;
import org.sqm.standards.domain.CalendarEntity;
import org.sqm.standards.mapping.CalendarMapper;
import org.sqm.standards.service.CalendarService;

/** The gRPC face of {@link CalendarService}; database work runs on worker threads, never the event loop. */
@GrpcService
@Blocking
public class CalendarGrpcService extends CalendarServiceGrpc.CalendarServiceImplBase {

    private final CalendarService calendars;

    public CalendarGrpcService(CalendarService calendars) {
        this.calendars = calendars;
    }

    @Override
    public void createCalendar(CreateCalendarRequest request, StreamObserver<Calendar> response) {
        reply(
                response,
                CalendarMapper.toProto(
                        calendars.create(CalendarMapper.toSpec(request.getCalendar()), request.getRequestId())));
    }

    @Override
    public void getCalendar(GetCalendarRequest request, StreamObserver<Calendar> response) {
        reply(response, CalendarMapper.toProto(calendars.get(request.getId())));
    }

    @Override
    public void listCalendars(ListCalendarsRequest request, StreamObserver<ListCalendarsResponse> response) {
        PageTokens.Page<CalendarEntity> page = calendars.list(request.getPageSize(), request.getPageToken());
        reply(
                response,
                ListCalendarsResponse.newBuilder()
                        .addAllCalendars(page.items().stream()
                                .map(CalendarMapper::toProto)
                                .toList())
                        .setNextPageToken(page.nextPageToken())
                        .build());
    }

    @Override
    public void updateCalendar(UpdateCalendarRequest request, StreamObserver<Calendar> response) {
        Calendar calendar = request.getCalendar();
        reply(
                response,
                CalendarMapper.toProto(calendars.update(
                        calendar.getId(),
                        calendar.getEtag(),
                        request.getUpdateMask().getPathsList(),
                        CalendarMapper.toSpec(calendar))));
    }

    @Override
    public void computeDueTime(ComputeDueTimeRequest request, StreamObserver<ComputeDueTimeResponse> response) {
        var due = calendars.dueTime(
                request.getCalendarId(),
                instantOrNull(request.hasStartTime(), request.getStartTime()),
                durationOrNull("business_duration", request.hasBusinessDuration(), request.getBusinessDuration()),
                CalendarMapper.toIntervals(request.getPausedIntervalsList()));
        reply(
                response,
                ComputeDueTimeResponse.newBuilder().setDueTime(timestamp(due)).build());
    }

    @Override
    public void measureBusinessTime(
            MeasureBusinessTimeRequest request, StreamObserver<MeasureBusinessTimeResponse> response) {
        var used = calendars.businessTime(
                request.getCalendarId(),
                instantOrNull(request.hasStartTime(), request.getStartTime()),
                instantOrNull(request.hasEndTime(), request.getEndTime()),
                CalendarMapper.toIntervals(request.getPausedIntervalsList()));
        reply(
                response,
                MeasureBusinessTimeResponse.newBuilder()
                        .setBusinessTime(ProtoTime.duration(used))
                        .build());
    }
}
