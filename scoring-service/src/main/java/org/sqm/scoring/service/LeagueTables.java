package org.sqm.scoring.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.sqm.commons.convert.ProtoEnums;
import org.sqm.commons.error.FailedPreconditionException;
import org.sqm.commons.error.Violations;
import org.sqm.proto.common.v1.CustomerSegment;
import org.sqm.proto.scoring.v1.ConfidenceInterval;
import org.sqm.proto.scoring.v1.DifferenceToAbove;
import org.sqm.proto.scoring.v1.LeagueMetric;
import org.sqm.proto.scoring.v1.LeagueRowStatus;
import org.sqm.proto.scoring.v1.LeagueTable;
import org.sqm.proto.scoring.v1.LeagueTableRow;
import org.sqm.proto.scoring.v1.Movement;
import org.sqm.proto.scoring.v1.ScoreComponent;
import org.sqm.proto.scoring.v1.Scorecard;
import org.sqm.proto.scoring.v1.ScoringModel;
import org.sqm.proto.standards.v1.UnitType;
import org.sqm.scoring.domain.Period;
import org.sqm.scoring.service.LeagueTableStore.Entry;
import org.sqm.scoring.service.LeagueTableStore.Sample;
import org.sqm.scoring.service.SatisfactionIndexes.Interval;

/**
 * League tables: the units with a current scorecard for a period, ranked by score or satisfaction
 * index (higher is better, equal values sharing a rank), with their movement against the previous
 * period of the same kind. One read transaction of database work; nothing remote.
 */
@ApplicationScoped
@Transactional
public class LeagueTables {

    /** The minimum sample of a satisfaction index when the scorecard's model has no satisfaction component. */
    static final int DEFAULT_MIN_SAMPLE = 30;

    private final ScorecardStore scorecards;
    private final LeagueTableStore store;

    public LeagueTables(ScorecardStore scorecards, LeagueTableStore store) {
        this.scorecards = scorecards;
        this.store = store;
    }

    /** A unit of the table: its scorecard, the value ranked by (null: insufficient data) and its rank. */
    private static final class Row {
        final Entry entry;
        final Double value;
        final Interval interval;
        final long sampleSize;
        final String reason;
        int rank;

        Row(Entry entry, Double value, Interval interval, long sampleSize, String reason) {
            this.entry = entry;
            this.value = value;
            this.interval = interval;
            this.sampleSize = sampleSize;
            this.reason = reason;
        }
    }

    /** The league table of a period; null level and empty parent for no filter. */
    public LeagueTable get(
            String periodText, UnitType unitType, Integer level, String parentUnitId, LeagueMetric metric) {
        Violations v = new Violations();
        Period period = Period.parse(periodText).orElse(null);
        v.check(periodText != null && !periodText.isEmpty(), "period", "is required");
        v.check(period != null || periodText == null || periodText.isEmpty(), "period", Period.FORMAT)
                .check(unitType != UnitType.UNRECOGNIZED, "unit_type", "must be one of the documented values")
                .check(level == null || level >= 0, "level", "must not be negative")
                .optionalId("parent_unit_id", parentUnitId)
                .check(metric != LeagueMetric.UNRECOGNIZED, "metric", "must be one of the documented values")
                .throwIfAny();
        if (scorecards.currentRun(period.text()).isEmpty()) {
            throw new FailedPreconditionException(
                    "PERIOD_NOT_SCORED",
                    "period " + period.text() + " has no scorecards yet: recompute it first (RecomputeScorecards)");
        }
        LeagueMetric by = metric == LeagueMetric.LEAGUE_METRIC_UNSPECIFIED ? LeagueMetric.LEAGUE_METRIC_SCORE : metric;
        ScorecardStore.Filter filter = new ScorecardStore.Filter(
                ProtoEnums.shortName(unitType),
                level,
                parentUnitId == null || parentUnitId.isEmpty() ? null : UUID.fromString(parentUnitId),
                null);
        List<Row> rows = rows(period, filter, by, true);
        Period previous = period.previous();
        Map<UUID, Row> before = scorecards.currentRun(previous.text()).isEmpty()
                ? Map.of()
                : rows(previous, filter, by, false).stream()
                        .filter(r -> r.value != null)
                        .collect(Collectors.toMap(r -> r.entry.unitId(), r -> r));

        LeagueTable.Builder table = LeagueTable.newBuilder()
                .setPeriod(period.text())
                .setPreviousPeriod(previous.text())
                .setMetric(by)
                .setUnitType(unitType)
                .setParentUnitId(parentUnitId == null ? "" : parentUnitId);
        if (level != null) {
            table.setLevel(level);
        }
        Row above = null;
        int ranked = 0;
        for (Row row : rows) {
            LeagueTableRow.Builder out = row(row, before.get(row.entry.unitId()));
            if (row.value != null) {
                ranked++;
                out.setDifferenceToAbove(difference(row, above, by));
                above = row;
            }
            table.addRows(out);
        }
        return table.setRanked(ranked).setInsufficientData(rows.size() - ranked).build();
    }

    /** The period's rows under the filter, ranked: the ranked ones by rank then code, then the others by code. */
    private List<Row> rows(Period period, ScorecardStore.Filter filter, LeagueMetric by, boolean withExplanation) {
        List<Entry> entries = store.current(period.text(), filter, withExplanation);
        List<Row> rows = new ArrayList<>();
        if (by == LeagueMetric.LEAGUE_METRIC_SCORE) {
            for (Entry e : entries) {
                rows.add(
                        e.score() != null
                                ? new Row(e, e.score(), null, 0, null)
                                : new Row(e, null, null, 0, reasons(e)));
            }
        } else {
            Map<UUID, Sample> samples =
                    store.satisfaction(entries.stream().map(Entry::unitId).toList(), period);
            Map<String, Integer> minSamples = minSamples(entries);
            for (Entry e : entries) {
                Sample s = samples.getOrDefault(e.unitId(), new Sample(0, null, null));
                int min = minSamples.getOrDefault(e.modelId(), DEFAULT_MIN_SAMPLE);
                rows.add(
                        s.n() >= min && s.n() > 0
                                ? new Row(
                                        e, s.mean(), SatisfactionIndexes.interval(s.n(), s.mean(), s.sd()), s.n(), null)
                                : new Row(
                                        e,
                                        null,
                                        null,
                                        s.n(),
                                        s.n() + (s.n() == 1 ? " response" : " responses")
                                                + ", fewer than the minimum sample of " + min));
            }
        }
        Comparator<Row> byCode = Comparator.comparing(r -> r.entry.unitCode());
        List<Row> ranked = rows.stream()
                .filter(r -> r.value != null)
                .sorted(Comparator.comparing((Row r) -> key(r.value)).reversed().thenComparing(byCode))
                .toList();
        for (int i = 0; i < ranked.size(); i++) {
            Row r = ranked.get(i);
            r.rank = i > 0 && tie(r, ranked.get(i - 1)) ? ranked.get(i - 1).rank : i + 1;
        }
        List<Row> ordered = new ArrayList<>(ranked);
        rows.stream().filter(r -> r.value == null).sorted(byCode).forEach(ordered::add);
        return ordered;
    }

    /** Values agreeing to nine decimal places are equal. */
    private static BigDecimal key(double value) {
        return BigDecimal.valueOf(value).setScale(9, RoundingMode.HALF_UP);
    }

    private static boolean tie(Row a, Row b) {
        return key(a.value).compareTo(key(b.value)) == 0;
    }

    private static String reasons(Entry e) {
        if (e.explanation() == null) {
            return "";
        }
        List<String> reasons = ScorecardCalculator.parse(e.explanation()).getInsufficientDataReasonsList();
        return reasons.isEmpty() ? "the scorecard has no score" : String.join("; ", reasons);
    }

    /** The minimum sample of each model version the entries' scorecards used, by model id. */
    private Map<String, Integer> minSamples(List<Entry> entries) {
        Set<UUID> ids = entries.stream()
                .map(Entry::modelId)
                .map(LeagueTables::uuidOrNull)
                .filter(id -> id != null)
                .collect(Collectors.toSet());
        Map<String, Integer> mins = new HashMap<>();
        if (!ids.isEmpty()) {
            store.definitions(ids)
                    .forEach((id, json) -> mins.put(
                            id.toString(),
                            minSample(ScoringModelDocument.parse(id, json).build())));
        }
        return mins;
    }

    private static UUID uuidOrNull(String id) {
        try {
            return id == null ? null : UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * The min_sample of the model's satisfaction component of all segments, else of any segment (0
     * meaning 1); {@link #DEFAULT_MIN_SAMPLE} when the model has none.
     */
    static int minSample(ScoringModel model) {
        Integer any = null;
        for (ScoreComponent c : model.getComponentsList()) {
            if (!c.getSource().hasSatisfactionIndex()) {
                continue;
            }
            var source = c.getSource().getSatisfactionIndex();
            int min = Math.max(1, source.getMinSample());
            if (source.getSegment() == CustomerSegment.CUSTOMER_SEGMENT_UNSPECIFIED) {
                return min;
            }
            if (any == null) {
                any = min;
            }
        }
        return any == null ? DEFAULT_MIN_SAMPLE : any;
    }

    private static DifferenceToAbove difference(Row row, Row above, LeagueMetric by) {
        if (above == null || above.rank == row.rank) {
            return DifferenceToAbove.DIFFERENCE_TO_ABOVE_NOT_APPLICABLE;
        }
        if (by == LeagueMetric.LEAGUE_METRIC_SCORE) {
            return DifferenceToAbove.DIFFERENCE_TO_ABOVE_NO_INTERVAL;
        }
        return row.interval.upper() < above.interval.lower()
                ? DifferenceToAbove.DIFFERENCE_TO_ABOVE_BEYOND_CONFIDENCE_INTERVAL
                : DifferenceToAbove.DIFFERENCE_TO_ABOVE_WITHIN_CONFIDENCE_INTERVAL;
    }

    private static LeagueTableRow.Builder row(Row row, Row before) {
        Entry e = row.entry;
        Scorecard card = ScorecardCalculator.parse(e.explanation()).build();
        LeagueTableRow.Builder out = LeagueTableRow.newBuilder()
                .setRank(row.rank)
                .setStatus(
                        row.value != null
                                ? LeagueRowStatus.LEAGUE_ROW_STATUS_RANKED
                                : LeagueRowStatus.LEAGUE_ROW_STATUS_INSUFFICIENT_DATA)
                .setUnitId(e.unitId().toString())
                .setUnitCode(e.unitCode())
                .setUnitName(card.getUnitName())
                .setUnitType(ProtoEnums.fromShortName(e.unitType(), UnitType.class))
                .setLevel(e.level())
                .setParentUnitId(
                        e.parentUnitId() == null ? "" : e.parentUnitId().toString())
                .setSampleSize(row.sampleSize)
                .setScorecardId(e.scorecardId().toString())
                .setInsufficientDataReason(row.reason == null ? "" : row.reason)
                .setDifferenceToAbove(DifferenceToAbove.DIFFERENCE_TO_ABOVE_NOT_APPLICABLE)
                .setMovement(Movement.MOVEMENT_NONE);
        if (e.score() != null && e.grade() != null) {
            out.setGrade(e.grade());
        }
        if (row.value != null) {
            out.setValue(row.value);
        }
        if (row.interval != null) {
            out.setConfidenceInterval(ConfidenceInterval.newBuilder()
                    .setLower(row.interval.lower())
                    .setUpper(row.interval.upper()));
        }
        if (before != null) {
            out.setPreviousRank(before.rank).setPreviousValue(before.value);
            if (row.value != null) {
                out.setMovement(
                        before.rank > row.rank
                                ? Movement.MOVEMENT_UP
                                : before.rank < row.rank ? Movement.MOVEMENT_DOWN : Movement.MOVEMENT_SAME);
            }
        }
        return out;
    }
}
