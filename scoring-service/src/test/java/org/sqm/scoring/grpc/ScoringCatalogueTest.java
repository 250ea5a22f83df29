package org.sqm.scoring.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.sqm.proto.scoring.v1.CatalogueEntryOutcome;
import org.sqm.proto.scoring.v1.CatalogueOutcome;
import org.sqm.proto.scoring.v1.DeductionRule;
import org.sqm.proto.scoring.v1.DeductionRuleServiceGrpc.DeductionRuleServiceBlockingStub;
import org.sqm.proto.scoring.v1.GetDeductionRuleRequest;
import org.sqm.proto.scoring.v1.GetIndicatorRequest;
import org.sqm.proto.scoring.v1.Indicator;
import org.sqm.proto.scoring.v1.IndicatorDirection;
import org.sqm.proto.scoring.v1.IndicatorKind;
import org.sqm.proto.scoring.v1.IndicatorServiceGrpc.IndicatorServiceBlockingStub;
import org.sqm.proto.scoring.v1.LoadScoringCatalogueRequest;
import org.sqm.proto.scoring.v1.LoadScoringCatalogueResponse;
import org.sqm.proto.scoring.v1.ScoringCatalogue;
import org.sqm.proto.scoring.v1.ScoringCatalogueServiceGrpc.ScoringCatalogueServiceBlockingStub;
import org.sqm.proto.standards.v1.UnitType;
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

    LoadScoringCatalogueResponse loadShipped() {
        return catalogue.loadScoringCatalogue(LoadScoringCatalogueRequest.getDefaultInstance());
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
                        "RECTIFICATION_NOT_DONE_IN_TIME"),
                byCode.keySet());
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
