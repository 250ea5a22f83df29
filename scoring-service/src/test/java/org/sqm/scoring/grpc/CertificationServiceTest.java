package org.sqm.scoring.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.sqm.proto.scoring.v1.Certification;
import org.sqm.proto.scoring.v1.CertificationEvent;
import org.sqm.proto.scoring.v1.CertificationStatus;
import org.sqm.proto.scoring.v1.GetCertificationRequest;
import org.sqm.proto.scoring.v1.ListCertificationsRequest;
import org.sqm.proto.scoring.v1.ListCertificationsResponse;
import org.sqm.proto.scoring.v1.ReinstateCertificationRequest;
import org.sqm.proto.scoring.v1.SuspendCertificationRequest;
import org.sqm.testing.EmbeddedPostgresResource;
import org.sqm.testing.GrpcErrors;

/** CertificationService: reads with history and paging, suspending and reinstating by hand. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class CertificationServiceTest extends CertificationFixture {

    Certification suspend(Certification c, String reason, String actor) {
        return certifications.suspendCertification(SuspendCertificationRequest.newBuilder()
                .setId(c.getId())
                .setEtag(c.getEtag())
                .setReason(reason)
                .setActor(actor)
                .build());
    }

    Certification reinstate(Certification c, String reason, String actor) {
        return certifications.reinstateCertification(ReinstateCertificationRequest.newBuilder()
                .setId(c.getId())
                .setEtag(c.getEtag())
                .setReason(reason)
                .setActor(actor)
                .build());
    }

    static void assertRefused(Status.Code code, String reason, Runnable call) {
        StatusRuntimeException e = assertThrows(StatusRuntimeException.class, call::run);
        assertEquals(code, e.getStatus().getCode(), e.getMessage());
        if (reason != null) {
            assertEquals(reason, GrpcErrors.errorInfo(e).getReason());
        }
    }

    @Test
    void aCertificationIsSuspendedAndReinstatedByHandWithItsEtagReasonAndActor() {
        clock.set(T0);
        UUID id = decide(UUID.randomUUID(), ACCREDITED).certificationId();
        Certification active = get(id);

        clock.set(days(T0, 40));
        Certification suspended = suspend(active, "complaints about the counter staff under investigation", "ops-lead");
        assertEquals(CertificationStatus.CERTIFICATION_STATUS_SUSPENDED, suspended.getStatus());
        assertNotEquals(active.getEtag(), suspended.getEtag());
        CertificationEvent byHand = suspended.getHistory(1);
        assertEquals("SUSPEND", byHand.getAction());
        assertEquals("ops-lead", byHand.getActor());
        assertEquals("complaints about the counter staff under investigation", byHand.getReason());
        assertTime(days(T0, 40), byHand.getTime());
        assertEquals(suspended, get(id), "the answer is what a read gives");

        // A stale etag, a second suspension and reinstating an active one are refused; nothing is written.
        assertRefused(Status.Code.ABORTED, null, () -> reinstate(active, "done", ""));
        assertRefused(Status.Code.FAILED_PRECONDITION, "INVALID_TRANSITION", () -> suspend(suspended, "again", ""));
        assertEquals(suspended, get(id));

        clock.set(days(T0, 50));
        Certification reinstated = reinstate(suspended, "investigation closed: no fault found", "");
        assertEquals(CertificationStatus.CERTIFICATION_STATUS_ACTIVE, reinstated.getStatus());
        CertificationEvent back = reinstated.getHistory(2);
        assertEquals("REINSTATE", back.getAction());
        assertEquals("api", back.getActor());
        assertEquals(CertificationStatus.CERTIFICATION_STATUS_SUSPENDED, back.getFromStatus());
        assertEquals(CertificationStatus.CERTIFICATION_STATUS_ACTIVE, back.getToStatus());
        assertRefused(Status.Code.FAILED_PRECONDITION, "INVALID_TRANSITION", () -> reinstate(reinstated, "twice", ""));

        // After its validity ended a suspended certification is not reinstated, and a lapsed one never.
        Certification again = suspend(reinstated, "second investigation", "ops-lead");
        clock.set(months(T0, 36));
        assertRefused(Status.Code.FAILED_PRECONDITION, "INVALID_TRANSITION", () -> reinstate(again, "late", ""));
        watch.run();
        Certification lapsed = get(id);
        assertEquals(CertificationStatus.CERTIFICATION_STATUS_LAPSED, lapsed.getStatus());
        assertRefused(Status.Code.FAILED_PRECONDITION, "INVALID_TRANSITION", () -> suspend(lapsed, "x", ""));

        List<String> actions = lapsed.getHistoryList().stream()
                .map(CertificationEvent::getAction)
                .toList();
        assertEquals(List.of("GRANT", "SUSPEND", "REINSTATE", "SUSPEND", "LAPSE"), actions);
        for (CertificationEvent e : lapsed.getHistoryList()) {
            assertTrue(e.hasTime() && !e.getReason().isBlank() && !e.getActor().isBlank(), e.toString());
        }
    }

    @Test
    void badRequestsNameEveryBadFieldAndUnknownIdsAreNotFound() {
        StatusRuntimeException e = assertThrows(
                StatusRuntimeException.class,
                () -> certifications.suspendCertification(SuspendCertificationRequest.newBuilder()
                        .setId("not-a-uuid")
                        .setReason(" ")
                        .setActor("x".repeat(101))
                        .build()));
        assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode());
        assertEquals(List.of("etag", "reason", "actor", "id"), GrpcErrors.violatedFields(e));

        e = assertThrows(
                StatusRuntimeException.class,
                () -> certifications.reinstateCertification(ReinstateCertificationRequest.newBuilder()
                        .setId(UUID.randomUUID().toString())
                        .setEtag("1")
                        .setReason("r".repeat(2001))
                        .build()));
        assertEquals(List.of("reason"), GrpcErrors.violatedFields(e));

        assertRefused(
                Status.Code.NOT_FOUND,
                null,
                () -> certifications.reinstateCertification(ReinstateCertificationRequest.newBuilder()
                        .setId(UUID.randomUUID().toString())
                        .setEtag("1")
                        .setReason("r")
                        .build()));
        assertRefused(
                Status.Code.NOT_FOUND,
                null,
                () -> certifications.getCertification(GetCertificationRequest.newBuilder()
                        .setId(UUID.randomUUID().toString())
                        .build()));
        assertRefused(
                Status.Code.INVALID_ARGUMENT,
                null,
                () -> certifications.getCertification(
                        GetCertificationRequest.newBuilder().setId("x").build()));

        e = assertThrows(
                StatusRuntimeException.class,
                () -> certifications.listCertifications(ListCertificationsRequest.newBuilder()
                        .setUnitId("nope")
                        .setStatusValue(42)
                        .build()));
        assertEquals(List.of("unit_id", "status"), GrpcErrors.violatedFields(e));
        assertRefused(
                Status.Code.INVALID_ARGUMENT,
                null,
                () -> certifications.listCertifications(
                        ListCertificationsRequest.newBuilder().setPageSize(-1).build()));
    }

    @Test
    void listsGoByUnitThenRulesCodeOnePageAtATimeWithoutHistory() {
        clock.set(T0);
        UUID unit = UUID.randomUUID();
        UUID first = decide(unit, ACCREDITED).certificationId();
        clock.set(months(T0, 36));
        watch.run();
        UUID second = decide(unit, ACCREDITED).certificationId();
        UUID other = UUID.randomUUID();
        decide(other, ACCREDITED);

        List<Certification> all = new ArrayList<>();
        String token = "";
        do {
            ListCertificationsResponse page = certifications.listCertifications(ListCertificationsRequest.newBuilder()
                    .setUnitId(unit.toString())
                    .setPageSize(1)
                    .setPageToken(token)
                    .build());
            assertTrue(page.getCertificationsCount() <= 1);
            all.addAll(page.getCertificationsList());
            token = page.getNextPageToken();
        } while (!token.isEmpty());
        assertEquals(2, all.size());
        assertEquals(
                List.of(first, second).stream().map(UUID::toString).sorted().toList(),
                all.stream().map(Certification::getId).toList());
        assertTrue(all.stream()
                .allMatch(c -> c.getHistoryCount() == 0 && c.getUnitId().equals(unit.toString())));

        List<Certification> active = certifications
                .listCertifications(ListCertificationsRequest.newBuilder()
                        .setUnitId(unit.toString())
                        .setStatus(CertificationStatus.CERTIFICATION_STATUS_ACTIVE)
                        .build())
                .getCertificationsList();
        assertEquals(
                List.of(second.toString()),
                active.stream().map(Certification::getId).toList());
        assertTrue(certifications
                .listCertifications(ListCertificationsRequest.newBuilder()
                        .setStatus(CertificationStatus.CERTIFICATION_STATUS_LAPSED)
                        .setPageSize(1000)
                        .build())
                .getCertificationsList()
                .stream()
                .anyMatch(c -> c.getId().equals(first.toString())));
    }
}
