package org.sqm.scoring.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.sqm.proto.inspection.v1.AuthorityLevel;
import org.sqm.proto.scoring.v1.AccreditationRules;
import org.sqm.proto.scoring.v1.AccreditationServiceGrpc.AccreditationServiceBlockingStub;
import org.sqm.proto.scoring.v1.CatalogueEntryOutcome;
import org.sqm.proto.scoring.v1.CatalogueOutcome;
import org.sqm.proto.scoring.v1.ListAccreditationRulesRequest;
import org.sqm.proto.scoring.v1.LoadScoringCatalogueRequest;
import org.sqm.proto.scoring.v1.LoadScoringCatalogueResponse;
import org.sqm.proto.scoring.v1.ScoringCatalogue;
import org.sqm.proto.scoring.v1.ScoringCatalogueServiceGrpc.ScoringCatalogueServiceBlockingStub;
import org.sqm.testing.EmbeddedPostgresResource;
import org.sqm.testing.GrpcErrors;

/** The accreditation rules of the scoring catalogue: the shipped CSE rules, and catalogues of one's own. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class AccreditationCatalogueTest {

    @GrpcClient("scoring")
    ScoringCatalogueServiceBlockingStub catalogue;

    @GrpcClient("scoring")
    AccreditationServiceBlockingStub accreditation;

    LoadScoringCatalogueResponse load(LoadScoringCatalogueRequest request) {
        // The first load of a run warms up every path of the load: more time than the usual deadline.
        return catalogue.withDeadlineAfter(60, TimeUnit.SECONDS).loadScoringCatalogue(request);
    }

    static CatalogueEntryOutcome entry(LoadScoringCatalogueResponse response, String code) {
        return response.getEntriesList().stream()
                .filter(e -> e.getCode().equals(code) && e.getKind().equals("accreditation_rules"))
                .findFirst()
                .orElseThrow();
    }

    List<AccreditationRules> versions(String code) {
        // This class may run first: the first calls of a run warm up every path, beyond the usual deadline.
        return accreditation
                .withDeadlineAfter(60, TimeUnit.SECONDS)
                .listAccreditationRules(
                        ListAccreditationRulesRequest.newBuilder().setCode(code).build())
                .getRulesList();
    }

    @Test
    void theShippedCatalogueHoldsCustomerServiceExcellencesRules() {
        load(LoadScoringCatalogueRequest.getDefaultInstance());
        CatalogueEntryOutcome again = entry(load(LoadScoringCatalogueRequest.getDefaultInstance()), "CSE");
        assertEquals(CatalogueOutcome.CATALOGUE_OUTCOME_UNCHANGED, again.getOutcome());
        List<AccreditationRules> cse = versions("CSE");
        assertEquals(1, cse.size());
        AccreditationRules rules = cse.get(0);
        assertEquals(again.getId(), rules.getId());
        assertEquals("CSE", rules.getStandardCode());
        assertEquals(List.of("NON_COMPLIANCE"), rules.getNonComplianceLevelCodesList());
        assertEquals(List.of("PARTIAL_COMPLIANCE"), rules.getPartialComplianceLevelCodesList());
        assertEquals(List.of("COMPLIANCE_PLUS"), rules.getCompliancePlusLevelCodesList());
        assertEquals(0, rules.getMaxNonCompliances());
        assertEquals(2, rules.getMaxPartialsPerCriterion());
        assertEquals(false, rules.hasMaxPartialsTotal());
        assertEquals(3, rules.getActionPlanDueMonths());
        assertEquals(36, rules.getValidityMonths());
        assertEquals(12, rules.getReviewIntervalMonths());
        assertEquals(30, rules.getReviewWindowDays());
        assertEquals(30, rules.getReviewGraceDays());
        assertEquals(AuthorityLevel.AUTHORITY_LEVEL_NATIONAL, rules.getAssessmentAuthorityLevel());
    }

    @Test
    void rulesOfItsOwnAreCreatedOnceAndRulesThatSayOtherwiseAreLeftAlone() {
        String code = "OWN-" + UUID.randomUUID().toString().substring(0, 8);
        AccreditationRules own =
                AccreditationGrpcServiceTest.rules(code, "STD-A").build();
        LoadScoringCatalogueResponse first = load(LoadScoringCatalogueRequest.newBuilder()
                .setCatalogue(ScoringCatalogue.newBuilder().addAccreditationRules(own))
                .build());
        assertEquals(
                CatalogueOutcome.CATALOGUE_OUTCOME_CREATED, entry(first, code).getOutcome());
        LoadScoringCatalogueResponse other = load(LoadScoringCatalogueRequest.newBuilder()
                .setCatalogue(ScoringCatalogue.newBuilder()
                        .addAccreditationRules(own.toBuilder().setMaxPartialsTotal(9)))
                .build());
        assertEquals(
                CatalogueOutcome.CATALOGUE_OUTCOME_DIFFERENT, entry(other, code).getOutcome());
        assertEquals(entry(first, code).getId(), entry(other, code).getId());
        assertEquals(1, versions(code).size());
        assertEquals(false, versions(code).get(0).hasMaxPartialsTotal());
    }

    @Test
    void contradictoryRulesInACatalogueCreateNothing() {
        String code = "BAD-" + UUID.randomUUID().toString().substring(0, 8);
        AccreditationRules bad = AccreditationGrpcServiceTest.rules(code, "STD-A")
                .setReviewIntervalMonths(40)
                .build();
        StatusRuntimeException e = assertThrows(
                StatusRuntimeException.class,
                () -> load(LoadScoringCatalogueRequest.newBuilder()
                        .setCatalogue(ScoringCatalogue.newBuilder()
                                .addAccreditationRules(AccreditationGrpcServiceTest.rules(code + "-ok", "STD-A"))
                                .addAccreditationRules(bad))
                        .build()));
        assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode());
        assertEquals(List.of("catalogue.accreditation_rules[1].review_interval_months"), GrpcErrors.violatedFields(e));
        assertEquals(0, versions(code + "-ok").size());
    }
}
