package org.sqm.scoring.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.sqm.commons.convert.ProtoTime;
import org.sqm.proto.inspection.v1.RectificationOrder;
import org.sqm.proto.inspection.v1.RectificationStatus;
import org.sqm.proto.scoring.v1.Certification;
import org.sqm.proto.scoring.v1.CertificationEvent;
import org.sqm.proto.scoring.v1.CertificationStatus;
import org.sqm.testing.EmbeddedPostgresResource;

/** The certification watch: overdue action plans and reviews suspend, only once; done orders do not. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class CertificationWatchTest extends CertificationFixture {

    static final Instant PLAN_DUE = months(T0, 3);

    static UUID order(RectificationStatus status, Instant due) {
        UUID id = UUID.randomUUID();
        FakeInspections.ORDERS.put(
                id.toString(),
                RectificationOrder.newBuilder()
                        .setId(id.toString())
                        .setStatus(status)
                        .setDueTime(ProtoTime.timestamp(due))
                        .setEtag("1")
                        .build());
        return id;
    }

    @Test
    void anOverdueActionPlanSuspendsOnceAndWatchingAgainChangesNothing() {
        UUID unit = UUID.randomUUID();
        clock.set(T0);
        UUID done = order(RectificationStatus.RECTIFICATION_STATUS_DONE, PLAN_DUE);
        UUID late = order(RectificationStatus.RECTIFICATION_STATUS_IN_PROGRESS, PLAN_DUE);
        UUID id = decide(unit, WITH_PLAN, List.of(done, late), PLAN_DUE).certificationId();

        clock.set(PLAN_DUE.minusSeconds(1));
        watch.run();
        assertEquals(CertificationStatus.CERTIFICATION_STATUS_ACTIVE, get(id).getStatus());

        clock.set(PLAN_DUE);
        watch.run();
        Certification c = get(id);
        assertEquals(CertificationStatus.CERTIFICATION_STATUS_SUSPENDED, c.getStatus());
        assertEquals(2, c.getHistoryCount());
        CertificationEvent suspension = c.getHistory(1);
        assertEquals("SUSPEND", suspension.getAction());
        assertEquals("certification-watch", suspension.getActor());
        assertEquals(CertificationStatus.CERTIFICATION_STATUS_ACTIVE, suspension.getFromStatus());
        assertEquals(CertificationStatus.CERTIFICATION_STATUS_SUSPENDED, suspension.getToStatus());
        assertEquals("action plan overdue: rectification order " + late + " due " + PLAN_DUE, suspension.getReason());
        assertEquals("", suspension.getDecisionId());
        assertTime(PLAN_DUE, suspension.getTime());

        clock.advance(java.time.Duration.ofHours(1));
        watch.run();
        Certification again = get(id);
        assertEquals(2, again.getHistoryCount(), "the watch run twice suspends once");
        assertEquals(c.getEtag(), again.getEtag());
    }

    @Test
    void anActionPlanDoneOrVerifiedInTimeOrNotYetDueSuspendsNothing() {
        UUID unit = UUID.randomUUID();
        clock.set(T0);
        UUID done = order(RectificationStatus.RECTIFICATION_STATUS_DONE, PLAN_DUE);
        UUID verified = order(RectificationStatus.RECTIFICATION_STATUS_VERIFIED, PLAN_DUE);
        UUID open = order(RectificationStatus.RECTIFICATION_STATUS_OPEN, days(PLAN_DUE, 10));
        UUID id = decide(unit, WITH_PLAN, List.of(done, verified, open), days(PLAN_DUE, 10))
                .certificationId();
        clock.set(days(PLAN_DUE, 5));
        watch.run();
        Certification c = get(id);
        assertEquals(CertificationStatus.CERTIFICATION_STATUS_ACTIVE, c.getStatus());
        assertEquals(1, c.getHistoryCount());

        // The last order is done too once it falls due.
        FakeInspections.ORDERS.put(
                open.toString(),
                FakeInspections.ORDERS.get(open.toString()).toBuilder()
                        .setStatus(RectificationStatus.RECTIFICATION_STATUS_DONE)
                        .build());
        clock.set(days(PLAN_DUE, 11));
        watch.run();
        assertEquals(CertificationStatus.CERTIFICATION_STATUS_ACTIVE, get(id).getStatus());
    }

    @Test
    void aReviewOverduePastItsGraceDaysSuspends() {
        UUID unit = UUID.randomUUID();
        clock.set(T0);
        UUID id = decide(unit, ACCREDITED).certificationId();
        Instant due = months(T0, 12);

        clock.set(days(due, 30).minusSeconds(1));
        watch.run();
        assertEquals(CertificationStatus.CERTIFICATION_STATUS_ACTIVE, get(id).getStatus(), "within the grace days");

        clock.set(days(due, 30));
        watch.run();
        Certification c = get(id);
        assertEquals(CertificationStatus.CERTIFICATION_STATUS_SUSPENDED, c.getStatus());
        CertificationEvent suspension = c.getHistory(1);
        assertTrue(suspension.getReason().startsWith("review overdue since 2028-01-10"), suspension.getReason());
        assertTrue(suspension.getReason().contains("30 grace days"), suspension.getReason());
        assertEquals("certification-watch", suspension.getActor());

        // The review decided late passes and reinstates it.
        clock.advance(java.time.Duration.ofDays(3));
        decide(unit, ACCREDITED);
        c = get(id);
        assertEquals(CertificationStatus.CERTIFICATION_STATUS_ACTIVE, c.getStatus());
        assertTime(months(T0, 24), c.getNextReviewDueTime());
        watch.run();
        assertEquals(3, get(id).getHistoryCount());
    }

    @Test
    void aSuspendedCertificationIsNotSuspendedAgainAndLapsesAtTheEndOfItsValidity() {
        UUID unit = UUID.randomUUID();
        clock.set(T0);
        UUID late = order(RectificationStatus.RECTIFICATION_STATUS_OPEN, PLAN_DUE);
        UUID id = decide(unit, WITH_PLAN, List.of(late), PLAN_DUE).certificationId();
        clock.set(days(PLAN_DUE, 1));
        watch.run();
        clock.set(days(months(T0, 12), 40));
        watch.run();
        assertEquals(2, get(id).getHistoryCount(), "overdue review of a suspended certification: no second suspension");
        clock.set(months(T0, 36));
        watch.run();
        watch.run();
        Certification c = get(id);
        assertEquals(CertificationStatus.CERTIFICATION_STATUS_LAPSED, c.getStatus());
        assertEquals(3, c.getHistoryCount());
    }
}
