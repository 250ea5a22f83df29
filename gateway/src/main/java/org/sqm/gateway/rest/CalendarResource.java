package org.sqm.gateway.rest;

import static org.sqm.gateway.rest.Paging.etagHeader;
import static org.sqm.gateway.rest.Paging.ifMatch;
import static org.sqm.gateway.rest.Paging.nextPageToken;
import static org.sqm.gateway.rest.Paging.nz;
import static org.sqm.gateway.rest.Paging.pageSize;
import static org.sqm.gateway.rest.Paging.pageToken;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.FieldMask;
import io.quarkus.grpc.GrpcClient;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.sqm.gateway.error.InvalidRequestException;
import org.sqm.gateway.error.Problem;
import org.sqm.gateway.grpc.BackendCalls;
import org.sqm.gateway.rest.BusinessTimeBodies.BusinessTime;
import org.sqm.gateway.rest.BusinessTimeBodies.BusinessTimeQuery;
import org.sqm.gateway.rest.BusinessTimeBodies.DueTime;
import org.sqm.gateway.rest.BusinessTimeBodies.DueTimeQuery;
import org.sqm.gateway.rest.BusinessTimeBodies.Interval;
import org.sqm.gateway.rest.CalendarView.HolidayItem;
import org.sqm.gateway.rest.CalendarView.WorkingHoursItem;
import org.sqm.proto.standards.v1.Calendar;
import org.sqm.proto.standards.v1.CalendarServiceGrpc.CalendarServiceBlockingStub;
import org.sqm.proto.standards.v1.ComputeDueTimeRequest;
import org.sqm.proto.standards.v1.CreateCalendarRequest;
import org.sqm.proto.standards.v1.GetCalendarRequest;
import org.sqm.proto.standards.v1.Holiday;
import org.sqm.proto.standards.v1.ListCalendarsRequest;
import org.sqm.proto.standards.v1.ListCalendarsResponse;
import org.sqm.proto.standards.v1.MeasureBusinessTimeRequest;
import org.sqm.proto.standards.v1.TimeInterval;
import org.sqm.proto.standards.v1.UpdateCalendarRequest;
import org.sqm.proto.standards.v1.Weekday;
import org.sqm.proto.standards.v1.WorkingHours;

/** Business calendars and business-time arithmetic, served by standards-service. */
@Path("/api/v1/calendars")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Calendars", description = "Working hours, holidays and the business-time arithmetic of deadlines")
@APIResponse(
        responseCode = "400",
        description = "Invalid input; `errors` names every invalid field",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(
        responseCode = "404",
        description = "No calendar has this id",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class CalendarResource {

    private static final String WEEKDAY_PREFIX = "WEEKDAY_";
    private static final Map<String, String> CHANGEABLE = MergePatch.fields(
            "name", "name",
            "timeZone", "time_zone",
            "alwaysOpen", "always_open",
            "workingHours", "working_hours",
            "holidays", "holidays");

    private final CalendarServiceBlockingStub calendars;
    private final BackendCalls calls;
    private final ObjectMapper json;

    public CalendarResource(
            @GrpcClient("standards") CalendarServiceBlockingStub calendars, BackendCalls calls, ObjectMapper json) {
        this.calendars = calendars;
        this.calls = calls;
        this.json = json;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a calendar", description = "Idempotency-Key makes retries safe.")
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content = @Content(schema = @Schema(implementation = CalendarView.class)))
    public Response create(CalendarBody body, @HeaderParam("Idempotency-Key") String idempotencyKey, UriInfo uri) {
        if (body == null) {
            throw new InvalidRequestException("body", "is required");
        }
        Calendar.Builder calendar = Calendar.newBuilder()
                .setCode(nz(body.code()))
                .setName(nz(body.name()))
                .setTimeZone(nz(body.timeZone()))
                .setAlwaysOpen(Boolean.TRUE.equals(body.alwaysOpen()));
        setLists(calendar, body.workingHours(), body.holidays());
        Calendar created = calls.write(() -> calendars.createCalendar(CreateCalendarRequest.newBuilder()
                .setCalendar(calendar)
                .setRequestId(nz(idempotencyKey))
                .build()));
        return Response.created(
                        uri.getAbsolutePathBuilder().path(created.getId()).build())
                .header(HttpHeaders.ETAG, etagHeader(created.getEtag()))
                .entity(toView(created))
                .build();
    }

    @GET
    @Path("/{id: [^/:]+}")
    @Operation(summary = "Read a calendar")
    @APIResponse(
            responseCode = "200",
            description = "The calendar",
            content = @Content(schema = @Schema(implementation = CalendarView.class)))
    public Response get(@PathParam("id") String id) {
        return okWithEtag(calls.read(() ->
                calendars.getCalendar(GetCalendarRequest.newBuilder().setId(id).build())));
    }

    @GET
    @Operation(summary = "List calendars", description = "Ordered by code, one page at a time.")
    public Page<CalendarView> list(@QueryParam("pageSize") String pageSize, @QueryParam("pageToken") String pageToken) {
        ListCalendarsResponse page = calls.read(() -> calendars.listCalendars(ListCalendarsRequest.newBuilder()
                .setPageSize(pageSize(pageSize))
                .setPageToken(pageToken(pageToken))
                .build()));
        return new Page<>(
                page.getCalendarsList().stream().map(CalendarResource::toView).toList(),
                nextPageToken(page.getNextPageToken()));
    }

    @PATCH
    @Path("/{id: [^/:]+}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Operation(
            summary = "Change a calendar",
            description = "Send only the fields to change; workingHours and holidays are replaced whole. "
                    + "If-Match must carry the calendar's current etag.")
    @APIResponse(
            responseCode = "200",
            description = "The changed calendar",
            content = @Content(schema = @Schema(implementation = CalendarView.class)))
    public Response update(
            @PathParam("id") String id,
            @Parameter(description = "The etag of your last read", required = true) @HeaderParam(HttpHeaders.IF_MATCH)
                    String ifMatch,
            JsonNode body) {
        FieldMask.Builder mask = FieldMask.newBuilder();
        MergePatch patch = new MergePatch(body, json, CHANGEABLE, mask);
        Calendar.Builder calendar = Calendar.newBuilder().setId(id).setEtag(ifMatch(ifMatch));
        if (patch.has("name")) {
            calendar.setName(patch.text("name", false));
        }
        if (patch.has("timeZone")) {
            calendar.setTimeZone(patch.text("timeZone", false));
        }
        if (patch.has("alwaysOpen")) {
            calendar.setAlwaysOpen(patch.bool("alwaysOpen"));
        }
        setLists(
                calendar,
                patch.has("workingHours") ? List.of(patch.value("workingHours", WorkingHoursItem[].class)) : null,
                patch.has("holidays") ? List.of(patch.value("holidays", HolidayItem[].class)) : null);
        return okWithEtag(calls.write(() -> calendars.updateCalendar(UpdateCalendarRequest.newBuilder()
                .setCalendar(calendar)
                .setUpdateMask(mask)
                .build())));
    }

    @POST
    @Path("/{id: [^/:]+}:computeDueTime")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Compute a due instant",
            description = "When a business duration that starts at startTime runs out on this calendar: nights, "
                    + "weekends, holidays and paused intervals do not count; daylight-saving changes are handled.")
    @APIResponse(
            responseCode = "200",
            description = "The due instant",
            content = @Content(schema = @Schema(implementation = DueTime.class)))
    public DueTime computeDueTime(@PathParam("id") String id, DueTimeQuery query) {
        if (query == null) {
            throw new InvalidRequestException("body", "is required");
        }
        ComputeDueTimeRequest request = ComputeDueTimeRequest.newBuilder()
                .setCalendarId(id)
                .setStartTime(Times.timestamp("startTime", query.startTime()))
                .setBusinessDuration(Times.duration("businessDuration", query.businessDuration()))
                .addAllPausedIntervals(intervals(query.pausedIntervals()))
                .build();
        return new DueTime(
                Times.toRest(calls.read(() -> calendars.computeDueTime(request)).getDueTime()));
    }

    @POST
    @Path("/{id: [^/:]+}:measureBusinessTime")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Measure business time",
            description = "How much business time lies between two instants, paused intervals left out.")
    @APIResponse(
            responseCode = "200",
            description = "The business time",
            content = @Content(schema = @Schema(implementation = BusinessTime.class)))
    public BusinessTime measureBusinessTime(@PathParam("id") String id, BusinessTimeQuery query) {
        if (query == null) {
            throw new InvalidRequestException("body", "is required");
        }
        MeasureBusinessTimeRequest request = MeasureBusinessTimeRequest.newBuilder()
                .setCalendarId(id)
                .setStartTime(Times.timestamp("startTime", query.startTime()))
                .setEndTime(Times.timestamp("endTime", query.endTime()))
                .addAllPausedIntervals(intervals(query.pausedIntervals()))
                .build();
        return new BusinessTime(Times.toRest(
                calls.read(() -> calendars.measureBusinessTime(request)).getBusinessTime()));
    }

    private static List<TimeInterval> intervals(List<Interval> intervals) {
        if (intervals == null) {
            return List.of();
        }
        return java.util.stream.IntStream.range(0, intervals.size())
                .mapToObj(i -> {
                    Interval interval = intervals.get(i);
                    if (interval == null) {
                        throw new InvalidRequestException("pausedIntervals[" + i + "]", "must be an interval");
                    }
                    return TimeInterval.newBuilder()
                            .setStartTime(Times.timestamp("pausedIntervals[" + i + "].startTime", interval.startTime()))
                            .setEndTime(Times.timestamp("pausedIntervals[" + i + "].endTime", interval.endTime()))
                            .build();
                })
                .toList();
    }

    private static void setLists(Calendar.Builder calendar, List<WorkingHoursItem> hours, List<HolidayItem> holidays) {
        if (hours != null) {
            for (WorkingHoursItem h : hours) {
                WorkingHours.Builder item = WorkingHours.newBuilder();
                if (h != null) {
                    item.setStartTime(nz(h.startTime())).setEndTime(nz(h.endTime()));
                    if (h.day() != null) {
                        item.setDay(Weekday.valueOf(WEEKDAY_PREFIX + h.day().name()));
                    }
                }
                calendar.addWorkingHours(item);
            }
        }
        if (holidays != null) {
            for (HolidayItem h : holidays) {
                calendar.addHolidays(
                        h == null
                                ? Holiday.getDefaultInstance()
                                : Holiday.newBuilder()
                                        .setDate(nz(h.date()))
                                        .setName(nz(h.name()))
                                        .build());
            }
        }
    }

    static CalendarView toView(Calendar c) {
        return new CalendarView(
                c.getId(),
                c.getCode(),
                c.getName(),
                c.getTimeZone(),
                c.getAlwaysOpen(),
                c.getWorkingHoursList().stream()
                        .map(w -> new WorkingHoursItem(
                                CalendarView.Weekday.valueOf(w.getDay().name().substring(WEEKDAY_PREFIX.length())),
                                w.getStartTime(),
                                w.getEndTime()))
                        .toList(),
                c.getHolidaysList().stream()
                        .map(h -> new HolidayItem(h.getDate(), h.getName().isEmpty() ? null : h.getName()))
                        .toList(),
                c.getEtag(),
                Times.toRest(c.getCreateTime()),
                Times.toRest(c.getUpdateTime()));
    }

    private static Response okWithEtag(Calendar calendar) {
        return Paging.okWithEtag(toView(calendar), calendar.getEtag());
    }
}
