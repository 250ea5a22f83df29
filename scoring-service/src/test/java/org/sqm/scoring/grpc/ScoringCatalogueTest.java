package org.sqm.scoring.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.sqm.proto.inspection.v1.AuthorityLevel;
import org.sqm.proto.inspection.v1.InspectionKind;
import org.sqm.proto.scoring.v1.AuthorityWeight;
import org.sqm.proto.scoring.v1.CatalogueEntryOutcome;
import org.sqm.proto.scoring.v1.CatalogueOutcome;
import org.sqm.proto.scoring.v1.ComplaintRateAboveUpperQuartile;
import org.sqm.proto.scoring.v1.ComponentSource;
import org.sqm.proto.scoring.v1.DeductionRule;
import org.sqm.proto.scoring.v1.DeductionRuleServiceGrpc.DeductionRuleServiceBlockingStub;
import org.sqm.proto.scoring.v1.GetDeductionRuleRequest;
import org.sqm.proto.scoring.v1.GetIndicatorRequest;
import org.sqm.proto.scoring.v1.GetScoringModelRequest;
import org.sqm.proto.scoring.v1.GradeBand;
import org.sqm.proto.scoring.v1.Indicator;
import org.sqm.proto.scoring.v1.IndicatorDirection;
import org.sqm.proto.scoring.v1.IndicatorKind;
import org.sqm.proto.scoring.v1.IndicatorServiceGrpc.IndicatorServiceBlockingStub;
import org.sqm.proto.scoring.v1.IndicatorSource;
import org.sqm.proto.scoring.v1.InspectionScoreSource;
import org.sqm.proto.scoring.v1.ListScoringModelsRequest;
import org.sqm.proto.scoring.v1.LoadScoringCatalogueRequest;
import org.sqm.proto.scoring.v1.LoadScoringCatalogueResponse;
import org.sqm.proto.scoring.v1.MissingSourcePolicy;
import org.sqm.proto.scoring.v1.RetireScoringModelRequest;
import org.sqm.proto.scoring.v1.RollUp;
import org.sqm.proto.scoring.v1.RollUpWeighting;
import org.sqm.proto.scoring.v1.SatisfactionIndexDrop;
import org.sqm.proto.scoring.v1.SatisfactionIndexSource;
import org.sqm.proto.scoring.v1.ScoreComponent;
import org.sqm.proto.scoring.v1.ScoringCatalogue;
import org.sqm.proto.scoring.v1.ScoringCatalogueServiceGrpc.ScoringCatalogueServiceBlockingStub;
import org.sqm.proto.scoring.v1.ScoringModel;
import org.sqm.proto.scoring.v1.ScoringModelServiceGrpc.ScoringModelServiceBlockingStub;
import org.sqm.proto.scoring.v1.ScoringModelState;
import org.sqm.proto.scoring.v1.SpotCheckSpec;
import org.sqm.proto.scoring.v1.SpotCheckTrigger;
import org.sqm.proto.scoring.v1.TargetMapping;
import org.sqm.proto.standards.v1.UnitType;
import org.sqm.scoring.service.ScoringModels;
import org.sqm.testing.EmbeddedPostgresResource;
import org.sqm.testing.GrpcErrors;

@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class ScoringCatalogueTest {

    @GrpcClient("scoring")
    ScoringCatalogueServiceBlockingStub catalogue;

    @GrpcClient("scoring")
    IndicatorServiceBlockingStub indicators;

    @GrpcClient("deductionrules")
    DeductionRuleServiceBlockingStub rules;

    @GrpcClient("scoring")
    ScoringModelServiceBlockingStub models;

    @Inject
    ScoringModels scoringModels;

    LoadScoringCatalogueResponse loadShipped() {
        // The first load of a run warms up every path of the load: more time than the usual deadline.
        return catalogue
                .withDeadlineAfter(60, TimeUnit.SECONDS)
                .loadScoringCatalogue(LoadScoringCatalogueRequest.getDefaultInstance());
    }

    @Test
    void theShippedCatalogueHoldsTheControlPlansIndicatorsAndDeductionsAndLoadsOnce() {
        loadShipped();
        LoadScoringCatalogueResponse again = loadShipped();
        Map<String, CatalogueEntryOutcome> byCode =
                again.getEntriesList().stream().collect(Collectors.toMap(CatalogueEntryOutcome::getCode, e -> e));
        assertEquals(
                Set.of(
                        "FIELD_APPOINTMENT_KEEPING",
                        "FIELD_BEHAVIOUR_COMPLIANCE",
                        "FIELD_NEW_INSTALLATION_SATISFACTION",
                        "FIELD_REPAIR_SATISFACTION",
                        "HOTLINE_ANSWERED_WITHIN_20S",
                        "FIRST_CONTACT_RESOLUTION",
                        "INVESTIGATION_CONCEALMENT",
                        "REPORT_LATE",
                        "REPORT_INCOMPLETE",
                        "REPORT_FALSE",
                        "MAJOR_PROBLEM_NO_IMPROVEMENT",
                        "SUPERVISION_CAUSE_NOT_FOUND",
                        "SUPERVISION_NOT_FIXED_IN_TIME",
                        "SUPERVISION_NOT_REPORTED_IN_TIME",
                        "RECTIFICATION_NOT_DONE_IN_TIME",
                        "SERVICE_HALL",
                        "HOTLINE",
                        "ONLINE_SERVICE",
                        "FIELD_TEAM",
                        "COUNTY_BRANCH",
                        "CITY_BRANCH",
                        "COMPANY",
                        "CSE"),
                byCode.keySet());
        assertEquals(
                Collections.nCopies(7, "scoring_model"),
                again.getEntriesList().stream()
                        .skip(15)
                        .limit(7)
                        .map(CatalogueEntryOutcome::getKind)
                        .toList());
        assertEquals("accreditation_rules", byCode.get("CSE").getKind());
        assertTrue(again.getEntriesList().stream()
                .allMatch(e -> e.getOutcome() == CatalogueOutcome.CATALOGUE_OUTCOME_UNCHANGED));

        Indicator keeping = indicators.getIndicator(GetIndicatorRequest.newBuilder()
                .setId(byCode.get("FIELD_APPOINTMENT_KEEPING").getId())
                .build());
        assertEquals(IndicatorKind.INDICATOR_KIND_RATE, keeping.getKind());
        assertEquals(IndicatorDirection.INDICATOR_DIRECTION_HIGHER_IS_BETTER, keeping.getDirection());
        assertEquals(UnitType.UNIT_TYPE_FIELD_TEAM, keeping.getUnitType());
        assertEquals(
                UnitType.UNIT_TYPE_UNSPECIFIED,
                indicators
                        .getIndicator(GetIndicatorRequest.newBuilder()
                                .setId(byCode.get("FIRST_CONTACT_RESOLUTION").getId())
                                .build())
                        .getUnitType());
        assertEquals(
                500,
                rules.getDeductionRule(GetDeductionRuleRequest.newBuilder()
                                .setId(byCode.get("REPORT_FALSE").getId())
                                .build())
                        .getPointsMillis());
        assertEquals(
                1000,
                rules.getDeductionRule(GetDeductionRuleRequest.newBuilder()
                                .setId(byCode.get("SUPERVISION_NOT_REPORTED_IN_TIME")
                                        .getId())
                                .build())
                        .getPointsMillis());
    }

    @Test
    void theShippedModelsAreTheControlPlans() {
        loadShipped();
        ScoringModel hall = shippedModel("SERVICE_HALL");
        assertEquals(UnitType.UNIT_TYPE_SERVICE_HALL, hall.getUnitType());
        assertEquals(
                List.of(5000, 3000, 2000),
                hall.getComponentsList().stream()
                        .map(ScoreComponent::getWeightBasisPoints)
                        .toList());
        InspectionScoreSource mysteryShopping =
                hall.getComponents(0).getSource().getInspectionScore();
        assertEquals(InspectionKind.INSPECTION_KIND_MYSTERY_SHOPPING, mysteryShopping.getKind());
        assertEquals(
                List.of(
                        authority(AuthorityLevel.AUTHORITY_LEVEL_PROVINCIAL, 5000),
                        authority(AuthorityLevel.AUTHORITY_LEVEL_CITY, 5000)),
                mysteryShopping.getAuthorityWeightsList());
        assertTrue(mysteryShopping.getFailedCountsAsZero());
        assertTrue(hall.getComponents(0).getMapping().hasDirect());
        assertEquals(
                SatisfactionIndexSource.newBuilder().setMinSample(30).build(),
                hall.getComponents(1).getSource().getSatisfactionIndex());
        assertTrue(hall.getComponents(2).getSource().hasComplaintTimeliness());
        assertEquals(
                TargetMapping.newBuilder().setTarget(100).setFloor(80).build(),
                hall.getComponents(2).getMapping().getTarget());
        assertEquals(MissingSourcePolicy.MISSING_SOURCE_POLICY_RESPREAD, hall.getMissingSourcePolicy());
        assertEquals(9, hall.getDeductionRuleCodesCount());
        assertFalse(hall.hasDeductionCapPoints());
        assertEquals(100, hall.getBaseScore());
        List<GradeBand> bands = List.of(band("A", 90), band("B", 80), band("C", 70), band("D", 60), band("E", 0));
        assertEquals(bands, hall.getGradeBandsList());
        SpotCheckSpec citySpotCheck = SpotCheckSpec.newBuilder()
                .setStandardCode("SQM-HALL-HOTLINE")
                .setAuthorityLevel(AuthorityLevel.AUTHORITY_LEVEL_CITY)
                .setWindowDays(14)
                .build();
        assertEquals(
                List.of(
                        SpotCheckTrigger.newBuilder()
                                .setCode("COMPLAINT_RATE_HIGH")
                                .setComplaintRateAboveUpperQuartile(ComplaintRateAboveUpperQuartile.newBuilder()
                                        .setConsecutiveMonths(2))
                                .setSpotCheck(citySpotCheck)
                                .build(),
                        SpotCheckTrigger.newBuilder()
                                .setCode("SATISFACTION_DROP")
                                .setSatisfactionIndexDrop(SatisfactionIndexDrop.newBuilder()
                                        .setPoints(10)
                                        .setMinSample(30))
                                .setSpotCheck(citySpotCheck)
                                .build()),
                hall.getSpotCheckTriggersList());
        assertTrue(hall.getDescription().contains("These thresholds are this catalogue's choice"));

        ScoringModel hotline = shippedModel("HOTLINE");
        assertEquals(
                List.of(authority(AuthorityLevel.AUTHORITY_LEVEL_PROVINCIAL, 10000)),
                hotline.getComponents(0).getSource().getInspectionScore().getAuthorityWeightsList());
        assertEquals(
                "HOTLINE_ANSWERED_WITHIN_20S",
                hotline.getComponents(1).getSource().getIndicator().getIndicatorCode());
        assertEquals(
                TargetMapping.newBuilder().setTarget(90).setFloor(70).build(),
                hotline.getComponents(1).getMapping().getTarget());
        assertEquals(
                List.of(7000, 3000),
                shippedModel("ONLINE_SERVICE").getComponentsList().stream()
                        .map(ScoreComponent::getWeightBasisPoints)
                        .toList());
        ScoringModel field = shippedModel("FIELD_TEAM");
        assertEquals(
                List.of(
                        "FIELD_APPOINTMENT_KEEPING",
                        "FIELD_BEHAVIOUR_COMPLIANCE",
                        "FIELD_NEW_INSTALLATION_SATISFACTION",
                        "FIELD_REPAIR_SATISFACTION"),
                field.getComponentsList().stream()
                        .map(c -> c.getSource().getIndicator().getIndicatorCode())
                        .toList());
        assertTrue(field.getComponentsList().stream()
                .allMatch(
                        c -> c.getWeightBasisPoints() == 2500 && c.getMapping().hasDirect()));
        for (String code : List.of("COUNTY_BRANCH", "CITY_BRANCH", "COMPANY")) {
            ScoringModel rollUp = shippedModel(code);
            assertEquals(
                    RollUpWeighting.ROLL_UP_WEIGHTING_EQUAL, rollUp.getRollUp().getWeighting());
            assertEquals(0, rollUp.getComponentsCount());
            assertEquals(9, rollUp.getDeductionRuleCodesCount());
            assertEquals(bands, rollUp.getGradeBandsList());
        }
        List<ScoringModel> published = scoringModels.published();
        assertEquals(
                published.size(),
                published.stream().map(ScoringModel::getUnitType).distinct().count());
    }

    /** The shipped model with the code: version 1, published by the load. */
    ScoringModel shippedModel(String code) {
        List<ScoringModel> versions = models.listScoringModels(
                        ListScoringModelsRequest.newBuilder().setCode(code).build())
                .getScoringModelsList();
        assertEquals(1, versions.get(0).getVersion());
        assertTrue(versions.get(0).hasPublishTime());
        return versions.get(0);
    }

    static AuthorityWeight authority(AuthorityLevel level, int weight) {
        return AuthorityWeight.newBuilder()
                .setLevel(level)
                .setWeightBasisPoints(weight)
                .build();
    }

    static GradeBand band(String grade, double min) {
        return GradeBand.newBuilder().setGrade(grade).setMinScore(min).build();
    }

    @Test
    void aModelOfItsOwnIsCreatedPublishedAndComparedWithItsLatestVersion() {
        loadShipped();
        String code = "CUSTOM-" + UUID.randomUUID().toString().substring(0, 8);
        // The model names an indicator and a rule that only the same catalogue brings.
        ScoringModel model =
                namingIndicator(code).toBuilder().addDeductionRuleCodes(code).build();
        ScoringCatalogue own = ScoringCatalogue.newBuilder()
                .addIndicators(Indicator.newBuilder()
                        .setCode(code)
                        .setName("Share of visits on time")
                        .setCounted("Visits on the agreed day, of visits agreed")
                        .setKind(IndicatorKind.INDICATOR_KIND_RATE)
                        .setDirection(IndicatorDirection.INDICATOR_DIRECTION_HIGHER_IS_BETTER))
                .addDeductionRules(DeductionRule.newBuilder()
                        .setCode(code)
                        .setDescription("A custom deduction")
                        .setPointsMillis(250))
                .addScoringModels(model)
                .build();
        LoadScoringCatalogueResponse created = catalogue.loadScoringCatalogue(
                LoadScoringCatalogueRequest.newBuilder().setCatalogue(own).build());
        assertEquals(
                List.of("indicator", "deduction_rule", "scoring_model"),
                created.getEntriesList().stream()
                        .map(CatalogueEntryOutcome::getKind)
                        .toList());
        assertEquals(
                CatalogueOutcome.CATALOGUE_OUTCOME_CREATED,
                created.getEntries(2).getOutcome());
        ScoringModel stored = models.getScoringModel(GetScoringModelRequest.newBuilder()
                .setId(created.getEntries(2).getId())
                .build());
        assertEquals(1, stored.getVersion());
        assertEquals(ScoringModelState.SCORING_MODEL_STATE_PUBLISHED, stored.getState());
        assertEquals(model, ScoringModelGrpcServiceTest.said(stored));

        LoadScoringCatalogueResponse same = catalogue.loadScoringCatalogue(
                LoadScoringCatalogueRequest.newBuilder().setCatalogue(own).build());
        assertEquals(
                CatalogueOutcome.CATALOGUE_OUTCOME_UNCHANGED, same.getEntries(2).getOutcome());
        LoadScoringCatalogueResponse other = catalogue.loadScoringCatalogue(LoadScoringCatalogueRequest.newBuilder()
                .setCatalogue(
                        own.toBuilder().setScoringModels(0, model.toBuilder().setBaseScore(120)))
                .build());
        assertEquals(
                CatalogueOutcome.CATALOGUE_OUTCOME_DIFFERENT,
                other.getEntries(2).getOutcome());
        assertEquals(stored.getId(), other.getEntries(2).getId());
        ScoringModel unchanged = models.getScoringModel(
                GetScoringModelRequest.newBuilder().setId(stored.getId()).build());
        assertEquals(stored, unchanged);
        models.retireScoringModel(RetireScoringModelRequest.newBuilder()
                .setId(unchanged.getId())
                .setEtag(unchanged.getEtag())
                .build());
    }

    /** A valid model of its own code whose second component is the indicator of the same code. */
    static ScoringModel namingIndicator(String code) {
        ScoringModel model = ScoringModelGrpcServiceTest.model(code);
        return model.toBuilder()
                .setComponents(
                        1,
                        model.getComponents(1).toBuilder()
                                .setSource(ComponentSource.newBuilder()
                                        .setIndicator(
                                                IndicatorSource.newBuilder().setIndicatorCode(code))))
                .build();
    }

    @Test
    void aCatalogueWithABadModelCreatesNothing() {
        loadShipped();
        String code = "CUSTOM-" + UUID.randomUUID().toString().substring(0, 8);
        ScoringModel good = namingIndicator(code);
        ScoringCatalogue bad = ScoringCatalogue.newBuilder()
                .addIndicators(Indicator.newBuilder()
                        .setCode(code)
                        .setName("Fine")
                        .setCounted("Fine")
                        .setKind(IndicatorKind.INDICATOR_KIND_MEAN)
                        .setDirection(IndicatorDirection.INDICATOR_DIRECTION_LOWER_IS_BETTER))
                .addScoringModels(good)
                .addScoringModels(good.toBuilder()
                        .setComponents(0, good.getComponents(0).toBuilder().setWeightBasisPoints(5000))
                        .setRollUp(RollUp.newBuilder().setWeighting(RollUpWeighting.ROLL_UP_WEIGHTING_EQUAL))
                        .addDeductionRuleCodes("NO_SUCH_RULE")
                        .addGradeBands(band("D", 10)))
                .build();
        var e = assertThrows(
                StatusRuntimeException.class,
                () -> catalogue.loadScoringCatalogue(LoadScoringCatalogueRequest.newBuilder()
                        .setCatalogue(bad)
                        .build()));
        assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode());
        assertEquals(
                List.of(
                        // 5000 + 4000 = 9000
                        "catalogue.scoring_models[1].components",
                        "catalogue.scoring_models[1].roll_up",
                        "catalogue.scoring_models[1].deduction_rule_codes[2]",
                        "catalogue.scoring_models[1].grade_bands[3].min_score",
                        "catalogue.scoring_models[1].code"),
                GrpcErrors.violatedFields(e));
        assertEquals(
                0,
                models.listScoringModels(ListScoringModelsRequest.newBuilder()
                                .setCode(code)
                                .build())
                        .getScoringModelsCount());
        var indicator = assertThrows(
                StatusRuntimeException.class,
                () -> catalogue.loadScoringCatalogue(LoadScoringCatalogueRequest.newBuilder()
                        .setCatalogue(bad.toBuilder().removeScoringModels(1).clearIndicators())
                        .build()));
        assertEquals(
                List.of("catalogue.scoring_models[0].components[1].source.indicator.indicator_code"),
                GrpcErrors.violatedFields(indicator));
    }

    @Test
    void aCatalogueOfItsOwnIsCreatedAndAnEntryThatSaysOtherwiseIsLeftAlone() {
        String code = "CUSTOM-" + UUID.randomUUID().toString().substring(0, 8);
        ScoringCatalogue own = ScoringCatalogue.newBuilder()
                .addIndicators(Indicator.newBuilder()
                        .setCode(code)
                        .setName("Share of complaints acknowledged within a day")
                        .setCounted("Complaints acknowledged within 24 hours, of complaints received")
                        .setKind(IndicatorKind.INDICATOR_KIND_RATE)
                        .setDirection(IndicatorDirection.INDICATOR_DIRECTION_HIGHER_IS_BETTER))
                .addDeductionRules(DeductionRule.newBuilder()
                        .setCode(code)
                        .setDescription("A custom deduction")
                        .setPointsMillis(250))
                .build();
        LoadScoringCatalogueResponse created = catalogue.loadScoringCatalogue(
                LoadScoringCatalogueRequest.newBuilder().setCatalogue(own).build());
        assertEquals(
                List.of(CatalogueOutcome.CATALOGUE_OUTCOME_CREATED, CatalogueOutcome.CATALOGUE_OUTCOME_CREATED),
                created.getEntriesList().stream()
                        .map(CatalogueEntryOutcome::getOutcome)
                        .toList());
        assertEquals(
                List.of("indicator", "deduction_rule"),
                created.getEntriesList().stream()
                        .map(CatalogueEntryOutcome::getKind)
                        .toList());

        ScoringCatalogue changed = own.toBuilder()
                .setDeductionRules(0, own.getDeductionRules(0).toBuilder().setPointsMillis(300))
                .build();
        LoadScoringCatalogueResponse second = catalogue.loadScoringCatalogue(
                LoadScoringCatalogueRequest.newBuilder().setCatalogue(changed).build());
        assertEquals(
                List.of(CatalogueOutcome.CATALOGUE_OUTCOME_UNCHANGED, CatalogueOutcome.CATALOGUE_OUTCOME_DIFFERENT),
                second.getEntriesList().stream()
                        .map(CatalogueEntryOutcome::getOutcome)
                        .toList());
        assertEquals(
                250,
                rules.getDeductionRule(GetDeductionRuleRequest.newBuilder()
                                .setId(second.getEntries(1).getId())
                                .build())
                        .getPointsMillis());
    }

    @Test
    void anInvalidCatalogueCreatesNothing() {
        String code = "CUSTOM-" + UUID.randomUUID().toString().substring(0, 8);
        ScoringCatalogue bad = ScoringCatalogue.newBuilder()
                .addIndicators(Indicator.newBuilder()
                        .setCode(code)
                        .setName("Fine")
                        .setCounted("Fine")
                        .setKind(IndicatorKind.INDICATOR_KIND_MEAN)
                        .setDirection(IndicatorDirection.INDICATOR_DIRECTION_LOWER_IS_BETTER))
                .addIndicators(
                        Indicator.newBuilder().setCode(code).setName("Twice").setCounted("Twice"))
                .addDeductionRules(DeductionRule.newBuilder().setCode(code).setPointsMillis(0))
                .build();
        var e = assertThrows(
                StatusRuntimeException.class,
                () -> catalogue.loadScoringCatalogue(LoadScoringCatalogueRequest.newBuilder()
                        .setCatalogue(bad)
                        .build()));
        assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode());
        assertEquals(
                List.of(
                        "catalogue.indicators[1].kind",
                        "catalogue.indicators[1].direction",
                        "catalogue.indicators[1].code",
                        "catalogue.deduction_rules[0].description",
                        "catalogue.deduction_rules[0].points_millis"),
                GrpcErrors.violatedFields(e));
        LoadScoringCatalogueResponse fixed = catalogue.loadScoringCatalogue(LoadScoringCatalogueRequest.newBuilder()
                .setCatalogue(bad.toBuilder().removeIndicators(1).clearDeductionRules())
                .build());
        assertEquals(
                CatalogueOutcome.CATALOGUE_OUTCOME_CREATED, fixed.getEntries(0).getOutcome());
    }
}
