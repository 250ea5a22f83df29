package org.sqm.scoring.service;

import static org.sqm.commons.convert.ProtoTime.timestamp;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.sqm.commons.client.RemoteCallException;
import org.sqm.commons.convert.ProtoEnums;
import org.sqm.commons.error.Violations;
import org.sqm.commons.paging.PageTokens;
import org.sqm.proto.inspection.v1.AuthorityLevel;
import org.sqm.proto.inspection.v1.CreateInspectionRequest;
import org.sqm.proto.inspection.v1.Inspection;
import org.sqm.proto.inspection.v1.InspectionKind;
import org.sqm.proto.inspection.v1.InspectionOrigin;
import org.sqm.proto.inspection.v1.OriginFigure;
import org.sqm.proto.scoring.v1.SpotCheckTrigger;
import org.sqm.scoring.config.Clocks;
import org.sqm.scoring.domain.Period;
import org.sqm.scoring.domain.TriggeredSpotCheck;
import org.sqm.scoring.domain.TriggeredSpotCheck.Figure;

/**
 * The closed loop: after a recompute's scorecards became current, evaluates the spot-check triggers
 * of each of its months, stores what fires (one short transaction each; the unique key keeps a trigger
 * to one row per unit and month) and requests each pending spot check from inspection-service with no
 * transaction open, by a request id derived from the fired trigger, so a retry never creates a second
 * inspection.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.NEVER)
public class SpotChecks {

    static final String REQUESTED_BY = "scoring-service/spot-checks";
    static final int MAX_ORIGIN_FIGURES = 20;
    /** The most pending requests one evaluation retries; the next one takes the rest. */
    static final int RETRIES_PER_EVALUATION = 500;

    private static final Logger LOG = Logger.getLogger(SpotChecks.class);

    private final UnitFigures.Source figures;
    private final ScoringModels models;
    private final TriggeredSpotCheckStore store;
    private final InspectionRequests inspections;
    private final PageTokens pageTokens;
    private final Clock clock;

    public SpotChecks(
            UnitFigures.Source figures,
            ScoringModels models,
            TriggeredSpotCheckStore store,
            InspectionRequests inspections,
            PageTokens pageTokens,
            Clock clock) {
        this.figures = figures;
        this.models = models;
        this.store = store;
        this.inspections = inspections;
        this.pageTokens = pageTokens;
        this.clock = clock;
    }

    /**
     * Evaluates every month of a period whose recompute completed, then requests what is pending. Never
     * throws: a failure is logged and the next evaluation retries what is pending.
     */
    public void afterRecompute(Period period) {
        try {
            // The months of a quarter or year share their reads: one Source.current per month.
            Map<String, Map<UUID, UnitFigures>> read = new HashMap<>();
            for (Period month : period.months()) {
                evaluate(month, read);
            }
        } catch (RuntimeException e) {
            LOG.warnf(e, "The spot-check triggers of %s could not be evaluated", period.text());
        }
        try {
            requestPending();
        } catch (RuntimeException e) {
            LOG.warnf(e, "Pending spot checks could not be requested");
        }
    }

    /** Stores the triggers that fire for the month (as PENDING); answers how many fired for the first time. */
    public int evaluate(Period month) {
        return evaluate(month, new HashMap<>());
    }

    private int evaluate(Period month, Map<String, Map<UUID, UnitFigures>> read) {
        Map<UUID, UnitFigures> current = read.computeIfAbsent(month.text(), k -> figures.current(month));
        Set<UUID> modelIds = current.values().stream().map(UnitFigures::modelId).collect(Collectors.toSet());
        Map<UUID, List<SpotCheckTrigger>> triggers = models.spotCheckTriggers(modelIds);
        if (triggers.isEmpty()) {
            return 0;
        }
        List<SpotCheckEvaluator.Fired> fired = SpotCheckEvaluator.evaluate(
                month, m -> read.computeIfAbsent(m.text(), k -> figures.current(m)), triggers);
        Instant now = Clocks.now(clock);
        int inserted = 0;
        for (SpotCheckEvaluator.Fired f : fired) {
            var spec = f.trigger().getSpotCheck();
            TriggeredSpotCheck row = new TriggeredSpotCheck(
                    UUID.randomUUID(),
                    f.unitId(),
                    f.period(),
                    f.modelId(),
                    f.trigger().getCode(),
                    f.reason(),
                    f.figures(),
                    spec.getStandardCode(),
                    ProtoEnums.shortName(spec.getAuthorityLevel()),
                    spec.getWindowDays(),
                    TriggeredSpotCheck.PENDING,
                    null,
                    now,
                    null);
            if (store.insertIfAbsent(row)) {
                inserted++;
                LOG.infof(
                        "Spot-check trigger %s fired for unit %s in %s: %s",
                        row.triggerCode(), row.unitId(), row.period(), row.reason());
            }
        }
        return inserted;
    }

    /** Requests the spot check of every pending fired trigger (oldest first); answers how many got one. */
    public int requestPending() {
        int requested = 0;
        for (TriggeredSpotCheck t : store.pending(RETRIES_PER_EVALUATION)) {
            try {
                String inspectionId = inspections.request(request(t));
                if (store.markRequested(t.id(), UUID.fromString(inspectionId), Clocks.now(clock))) {
                    requested++;
                }
            } catch (RemoteCallException e) {
                LOG.warnf(
                        "The spot check of trigger %s (unit %s, %s) stays pending: %s",
                        t.triggerCode(), t.unitId(), t.period(), e.getMessage());
            }
        }
        return requested;
    }

    /**
     * The CreateInspection of a fired trigger: the same for every attempt (the window starts when it
     * fired), so inspection-service answers a retry with the inspection of the first attempt.
     */
    static CreateInspectionRequest request(TriggeredSpotCheck t) {
        return CreateInspectionRequest.newBuilder()
                .setRequestId("spot-check:" + t.id())
                .setInspection(Inspection.newBuilder()
                        .setUnitId(t.unitId().toString())
                        .setKind(InspectionKind.INSPECTION_KIND_SPOT_CHECK)
                        .setAuthorityLevel(ProtoEnums.fromShortName(t.authorityLevel(), AuthorityLevel.class))
                        .setStandardCode(t.standardCode())
                        .setWindowStart(timestamp(t.fireTime()))
                        .setWindowEnd(timestamp(t.fireTime().plus(Duration.ofDays(t.windowDays()))))
                        .setOrigin(InspectionOrigin.newBuilder()
                                .setRequestedBy(REQUESTED_BY)
                                .setReference(t.id().toString())
                                .setReason(t.reason())
                                .addAllFigures(originFigures(t.figures()).stream()
                                        .map(f -> OriginFigure.newBuilder()
                                                .setName(f.name())
                                                .setPeriod(f.period())
                                                .setValue(f.value())
                                                .build())
                                        .toList())))
                .build();
    }

    /** At most 20 figures, as the origin holds: the newest months whole, when a long run has more. */
    static List<Figure> originFigures(List<Figure> all) {
        if (all.size() <= MAX_ORIGIN_FIGURES) {
            return all;
        }
        String cut = all.get(all.size() - MAX_ORIGIN_FIGURES - 1).period();
        return all.subList(all.size() - MAX_ORIGIN_FIGURES, all.size()).stream()
                .filter(f -> !f.period().equals(cut))
                .toList();
    }

    /** Fired triggers, newest month first, then by unit; optionally of one unit or one month. */
    public PageTokens.Page<TriggeredSpotCheck> list(String unitId, String period, int pageSize, String pageToken) {
        Violations v = new Violations()
                .optionalId("unit_id", unitId)
                .check(pageSize >= 0, "page_size", "must not be negative");
        v.check(
                period == null || period.isEmpty() || isMonth(period),
                "period",
                "must be a month, e.g. 2026-03, or empty for every month");
        v.throwIfAny();
        int size = PageTokens.pageSize(pageSize);
        UUID unit = unitId == null || unitId.isEmpty() ? null : UUID.fromString(unitId);
        String month = period == null || period.isEmpty() ? null : period;
        String query = "spot-checks:" + unit + ":" + month;
        List<String> after = pageTokens.decode(pageToken, query, 3);
        return pageTokens.page(
                store.page(unit, month, after, size + 1),
                size,
                query,
                t -> List.of(t.period(), t.unitId().toString(), t.triggerCode()));
    }

    private static boolean isMonth(String text) {
        return !text.contains("Q") && text.length() == 7 && Period.parse(text).isPresent();
    }
}
