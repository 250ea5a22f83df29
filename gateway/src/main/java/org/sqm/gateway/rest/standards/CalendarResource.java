package org.sqm.gateway.rest.standards;

import static org.sqm.commons.convert.Texts.nullToEmpty;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.grpc.GrpcClient;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.sqm.commons.client.RemoteCalls;
import org.sqm.gateway.error.Problem;
import org.sqm.gateway.rest.http.Etags;
import org.sqm.gateway.rest.http.MergePatch;
import org.sqm.gateway.rest.http.Page;
import org.sqm.gateway.rest.http.PageRequest;
import org.sqm.gateway.rest.http.RequestBodies;
import org.sqm.gateway.rest.http.Segments;
import org.sqm.gateway.rest.http.Times;
import org.sqm.gateway.rest.standards.CalendarViews.BusinessTime;
import org.sqm.gateway.rest.standards.CalendarViews.BusinessTimeQuery;
import org.sqm.gateway.rest.standards.CalendarViews.CalendarBody;
import org.sqm.gateway.rest.standards.CalendarViews.CalendarView;
import org.sqm.gateway.rest.standards.CalendarViews.DueTime;
import org.sqm.gateway.rest.standards.CalendarViews.DueTimeQuery;
import org.sqm.gateway.rest.standards.CalendarViews.HolidayItem;
import org.sqm.gateway.rest.standards.CalendarViews.WorkingHoursItem;
import org.sqm.proto.standards.v1.Calendar;
import org.sqm.proto.standards.v1.CalendarServiceGrpc.CalendarServiceBlockingStub;
import org.sqm.proto.standards.v1.ComputeDueTimeRequest;
import org.sqm.proto.standards.v1.CreateCalendarRequest;
import org.sqm.proto.standards.v1.GetCalendarRequest;
import org.sqm.proto.standards.v1.ListCalendarsRequest;
import org.sqm.proto.standards.v1.ListCalendarsResponse;
import org.sqm.proto.standards.v1.MeasureBusinessTimeRequest;
import org.sqm.proto.standards.v1.UpdateCalendarRequest;

/** Business calendars and business-time arithmetic, served by standards-service. */
@Path("/api/v1/calendars")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Calendars", description = "Working hours, holidays and the business-time arithmetic of deadlines")
@APIResponse(
        responseCode = "404",
        description = "No calendar has this id",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class CalendarResource {

    private static final String SERVICE = "standards-service";

    private static final MergePatch<Calendar.Builder> PATCH = new MergePatch<Calendar.Builder>()
            .text("name", Calendar.Builder::setName)
            .text("timeZone", Calendar.Builder::setTimeZone)
            .bool("alwaysOpen", Calendar.Builder::setAlwaysOpen)
            .list(
                    "workingHours",
                    WorkingHoursItem.class,
                    (calendar, hours) -> calendar.addAllWorkingHours(CalendarMapping.workingHours(hours)))
            .list(
                    "holidays",
                    HolidayItem.class,
                    (calendar, holidays) -> calendar.addAllHolidays(CalendarMapping.holidays(holidays)));

    private final CalendarServiceBlockingStub calendars;
    private final RemoteCalls calls;
    private final ObjectMapper json;

    public CalendarResource(
            @GrpcClient("standards") CalendarServiceBlockingStub calendars, RemoteCalls calls, ObjectMapper json) {
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
    @Extension(name = "x-sqm-rpc", value = "sqm.standards.v1.CalendarService/CreateCalendar")
    public Response create(CalendarBody body, @HeaderParam("Idempotency-Key") String idempotencyKey, UriInfo uri) {
        Calendar.Builder calendar = CalendarMapping.calendar(RequestBodies.required(body));
        Calendar created = calls.write(
                SERVICE,
                () -> calendars.createCalendar(CreateCalendarRequest.newBuilder()
                        .setCalendar(calendar)
                        .setRequestId(nullToEmpty(idempotencyKey))
                        .build()));
        return Etags.created(
                uri.getAbsolutePathBuilder().path(created.getId()).build(),
                CalendarMapping.view(created),
                created.getEtag());
    }

    @GET
    @Path("/{id: " + Segments.ID + "}")
    @Operation(summary = "Read a calendar")
    @APIResponse(
            responseCode = "200",
            description = "The calendar",
            content = @Content(schema = @Schema(implementation = CalendarView.class)))
    @Extension(name = "x-sqm-rpc", value = "sqm.standards.v1.CalendarService/GetCalendar")
    public Response get(@PathParam("id") String id) {
        return answer(calls.read(
                SERVICE,
                () -> calendars.getCalendar(
                        GetCalendarRequest.newBuilder().setId(id).build())));
    }

    @GET
    @Operation(summary = "List calendars", description = "Ordered by code, one page at a time.")
    @Extension(name = "x-sqm-rpc", value = "sqm.standards.v1.CalendarService/ListCalendars")
    public Page<CalendarView> list(@BeanParam PageRequest page) {
        ListCalendarsResponse list = calls.read(
                SERVICE,
                () -> calendars.listCalendars(ListCalendarsRequest.newBuilder()
                        .setPageSize(page.size())
                        .setPageToken(page.token())
                        .build()));
        return Page.of(list.getCalendarsList(), CalendarMapping::view, list.getNextPageToken());
    }

    @PATCH
    @Path("/{id: " + Segments.ID + "}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Operation(
            summary = "Change a calendar",
            description = "Send only the fields to change; workingHours and holidays are replaced whole. "
                    + "If-Match must carry the calendar's current etag.")
    @APIResponse(
            responseCode = "200",
            description = "The changed calendar",
            content = @Content(schema = @Schema(implementation = CalendarView.class)))
    @Extension(name = "x-sqm-rpc", value = "sqm.standards.v1.CalendarService/UpdateCalendar")
    public Response update(
            @PathParam("id") String id,
            @Parameter(description = "The etag of your last read", required = true) @HeaderParam(HttpHeaders.IF_MATCH)
                    String ifMatch,
            JsonNode body) {
        UpdateCalendarRequest request =
                PATCH.request(UpdateCalendarRequest.getDefaultInstance(), id, ifMatch, body, json);
        return answer(calls.write(SERVICE, () -> calendars.updateCalendar(request)));
    }

    @POST
    @Path("/{id: " + Segments.ID + "}:computeDueTime")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Compute a due instant",
            description = "When a business duration that starts at startTime runs out on this calendar: nights, "
                    + "weekends, holidays and paused intervals do not count; daylight-saving changes are handled.")
    @APIResponse(
            responseCode = "200",
            description = "The due instant",
            content = @Content(schema = @Schema(implementation = DueTime.class)))
    @Extension(name = "x-sqm-rpc", value = "sqm.standards.v1.CalendarService/ComputeDueTime")
    public DueTime computeDueTime(@PathParam("id") String id, DueTimeQuery query) {
        RequestBodies.required(query);
        ComputeDueTimeRequest request = ComputeDueTimeRequest.newBuilder()
                .setCalendarId(id)
                .setStartTime(Times.timestamp("startTime", query.startTime()))
                .setBusinessDuration(Times.duration("businessDuration", query.businessDuration()))
                .addAllPausedIntervals(CalendarMapping.intervals(query.pausedIntervals()))
                .build();
        return new DueTime(Times.text(
                calls.read(SERVICE, () -> calendars.computeDueTime(request)).getDueTime()));
    }

    @POST
    @Path("/{id: " + Segments.ID + "}:measureBusinessTime")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Measure business time",
            description = "How much business time lies between two instants, paused intervals left out.")
    @APIResponse(
            responseCode = "200",
            description = "The business time",
            content = @Content(schema = @Schema(implementation = BusinessTime.class)))
    @Extension(name = "x-sqm-rpc", value = "sqm.standards.v1.CalendarService/MeasureBusinessTime")
    public BusinessTime measureBusinessTime(@PathParam("id") String id, BusinessTimeQuery query) {
        RequestBodies.required(query);
        MeasureBusinessTimeRequest request = MeasureBusinessTimeRequest.newBuilder()
                .setCalendarId(id)
                .setStartTime(Times.timestamp("startTime", query.startTime()))
                .setEndTime(Times.timestamp("endTime", query.endTime()))
                .addAllPausedIntervals(CalendarMapping.intervals(query.pausedIntervals()))
                .build();
        return new BusinessTime(Times.text(calls.read(SERVICE, () -> calendars.measureBusinessTime(request))
                .getBusinessTime()));
    }

    private static Response answer(Calendar calendar) {
        return Etags.ok(CalendarMapping.view(calendar), calendar.getEtag());
    }
}
