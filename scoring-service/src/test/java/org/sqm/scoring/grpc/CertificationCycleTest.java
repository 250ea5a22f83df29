package org.sqm.scoring.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.sqm.commons.convert.ProtoTime;
import org.sqm.proto.inspection.v1.AuthorityLevel;
import org.sqm.proto.inspection.v1.CreateInspectionRequest;
import org.sqm.proto.inspection.v1.Inspection;
import org.sqm.proto.inspection.v1.InspectionKind;
import org.sqm.proto.scoring.v1.Certification;
import org.sqm.proto.scoring.v1.CertificationAction;
import org.sqm.proto.scoring.v1.CertificationEvent;
import org.sqm.proto.scoring.v1.CertificationStatus;
import org.sqm.scoring.service.AccreditationDecided;
import org.sqm.testing.EmbeddedPostgresResource;

/** The certification cycle driven by decisions: grant, reviews, suspension, renewal and lapse, each review planned once. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class CertificationCycleTest extends CertificationFixture {

    @Test
    void aCertificationGoesThroughItsReviewsIsRenewedAndLapsesWithoutItsNextReassessment() {
        UUID unit = UUID.randomUUID();
        clock.set(T0);
        AccreditationDecided granted = decide(unit, ACCREDITED);
        assertEquals(CertificationAction.CERTIFICATION_ACTION_GRANTED, granted.action());
        UUID id = granted.certificationId();

        Certification c = get(id);
        assertEquals(CertificationStatus.CERTIFICATION_STATUS_ACTIVE, c.getStatus());
        assertEquals(unit.toString(), c.getUnitId());
        assertEquals("CSE", c.getRulesCode());
        assertEquals(RULES.toString(), c.getRulesId());
        assertTime(T0, c.getGrantTime());
        assertTime(months(T0, 36), c.getValidUntil());
        assertTime(months(T0, 12), c.getNextReviewDueTime());
        assertFalse(c.getNextReviewIsReassessment());
        assertEquals(granted.facts().decisionId().toString(), c.getLatestDecisionId());

        // The first annual review is planned in inspection-service, once, with an origin naming the certification.
        assertEquals(1, FakeInspections.CREATED.size());
        CreateInspectionRequest asked = FakeInspections.CREATE_REQUESTS.get(0);
        assertEquals("certification:" + id + ":review:" + months(T0, 12), asked.getRequestId());
        Inspection planned = FakeInspections.CREATED.get(c.getPlannedInspectionId());
        assertEquals(unit.toString(), planned.getUnitId());
        assertEquals(InspectionKind.INSPECTION_KIND_ON_SITE_ASSESSMENT, planned.getKind());
        assertEquals(AuthorityLevel.AUTHORITY_LEVEL_PROVINCIAL, planned.getAuthorityLevel());
        assertEquals("CSE", planned.getStandardCode());
        assertTime(days(months(T0, 12), -60), planned.getWindowStart());
        assertTime(months(T0, 12), planned.getWindowEnd());
        assertEquals("scoring-service/certifications", planned.getOrigin().getRequestedBy());
        assertEquals(id.toString(), planned.getOrigin().getReference());
        assertEquals(
                "annual review 1 of 2 of certification " + id + " (CSE), due 2028-01-10",
                planned.getOrigin().getReason());
        assertEquals(0, planned.getOrigin().getFiguresCount());

        CertificationEvent grant = c.getHistory(0);
        assertEquals("GRANT", grant.getAction());
        assertEquals(CertificationStatus.CERTIFICATION_STATUS_UNSPECIFIED, grant.getFromStatus());
        assertEquals(CertificationStatus.CERTIFICATION_STATUS_ACTIVE, grant.getToStatus());
        assertEquals("assessor-7", grant.getActor());
        assertEquals(granted.facts().decisionId().toString(), grant.getDecisionId());
        assertEquals(c.getPlannedInspectionId(), grant.getPlannedInspectionId());
        assertTime(T0, grant.getTime());
        assertTrue(grant.getReason().contains("valid until 2030-01-10"), grant.getReason());
        assertTrue(grant.getReason().contains("annual review 1 of 2 due 2028-01-10"), grant.getReason());

        // Review 1 passes a few days before it is due: review 2 is due a year after review 1.
        clock.set(days(months(T0, 12), -5));
        AccreditationDecided review1 = decide(unit, ACCREDITED);
        assertEquals(CertificationAction.CERTIFICATION_ACTION_REVIEW_PASSED, review1.action());
        assertEquals(id, review1.certificationId());
        c = get(id);
        assertEquals(CertificationStatus.CERTIFICATION_STATUS_ACTIVE, c.getStatus());
        assertTime(months(T0, 24), c.getNextReviewDueTime());
        assertTime(months(T0, 36), c.getValidUntil());
        assertEquals(2, FakeInspections.CREATED.size());
        assertEquals(
                "annual review 2 of 2 of certification " + id + " (CSE), due 2029-01-10",
                FakeInspections.CREATED
                        .get(c.getPlannedInspectionId())
                        .getOrigin()
                        .getReason());

        // Review 2 fails: suspended, the review stays where it was.
        clock.set(days(months(T0, 24), 3));
        AccreditationDecided review2 = decide(unit, NOT_ACCREDITED);
        assertEquals(CertificationAction.CERTIFICATION_ACTION_REVIEW_FAILED, review2.action());
        c = get(id);
        assertEquals(CertificationStatus.CERTIFICATION_STATUS_SUSPENDED, c.getStatus());
        assertTime(months(T0, 24), c.getNextReviewDueTime());
        assertEquals(2, FakeInspections.CREATED.size(), "a failed review plans nothing");
        CertificationEvent failed = c.getHistory(2);
        assertEquals("REVIEW_FAILED", failed.getAction());
        assertEquals(CertificationStatus.CERTIFICATION_STATUS_ACTIVE, failed.getFromStatus());
        assertEquals(CertificationStatus.CERTIFICATION_STATUS_SUSPENDED, failed.getToStatus());
        assertTrue(failed.getReason().startsWith("annual review 2 of 2 due 2029-01-10 failed"), failed.getReason());

        // A positive decision on a new assessment passes review 2 and reinstates it: next is the reassessment.
        clock.set(days(months(T0, 24), 20));
        AccreditationDecided again = decide(unit, ACCREDITED);
        assertEquals(CertificationAction.CERTIFICATION_ACTION_REVIEW_PASSED, again.action());
        c = get(id);
        assertEquals(CertificationStatus.CERTIFICATION_STATUS_ACTIVE, c.getStatus());
        assertTrue(c.getNextReviewIsReassessment());
        assertTime(months(T0, 36), c.getNextReviewDueTime());
        assertTrue(
                c.getHistory(3).getReason().contains("reinstated"),
                c.getHistory(3).getReason());
        assertEquals(
                CertificationStatus.CERTIFICATION_STATUS_SUSPENDED,
                c.getHistory(3).getFromStatus());
        assertEquals(
                "reassessment at the end of the cycle of certification " + id + " (CSE), due 2030-01-10",
                FakeInspections.CREATED
                        .get(c.getPlannedInspectionId())
                        .getOrigin()
                        .getReason());

        // The reassessment passes with an action plan: renewed for 36 months from the end of the cycle.
        UUID order = UUID.randomUUID();
        Instant planDue = months(days(months(T0, 36), -10), 3);
        clock.set(days(months(T0, 36), -10));
        AccreditationDecided renewal = decide(unit, WITH_PLAN, List.of(order), planDue);
        assertEquals(CertificationAction.CERTIFICATION_ACTION_RENEWED, renewal.action());
        c = get(id);
        assertEquals(CertificationStatus.CERTIFICATION_STATUS_ACTIVE, c.getStatus());
        assertTime(months(T0, 72), c.getValidUntil());
        assertTime(months(T0, 48), c.getNextReviewDueTime());
        assertFalse(c.getNextReviewIsReassessment());
        assertTime(T0, c.getGrantTime());
        assertEquals(List.of(order.toString()), c.getActionPlanOrderIdsList());
        assertTime(planDue, c.getActionPlanDueTime());
        assertEquals("RENEW", c.getHistory(4).getAction());
        assertEquals(4, FakeInspections.CREATED.size());

        // No reassessment at the end of the second cycle: the watch lapses it on valid_until, never earlier.
        clock.set(months(T0, 72).minusSeconds(1));
        watch.run();
        assertEquals(CertificationStatus.CERTIFICATION_STATUS_SUSPENDED, get(id).getStatus(), "review overdue");
        clock.set(months(T0, 72));
        watch.run();
        c = get(id);
        assertEquals(CertificationStatus.CERTIFICATION_STATUS_LAPSED, c.getStatus());
        CertificationEvent lapse = c.getHistory(c.getHistoryCount() - 1);
        assertEquals("LAPSE", lapse.getAction());
        assertEquals("certification-watch", lapse.getActor());
        assertEquals(CertificationStatus.CERTIFICATION_STATUS_SUSPENDED, lapse.getFromStatus());
        assertTrue(lapse.getReason().startsWith("validity ended on 2033-01-10"), lapse.getReason());
        assertTime(months(T0, 72), lapse.getTime());

        // A lapsed certification never changes again; the next positive decision grants a new one.
        AccreditationDecided next = decide(unit, ACCREDITED);
        assertEquals(CertificationAction.CERTIFICATION_ACTION_GRANTED, next.action());
        assertFalse(id.equals(next.certificationId()));
        assertEquals(CertificationStatus.CERTIFICATION_STATUS_LAPSED, get(id).getStatus());
    }

    @Test
    void aFailedReassessmentSuspendsUntilItLapsesUnlessALaterDecisionRenewsIt() {
        UUID unit = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        clock.set(T0);
        UUID id = decide(unit, ACCREDITED).certificationId();
        UUID otherId = decide(other, ACCREDITED).certificationId();
        for (int review = 1; review <= 2; review++) {
            clock.set(days(months(T0, 12 * review), -1));
            decide(unit, ACCREDITED);
            decide(other, ACCREDITED);
        }
        clock.set(days(months(T0, 36), -20));
        AccreditationDecided failed = decide(unit, NOT_ACCREDITED);
        decide(other, NOT_ACCREDITED);
        assertEquals(CertificationAction.CERTIFICATION_ACTION_REASSESSMENT_FAILED, failed.action());
        Certification c = get(id);
        assertEquals(CertificationStatus.CERTIFICATION_STATUS_SUSPENDED, c.getStatus());
        assertTrue(
                c.getHistory(3).getReason().contains("lapses on 2030-01-10"),
                c.getHistory(3).getReason());

        // The other unit is renewed by a later positive decision before its validity ends.
        clock.set(days(months(T0, 36), -2));
        assertEquals(
                CertificationAction.CERTIFICATION_ACTION_RENEWED,
                decide(other, ACCREDITED).action());

        clock.set(months(T0, 36));
        watch.run();
        assertEquals(CertificationStatus.CERTIFICATION_STATUS_LAPSED, get(id).getStatus());
        assertEquals(
                CertificationStatus.CERTIFICATION_STATUS_ACTIVE, get(otherId).getStatus());
        assertTime(months(T0, 72), get(otherId).getValidUntil());
    }

    @Test
    void aNegativeDecisionWithoutACertificationChangesNothingAndARepeatedDecisionChangesNothingMore() {
        UUID unit = UUID.randomUUID();
        clock.set(T0);
        AccreditationDecided refused = decide(unit, NOT_ACCREDITED);
        assertEquals(CertificationAction.CERTIFICATION_ACTION_UNSPECIFIED, refused.action());
        assertNull(refused.certificationId());
        assertEquals(0, FakeInspections.CREATE_REQUESTS.size());

        AccreditationDecided granted = decide(unit, ACCREDITED);
        AccreditationDecided repeated = fire(granted.facts());
        assertEquals(granted.certificationId(), repeated.certificationId());
        assertEquals(CertificationAction.CERTIFICATION_ACTION_GRANTED, repeated.action());
        Certification c = get(granted.certificationId());
        assertEquals(1, c.getHistoryCount());
        assertTime(months(T0, 12), c.getNextReviewDueTime());
        assertEquals(1, FakeInspections.CREATED.size());
    }

    @Test
    void planningIsRetriedByTheWatchWithTheSameRequestIdAndMakesOneInspection() {
        UUID unit = UUID.randomUUID();
        clock.set(T0);
        FakeInspections.CREATE_FAILURES.set(1);
        UUID id = decide(unit, ACCREDITED).certificationId();
        Certification c = get(id);
        assertEquals(CertificationStatus.CERTIFICATION_STATUS_ACTIVE, c.getStatus());
        assertEquals("", c.getPlannedInspectionId());
        assertEquals(1, FakeInspections.CREATE_REQUESTS.size());
        assertEquals(0, FakeInspections.CREATED.size());

        clock.set(days(T0, 1));
        watch.run();
        c = get(id);
        assertFalse(c.getPlannedInspectionId().isEmpty());
        assertEquals(c.getPlannedInspectionId(), c.getHistory(0).getPlannedInspectionId());
        assertEquals(2, FakeInspections.CREATE_REQUESTS.size());
        assertEquals(
                FakeInspections.CREATE_REQUESTS.get(0).getRequestId(),
                FakeInspections.CREATE_REQUESTS.get(1).getRequestId());
        assertEquals(1, FakeInspections.CREATED.size());

        watch.run();
        assertEquals(2, FakeInspections.CREATE_REQUESTS.size(), "a planned review is not asked for again");
        assertEquals(1, get(id).getHistoryCount());
    }

    @Test
    void aReviewPlannedAfterItsWindowOpenedStartsNow() {
        UUID unit = UUID.randomUUID();
        clock.set(T0);
        FakeInspections.CREATE_FAILURES.set(1);
        UUID id = decide(unit, ACCREDITED).certificationId();
        Instant late = days(months(T0, 12), -10);
        clock.set(late);
        watch.run();
        Inspection planned = FakeInspections.CREATED.get(get(id).getPlannedInspectionId());
        assertEquals(late, ProtoTime.instant(planned.getWindowStart()));
        assertTime(months(T0, 12), planned.getWindowEnd());
    }
}
