package org.sqm.scoring.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.FieldMask;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sqm.proto.inspection.v1.AuthorityLevel;
import org.sqm.proto.inspection.v1.InspectionKind;
import org.sqm.proto.scoring.v1.AuthorityWeight;
import org.sqm.proto.scoring.v1.ComponentSource;
import org.sqm.proto.scoring.v1.CreateScoringModelRequest;
import org.sqm.proto.scoring.v1.DirectMapping;
import org.sqm.proto.scoring.v1.GetScoringModelRequest;
import org.sqm.proto.scoring.v1.GradeBand;
import org.sqm.proto.scoring.v1.IndicatorSource;
import org.sqm.proto.scoring.v1.InspectionScoreSource;
import org.sqm.proto.scoring.v1.ListScoringModelsRequest;
import org.sqm.proto.scoring.v1.ListScoringModelsResponse;
import org.sqm.proto.scoring.v1.LoadScoringCatalogueRequest;
import org.sqm.proto.scoring.v1.MissingSourcePolicy;
import org.sqm.proto.scoring.v1.PublishScoringModelRequest;
import org.sqm.proto.scoring.v1.RetireScoringModelRequest;
import org.sqm.proto.scoring.v1.RollUp;
import org.sqm.proto.scoring.v1.RollUpWeighting;
import org.sqm.proto.scoring.v1.SatisfactionIndexSource;
import org.sqm.proto.scoring.v1.ScoreComponent;
import org.sqm.proto.scoring.v1.ScoreMapping;
import org.sqm.proto.scoring.v1.ScoringCatalogueServiceGrpc.ScoringCatalogueServiceBlockingStub;
import org.sqm.proto.scoring.v1.ScoringModel;
import org.sqm.proto.scoring.v1.ScoringModelServiceGrpc.ScoringModelServiceBlockingStub;
import org.sqm.proto.scoring.v1.ScoringModelState;
import org.sqm.proto.scoring.v1.TargetMapping;
import org.sqm.proto.scoring.v1.UpdateScoringModelRequest;
import org.sqm.proto.standards.v1.UnitType;
import org.sqm.scoring.service.ScoringModels;
import org.sqm.testing.EmbeddedPostgresResource;
import org.sqm.testing.GrpcErrors;

/**
 * Scoring models over gRPC. Versions that get published are for account-management teams, a unit type
 * the shipped catalogue has no model for, and every test retires what it published: other tests find
 * the catalogue's models as they were.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class ScoringModelGrpcServiceTest {

    static final UnitType TYPE = UnitType.UNIT_TYPE_ACCOUNT_MANAGEMENT_TEAM;

    @GrpcClient("scoring")
    ScoringModelServiceBlockingStub models;

    @GrpcClient("scoring")
    ScoringCatalogueServiceBlockingStub catalogue;

    @Inject
    ScoringModels published;

    @BeforeEach
    void catalogue() {
        // The indicators and deduction rules the models name. The first load of a run warms up every
        // path of the load on a busy machine: more time than the usual deadline.
        catalogue
                .withDeadlineAfter(60, TimeUnit.SECONDS)
                .loadScoringCatalogue(LoadScoringCatalogueRequest.getDefaultInstance());
    }

    @AfterEach
    void retireWhatWasPublished() {
        for (ScoringModel m : models.listScoringModels(ListScoringModelsRequest.newBuilder()
                        .setUnitType(TYPE)
                        .setState(ScoringModelState.SCORING_MODEL_STATE_PUBLISHED)
                        .build())
                .getScoringModelsList()) {
            retire(m);
        }
    }

    static String code() {
        return "MODEL-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static ScoreMapping direct() {
        return ScoreMapping.newBuilder()
                .setDirect(DirectMapping.getDefaultInstance())
                .build();
    }

    static AuthorityWeight authority(AuthorityLevel level, int weight) {
        return AuthorityWeight.newBuilder()
                .setLevel(level)
                .setWeightBasisPoints(weight)
                .build();
    }

    /** A valid model: mystery shopping 60 % (province and city half each), first-contact resolution 40 %. */
    static ScoringModel model(String code) {
        return ScoringModel.newBuilder()
                .setCode(code)
                .setName("Account management team")
                .setDescription("Scored on mystery shopping and first-contact resolution.")
                .setUnitType(TYPE)
                .addComponents(ScoreComponent.newBuilder()
                        .setCode("MYSTERY_SHOPPING")
                        .setName("Mystery shopping")
                        .setWeightBasisPoints(6000)
                        .setSource(ComponentSource.newBuilder()
                                .setInspectionScore(InspectionScoreSource.newBuilder()
                                        .setKind(InspectionKind.INSPECTION_KIND_MYSTERY_SHOPPING)
                                        .addAuthorityWeights(authority(AuthorityLevel.AUTHORITY_LEVEL_PROVINCIAL, 5000))
                                        .addAuthorityWeights(authority(AuthorityLevel.AUTHORITY_LEVEL_CITY, 5000))
                                        .setFailedCountsAsZero(true)))
                        .setMapping(direct()))
                .addComponents(ScoreComponent.newBuilder()
                        .setCode("FCR")
                        .setName("First-contact resolution")
                        .setWeightBasisPoints(4000)
                        .setSource(ComponentSource.newBuilder()
                                .setIndicator(IndicatorSource.newBuilder()
                                        .setIndicatorCode("FIRST_CONTACT_RESOLUTION")
                                        .setMinSample(20)))
                        .setMapping(ScoreMapping.newBuilder()
                                .setTarget(
                                        TargetMapping.newBuilder().setTarget(95).setFloor(80))))
                .setMissingSourcePolicy(MissingSourcePolicy.MISSING_SOURCE_POLICY_RESPREAD)
                .addDeductionRuleCodes("REPORT_LATE")
                .addDeductionRuleCodes("SUPERVISION_NOT_FIXED_IN_TIME")
                .setDeductionCapPoints(5)
                .setBaseScore(100)
                .addGradeBands(band("A", 90))
                .addGradeBands(band("B", 60))
                .addGradeBands(band("C", 0))
                .build();
    }

    static GradeBand band(String grade, double min) {
        return GradeBand.newBuilder().setGrade(grade).setMinScore(min).build();
    }

    ScoringModel create(ScoringModel model, String requestId) {
        return models.createScoringModel(CreateScoringModelRequest.newBuilder()
                .setScoringModel(model)
                .setRequestId(requestId)
                .build());
    }

    ScoringModel get(ScoringModel model) {
        return models.getScoringModel(
                GetScoringModelRequest.newBuilder().setId(model.getId()).build());
    }

    ScoringModel publish(ScoringModel model) {
        return models.publishScoringModel(PublishScoringModelRequest.newBuilder()
                .setId(model.getId())
                .setEtag(model.getEtag())
                .build());
    }

    ScoringModel retire(ScoringModel model) {
        return models.retireScoringModel(RetireScoringModelRequest.newBuilder()
                .setId(model.getId())
                .setEtag(model.getEtag())
                .build());
    }

    ScoringModel update(ScoringModel change, String... paths) {
        return models.updateScoringModel(UpdateScoringModelRequest.newBuilder()
                .setScoringModel(change)
                .setUpdateMask(FieldMask.newBuilder().addAllPaths(List.of(paths)))
                .build());
    }

    /** What a version says, its output-only fields cleared. */
    static ScoringModel said(ScoringModel m) {
        return m.toBuilder()
                .clearId()
                .clearVersion()
                .clearState()
                .clearEtag()
                .clearCreateTime()
                .clearPublishTime()
                .clearRetireTime()
                .build();
    }

    /** The fields a create of the model is refused for, with nothing written. */
    List<String> violatedFields(ScoringModel model) {
        var e = refused(Status.Code.INVALID_ARGUMENT, () -> create(model, ""));
        return GrpcErrors.violatedFields(e);
    }

    static StatusRuntimeException refused(Status.Code code, Runnable call) {
        var e = assertThrows(StatusRuntimeException.class, call::run);
        assertEquals(code, e.getStatus().getCode(), e.getStatus().toString());
        return e;
    }

    @Test
    void aDraftIsCreatedOncePerRequestIdAndReadBackAsWritten() {
        String code = code();
        String requestId = UUID.randomUUID().toString();
        ScoringModel asked = model(code).toBuilder()
                .setId("ignored")
                .setVersion(7)
                .setState(ScoringModelState.SCORING_MODEL_STATE_PUBLISHED)
                .setName("  Account management team ")
                .build();
        ScoringModel draft = create(asked, requestId);
        assertEquals(1, draft.getVersion());
        assertEquals(ScoringModelState.SCORING_MODEL_STATE_DRAFT, draft.getState());
        assertFalse(draft.getEtag().isEmpty());
        assertTrue(draft.hasCreateTime());
        assertFalse(draft.hasPublishTime());
        assertFalse(draft.hasRetireTime());
        assertEquals(model(code), said(draft));
        assertEquals(draft, get(draft));
        assertEquals(draft, create(asked, requestId));

        var reused = refused(Status.Code.ALREADY_EXISTS, () -> create(model(code()), requestId));
        assertEquals("REQUEST_ID_REUSED", GrpcErrors.errorInfo(reused).getReason());
        var second = refused(Status.Code.FAILED_PRECONDITION, () -> create(model(code), ""));
        assertEquals("DRAFT_ALREADY_EXISTS", GrpcErrors.errorInfo(second).getReason());
        var missing = refused(
                Status.Code.NOT_FOUND,
                () -> models.getScoringModel(GetScoringModelRequest.newBuilder()
                        .setId(UUID.randomUUID().toString())
                        .build()));
        assertEquals("SCORING_MODEL_NOT_FOUND", GrpcErrors.errorInfo(missing).getReason());
    }

    @Test
    void aRollUpModelNeedsOnlyItsWeighting() {
        ScoringModel rollUp = model(code()).toBuilder()
                .clearComponents()
                .setRollUp(RollUp.newBuilder().setWeighting(RollUpWeighting.ROLL_UP_WEIGHTING_CUSTOMERS_SERVED))
                .clearDeductionCapPoints()
                .setMissingSourcePolicy(MissingSourcePolicy.MISSING_SOURCE_POLICY_INSUFFICIENT_DATA)
                .build();
        ScoringModel draft = create(rollUp, "");
        assertEquals(rollUp, said(draft));
        assertFalse(draft.hasDeductionCapPoints());
        assertEquals(0, draft.getComponentsCount());
    }

    @Test
    void everyBadFieldIsNamedAndNothingIsWritten() {
        String code = code();
        ScoringModel valid = model(code);
        ScoringModel badModel = valid.toBuilder()
                .setName(" ")
                .setDescription("x".repeat(2001))
                .setUnitTypeValue(99)
                .setRollUp(RollUp.getDefaultInstance())
                .clearMissingSourcePolicy()
                .addDeductionRuleCodes("NO_SUCH_RULE")
                .addDeductionRuleCodes("REPORT_LATE")
                .setDeductionCapPoints(-1)
                .setBaseScore(1000.5)
                .clearGradeBands()
                .addGradeBands(band("A", 80))
                .addGradeBands(band("B", 80))
                .addGradeBands(band(" ", -1))
                .addGradeBands(band("A", 10))
                .build();
        assertEquals(
                List.of(
                        "scoring_model.name",
                        "scoring_model.description",
                        "scoring_model.unit_type",
                        "scoring_model.roll_up",
                        "scoring_model.roll_up.weighting",
                        "scoring_model.missing_source_policy",
                        "scoring_model.deduction_rule_codes[2]",
                        "scoring_model.deduction_rule_codes[3]",
                        "scoring_model.deduction_cap_points",
                        "scoring_model.base_score",
                        "scoring_model.grade_bands[1].min_score",
                        "scoring_model.grade_bands[2].grade",
                        "scoring_model.grade_bands[2].min_score",
                        "scoring_model.grade_bands[3].grade",
                        "scoring_model.grade_bands[3].min_score"),
                violatedFields(badModel));

        ScoringModel badInspectionAndIndicator = valid.toBuilder()
                .clearComponents()
                .addComponents(ScoreComponent.newBuilder()
                        .setCode("MS")
                        .setName("Mystery shopping")
                        .setWeightBasisPoints(5000)
                        .setSource(ComponentSource.newBuilder()
                                .setInspectionScore(InspectionScoreSource.newBuilder()
                                        .addAuthorityWeights(authority(AuthorityLevel.AUTHORITY_LEVEL_PROVINCIAL, 6000))
                                        .addAuthorityWeights(authority(AuthorityLevel.AUTHORITY_LEVEL_PROVINCIAL, 3000))
                                        .addAuthorityWeights(authority(AuthorityLevel.AUTHORITY_LEVEL_UNSPECIFIED, 0))))
                        .setMapping(direct()))
                .addComponents(ScoreComponent.newBuilder()
                        .setCode("MS")
                        .setName("Twice")
                        .setWeightBasisPoints(10001)
                        .setSource(ComponentSource.newBuilder()
                                .setIndicator(IndicatorSource.newBuilder()
                                        .setIndicatorCode("NO_SUCH_INDICATOR")
                                        .setMinSample(-1)))
                        .setMapping(ScoreMapping.newBuilder()
                                .setTarget(
                                        TargetMapping.newBuilder().setTarget(80).setFloor(80))))
                .build();
        assertEquals(
                List.of(
                        "scoring_model.components[0].source.inspection_score.kind",
                        "scoring_model.components[0].source.inspection_score.authority_weights[1].level",
                        "scoring_model.components[0].source.inspection_score.authority_weights[2].level",
                        "scoring_model.components[0].source.inspection_score.authority_weights[2].weight_basis_points",
                        // 6000 + 3000 + 0 = 9000
                        "scoring_model.components[0].source.inspection_score.authority_weights",
                        "scoring_model.components[1].code",
                        "scoring_model.components[1].weight_basis_points",
                        "scoring_model.components[1].source.indicator.indicator_code",
                        "scoring_model.components[1].source.indicator.min_sample",
                        "scoring_model.components[1].mapping.target.target",
                        // 5000 + 10001 = 15001
                        "scoring_model.components"),
                violatedFields(badInspectionAndIndicator));

        ScoringModel badSatisfactionAndMappings = valid.toBuilder()
                .setComponents(
                        1,
                        ScoreComponent.newBuilder()
                                .setCode("SAT")
                                .setName("Satisfaction")
                                .setWeightBasisPoints(3000)
                                .setSource(ComponentSource.newBuilder()
                                        .setSatisfactionIndex(SatisfactionIndexSource.newBuilder()
                                                .setSegmentValue(42)
                                                .setMinSample(-3))))
                .addComponents(ScoreComponent.newBuilder()
                        .setCode("NOTHING")
                        .setName("No source")
                        .setWeightBasisPoints(1000)
                        .setMapping(ScoreMapping.newBuilder()
                                .setTarget(TargetMapping.newBuilder()
                                        .setTarget(Double.NaN)
                                        .setFloor(Double.POSITIVE_INFINITY))))
                .build();
        assertEquals(
                List.of(
                        "scoring_model.components[1].source.satisfaction_index.segment",
                        "scoring_model.components[1].source.satisfaction_index.min_sample",
                        "scoring_model.components[1].mapping",
                        "scoring_model.components[2].source",
                        "scoring_model.components[2].mapping.target.target",
                        "scoring_model.components[2].mapping.target.floor"),
                violatedFields(badSatisfactionAndMappings));
        assertEquals(
                0,
                models.listScoringModels(ListScoringModelsRequest.newBuilder()
                                .setCode(code)
                                .build())
                        .getScoringModelsCount());

        var empty = refused(
                Status.Code.INVALID_ARGUMENT,
                () -> create(
                        model(code).toBuilder()
                                .setCode("has space")
                                .clearComponents()
                                .clearGradeBands()
                                .setBaseScore(0)
                                .build(),
                        "r".repeat(101)));
        assertEquals(
                List.of(
                        "scoring_model.code",
                        "scoring_model.components",
                        "scoring_model.base_score",
                        "scoring_model.grade_bands",
                        "request_id"),
                GrpcErrors.violatedFields(empty));

        ScoringModel tooManyRules = model(code).toBuilder()
                .clearDeductionRuleCodes()
                .addAllDeductionRuleCodes(Collections.nCopies(51, "REPORT_LATE"))
                .build();
        assertEquals(
                "scoring_model.deduction_rule_codes",
                violatedFields(tooManyRules).get(0));
        ScoringModel noBandFromZero = model(code).toBuilder()
                .clearGradeBands()
                .addGradeBands(band("A", 50))
                .build();
        assertEquals(List.of("scoring_model.grade_bands[0].min_score"), violatedFields(noBandFromZero));
    }

    @Test
    void listsFilterByCodeUnitTypeAndStateAndPageByCodeThenVersion() {
        String prefix = "LIST-" + UUID.randomUUID().toString().substring(0, 8);
        String a = prefix + "-A";
        String b = prefix + "-B";
        ScoringModel a1 = publish(create(model(a), ""));
        ScoringModel a2 = create(model(a), "");
        ScoringModel b1 = create(
                model(b).toBuilder().setUnitType(UnitType.UNIT_TYPE_HOTLINE).build(), "");

        ListScoringModelsResponse ofA = models.listScoringModels(
                ListScoringModelsRequest.newBuilder().setCode(a).build());
        assertEquals(List.of(a1.getId(), a2.getId()), ids(ofA));
        ListScoringModelsResponse firstOfA = models.listScoringModels(
                ListScoringModelsRequest.newBuilder().setCode(a).setPageSize(1).build());
        assertEquals(List.of(a1.getId()), ids(firstOfA));
        assertEquals(
                List.of(a2.getId()),
                ids(models.listScoringModels(ListScoringModelsRequest.newBuilder()
                        .setCode(a)
                        .setPageSize(1)
                        .setPageToken(firstOfA.getNextPageToken())
                        .build())));
        var foreign = refused(
                Status.Code.INVALID_ARGUMENT,
                () -> models.listScoringModels(ListScoringModelsRequest.newBuilder()
                        .setCode(b)
                        .setPageSize(1)
                        .setPageToken(firstOfA.getNextPageToken())
                        .build()));
        assertEquals(List.of("page_token"), GrpcErrors.violatedFields(foreign));
        assertEquals(
                List.of(a2.getId()),
                ids(models.listScoringModels(ListScoringModelsRequest.newBuilder()
                        .setCode(a)
                        .setState(ScoringModelState.SCORING_MODEL_STATE_DRAFT)
                        .build())));
        assertEquals(
                List.of(b1.getId()),
                ids(models.listScoringModels(ListScoringModelsRequest.newBuilder()
                        .setCode(b)
                        .setUnitType(UnitType.UNIT_TYPE_HOTLINE)
                        .build())));
        assertEquals(
                List.of(),
                ids(models.listScoringModels(ListScoringModelsRequest.newBuilder()
                        .setCode(b)
                        .setUnitType(TYPE)
                        .build())));

        // Every draft, one at a time: ours come in code then version order, each once.
        List<String> seen = new ArrayList<>();
        String token = "";
        ListScoringModelsRequest drafts = ListScoringModelsRequest.newBuilder()
                .setState(ScoringModelState.SCORING_MODEL_STATE_DRAFT)
                .setPageSize(1)
                .build();
        do {
            ListScoringModelsResponse page = models.listScoringModels(
                    drafts.toBuilder().setPageToken(token).build());
            assertTrue(page.getScoringModelsCount() <= 1);
            page.getScoringModelsList().forEach(m -> seen.add(m.getId()));
            token = page.getNextPageToken();
        } while (!token.isEmpty());
        assertEquals(seen.size(), seen.stream().distinct().count());
        assertTrue(seen.indexOf(a2.getId()) >= 0 && seen.indexOf(a2.getId()) < seen.indexOf(b1.getId()));
        assertFalse(seen.contains(a1.getId()));

        var unknown = refused(
                Status.Code.INVALID_ARGUMENT,
                () -> models.listScoringModels(ListScoringModelsRequest.newBuilder()
                        .setUnitTypeValue(99)
                        .setStateValue(9)
                        .setPageSize(-1)
                        .build()));
        assertEquals(List.of("unit_type", "state"), GrpcErrors.violatedFields(unknown));
    }

    static List<String> ids(ListScoringModelsResponse page) {
        return page.getScoringModelsList().stream().map(ScoringModel::getId).toList();
    }

    @Test
    void aNewVersionIsADraftUntilPublishedAndPublishedVersionsNeverChange() {
        String code = code();
        ScoringModel v1 = publish(create(model(code), ""));
        assertEquals(ScoringModelState.SCORING_MODEL_STATE_PUBLISHED, v1.getState());
        assertTrue(v1.hasPublishTime());
        assertTrue(published.published().contains(v1));

        // Version 2 keeps the unit type.
        var otherType = refused(
                Status.Code.INVALID_ARGUMENT,
                () -> create(
                        model(code).toBuilder()
                                .setUnitType(UnitType.UNIT_TYPE_HOTLINE)
                                .build(),
                        ""));
        assertEquals(List.of("scoring_model.unit_type"), GrpcErrors.violatedFields(otherType));
        ScoringModel v2 = create(model(code), "");
        assertEquals(2, v2.getVersion());
        assertEquals(ScoringModelState.SCORING_MODEL_STATE_DRAFT, v2.getState());

        // Published: neither updated nor published again.
        var frozen = refused(
                Status.Code.FAILED_PRECONDITION,
                () -> update(v1.toBuilder().setName("New").build(), "name"));
        assertEquals("MODEL_NOT_DRAFT", GrpcErrors.errorInfo(frozen).getReason());
        var again = refused(Status.Code.FAILED_PRECONDITION, () -> publish(v1));
        assertEquals("MODEL_NOT_DRAFT", GrpcErrors.errorInfo(again).getReason());

        // The draft changes field by field: the hotline's 20 s answer share replaces first-contact resolution.
        ScoringModel change = ScoringModel.newBuilder()
                .setId(v2.getId())
                .setEtag(v2.getEtag())
                .setName("Account management team, 2027")
                .setDescription("ignored: not in the mask")
                .addAllComponents(v2.getComponentsList())
                .setComponents(
                        1,
                        v2.getComponents(1).toBuilder()
                                .setSource(ComponentSource.newBuilder()
                                        .setIndicator(IndicatorSource.newBuilder()
                                                .setIndicatorCode("HOTLINE_ANSWERED_WITHIN_20S"))))
                .build();
        ScoringModel changed = update(change, "name", "components", "deduction_cap_points");
        assertEquals("Account management team, 2027", changed.getName());
        assertEquals(v2.getDescription(), changed.getDescription());
        assertEquals(
                "HOTLINE_ANSWERED_WITHIN_20S",
                changed.getComponents(1).getSource().getIndicator().getIndicatorCode());
        assertFalse(changed.hasDeductionCapPoints());
        assertNotEquals(v2.getEtag(), changed.getEtag());
        assertEquals(changed, get(changed));

        var stale = refused(
                Status.Code.ABORTED,
                () -> update(v2.toBuilder().setName("Stale").build(), "name"));
        assertEquals("ETAG_MISMATCH", GrpcErrors.errorInfo(stale).getReason());
        var mask = refused(
                Status.Code.INVALID_ARGUMENT, () -> update(changed.toBuilder().build(), "code", "unit_type"));
        assertEquals(List.of("update_mask", "update_mask"), GrpcErrors.violatedFields(mask));
        var invalid = refused(
                Status.Code.INVALID_ARGUMENT,
                () -> update(
                        changed.toBuilder().setBaseScore(0).clearGradeBands().build(), "base_score"));
        assertEquals(List.of("scoring_model.base_score"), GrpcErrors.violatedFields(invalid));
        refused(Status.Code.ABORTED, () -> publish(v2));

        // Publishing version 2 retires version 1, which still says what it said.
        ScoringModel live = publish(changed);
        assertEquals(ScoringModelState.SCORING_MODEL_STATE_PUBLISHED, live.getState());
        ScoringModel retired = get(v1);
        assertEquals(ScoringModelState.SCORING_MODEL_STATE_RETIRED, retired.getState());
        assertTrue(retired.hasRetireTime());
        assertEquals(said(v1), said(retired));
        assertEquals(v1.getPublishTime(), retired.getPublishTime());
        assertTrue(published.published().contains(live));
        assertFalse(published.published().stream().anyMatch(m -> m.getId().equals(v1.getId())));
        var notPublished = refused(Status.Code.FAILED_PRECONDITION, () -> retire(retired));
        assertEquals("MODEL_NOT_PUBLISHED", GrpcErrors.errorInfo(notPublished).getReason());

        // Another code for the same unit type takes over; then it is retired without a successor.
        ScoringModel other = publish(create(model(code()), ""));
        assertEquals(ScoringModelState.SCORING_MODEL_STATE_RETIRED, get(live).getState());
        refused(Status.Code.ABORTED, () -> retire(other.toBuilder().setEtag("0").build()));
        ScoringModel gone = retire(other);
        assertEquals(ScoringModelState.SCORING_MODEL_STATE_RETIRED, gone.getState());
        assertFalse(published.published().stream().anyMatch(m -> m.getUnitType() == TYPE));
        var draftRetire = refused(Status.Code.FAILED_PRECONDITION, () -> retire(create(model(code), "")));
        assertEquals("MODEL_NOT_PUBLISHED", GrpcErrors.errorInfo(draftRetire).getReason());
    }

    @Test
    void racingCreatesMakeOneDraft() {
        for (int round = 0; round < 4; round++) {
            // The same request twice at once: both answers are the one draft.
            String code = code();
            String requestId = UUID.randomUUID().toString();
            List<Object> retries = race(() -> create(model(code), requestId), () -> create(model(code), requestId));
            assertTrue(retries.get(0) instanceof ScoringModel, retries.toString());
            assertEquals(retries.get(0), retries.get(1));

            // Two requests for the same code at once: one draft, the other refused.
            String other = code();
            List<Object> outcomes = race(() -> create(model(other), ""), () -> create(model(other), ""));
            assertEquals(
                    1, outcomes.stream().filter(o -> o instanceof ScoringModel).count(), outcomes.toString());
            assertTrue(
                    outcomes.stream()
                            .filter(o -> o instanceof StatusRuntimeException)
                            .allMatch(o -> GrpcErrors.errorInfo((StatusRuntimeException) o)
                                    .getReason()
                                    .equals("DRAFT_ALREADY_EXISTS")),
                    outcomes.toString());
        }
    }

    /** Runs both calls at once; each answer is the call's result or its StatusRuntimeException. */
    static List<Object> race(java.util.function.Supplier<Object> one, java.util.function.Supplier<Object> two) {
        CyclicBarrier start = new CyclicBarrier(2);
        return List.of(one, two).stream()
                .map(call -> CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                        return call.get();
                    } catch (StatusRuntimeException e) {
                        return e;
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }))
                .toList()
                .stream()
                .map(CompletableFuture::join)
                .toList();
    }

    @Test
    void racingPublicationsLeaveOnePublishedVersionPerUnitType() throws Exception {
        for (int round = 0; round < 8; round++) {
            // Even rounds start with nothing published (the partial unique index decides), odd rounds
            // with the previous round's winner to retire (its row version decides).
            ScoringModel first = create(model(code()), "");
            ScoringModel second = create(model(code()), "");
            CyclicBarrier start = new CyclicBarrier(2);
            List<CompletableFuture<Status.Code>> runs = new ArrayList<>();
            for (ScoringModel draft : List.of(first, second)) {
                runs.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                        publish(draft);
                        return Status.Code.OK;
                    } catch (StatusRuntimeException e) {
                        return e.getStatus().getCode();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }));
            }
            List<Status.Code> outcomes =
                    runs.stream().map(CompletableFuture::join).toList();
            assertTrue(outcomes.contains(Status.Code.OK), outcomes.toString());
            assertTrue(
                    outcomes.stream().allMatch(c -> c == Status.Code.OK || c == Status.Code.ABORTED),
                    outcomes.toString());
            List<ScoringModel> live = models.listScoringModels(ListScoringModelsRequest.newBuilder()
                            .setUnitType(TYPE)
                            .setState(ScoringModelState.SCORING_MODEL_STATE_PUBLISHED)
                            .build())
                    .getScoringModelsList();
            assertEquals(1, live.size(), outcomes.toString());
            assertTrue(live.get(0).getId().equals(first.getId())
                    || live.get(0).getId().equals(second.getId()));
            if (round % 2 == 1) {
                retire(live.get(0));
            }
        }
    }
}
