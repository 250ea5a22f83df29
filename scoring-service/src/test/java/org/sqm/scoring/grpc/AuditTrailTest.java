package org.sqm.scoring.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sqm.scoring.grpc.AsCaller.as;
import static org.sqm.scoring.grpc.AsCaller.code;

import io.grpc.Status;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.sqm.proto.common.v1.AuditEvent;
import org.sqm.proto.common.v1.AuditServiceGrpc;
import org.sqm.proto.common.v1.FieldChange;
import org.sqm.proto.common.v1.ListAuditEventsRequest;
import org.sqm.proto.scoring.v1.Certification;
import org.sqm.proto.scoring.v1.CertificationServiceGrpc;
import org.sqm.proto.scoring.v1.SuspendCertificationRequest;
import org.sqm.testing.EmbeddedPostgresResource;
import org.sqm.testing.auth.DevTokens;

/**
 * The audit trail of scoring-service: a change made over gRPC is recorded with the token's subject,
 * the RPC, the request id the caller sent and the fields it changed; administrators and quality
 * managers read it, nobody else; the database refuses to change or delete it.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class AuditTrailTest extends CertificationFixture {

    @Inject
    EntityManager em;

    List<AuditEvent> trail(String resource) {
        return as(AuditServiceGrpc.newBlockingStub(AsCaller.channel()), DevTokens.token("quality-manager"))
                .listAuditEvents(ListAuditEventsRequest.newBuilder()
                        .setResource(resource)
                        .setPageSize(100)
                        .build())
                .getEventsList();
    }

    @Test
    void aSuspensionIsRecordedWithWhoWhatAndTheRequestId() {
        clock.set(T0);
        UUID id = decide(UUID.randomUUID(), ACCREDITED).certificationId();
        Certification active = get(id);
        String requestId = "suspend-" + UUID.randomUUID();

        as(CertificationServiceGrpc.newBlockingStub(AsCaller.channel()), DevTokens.token("quality-manager"), requestId)
                .suspendCertification(SuspendCertificationRequest.newBuilder()
                        .setId(active.getId())
                        .setEtag(active.getEtag())
                        .setReason("complaints under investigation")
                        .build());

        List<AuditEvent> trail = trail("certifications/" + id);
        // The grant (a job's transaction here: no caller) and then the suspension's rows.
        List<AuditEvent> suspension =
                trail.stream().filter(e -> e.getRequestId().equals(requestId)).toList();
        assertTrue(suspension.size() >= 2, "the certification and its history event: " + trail);
        for (AuditEvent e : suspension) {
            assertEquals("quality-manager@sqm.dev", e.getActor());
            assertEquals("sqm.scoring.v1.CertificationService/SuspendCertification", e.getAction());
        }
        AuditEvent changed = suspension.stream()
                .filter(e -> e.getRecord().equals("certification")
                        && e.getOperation().equals("UPDATE"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no UPDATE of the certification in " + suspension));
        Map<String, FieldChange> fields =
                changed.getChangesList().stream().collect(Collectors.toMap(FieldChange::getField, c -> c));
        assertEquals("\"ACTIVE\"", fields.get("status").getBefore());
        assertEquals("\"SUSPENDED\"", fields.get("status").getAfter());
        assertTrue(suspension.stream()
                .anyMatch(e -> e.getRecord().equals("certification_event")
                        && e.getOperation().equals("INSERT")));
        assertTrue(trail.stream()
                .anyMatch(
                        e -> e.getOperation().equals("INSERT") && e.getRecord().equals("certification")));
    }

    @Test
    void onlyAdministratorsAndQualityManagersReadTheTrail() {
        for (String role : List.of("viewer", "unit-manager", "inspector", "complaint-handler", "public-reader")) {
            assertEquals(
                    Status.Code.PERMISSION_DENIED,
                    code(() -> as(AuditServiceGrpc.newBlockingStub(AsCaller.channel()), DevTokens.token(role))
                            .listAuditEvents(ListAuditEventsRequest.newBuilder()
                                    .setResource("certifications/" + UUID.randomUUID())
                                    .build())),
                    role);
        }
        assertEquals(Status.Code.OK, code(() -> as(
                        AuditServiceGrpc.newBlockingStub(AsCaller.channel()), DevTokens.administrator())
                .listAuditEvents(ListAuditEventsRequest.newBuilder()
                        .setResource("certifications/" + UUID.randomUUID())
                        .build())));
    }

    @Test
    void theDatabaseRefusesToChangeOrDeleteTheTrail() {
        clock.set(T0);
        decide(UUID.randomUUID(), ACCREDITED);
        for (String sql : List.of(
                "update audit_event set actor = 'someone else'", "delete from audit_event", "truncate audit_event")) {
            RuntimeException e = assertThrows(RuntimeException.class, () -> QuarkusTransaction.requiringNew()
                    .run(() -> em.createNativeQuery(sql).executeUpdate()));
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            assertTrue(String.valueOf(root.getMessage()).contains("append-only"), sql + ": " + root);
        }
    }

    @Test
    void aBatchsItemsAreAuditedOncePerStatementForInsertsAndUpdates() {
        List<?> triggers = em.createNativeQuery("select c.relname || '.' || t.tgname from pg_trigger t"
                        + " join pg_class c on c.oid = t.tgrelid"
                        + " where c.relname in ('measurement', 'survey_response', 'customers_served')"
                        + " and not t.tgisinternal and (t.tgtype & 1) = 0 order by 1")
                .getResultList();
        assertEquals(
                List.of(
                        "customers_served.audit_insert",
                        "customers_served.audit_update",
                        "measurement.audit_insert",
                        "measurement.audit_update",
                        "survey_response.audit_insert",
                        "survey_response.audit_update"),
                triggers);
    }
}
