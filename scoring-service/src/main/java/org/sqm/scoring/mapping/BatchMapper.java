package org.sqm.scoring.mapping;

import static org.sqm.commons.convert.ProtoTime.timestamp;

import java.util.List;
import org.sqm.commons.convert.ProtoEnums;
import org.sqm.commons.convert.Texts;
import org.sqm.proto.common.v1.CustomerSegment;
import org.sqm.proto.scoring.v1.CustomersServed;
import org.sqm.proto.scoring.v1.CustomersServedBatch;
import org.sqm.proto.scoring.v1.CustomersServedItem;
import org.sqm.proto.scoring.v1.Measurement;
import org.sqm.proto.scoring.v1.MeasurementBatch;
import org.sqm.proto.scoring.v1.MeasurementItem;
import org.sqm.proto.scoring.v1.SurveyBatch;
import org.sqm.proto.scoring.v1.SurveyResponse;
import org.sqm.scoring.domain.BatchItemEntity;
import org.sqm.scoring.domain.CustomersServedEntity;
import org.sqm.scoring.domain.InputBatchEntity;
import org.sqm.scoring.domain.MeasurementEntity;
import org.sqm.scoring.domain.SurveyResponseEntity;
import org.sqm.scoring.service.BatchStore;
import org.sqm.scoring.service.CustomersServedBatches;
import org.sqm.scoring.service.MeasurementBatches;
import org.sqm.scoring.service.NewBatch;
import org.sqm.scoring.service.StoredBatch;
import org.sqm.scoring.service.SurveyBatches;

/** Translates between the batch contracts (measurements, survey responses, customers served) and what is stored. */
public final class BatchMapper {

    private BatchMapper() {}

    public static NewBatch<MeasurementBatches.Item> toNew(MeasurementBatch b) {
        return new NewBatch<>(
                b.getBatchId(),
                b.getSource(),
                Texts.emptyToNull(b.getSupersedesBatchId()),
                null,
                null,
                b.getItemsList().stream()
                        .map(i -> new MeasurementBatches.Item(
                                i.getUnitId(),
                                i.getIndicatorCode(),
                                i.getPeriod(),
                                i.getNumerator(),
                                i.getDenominator(),
                                i.getMean(),
                                i.getSampleSize()))
                        .toList());
    }

    public static NewBatch<CustomersServedBatches.Item> toNew(CustomersServedBatch b) {
        return new NewBatch<>(
                b.getBatchId(),
                b.getSource(),
                Texts.emptyToNull(b.getSupersedesBatchId()),
                null,
                null,
                b.getItemsList().stream()
                        .map(i -> new CustomersServedBatches.Item(i.getUnitId(), i.getPeriod(), i.getCustomers()))
                        .toList());
    }

    public static NewBatch<SurveyBatches.Response> toNew(SurveyBatch b) {
        return new NewBatch<>(
                b.getBatchId(),
                b.getSource(),
                Texts.emptyToNull(b.getSupersedesBatchId()),
                b.getScaleMin(),
                b.getScaleMax(),
                b.getResponsesList().stream()
                        .map(r -> new SurveyBatches.Response(
                                r.getUnitId(),
                                ProtoEnums.toDomain(r.getSegment(), org.sqm.scoring.domain.CustomerSegment.class),
                                r.getDate(),
                                r.getScore()))
                        .toList());
    }

    public static MeasurementBatch measurementBatch(StoredBatch<MeasurementEntity> b) {
        InputBatchEntity h = b.header();
        return MeasurementBatch.newBuilder()
                .setBatchId(h.batchId)
                .setSource(h.source)
                .setSupersedesBatchId(Texts.nullToEmpty(h.supersedesBatchId))
                .addAllItems(b.items().stream()
                        .map(m -> MeasurementItem.newBuilder()
                                .setUnitId(m.unitId.toString())
                                .setIndicatorCode(m.indicatorCode)
                                .setPeriod(m.period)
                                .setNumerator(m.numerator)
                                .setDenominator(m.denominator)
                                .setMean(m.mean)
                                .setSampleSize(m.sampleSize)
                                .build())
                        .toList())
                .setSupersededByBatchId(Texts.nullToEmpty(b.supersededBy()))
                .setRecordTime(timestamp(h.recordTime))
                .build();
    }

    public static CustomersServedBatch customersServedBatch(StoredBatch<CustomersServedEntity> b) {
        InputBatchEntity h = b.header();
        return CustomersServedBatch.newBuilder()
                .setBatchId(h.batchId)
                .setSource(h.source)
                .setSupersedesBatchId(Texts.nullToEmpty(h.supersedesBatchId))
                .addAllItems(b.items().stream()
                        .map(c -> CustomersServedItem.newBuilder()
                                .setUnitId(c.unitId.toString())
                                .setPeriod(c.period)
                                .setCustomers(c.customers)
                                .build())
                        .toList())
                .setSupersededByBatchId(Texts.nullToEmpty(b.supersededBy()))
                .setRecordTime(timestamp(h.recordTime))
                .build();
    }

    public static SurveyBatch surveyBatch(StoredBatch<SurveyResponseEntity> b) {
        InputBatchEntity h = b.header();
        return SurveyBatch.newBuilder()
                .setBatchId(h.batchId)
                .setSource(h.source)
                .setSupersedesBatchId(Texts.nullToEmpty(h.supersedesBatchId))
                .setScaleMin(h.scaleMin)
                .setScaleMax(h.scaleMax)
                .addAllResponses(b.items().stream()
                        .map(r -> SurveyResponse.newBuilder()
                                .setUnitId(r.unitId.toString())
                                .setSegment(ProtoEnums.toProto(r.segment, CustomerSegment.class))
                                .setDate(r.responseDate.toString())
                                .setScore(r.score)
                                .build())
                        .toList())
                .setSupersededByBatchId(Texts.nullToEmpty(b.supersededBy()))
                .setRecordTime(timestamp(h.recordTime))
                .build();
    }

    /** The items of a page as the contract lists them, each with its batch's id, source and correction. */
    public static <E extends BatchItemEntity, P> List<P> items(BatchStore.ItemPage<E> page, ItemView<E, P> view) {
        return page.page().items().stream()
                .map(item -> {
                    InputBatchEntity batch = page.headers().get(item.batchPk);
                    return view.apply(
                            item, batch, Texts.nullToEmpty(page.supersededBy().get(batch.batchId)));
                })
                .toList();
    }

    /** How one listed item becomes its contract message. */
    @FunctionalInterface
    public interface ItemView<E, P> {
        P apply(E item, InputBatchEntity batch, String supersededBy);
    }

    public static Measurement measurement(MeasurementEntity m, InputBatchEntity batch, String supersededBy) {
        return Measurement.newBuilder()
                .setBatchId(batch.batchId)
                .setItemIndex(m.itemIndex)
                .setUnitId(m.unitId.toString())
                .setIndicatorCode(m.indicatorCode)
                .setPeriod(m.period)
                .setNumerator(m.numerator)
                .setDenominator(m.denominator)
                .setMean(m.mean)
                .setSampleSize(m.sampleSize)
                .setValue(m.value())
                .setSource(batch.source)
                .setRecordTime(timestamp(m.recordTime))
                .setSupersededByBatchId(supersededBy)
                .build();
    }

    public static CustomersServed customersServed(
            CustomersServedEntity c, InputBatchEntity batch, String supersededBy) {
        return CustomersServed.newBuilder()
                .setBatchId(batch.batchId)
                .setItemIndex(c.itemIndex)
                .setUnitId(c.unitId.toString())
                .setPeriod(c.period)
                .setCustomers(c.customers)
                .setSource(batch.source)
                .setRecordTime(timestamp(c.recordTime))
                .setSupersededByBatchId(supersededBy)
                .build();
    }
}
