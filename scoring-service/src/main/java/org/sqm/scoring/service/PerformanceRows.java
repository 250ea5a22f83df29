package org.sqm.scoring.service;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.sqm.commons.convert.ProtoEnums;
import org.sqm.proto.common.v1.CustomerSegment;
import org.sqm.proto.scoring.v1.ComponentSource;
import org.sqm.proto.scoring.v1.PerformanceMeasure;
import org.sqm.proto.scoring.v1.PublishedFigure;
import org.sqm.proto.scoring.v1.PublishedPerformance;
import org.sqm.proto.scoring.v1.ScoreComponent;
import org.sqm.proto.scoring.v1.ScoringModel;
import org.sqm.proto.scoring.v1.TargetMapping;
import org.sqm.proto.standards.v1.UnitType;

/**
 * A unit's published row: its stored figures next to the targets of the model its scorecard used, in
 * the contract's order (satisfaction index, complaint timeliness, complaint rate, then the model's
 * indicators); and the canonical JSON and fingerprint of a publication's rows. No database, no clock.
 */
public final class PerformanceRows {

    private static final JsonFormat.Printer JSON =
            JsonFormat.printer().omittingInsignificantWhitespace().preservingProtoFieldNames();
    private static final JsonFormat.Parser PARSER = JsonFormat.parser();

    private PerformanceRows() {}

    /**
     * A unit with a current scorecard, as the publication names it.
     *
     * @param parentUnitId empty at the top
     */
    public record Unit(
            String unitId, String unitCode, String unitName, String unitType, int level, String parentUnitId) {}

    /** The row of a unit from its scorecard's figures and model; {@code indicatorNames} by code. */
    public static PublishedPerformance row(
            String period, Unit unit, UnitFigures f, ScoringModel model, Map<String, String> indicatorNames) {
        String pooled = model.hasRollUp() ? "pooled from the units below" : "";
        PublishedPerformance.Builder row = PublishedPerformance.newBuilder()
                .setPeriod(period)
                .setUnitId(unit.unitId())
                .setUnitCode(unit.unitCode())
                .setUnitName(unit.unitName())
                .setUnitType(ProtoEnums.fromShortName(unit.unitType(), UnitType.class))
                .setLevel(unit.level())
                .setParentUnitId(unit.parentUnitId())
                .setScorecardId(f.scorecardId().toString())
                .setModelId(f.modelId().toString());
        ScoreComponent satisfaction = component(
                model,
                s -> s.hasSatisfactionIndex()
                        && s.getSatisfactionIndex().getSegment() == CustomerSegment.CUSTOMER_SEGMENT_UNSPECIFIED);
        String satisfactionNote = f.satisfactionIndex() == null ? "no survey response in the period" : pooled;
        if (f.satisfactionIndex() != null && satisfaction != null) {
            int min =
                    Math.max(1, satisfaction.getSource().getSatisfactionIndex().getMinSample());
            if (f.responses() < min) {
                satisfactionNote = f.responses() + (f.responses() == 1 ? " response" : " responses")
                        + ", fewer than the model's minimum sample of " + min;
            }
        }
        row.addFigures(figure(
                PerformanceMeasure.PERFORMANCE_MEASURE_SATISFACTION_INDEX,
                "",
                "Satisfaction index",
                f.satisfactionIndex(),
                f.responses(),
                satisfaction,
                satisfactionNote));
        row.addFigures(figure(
                PerformanceMeasure.PERFORMANCE_MEASURE_COMPLAINT_TIMELINESS,
                "",
                "Complaint timeliness",
                f.timeliness(),
                f.resolved(),
                component(model, ComponentSource::hasComplaintTimeliness),
                f.timeliness() == null ? "no complaint received in the period was resolved" : pooled));
        row.addFigures(figure(
                PerformanceMeasure.PERFORMANCE_MEASURE_COMPLAINT_RATE,
                "",
                "Complaint rate",
                f.complaintRate(),
                f.customersServed(),
                component(model, ComponentSource::hasComplaintRate),
                f.complaintRate() == null ? "no customers-served figure for the period" : pooled));
        for (UnitFigures.Indicator i : f.indicators()) {
            ScoreComponent c = component(
                    model,
                    s -> s.hasIndicator() && s.getIndicator().getIndicatorCode().equals(i.code()));
            String note = i.value() == null ? "no measurement in the period" : pooled;
            if (i.value() != null && c != null) {
                int min = Math.max(1, c.getSource().getIndicator().getMinSample());
                if (i.sample() < min) {
                    note = "a sample of " + i.sample() + ", below the model's minimum sample of " + min;
                }
            }
            row.addFigures(figure(
                    PerformanceMeasure.PERFORMANCE_MEASURE_INDICATOR,
                    i.code(),
                    indicatorNames.getOrDefault(i.code(), i.code()),
                    i.value(),
                    i.sample(),
                    c,
                    note));
        }
        return row.build();
    }

    /** The first component of the model whose source matches, or null. */
    private static ScoreComponent component(ScoringModel model, Predicate<ComponentSource> source) {
        return model.getComponentsList().stream()
                .filter(c -> source.test(c.getSource()))
                .findFirst()
                .orElse(null);
    }

    private static PublishedFigure figure(
            PerformanceMeasure measure,
            String indicatorCode,
            String name,
            Double achieved,
            long sample,
            ScoreComponent component,
            String note) {
        PublishedFigure.Builder figure = PublishedFigure.newBuilder()
                .setMeasure(measure)
                .setIndicatorCode(indicatorCode)
                .setName(name)
                .setSampleSize(sample)
                .setNote(note);
        if (achieved != null) {
            figure.setAchieved(achieved);
        }
        if (component != null && component.getMapping().hasTarget()) {
            TargetMapping target = component.getMapping().getTarget();
            figure.setTarget(target.getTarget());
            if (achieved != null) {
                boolean higherIsBetter = target.getTarget() > target.getFloor();
                figure.setTargetMet(higherIsBetter ? achieved >= target.getTarget() : achieved <= target.getTarget());
            }
        }
        return figure.build();
    }

    /** The canonical JSON of a row: proto field names, no insignificant whitespace, unset fields absent. */
    public static String json(PublishedPerformance row) {
        try {
            return JSON.print(row);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A stored row's JSON as the row. */
    public static PublishedPerformance parse(String json) {
        PublishedPerformance.Builder row = PublishedPerformance.newBuilder();
        try {
            PARSER.merge(json, row);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("a published row does not parse", e);
        }
        return row.build();
    }

    /** SHA-256 (hex) of the rows' canonical JSON, one line each, in the order given (by unit code). */
    public static String fingerprint(List<String> jsonRows) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String json : jsonRows) {
                digest.update(json.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) '\n');
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
