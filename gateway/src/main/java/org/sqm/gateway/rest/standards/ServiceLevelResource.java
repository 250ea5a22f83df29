package org.sqm.gateway.rest.standards;

import static org.sqm.commons.convert.Texts.nullToEmpty;

import io.quarkus.grpc.GrpcClient;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.sqm.commons.client.RemoteCalls;
import org.sqm.gateway.rest.http.QueryParams;
import org.sqm.gateway.rest.http.Segments;
import org.sqm.gateway.rest.http.Times;
import org.sqm.gateway.rest.standards.StandardViews.ServiceLevelView;
import org.sqm.proto.common.v1.Severity;
import org.sqm.proto.standards.v1.ResolveServiceLevelRequest;
import org.sqm.proto.standards.v1.ServiceChannel;
import org.sqm.proto.standards.v1.ServiceLevelServiceGrpc.ServiceLevelServiceBlockingStub;

/** Which deadlines apply to a case of a unit, and on which calendar. */
@Path("/api/v1/units/{id: " + Segments.ID + "}/serviceLevel")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Units")
public class ServiceLevelResource {

    private static final String SERVICE = "standards-service";

    private final ServiceLevelServiceBlockingStub serviceLevels;
    private final RemoteCalls calls;

    public ServiceLevelResource(
            @GrpcClient("standards") ServiceLevelServiceBlockingStub serviceLevels, RemoteCalls calls) {
        this.serviceLevels = serviceLevels;
        this.calls = calls;
    }

    @GET
    @Operation(
            summary = "The deadlines for a case of this unit",
            description = "Among the rules of the published standards in force that apply to the unit's type, the most "
                    + "specific match wins; the calendar is the unit's or its nearest ancestor's.")
    @Extension(name = "x-sqm-rpc", value = "sqm.standards.v1.ServiceLevelService/ResolveServiceLevel")
    public ServiceLevelView resolve(
            @PathParam("id") String id,
            @Parameter(description = "The case's channel") @QueryParam("channel") String channel,
            @Parameter(description = "The case's category code") @QueryParam("category") String category,
            @Parameter(description = "LOW, MEDIUM, HIGH or CRITICAL") @QueryParam("severity") String severity,
            @Parameter(description = "The instant that decides which standards are in force (default now)")
                    @QueryParam("at")
                    String at) {
        ResolveServiceLevelRequest.Builder request = ResolveServiceLevelRequest.newBuilder()
                .setUnitId(id)
                .setCategory(nullToEmpty(category))
                .setChannel(QueryParams.protoEnum("channel", channel, ServiceChannel.class))
                .setSeverity(QueryParams.protoEnum("severity", severity, Severity.class));
        Times.ifPresent("at", at, request::setAtTime);
        return StandardMapping.view(calls.read(SERVICE, () -> serviceLevels.resolveServiceLevel(request.build())));
    }
}
