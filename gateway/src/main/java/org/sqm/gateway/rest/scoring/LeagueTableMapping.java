package org.sqm.gateway.rest.scoring;

import static org.sqm.commons.convert.ProtoEnums.shortName;
import static org.sqm.commons.convert.Texts.emptyToNull;

import java.util.ArrayList;
import java.util.List;
import org.sqm.commons.convert.ProtoEnums;
import org.sqm.gateway.rest.http.Csv;
import org.sqm.gateway.rest.scoring.LeagueTableViews.LeagueTableRowView;
import org.sqm.gateway.rest.scoring.LeagueTableViews.LeagueTableView;
import org.sqm.gateway.rest.scoring.ScoringViews.IntervalView;
import org.sqm.gateway.rest.standards.UnitViews.UnitType;
import org.sqm.proto.scoring.v1.LeagueTable;
import org.sqm.proto.scoring.v1.LeagueTableRow;

/** Translates league tables from their protobuf shape to REST's: JSON, or CSV for spreadsheets. */
final class LeagueTableMapping {

    /** The CSV columns, in order. */
    static final List<String> CSV_HEADER = List.of(
            "rank",
            "status",
            "unitCode",
            "unitName",
            "unitType",
            "level",
            "value",
            "ciLower",
            "ciUpper",
            "sampleSize",
            "grade",
            "previousRank",
            "movement",
            "differenceToAbove",
            "insufficientDataReason");

    private LeagueTableMapping() {}

    static LeagueTableView view(LeagueTable t) {
        return new LeagueTableView(
                t.getPeriod(),
                emptyToNull(t.getPreviousPeriod()),
                shortName(t.getMetric()),
                ProtoEnums.toDomain(t.getUnitType(), UnitType.class),
                t.hasLevel() ? t.getLevel() : null,
                emptyToNull(t.getParentUnitId()),
                t.getRanked(),
                t.getInsufficientData(),
                t.getRowsList().stream().map(LeagueTableMapping::view).toList());
    }

    static LeagueTableRowView view(LeagueTableRow r) {
        return new LeagueTableRowView(
                r.getRank() > 0 ? r.getRank() : null,
                shortName(r.getStatus()),
                r.getUnitId(),
                r.getUnitCode(),
                emptyToNull(r.getUnitName()),
                ProtoEnums.toDomain(r.getUnitType(), UnitType.class),
                r.getLevel(),
                emptyToNull(r.getParentUnitId()),
                r.hasValue() ? r.getValue() : null,
                r.hasConfidenceInterval()
                        ? new IntervalView(
                                r.getConfidenceInterval().getLower(),
                                r.getConfidenceInterval().getUpper())
                        : null,
                r.getSampleSize(),
                emptyToNull(r.getGrade()),
                emptyToNull(r.getScorecardId()),
                emptyToNull(r.getInsufficientDataReason()),
                r.hasPreviousRank() ? r.getPreviousRank() : null,
                r.hasPreviousValue() ? r.getPreviousValue() : null,
                shortName(r.getMovement()),
                shortName(r.getDifferenceToAbove()));
    }

    /** The table as CSV: the header, then one record per row; absent values are empty fields. */
    static String csv(LeagueTableView table) {
        StringBuilder out = new StringBuilder();
        Csv.record(out, CSV_HEADER);
        for (LeagueTableRowView r : table.rows()) {
            List<Object> fields = new ArrayList<>(CSV_HEADER.size());
            fields.add(r.rank());
            fields.add(r.status());
            fields.add(r.unitCode());
            fields.add(r.unitName());
            fields.add(r.unitType());
            fields.add(r.level());
            fields.add(r.value());
            IntervalView ci = r.confidenceInterval();
            fields.add(ci == null ? null : ci.lower());
            fields.add(ci == null ? null : ci.upper());
            fields.add(r.sampleSize());
            fields.add(r.grade());
            fields.add(r.previousRank());
            fields.add(r.movement());
            fields.add(r.differenceToAbove());
            fields.add(r.insufficientDataReason());
            Csv.record(out, fields);
        }
        return out.toString();
    }
}
