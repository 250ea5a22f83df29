package org.sqm.scoring.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.grpc.GrpcClient;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.sqm.commons.convert.ProtoTime;
import org.sqm.proto.inspection.v1.AuthorityLevel;
import org.sqm.proto.scoring.v1.AccreditationOutcome;
import org.sqm.proto.scoring.v1.Certification;
import org.sqm.proto.scoring.v1.CertificationServiceGrpc.CertificationServiceBlockingStub;
import org.sqm.proto.scoring.v1.GetCertificationRequest;
import org.sqm.scoring.TestClock;
import org.sqm.scoring.service.AccreditationDecided;
import org.sqm.scoring.service.CertificationWatch;

/**
 * What the certification tests share: decisions fired as accreditation decisions fire them (inside a
 * transaction of their own, CSE's cycle figures), the stopped clock, the watch and the gRPC client.
 */
abstract class CertificationFixture {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final UUID RULES = UUID.fromString("00000000-0000-4000-8000-00000000c5e1");
    /** 10:00 local time on 10 January 2027. */
    static final Instant T0 = Instant.parse("2027-01-10T02:00:00Z");

    static final AccreditationOutcome ACCREDITED = AccreditationOutcome.ACCREDITATION_OUTCOME_ACCREDITED;
    static final AccreditationOutcome WITH_PLAN =
            AccreditationOutcome.ACCREDITATION_OUTCOME_ACCREDITED_WITH_ACTION_PLAN;
    static final AccreditationOutcome NOT_ACCREDITED = AccreditationOutcome.ACCREDITATION_OUTCOME_NOT_ACCREDITED;

    @GrpcClient("scoring")
    CertificationServiceBlockingStub certifications;

    @Inject
    Event<AccreditationDecided> decisions;

    @Inject
    TestClock clock;

    @Inject
    CertificationWatch watch;

    @BeforeEach
    void freshBackends() {
        FakeInspections.reset();
    }

    @AfterEach
    void clockBack() {
        clock.reset();
        FakeInspections.reset();
    }

    /** {@code months} calendar months after {@code from}, local time. */
    static Instant months(Instant from, int months) {
        return from.atZone(ZONE).plusMonths(months).toInstant();
    }

    static Instant days(Instant from, int days) {
        return from.atZone(ZONE).plusDays(days).toInstant();
    }

    /** A decision on the unit at the clock's now, with CSE's figures: 36 months, reviews every 12, 60 window days, 30 grace days. */
    AccreditationDecided decide(UUID unit, AccreditationOutcome outcome, List<UUID> orders, Instant planDue) {
        return fire(new AccreditationDecided.Facts(
                UUID.randomUUID(),
                unit,
                RULES,
                "CSE",
                "CSE",
                outcome,
                UUID.randomUUID(),
                clock.instant(),
                "assessor-7",
                orders,
                planDue,
                36,
                12,
                60,
                30,
                AuthorityLevel.AUTHORITY_LEVEL_PROVINCIAL));
    }

    AccreditationDecided decide(UUID unit, AccreditationOutcome outcome) {
        return decide(unit, outcome, List.of(), null);
    }

    /** Fires the decision as the decision's transaction does, and commits. */
    AccreditationDecided fire(AccreditationDecided.Facts facts) {
        AccreditationDecided event = new AccreditationDecided(facts);
        QuarkusTransaction.requiringNew().run(() -> decisions.fire(event));
        return event;
    }

    Certification get(UUID id) {
        return certifications.getCertification(
                GetCertificationRequest.newBuilder().setId(id.toString()).build());
    }

    static void assertTime(Instant expected, com.google.protobuf.Timestamp actual) {
        assertEquals(expected, ProtoTime.instant(actual));
    }
}
