package org.sqm.gateway.rest.scoring;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.grpc.GrpcClient;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.sqm.commons.client.ClientConfig;
import org.sqm.commons.client.RemoteCalls;
import org.sqm.gateway.rest.http.RequestBodies;
import org.sqm.gateway.rest.scoring.ScoringViews.CatalogueBody;
import org.sqm.gateway.rest.scoring.ScoringViews.CatalogueLoadView;
import org.sqm.proto.scoring.v1.LoadScoringCatalogueRequest;
import org.sqm.proto.scoring.v1.ScoringCatalogueServiceGrpc.ScoringCatalogueServiceBlockingStub;

/** Loading a catalogue of indicators, deduction rules and scoring models (a custom method on the catalogue), by default the one scoring-service ships. */
@Path("/api/v1/scoringCatalogue:load")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Scoring catalogue")
public class ScoringCatalogueLoadResource {

    private static final String SERVICE = ScoringCatalogueResource.SERVICE;

    private final ScoringCatalogueServiceBlockingStub catalogue;
    private final RemoteCalls calls;
    private final ObjectMapper json;
    private final Duration bulkDeadline;

    public ScoringCatalogueLoadResource(
            @GrpcClient("scoring") ScoringCatalogueServiceBlockingStub catalogue,
            RemoteCalls calls,
            ObjectMapper json,
            ClientConfig client) {
        this.catalogue = catalogue;
        this.calls = calls;
        this.json = json;
        this.bulkDeadline = client.bulkDeadline();
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Operation(
            summary = "Load a scoring catalogue",
            description =
                    "Without a body, the catalogue shipped with scoring-service: the control plan's field-service "
                            + "indicators, the hotline and first-contact indicators, its deductions and the scoring models "
                            + "of service halls, hotline, online service and field teams (published as version 1, with "
                            + "roll-ups for the branches) and Customer Service Excellence's accreditation rules (CSE). "
                            + "Creates every entry "
                            + "whose code is free and leaves the others as they are (UNCHANGED or DIFFERENT); running it "
                            + "again changes nothing. An invalid catalogue creates nothing.")
    @RequestBody(content = @Content(schema = @Schema(implementation = CatalogueBody.class)))
    @APIResponse(
            responseCode = "200",
            description = "Each entry's outcome",
            content = @Content(schema = @Schema(implementation = CatalogueLoadView.class)))
    @Extension(name = "x-sqm-rpc", value = "sqm.scoring.v1.ScoringCatalogueService/LoadScoringCatalogue")
    public CatalogueLoadView load(String body) {
        CatalogueBody own = RequestBodies.optional(json, body, CatalogueBody.class, null);
        LoadScoringCatalogueRequest.Builder request = LoadScoringCatalogueRequest.newBuilder();
        if (own != null) {
            request.setCatalogue(ScoringMapping.catalogue(own));
        }
        // A bulk call: the whole catalogue in one transaction, with its own deadline.
        return ScoringMapping.view(calls.write(SERVICE, () -> catalogue
                .withDeadlineAfter(bulkDeadline.toMillis(), TimeUnit.MILLISECONDS)
                .loadScoringCatalogue(request.build())));
    }
}
