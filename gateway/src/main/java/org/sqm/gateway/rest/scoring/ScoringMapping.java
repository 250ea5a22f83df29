package org.sqm.gateway.rest.scoring;

import static org.sqm.commons.convert.Texts.emptyToNull;
import static org.sqm.commons.convert.Texts.nullToEmpty;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.sqm.commons.convert.ProtoEnums;
import org.sqm.gateway.error.InvalidRequestException;
import org.sqm.gateway.error.Problem;
import org.sqm.gateway.rest.http.Times;
import org.sqm.gateway.rest.scoring.ScoringModelViews.ScoringModelBody;
import org.sqm.gateway.rest.scoring.ScoringViews.CatalogueBody;
import org.sqm.gateway.rest.scoring.ScoringViews.CatalogueEntryView;
import org.sqm.gateway.rest.scoring.ScoringViews.CatalogueLoadView;
import org.sqm.gateway.rest.scoring.ScoringViews.CustomersServedBatchBody;
import org.sqm.gateway.rest.scoring.ScoringViews.CustomersServedItemBody;
import org.sqm.gateway.rest.scoring.ScoringViews.CustomersServedView;
import org.sqm.gateway.rest.scoring.ScoringViews.DeductionRuleBody;
import org.sqm.gateway.rest.scoring.ScoringViews.DeductionRuleView;
import org.sqm.gateway.rest.scoring.ScoringViews.Direction;
import org.sqm.gateway.rest.scoring.ScoringViews.IndicatorBody;
import org.sqm.gateway.rest.scoring.ScoringViews.IndicatorKind;
import org.sqm.gateway.rest.scoring.ScoringViews.IndicatorView;
import org.sqm.gateway.rest.scoring.ScoringViews.IntervalView;
import org.sqm.gateway.rest.scoring.ScoringViews.MeasurementBatchBody;
import org.sqm.gateway.rest.scoring.ScoringViews.MeasurementItemBody;
import org.sqm.gateway.rest.scoring.ScoringViews.MeasurementView;
import org.sqm.gateway.rest.scoring.ScoringViews.SatisfactionIndexView;
import org.sqm.gateway.rest.scoring.ScoringViews.Segment;
import org.sqm.gateway.rest.scoring.ScoringViews.SurveyBatchBody;
import org.sqm.gateway.rest.scoring.ScoringViews.SurveyResponseBody;
import org.sqm.gateway.rest.scoring.ScoringViews.ViolationBody;
import org.sqm.gateway.rest.scoring.ScoringViews.ViolationView;
import org.sqm.gateway.rest.scoring.ScoringViews.WithdrawalView;
import org.sqm.gateway.rest.standards.UnitViews.UnitType;
import org.sqm.proto.common.v1.CustomerSegment;
import org.sqm.proto.scoring.v1.CustomersServed;
import org.sqm.proto.scoring.v1.CustomersServedBatch;
import org.sqm.proto.scoring.v1.CustomersServedItem;
import org.sqm.proto.scoring.v1.DeductionRule;
import org.sqm.proto.scoring.v1.Indicator;
import org.sqm.proto.scoring.v1.IndicatorDirection;
import org.sqm.proto.scoring.v1.LoadScoringCatalogueResponse;
import org.sqm.proto.scoring.v1.Measurement;
import org.sqm.proto.scoring.v1.MeasurementBatch;
import org.sqm.proto.scoring.v1.MeasurementItem;
import org.sqm.proto.scoring.v1.SatisfactionIndex;
import org.sqm.proto.scoring.v1.ScoringCatalogue;
import org.sqm.proto.scoring.v1.ScoringModel;
import org.sqm.proto.scoring.v1.SurveyBatch;
import org.sqm.proto.scoring.v1.SurveyResponse;
import org.sqm.proto.scoring.v1.Violation;

/** Translates scoring's resources between their REST and protobuf shapes; absent numbers are 0, as in proto3. */
final class ScoringMapping {

    private ScoringMapping() {}

    static Indicator indicator(IndicatorBody b) {
        return Indicator.newBuilder()
                .setCode(nullToEmpty(b.code()))
                .setName(nullToEmpty(b.name()))
                .setCounted(nullToEmpty(b.counted()))
                .setKind(ProtoEnums.toProto(b.kind(), org.sqm.proto.scoring.v1.IndicatorKind.class))
                .setDirection(ProtoEnums.toProto(b.direction(), IndicatorDirection.class))
                .setUnitType(ProtoEnums.toProto(b.unitType(), org.sqm.proto.standards.v1.UnitType.class))
                .build();
    }

    static IndicatorView view(Indicator i) {
        return new IndicatorView(
                i.getId(),
                i.getCode(),
                i.getName(),
                i.getCounted(),
                ProtoEnums.toDomain(i.getKind(), IndicatorKind.class),
                ProtoEnums.toDomain(i.getDirection(), Direction.class),
                ProtoEnums.toDomain(i.getUnitType(), UnitType.class),
                Times.textOrNull(i.hasCreateTime(), i.getCreateTime()));
    }

    static DeductionRule deductionRule(DeductionRuleBody b) {
        return DeductionRule.newBuilder()
                .setCode(nullToEmpty(b.code()))
                .setDescription(nullToEmpty(b.description()))
                .setPointsMillis(b.pointsMillis() == null ? 0 : b.pointsMillis())
                .build();
    }

    static DeductionRuleView view(DeductionRule r) {
        return new DeductionRuleView(
                r.getId(), r.getCode(), r.getDescription(), r.getPointsMillis(), Times.text(r.getCreateTime()));
    }

    static ScoringCatalogue catalogue(CatalogueBody b) {
        return ScoringCatalogue.newBuilder()
                .addAllIndicators(each("indicators", b.indicators(), ScoringMapping::indicator))
                .addAllDeductionRules(each("deductionRules", b.deductionRules(), ScoringMapping::deductionRule))
                .addAllScoringModels(scoringModels(b.scoringModels()))
                .addAllAccreditationRules(
                        each("accreditationRules", b.accreditationRules(), r -> AccreditationMapping.rules(r)
                                .build()))
                .build();
    }

    private static List<ScoringModel> scoringModels(List<ScoringModelBody> models) {
        List<ScoringModel> out = new ArrayList<>();
        for (int i = 0; models != null && i < models.size(); i++) {
            if (models.get(i) == null) {
                throw new InvalidRequestException("scoringModels[" + i + "]", "must be an object");
            }
            try {
                out.add(ScoringModelMapping.scoringModel(models.get(i)).build());
            } catch (InvalidRequestException e) {
                // The model's own field names, below its place in the catalogue.
                Problem.FieldError error = e.errors().get(0);
                throw new InvalidRequestException("scoringModels[" + i + "]." + error.field(), error.message());
            }
        }
        return out;
    }

    static CatalogueLoadView view(LoadScoringCatalogueResponse r) {
        return new CatalogueLoadView(r.getEntriesList().stream()
                .map(e -> new CatalogueEntryView(
                        e.getKind(), e.getCode(), e.getId(), ProtoEnums.shortName(e.getOutcome())))
                .toList());
    }

    static MeasurementBatch measurementBatch(MeasurementBatchBody b) {
        return MeasurementBatch.newBuilder()
                .setBatchId(nullToEmpty(b.batchId()))
                .setSource(nullToEmpty(b.source()))
                .setSupersedesBatchId(nullToEmpty(b.supersedesBatchId()))
                .addAllItems(each("items", b.items(), i -> MeasurementItem.newBuilder()
                        .setUnitId(nullToEmpty(i.unitId()))
                        .setIndicatorCode(nullToEmpty(i.indicatorCode()))
                        .setPeriod(nullToEmpty(i.period()))
                        .setNumerator(zero(i.numerator()))
                        .setDenominator(zero(i.denominator()))
                        .setMean(i.mean() == null ? 0 : i.mean())
                        .setSampleSize(zero(i.sampleSize()))
                        .build()))
                .build();
    }

    static MeasurementBatchBody view(MeasurementBatch b) {
        return new MeasurementBatchBody(
                b.getBatchId(),
                b.getSource(),
                emptyToNull(b.getSupersedesBatchId()),
                b.getItemsList().stream()
                        .map(i -> new MeasurementItemBody(
                                i.getUnitId(),
                                i.getIndicatorCode(),
                                i.getPeriod(),
                                i.getNumerator(),
                                i.getDenominator(),
                                i.getMean(),
                                i.getSampleSize()))
                        .toList(),
                emptyToNull(b.getSupersededByBatchId()),
                Times.textOrNull(b.hasRecordTime(), b.getRecordTime()));
    }

    static MeasurementView view(Measurement m) {
        return new MeasurementView(
                m.getBatchId(),
                m.getItemIndex(),
                m.getUnitId(),
                m.getIndicatorCode(),
                m.getPeriod(),
                m.getNumerator(),
                m.getDenominator(),
                m.getMean(),
                m.getSampleSize(),
                m.getValue(),
                m.getSource(),
                Times.text(m.getRecordTime()),
                emptyToNull(m.getSupersededByBatchId()));
    }

    static SurveyBatch surveyBatch(SurveyBatchBody b) {
        return SurveyBatch.newBuilder()
                .setBatchId(nullToEmpty(b.batchId()))
                .setSource(nullToEmpty(b.source()))
                .setSupersedesBatchId(nullToEmpty(b.supersedesBatchId()))
                .setScaleMin(b.scaleMin() == null ? 0 : b.scaleMin())
                .setScaleMax(b.scaleMax() == null ? 0 : b.scaleMax())
                .addAllResponses(each("responses", b.responses(), r -> SurveyResponse.newBuilder()
                        .setUnitId(nullToEmpty(r.unitId()))
                        .setSegment(segment(r.segment()))
                        .setDate(nullToEmpty(r.date()))
                        .setScore(r.score() == null ? 0 : r.score())
                        .build()))
                .build();
    }

    static SurveyBatchBody view(SurveyBatch b) {
        return new SurveyBatchBody(
                b.getBatchId(),
                b.getSource(),
                emptyToNull(b.getSupersedesBatchId()),
                b.getScaleMin(),
                b.getScaleMax(),
                b.getResponsesList().stream()
                        .map(r -> new SurveyResponseBody(
                                r.getUnitId(),
                                ProtoEnums.toDomain(r.getSegment(), Segment.class),
                                r.getDate(),
                                r.getScore()))
                        .toList(),
                emptyToNull(b.getSupersededByBatchId()),
                Times.textOrNull(b.hasRecordTime(), b.getRecordTime()));
    }

    static CustomerSegment segment(Segment segment) {
        return ProtoEnums.toProto(segment, CustomerSegment.class);
    }

    static SatisfactionIndexView view(SatisfactionIndex i) {
        return new SatisfactionIndexView(
                i.getUnitId(),
                ProtoEnums.toDomain(i.getSegment(), Segment.class),
                i.getPeriod(),
                i.getSampleSize(),
                i.hasIndex() ? i.getIndex() : null,
                i.hasStandardDeviation() ? i.getStandardDeviation() : null,
                i.hasConfidenceInterval()
                        ? new IntervalView(
                                i.getConfidenceInterval().getLower(),
                                i.getConfidenceInterval().getUpper())
                        : null,
                i.getBatchIdsList());
    }

    static CustomersServedBatch customersServedBatch(CustomersServedBatchBody b) {
        return CustomersServedBatch.newBuilder()
                .setBatchId(nullToEmpty(b.batchId()))
                .setSource(nullToEmpty(b.source()))
                .setSupersedesBatchId(nullToEmpty(b.supersedesBatchId()))
                .addAllItems(each("items", b.items(), i -> CustomersServedItem.newBuilder()
                        .setUnitId(nullToEmpty(i.unitId()))
                        .setPeriod(nullToEmpty(i.period()))
                        .setCustomers(zero(i.customers()))
                        .build()))
                .build();
    }

    static CustomersServedBatchBody view(CustomersServedBatch b) {
        return new CustomersServedBatchBody(
                b.getBatchId(),
                b.getSource(),
                emptyToNull(b.getSupersedesBatchId()),
                b.getItemsList().stream()
                        .map(i -> new CustomersServedItemBody(i.getUnitId(), i.getPeriod(), i.getCustomers()))
                        .toList(),
                emptyToNull(b.getSupersededByBatchId()),
                Times.textOrNull(b.hasRecordTime(), b.getRecordTime()));
    }

    static CustomersServedView view(CustomersServed c) {
        return new CustomersServedView(
                c.getBatchId(),
                c.getItemIndex(),
                c.getUnitId(),
                c.getPeriod(),
                c.getCustomers(),
                c.getSource(),
                Times.text(c.getRecordTime()),
                emptyToNull(c.getSupersededByBatchId()));
    }

    static Violation.Builder violation(ViolationBody b) {
        Violation.Builder v = Violation.newBuilder()
                .setUnitId(nullToEmpty(b.unitId()))
                .setRuleCode(nullToEmpty(b.ruleCode()))
                .setEvidence(nullToEmpty(b.evidence()))
                .setReportedBy(nullToEmpty(b.reportedBy()));
        Times.ifPresent("occurredTime", b.occurredTime(), v::setOccurredTime);
        return v;
    }

    static ViolationView view(Violation v) {
        return new ViolationView(
                v.getId(),
                v.getUnitId(),
                v.getRuleCode(),
                v.getPointsMillis(),
                Times.text(v.getOccurredTime()),
                v.getEvidence(),
                v.getReportedBy(),
                ProtoEnums.shortName(v.getSource()),
                emptyToNull(v.getSourceId()),
                Times.text(v.getRecordTime()),
                ProtoEnums.shortName(v.getState()),
                v.hasWithdrawal()
                        ? new WithdrawalView(
                                v.getWithdrawal().getReason(),
                                v.getWithdrawal().getWithdrawnBy(),
                                Times.text(v.getWithdrawal().getWithdrawTime()))
                        : null,
                v.getEtag());
    }

    private static long zero(Long value) {
        return value == null ? 0 : value;
    }

    /** Each item of an optional list, mapped; none for an absent list (the backend says it is required). */
    private static <T, R> List<R> each(String field, List<T> items, Function<T, R> mapping) {
        if (items == null) {
            return List.of();
        }
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i) == null) {
                throw new InvalidRequestException(field + "[" + i + "]", "must be an object");
            }
        }
        return items.stream().map(mapping).toList();
    }
}
