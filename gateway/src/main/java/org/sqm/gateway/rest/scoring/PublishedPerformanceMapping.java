package org.sqm.gateway.rest.scoring;

import static org.sqm.commons.convert.ProtoEnums.shortName;
import static org.sqm.commons.convert.Texts.emptyToNull;

import java.util.Arrays;
import java.util.List;
import org.sqm.commons.convert.ProtoEnums;
import org.sqm.gateway.rest.http.Csv;
import org.sqm.gateway.rest.http.Times;
import org.sqm.gateway.rest.scoring.PublishedPerformanceViews.PublicationView;
import org.sqm.gateway.rest.scoring.PublishedPerformanceViews.PublishedFigureView;
import org.sqm.gateway.rest.scoring.PublishedPerformanceViews.PublishedPageView;
import org.sqm.gateway.rest.scoring.PublishedPerformanceViews.PublishedRowView;
import org.sqm.gateway.rest.standards.UnitViews.UnitType;
import org.sqm.proto.scoring.v1.ListPublishedPerformanceResponse;
import org.sqm.proto.scoring.v1.PerformancePublication;
import org.sqm.proto.scoring.v1.PublishedFigure;
import org.sqm.proto.scoring.v1.PublishedPerformance;

/** Translates published performance from its protobuf shape to REST's: JSON, or CSV with a line per unit and figure. */
final class PublishedPerformanceMapping {

    /** The CSV columns, in order: the unit's, then the figure's. */
    static final List<String> CSV_HEADER = List.of(
            "period",
            "unitCode",
            "unitName",
            "unitType",
            "level",
            "unitId",
            "parentUnitId",
            "measure",
            "indicatorCode",
            "name",
            "achieved",
            "sampleSize",
            "target",
            "targetMet",
            "note");

    private PublishedPerformanceMapping() {}

    static PublicationView view(PerformancePublication p) {
        return new PublicationView(
                p.getPeriod(), Times.text(p.getPublishTime()), p.getActor(), p.getUnitCount(), p.getFingerprint());
    }

    static PublishedPageView view(ListPublishedPerformanceResponse page) {
        return new PublishedPageView(
                view(page.getPublication()),
                page.getRowsList().stream()
                        .map(PublishedPerformanceMapping::view)
                        .toList(),
                emptyToNull(page.getNextPageToken()));
    }

    static PublishedRowView view(PublishedPerformance r) {
        return new PublishedRowView(
                r.getPeriod(),
                r.getUnitId(),
                r.getUnitCode(),
                emptyToNull(r.getUnitName()),
                ProtoEnums.toDomain(r.getUnitType(), UnitType.class),
                r.getLevel(),
                emptyToNull(r.getParentUnitId()),
                emptyToNull(r.getScorecardId()),
                emptyToNull(r.getModelId()),
                r.getFiguresList().stream()
                        .map(PublishedPerformanceMapping::view)
                        .toList());
    }

    static PublishedFigureView view(PublishedFigure f) {
        return new PublishedFigureView(
                shortName(f.getMeasure()),
                emptyToNull(f.getIndicatorCode()),
                f.getName(),
                f.hasAchieved() ? f.getAchieved() : null,
                f.getSampleSize(),
                f.hasTarget() ? f.getTarget() : null,
                f.hasTargetMet() ? f.getTargetMet() : null,
                emptyToNull(f.getNote()));
    }

    /** The rows as CSV: the header, then one record per unit and figure; absent values are empty fields. */
    static String csv(List<PublishedRowView> rows) {
        StringBuilder out = new StringBuilder();
        Csv.record(out, CSV_HEADER);
        for (PublishedRowView r : rows) {
            for (PublishedFigureView f : r.figures()) {
                Csv.record(
                        out,
                        Arrays.asList(
                                r.period(),
                                r.unitCode(),
                                r.unitName(),
                                r.unitType(),
                                r.level(),
                                r.unitId(),
                                r.parentUnitId(),
                                f.measure(),
                                f.indicatorCode(),
                                f.name(),
                                f.achieved(),
                                f.sampleSize(),
                                f.target(),
                                f.targetMet(),
                                f.note()));
            }
        }
        return out.toString();
    }
}
