package org.sqm.gateway.rest.scoring;

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
import jakarta.ws.rs.QueryParam;
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
import org.sqm.gateway.rest.http.QueryParams;
import org.sqm.gateway.rest.http.RequestBodies;
import org.sqm.gateway.rest.http.Segments;
import org.sqm.gateway.rest.http.StateChange;
import org.sqm.gateway.rest.http.StateChanges;
import org.sqm.gateway.rest.scoring.ScoringModelViews.ComponentBody;
import org.sqm.gateway.rest.scoring.ScoringModelViews.GradeBandBody;
import org.sqm.gateway.rest.scoring.ScoringModelViews.MissingSourcePolicy;
import org.sqm.gateway.rest.scoring.ScoringModelViews.RollUpBody;
import org.sqm.gateway.rest.scoring.ScoringModelViews.ScoringModelBody;
import org.sqm.gateway.rest.scoring.ScoringModelViews.ScoringModelView;
import org.sqm.gateway.rest.scoring.ScoringModelViews.SpotCheckTriggerBody;
import org.sqm.proto.scoring.v1.CreateScoringModelRequest;
import org.sqm.proto.scoring.v1.GetScoringModelRequest;
import org.sqm.proto.scoring.v1.ListScoringModelsRequest;
import org.sqm.proto.scoring.v1.ListScoringModelsResponse;
import org.sqm.proto.scoring.v1.PublishScoringModelRequest;
import org.sqm.proto.scoring.v1.RetireScoringModelRequest;
import org.sqm.proto.scoring.v1.ScoringModel;
import org.sqm.proto.scoring.v1.ScoringModelServiceGrpc.ScoringModelServiceBlockingStub;
import org.sqm.proto.scoring.v1.ScoringModelState;
import org.sqm.proto.scoring.v1.UpdateScoringModelRequest;
import org.sqm.proto.standards.v1.UnitType;

/** Versioned scoring models (how a unit of one type is scored, as data), served by scoring-service. */
@Path("/api/v1/scoringModels")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
        name = "Scoring models",
        description =
                "How units of a type are scored: draft, publish (frozen for good; retires the one before), retire")
@APIResponse(
        responseCode = "409",
        description = "Wrong state (e.g. changing a published version), a draft already open for the code, a stale "
                + "etag, or a reused Idempotency-Key",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class ScoringModelResource {

    private static final String SERVICE = ScoringCatalogueResource.SERVICE;

    private static final MergePatch<ScoringModel.Builder> PATCH = new MergePatch<ScoringModel.Builder>()
            .text("name", ScoringModel.Builder::setName)
            .textOrNull("description", ScoringModel.Builder::setDescription)
            .list(
                    "components",
                    ComponentBody.class,
                    (model, components) -> model.addAllComponents(ScoringModelMapping.components(components)))
            .value("rollUp", RollUpBody.class, (model, rollUp) -> {
                if (rollUp != null) {
                    model.setRollUp(ScoringModelMapping.rollUp(rollUp));
                }
            })
            .value(
                    "missingSourcePolicy",
                    MissingSourcePolicy.class,
                    (model, policy) -> model.setMissingSourcePolicy(ScoringModelMapping.missingSourcePolicy(policy)))
            .list(
                    "deductionRuleCodes",
                    String.class,
                    (model, codes) ->
                            model.addAllDeductionRuleCodes(ScoringModelMapping.texts("deductionRuleCodes", codes)))
            .value("deductionCapPoints", Double.class, (model, cap) -> {
                if (cap != null) {
                    model.setDeductionCapPoints(cap);
                }
            })
            .value("baseScore", Double.class, (model, base) -> model.setBaseScore(base == null ? 0 : base))
            .list(
                    "gradeBands",
                    GradeBandBody.class,
                    (model, bands) -> model.addAllGradeBands(ScoringModelMapping.gradeBands(bands)))
            .list(
                    "spotCheckTriggers",
                    SpotCheckTriggerBody.class,
                    (model, triggers) ->
                            model.addAllSpotCheckTriggers(ScoringModelMapping.spotCheckTriggers(triggers)));

    private final ScoringModelServiceBlockingStub models;
    private final RemoteCalls calls;
    private final ObjectMapper json;
    private final StateChanges<ScoringModel> stateChanges;

    public ScoringModelResource(
            @GrpcClient("scoring") ScoringModelServiceBlockingStub models, RemoteCalls calls, ObjectMapper json) {
        this.models = models;
        this.calls = calls;
        this.json = json;
        this.stateChanges = new StateChanges<>(calls, SERVICE, json, ScoringModelResource::answer)
                .verb("publish", PublishScoringModelRequest.getDefaultInstance(), models::publishScoringModel)
                .verb("retire", RetireScoringModelRequest.getDefaultInstance(), models::retireScoringModel);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Create a draft scoring model",
            description = "Version 1 of a new code, or the next version of an existing code (same unitType). "
                    + "Components: weights in basis points adding up to 10000, each with one source "
                    + "(inspectionScore, satisfactionIndex, indicator, complaintTimeliness, complaintRate, "
                    + "callBackCoverage) and one mapping (direct or target); or a rollUp instead of components. "
                    + "Optional spotCheckTriggers (at most 10) request a spot check when a unit's complaint rate "
                    + "or satisfaction index crosses their threshold (see /spotChecks). "
                    + "400 names every invalid field (e.g. components[1].weightBasisPoints). Send an "
                    + "Idempotency-Key to make retries safe.")
    @APIResponse(
            responseCode = "201",
            description = "The draft",
            content = @Content(schema = @Schema(implementation = ScoringModelView.class)))
    @Extension(name = "x-sqm-rpc", value = "sqm.scoring.v1.ScoringModelService/CreateScoringModel")
    public Response create(
            ScoringModelBody body,
            @Parameter(description = "A client-chosen key, at most 100 characters, that makes the create safe to retry")
                    @HeaderParam("Idempotency-Key")
                    String idempotencyKey,
            UriInfo uri) {
        ScoringModel.Builder model = ScoringModelMapping.scoringModel(RequestBodies.required(body));
        ScoringModel created = calls.write(
                SERVICE,
                () -> models.createScoringModel(CreateScoringModelRequest.newBuilder()
                        .setScoringModel(model)
                        .setRequestId(nullToEmpty(idempotencyKey))
                        .build()));
        return Etags.created(
                uri.getAbsolutePathBuilder().path(created.getId()).build(),
                ScoringModelMapping.view(created),
                created.getEtag());
    }

    @GET
    @Path("/{id: " + Segments.ID + "}")
    @Operation(summary = "Read a scoring model version", description = "The ETag header carries the etag for If-Match.")
    @APIResponse(
            responseCode = "200",
            description = "The version",
            content = @Content(schema = @Schema(implementation = ScoringModelView.class)))
    @Extension(name = "x-sqm-rpc", value = "sqm.scoring.v1.ScoringModelService/GetScoringModel")
    public Response get(@PathParam("id") String id) {
        return answer(calls.read(
                SERVICE,
                () -> models.getScoringModel(
                        GetScoringModelRequest.newBuilder().setId(id).build())));
    }

    @GET
    @Operation(summary = "List scoring model versions", description = "By code, then version.")
    @Extension(name = "x-sqm-rpc", value = "sqm.scoring.v1.ScoringModelService/ListScoringModels")
    public Page<ScoringModelView> list(
            @BeanParam PageRequest page,
            @Parameter(description = "Only the versions of this code") @QueryParam("code") String code,
            @Parameter(description = "Only models for this unit type, e.g. SERVICE_HALL") @QueryParam("unitType")
                    String unitType,
            @Parameter(description = "DRAFT, PUBLISHED or RETIRED") @QueryParam("state") String state) {
        ListScoringModelsRequest request = ListScoringModelsRequest.newBuilder()
                .setPageSize(page.size())
                .setPageToken(page.token())
                .setCode(nullToEmpty(code))
                .setUnitType(QueryParams.protoEnum("unitType", unitType, UnitType.class))
                .setState(QueryParams.protoEnum("state", state, ScoringModelState.class))
                .build();
        ListScoringModelsResponse list = calls.read(SERVICE, () -> models.listScoringModels(request));
        return Page.of(list.getScoringModelsList(), ScoringModelMapping::view, list.getNextPageToken());
    }

    @PATCH
    @Path("/{id: " + Segments.ID + "}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Operation(
            summary = "Change a draft",
            description = "A JSON merge patch of name, description, components, rollUp, missingSourcePolicy, "
                    + "deductionRuleCodes, deductionCapPoints (null: no cap), baseScore, gradeBands, "
                    + "spotCheckTriggers; lists and "
                    + "objects are replaced whole. A published or retired version never changes (409 "
                    + "MODEL_NOT_DRAFT). If-Match must carry the current etag.")
    @APIResponse(
            responseCode = "200",
            description = "The changed draft",
            content = @Content(schema = @Schema(implementation = ScoringModelView.class)))
    @Extension(name = "x-sqm-rpc", value = "sqm.scoring.v1.ScoringModelService/UpdateScoringModel")
    public Response update(
            @PathParam("id") String id,
            @Parameter(description = "The etag of your last read", required = true) @HeaderParam(HttpHeaders.IF_MATCH)
                    String ifMatch,
            JsonNode body) {
        UpdateScoringModelRequest request =
                PATCH.request(UpdateScoringModelRequest.getDefaultInstance(), id, ifMatch, body, json);
        return answer(calls.write(SERVICE, () -> models.updateScoringModel(request)));
    }

    @POST
    @Path("/{id: " + Segments.ID + "}:{verb}")
    @Consumes(MediaType.WILDCARD)
    @Operation(
            summary = "Publish a draft or retire a published version",
            description = "verb is publish (the version published for the same unit type until now is retired at "
                    + "the same time; a published version never changes again) or retire (units of its type are "
                    + "not scored until another version is published). If-Match must carry the current etag.")
    @APIResponse(
            responseCode = "200",
            description = "The version after the change",
            content = @Content(schema = @Schema(implementation = ScoringModelView.class)))
    @Extension(
            name = "x-sqm-rpc",
            parseValue = true,
            value =
                    """
                {
                    "publish": "sqm.scoring.v1.ScoringModelService/PublishScoringModel",
                    "retire": "sqm.scoring.v1.ScoringModelService/RetireScoringModel"
                }""")
    public Response change(@BeanParam StateChange change, String body) {
        return stateChanges.apply(change, body);
    }

    private static Response answer(ScoringModel m) {
        return Etags.ok(ScoringModelMapping.view(m), m.getEtag());
    }
}
