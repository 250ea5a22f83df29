package org.sqm.inspection.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.sqm.commons.convert.Texts;
import org.sqm.commons.error.InvalidArgumentException;
import org.sqm.commons.error.Violations;
import org.sqm.commons.persistence.IdempotentCreate;
import org.sqm.inspection.config.Clocks;
import org.sqm.inspection.domain.AuthorityLevel;
import org.sqm.inspection.domain.SupervisionOrderEntity;
import org.sqm.inspection.domain.SupervisionStatus;
import org.sqm.inspection.repository.SupervisionOrderRepository;

/**
 * Issues supervision orders. Asks standards-service whether the unit exists and is active first, with
 * no transaction open; the insert is one short transaction of its own (IdempotentCreate, so a racing
 * retry reads the winner's order).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.NEVER)
public class SupervisionIssue {

    static final Duration MIN_INTERVAL = Duration.ofHours(1);
    static final Duration MAX_INTERVAL = Duration.ofDays(366);
    static final int MAX_YEARS = 5;

    private final SupervisionOrderRepository repository;
    private final SupervisionOrders orders;
    private final Standards standards;
    private final Clock clock;

    public SupervisionIssue(
            SupervisionOrderRepository repository, SupervisionOrders orders, Standards standards, Clock clock) {
        this.repository = repository;
        this.orders = orders;
        this.standards = standards;
        this.clock = clock;
    }

    /** What an authority issues. */
    public record NewSupervisionOrder(
            String unitId,
            AuthorityLevel authorityLevel,
            String issuer,
            boolean regulator,
            String problem,
            Instant dueTime,
            Duration reportInterval) {}

    /** Issues an order, or returns the one an earlier call with the same request id issued. */
    public SupervisionView create(NewSupervisionOrder order, String requestId, String actor) {
        Instant now = Clocks.now(clock);
        UUID unitId = validate(order, requestId, actor, now);
        Standards.Unit unit = standards.unit(unitId).orElse(null);
        if (unit == null || !unit.active()) {
            throw new InvalidArgumentException(
                    "order.unit_id", unit == null ? "no unit has this id" : "the unit is inactive");
        }
        String fingerprint = IdempotentCreate.fingerprint(
                unitId.toString(),
                order.authorityLevel().name(),
                order.issuer().strip(),
                Boolean.toString(order.regulator()),
                order.problem().strip(),
                order.dueTime().toString(),
                order.reportInterval().toString());
        return IdempotentCreate.create(
                requestId,
                fingerprint,
                view -> view.order().fingerprint,
                key -> repository.findByRequestId(key).map(orders::view),
                () -> orders.insert(entity(order, unitId, requestId, fingerprint, now), actor),
                constraint -> null);
    }

    private static SupervisionOrderEntity entity(
            NewSupervisionOrder order, UUID unitId, String requestId, String fingerprint, Instant now) {
        SupervisionOrderEntity o = new SupervisionOrderEntity();
        o.id = UUID.randomUUID();
        o.unitId = unitId;
        o.authorityLevel = order.authorityLevel();
        o.issuer = order.issuer().strip();
        o.regulator = order.regulator();
        o.problem = order.problem().strip();
        o.issueTime = now;
        o.dueTime = order.dueTime().truncatedTo(ChronoUnit.MICROS);
        o.reportIntervalSeconds = order.reportInterval().getSeconds();
        o.status = SupervisionStatus.OPEN;
        o.nextReportDueTime = o.reportDue(1);
        o.requestId = Texts.emptyToNull(requestId);
        o.fingerprint = fingerprint;
        o.updateTime = now;
        return o;
    }

    /** Every field the caller can get wrong, reported together; returns the unit's id. */
    private static UUID validate(NewSupervisionOrder order, String requestId, String actor, Instant now) {
        Violations v = new Violations()
                .requireEnum("order.authority_level", order.authorityLevel() != null)
                .requireText("order.issuer", order.issuer(), 200)
                .requireText("order.problem", order.problem(), SupervisionOrders.MAX_TEXT)
                .check(order.dueTime() != null, "order.due_time", "is required")
                .check(order.reportInterval() != null, "order.report_interval", "is required")
                .maxLength("request_id", requestId, 100);
        Moves.checkActor(v, actor);
        v.check(
                order.authorityLevel() != AuthorityLevel.UNIT,
                "order.authority_level",
                "must be NATIONAL, PROVINCIAL or CITY: a unit does not supervise itself");
        if (order.dueTime() != null) {
            v.check(order.dueTime().isAfter(now), "order.due_time", "must be in the future");
            v.check(
                    !order.dueTime()
                            .isAfter(now.atOffset(java.time.ZoneOffset.UTC)
                                    .plusYears(MAX_YEARS)
                                    .toInstant()),
                    "order.due_time",
                    "must be at most " + MAX_YEARS + " years away");
        }
        Duration interval = order.reportInterval();
        if (interval != null) {
            v.check(
                    interval.compareTo(MIN_INTERVAL) >= 0 && interval.compareTo(MAX_INTERVAL) <= 0,
                    "order.report_interval",
                    "must be between 1 hour (PT1H) and 366 days");
            v.check(interval.getNano() == 0, "order.report_interval", "must be whole seconds");
        }
        UUID unitId = null;
        try {
            unitId = Violations.parseId("order.unit_id", order.unitId());
        } catch (InvalidArgumentException e) {
            e.violations().forEach(f -> v.check(false, f.field(), f.description()));
        }
        v.throwIfAny();
        return unitId;
    }
}
