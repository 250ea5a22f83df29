package org.sqm.scoring.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.sqm.commons.audit.ReadOnlyTransaction;
import org.sqm.commons.convert.ProtoEnums;
import org.sqm.commons.convert.ProtoTime;
import org.sqm.commons.error.InvalidArgumentException;
import org.sqm.commons.error.NotFoundException;
import org.sqm.commons.error.Violations;
import org.sqm.commons.paging.PageTokens;
import org.sqm.proto.scoring.v1.ScoreTrend;
import org.sqm.proto.scoring.v1.Scorecard;
import org.sqm.proto.scoring.v1.ScorecardStatus;
import org.sqm.proto.scoring.v1.TrendPoint;
import org.sqm.proto.standards.v1.UnitType;
import org.sqm.scoring.domain.Period;
import org.sqm.scoring.service.ScorecardStore.Stored;

/**
 * Reads the current scorecards (those of each period's current run) with their full explanation, a
 * period's scorecards page by page, and a unit's trend (with each period's satisfaction index). One read
 * transaction per call.
 */
@ApplicationScoped
@Transactional
public class ScorecardReads {

    private final ScorecardStore store;
    private final PageTokens tokens;
    private final CallerUnits scopes;
    private final SatisfactionIndexes satisfaction;

    public ScorecardReads(
            ScorecardStore store, PageTokens tokens, CallerUnits scopes, SatisfactionIndexes satisfaction) {
        this.store = store;
        this.tokens = tokens;
        this.scopes = scopes;
        this.satisfaction = satisfaction;
    }

    /** The unit's current scorecard of the period. */
    public Scorecard get(String unitId, String periodText) {
        UUID unit = Violations.parseId("unit_id", unitId);
        Period period = period(periodText);
        scopes.requireVisible(unit, "scorecard", unitId + "/" + period.text());
        Stored stored = store.current(unit, period.text())
                .orElseThrow(() -> new NotFoundException("scorecard", unitId + "/" + period.text()));
        return full(List.of(stored)).get(0);
    }

    /** A page of the period's current scorecards by unit code. */
    public PageTokens.Page<Scorecard> list(
            String periodText, UnitType unitType, Integer level, String parentUnitId, int pageSize, String pageToken) {
        Period period = period(periodText);
        new Violations()
                .check(unitType != UnitType.UNRECOGNIZED, "unit_type", "must be one of the documented values")
                .check(level == null || level >= 0, "level", "must not be negative")
                .optionalId("parent_unit_id", parentUnitId)
                .throwIfAny();
        int size = PageTokens.pageSize(pageSize);
        String type = ProtoEnums.shortName(unitType);
        String query =
                "scorecards|" + period.text() + "|" + type + "|" + level + "|" + parentUnitId + "|" + scopes.scopeKey();
        List<String> after = tokens.decode(pageToken, query, 1);
        List<Stored> read = store.list(
                period.text(),
                new ScorecardStore.Filter(
                        type,
                        level,
                        parentUnitId.isEmpty() ? null : UUID.fromString(parentUnitId),
                        scopes.visibleUnits().orElse(null)),
                after.isEmpty() ? null : after.get(0),
                size + 1);
        return page(tokens.page(read, size, query, s -> List.of(s.card().getUnitCode())));
    }

    private PageTokens.Page<Scorecard> page(PageTokens.Page<Stored> stored) {
        return new PageTokens.Page<>(full(stored.items()), stored.nextPageToken());
    }

    /**
     * The unit's scores over the last {@code count} periods of the kind of the given one, oldest first;
     * with {@code includeLatestScorecard}, also the full scorecard of the latest period that has one, as
     * {@link #get} gives it (same roles and unit scope), so a screen needs one call for both.
     */
    @ReadOnlyTransaction
    public ScoreTrend trend(String unitId, String periodText, int count, boolean includeLatestScorecard) {
        UUID unit = Violations.parseId("unit_id", unitId);
        Period last = period(periodText);
        new Violations()
                .check(count >= 0 && count <= 60, "count", "must be 1 to 60, or 0 for 12")
                .throwIfAny();
        scopes.requireVisible(unit, "unit", unitId);
        int n = count == 0 ? 12 : count;
        List<Period> periods = new ArrayList<>();
        Period p = last;
        for (int i = 0; i < n; i++) {
            periods.add(0, p);
            p = p.previous();
        }
        Map<String, ScorecardStore.TrendRow> rows =
                store.trend(unit, periods.stream().map(Period::text).toList()).stream()
                        .collect(Collectors.toMap(ScorecardStore.TrendRow::period, r -> r));
        Map<String, Double> indexes = satisfaction.ofPeriods(unit, periods);
        ScoreTrend.Builder trend = ScoreTrend.newBuilder().setUnitId(unitId);
        String latestScored = null;
        for (Period each : periods) {
            String period = each.text();
            TrendPoint.Builder point = TrendPoint.newBuilder().setPeriod(period);
            Double index = indexes.get(period);
            if (index != null) {
                point.setSatisfactionIndex(index);
            }
            ScorecardStore.TrendRow row = rows.get(period);
            if (row != null) {
                point.setStatus(ProtoEnums.fromShortName(row.status(), ScorecardStatus.class))
                        .setModelId(row.modelId())
                        .setModelVersion(row.modelVersion())
                        .setScorecardId(row.id().toString());
                latestScored = period;
                if (row.score() != null) {
                    point.setScore(row.score()).setGrade(row.grade() == null ? "" : row.grade());
                }
            }
            trend.addPoints(point);
        }
        if (includeLatestScorecard && latestScored != null) {
            store.current(unit, latestScored)
                    .ifPresent(s -> trend.setLatestScorecard(full(List.of(s)).get(0)));
        }
        return trend.build();
    }

    private static Period period(String text) {
        if (text == null || text.isEmpty()) {
            throw new InvalidArgumentException("period", "is required");
        }
        return Period.parse(text).orElseThrow(() -> new InvalidArgumentException("period", Period.FORMAT));
    }

    /**
     * The stored scorecards as returned: with id, operation and compute time, and the ids of the
     * children's and sub-periods' scorecards of the same run (left out of the explanation, which is
     * the same in every run with the same inputs), read in one query.
     */
    private List<Scorecard> full(List<Stored> stored) {
        Map<UUID, Map<String, String>> idsByRun = new java.util.HashMap<>();
        for (UUID run : stored.stream().map(Stored::runId).distinct().toList()) {
            Set<String> unitIds = new HashSet<>();
            Set<String> periods = new HashSet<>();
            for (Stored s : stored) {
                if (!s.runId().equals(run)) {
                    continue;
                }
                s.card().getChildrenList().forEach(c -> unitIds.add(c.getUnitId()));
                if (s.card().getChildrenCount() > 0) {
                    periods.add(s.card().getPeriod());
                }
                if (s.card().getSubPeriodsCount() > 0) {
                    unitIds.add(s.card().getUnitId());
                    s.card().getSubPeriodsList().forEach(sp -> periods.add(sp.getPeriod()));
                }
            }
            idsByRun.put(
                    run, unitIds.isEmpty() ? Map.of() : store.ids(run, List.copyOf(unitIds), List.copyOf(periods)));
        }
        List<Scorecard> cards = new ArrayList<>();
        for (Stored s : stored) {
            Map<String, String> ids = idsByRun.get(s.runId());
            Scorecard.Builder card = s.card().toBuilder()
                    .setId(s.id().toString())
                    .setOperation("operations/" + s.runId())
                    .setComputeTime(ProtoTime.timestamp(s.computeTime()));
            card.getChildrenBuilderList()
                    .forEach(c -> c.setScorecardId(ids.getOrDefault(c.getUnitId() + "/" + card.getPeriod(), "")));
            card.getSubPeriodsBuilderList()
                    .forEach(sp -> sp.setScorecardId(ids.getOrDefault(card.getUnitId() + "/" + sp.getPeriod(), "")));
            cards.add(card.build());
        }
        return cards;
    }
}
