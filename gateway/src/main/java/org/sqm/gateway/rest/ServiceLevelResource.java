package org.sqm.gateway.rest;

import static org.sqm.gateway.rest.Paging.nz;

import io.quarkus.grpc.GrpcClient;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.sqm.gateway.error.InvalidRequestException;
import org.sqm.gateway.grpc.BackendCalls;
import org.sqm.gateway.rest.StandardViews.ServiceChannel;
import org.sqm.gateway.rest.StandardViews.ServiceLevelTarget;
import org.sqm.gateway.rest.StandardViews.Severity;
import org.sqm.proto.standards.v1.ResolveServiceLevelRequest;
import org.sqm.proto.standards.v1.ServiceLevel;
import org.sqm.proto.standards.v1.ServiceLevelServiceGrpc.ServiceLevelServiceBlockingStub;

/** Which deadlines apply to a case of a unit, and on which calendar. */
@Path("/api/v1/units/{id: [^/:]+}/serviceLevel")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Units")
public class ServiceLevelResource {

    private final ServiceLevelServiceBlockingStub serviceLevels;
    private final BackendCalls calls;

    public ServiceLevelResource(
            @GrpcClient("standards") ServiceLevelServiceBlockingStub serviceLevels, BackendCalls calls) {
        this.serviceLevels = serviceLevels;
        this.calls = calls;
    }

    /**
     * The deadlines for a case and where they come from.
     *
     * @param target          the winning rule
     * @param calendarId      the effective calendar
     * @param calendarUnitId  the unit the calendar is set on (the unit or an ancestor)
     * @param standardVersion the version of the standard the rule belongs to
     * @param ruleIndex       the rule's position in that standard's serviceLevelTargets
     * @param specificity     how many match fields the rule sets
     */
    @Schema(name = "ServiceLevel")
    public record ServiceLevelView(
            ServiceLevelTarget target,
            String calendarId,
            String calendarCode,
            String calendarTimeZone,
            String calendarUnitId,
            String standardId,
            String standardCode,
            int standardVersion,
            int ruleIndex,
            int specificity) {}

    @GET
    @Operation(
            summary = "The deadlines for a case of this unit",
            description = "Among the rules of the published standards in force that apply to the unit's type, the most "
                    + "specific match wins; the calendar is the unit's or its nearest ancestor's.")
    public ServiceLevelView resolve(
            @PathParam("id") String id,
            @Parameter(description = "The case's channel") @QueryParam("channel") String channel,
            @Parameter(description = "The case's category code") @QueryParam("category") String category,
            @Parameter(description = "LOW, MEDIUM, HIGH or CRITICAL") @QueryParam("severity") String severity,
            @Parameter(description = "The instant that decides which standards are in force (default now)")
                    @QueryParam("at")
                    String at) {
        ResolveServiceLevelRequest.Builder request =
                ResolveServiceLevelRequest.newBuilder().setUnitId(id).setCategory(nz(category));
        if (channel != null && !channel.isEmpty()) {
            request.setChannel(org.sqm.proto.standards.v1.ServiceChannel.valueOf("SERVICE_CHANNEL_"
                    + parse("channel", channel, ServiceChannel.class).name()));
        }
        if (severity != null && !severity.isEmpty()) {
            request.setSeverity(StandardMapping.severity(parse("severity", severity, Severity.class)));
        }
        if (at != null && !at.isEmpty()) {
            request.setAtTime(Times.timestamp("at", at));
        }
        ServiceLevel level = calls.read(() -> serviceLevels.resolveServiceLevel(request.build()));
        return new ServiceLevelView(
                StandardMapping.toView(level.getTarget()),
                level.getCalendarId(),
                level.getCalendarCode(),
                level.getCalendarTimeZone(),
                level.getCalendarUnitId(),
                level.getStandardId(),
                level.getStandardCode(),
                level.getStandardVersion(),
                level.getRuleIndex(),
                level.getSpecificity());
    }

    private static <E extends Enum<E>> E parse(String field, String value, Class<E> type) {
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(field, "is not one of the documented values");
        }
    }
}
