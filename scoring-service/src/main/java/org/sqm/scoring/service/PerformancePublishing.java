package org.sqm.scoring.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.sqm.commons.convert.ProtoEnums;
import org.sqm.commons.error.FailedPreconditionException;
import org.sqm.commons.error.InvalidArgumentException;
import org.sqm.commons.error.Violations;
import org.sqm.commons.paging.PageTokens;
import org.sqm.proto.scoring.v1.PublishedPerformance;
import org.sqm.proto.scoring.v1.ScoringModel;
import org.sqm.proto.standards.v1.UnitType;
import org.sqm.scoring.config.Clocks;
import org.sqm.scoring.config.ScoringConfig;
import org.sqm.scoring.domain.Period;
import org.sqm.scoring.service.PublishedPerformanceStore.Publication;
import org.sqm.scoring.service.PublishedPerformanceStore.Row;

/**
 * Published performance: publishes a closed, scored period once (its current scorecards' figures next
 * to their models' targets, kept as rows that never change) and reads a publication page by page,
 * always the bytes written at publication. One transaction of database work per call; nothing remote.
 */
@ApplicationScoped
@Transactional
public class PerformancePublishing {

    static final int MAX_ACTOR = 100;

    private final PublishedPerformanceStore store;
    private final ScorecardStore scorecards;
    private final ScorecardFiguresStore figures;
    private final LeagueTableStore models;
    private final PageTokens tokens;
    private final ScoringConfig config;
    private final Clock clock;

    public PerformancePublishing(
            PublishedPerformanceStore store,
            ScorecardStore scorecards,
            ScorecardFiguresStore figures,
            LeagueTableStore models,
            PageTokens tokens,
            ScoringConfig config,
            Clock clock) {
        this.store = store;
        this.scorecards = scorecards;
        this.figures = figures;
        this.models = models;
        this.tokens = tokens;
        this.config = config;
        this.clock = clock;
    }

    /** A page of a publication's rows and the publication itself. */
    public record Listing(Publication publication, List<PublishedPerformance> rows, String nextPageToken) {}

    /** Publishes the period, or answers its first publication unchanged. */
    public Publication publish(String periodText, String actor) {
        new Violations().maxLength("actor", actor, MAX_ACTOR).throwIfAny();
        Period period = ClosedPeriods.check(periodText, Clocks.now(clock), config.timeZone(), "publish");
        var existing = store.find(period.text());
        if (existing.isPresent()) {
            return existing.get();
        }
        if (scorecards.currentRun(period.text()).isEmpty()) {
            throw new FailedPreconditionException(
                    "PERIOD_NOT_SCORED",
                    "period " + period.text() + " has no scorecards yet: recompute it first (RecomputeScorecards)");
        }
        Map<UUID, PerformanceRows.Unit> units = store.currentUnits(period.text());
        Map<UUID, UnitFigures> byCard = figures.of(units.keySet());
        if (byCard.size() < units.size()) {
            throw new FailedPreconditionException(
                    "PERIOD_NOT_SCORED",
                    "period " + period.text() + " was scored before figures were kept with scorecards:"
                            + " recompute it (RecomputeScorecards) before publishing");
        }
        Map<UUID, ScoringModel> byModel = models(byCard.values());
        Set<String> codes = new TreeSet<>();
        byCard.values().forEach(f -> f.indicators().forEach(i -> codes.add(i.code())));
        Map<String, String> names = codes.isEmpty() ? Map.of() : store.indicatorNames(codes);
        List<Row> rows = new ArrayList<>();
        for (var card : units.entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<UUID, PerformanceRows.Unit> e) ->
                                e.getValue().unitCode())
                        .thenComparing(e -> e.getValue().unitId()))
                .toList()) {
            PerformanceRows.Unit unit = card.getValue();
            UnitFigures f = byCard.get(card.getKey());
            PublishedPerformance row = PerformanceRows.row(
                    period.text(),
                    unit,
                    f,
                    byModel.getOrDefault(f.modelId(), ScoringModel.getDefaultInstance()),
                    names);
            rows.add(new Row(
                    unit.unitCode(),
                    UUID.fromString(unit.unitId()),
                    unit.unitType(),
                    unit.parentUnitId().isEmpty() ? null : UUID.fromString(unit.parentUnitId()),
                    PerformanceRows.json(row)));
        }
        Publication publication = new Publication(
                period.text(),
                Clocks.now(clock),
                actor == null || actor.isBlank() ? "api" : actor.strip(),
                rows.size(),
                PerformanceRows.fingerprint(rows.stream().map(Row::json).toList()));
        if (store.insert(publication, rows)) {
            return publication;
        }
        // Another call published the period meanwhile: its publication is the one.
        return store.find(period.text()).orElseThrow();
    }

    /** A page of a published period's rows by unit code; null unit type and empty parent for no filter. */
    public Listing list(String periodText, UnitType unitType, String parentUnitId, int pageSize, String pageToken) {
        if (periodText == null || periodText.isEmpty()) {
            throw new InvalidArgumentException("period", "is required");
        }
        Period period =
                Period.parse(periodText).orElseThrow(() -> new InvalidArgumentException("period", Period.FORMAT));
        new Violations()
                .check(unitType != UnitType.UNRECOGNIZED, "unit_type", "must be one of the documented values")
                .optionalId("parent_unit_id", parentUnitId)
                .check(pageSize >= 0, "page_size", "must not be negative")
                .throwIfAny();
        Publication publication = store.find(period.text())
                .orElseThrow(() -> new FailedPreconditionException(
                        "PERIOD_NOT_PUBLISHED",
                        "period " + period.text() + " is not published: publish it first (PublishPerformance)"));
        int size = PageTokens.pageSize(pageSize);
        String type = ProtoEnums.shortName(unitType);
        String parent = parentUnitId == null || parentUnitId.isEmpty() ? null : parentUnitId;
        String query = "published|" + period.text() + "|" + type + "|" + parent;
        List<String> after = tokens.decode(pageToken, query, 2);
        List<Row> read = store.rows(
                period.text(),
                type,
                parent == null ? null : UUID.fromString(parent),
                after.isEmpty() ? null : after.get(0),
                after.isEmpty() ? null : UUID.fromString(after.get(1)),
                size + 1);
        PageTokens.Page<Row> page = tokens.page(
                read, size, query, r -> List.of(r.unitCode(), r.unitId().toString()));
        return new Listing(
                publication,
                page.items().stream().map(r -> PerformanceRows.parse(r.json())).toList(),
                page.nextPageToken());
    }

    /** The scoring model versions the figures' scorecards used, by id. */
    private Map<UUID, ScoringModel> models(java.util.Collection<UnitFigures> all) {
        Set<UUID> ids = all.stream().map(UnitFigures::modelId).collect(Collectors.toSet());
        if (ids.isEmpty()) {
            return Map.of();
        }
        return models.definitions(ids).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> ScoringModelDocument.parse(e.getKey(), e.getValue())
                        .build()));
    }
}
