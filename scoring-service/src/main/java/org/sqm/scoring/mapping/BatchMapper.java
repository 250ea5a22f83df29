package org.sqm.scoring.mapping;

import static org.sqm.commons.convert.ProtoTime.timestamp;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Message;
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
        return toNew(
                b,
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
        return toNew(
                b,
                null,
                null,
                b.getItemsList().stream()
                        .map(i -> new CustomersServedBatches.Item(i.getUnitId(), i.getPeriod(), i.getCustomers()))
                        .toList());
    }

    public static NewBatch<SurveyBatches.Response> toNew(SurveyBatch b) {
        return toNew(
                b,
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
        return withHeader(MeasurementBatch.newBuilder(), b)
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
                .build();
    }

    public static CustomersServedBatch customersServedBatch(StoredBatch<CustomersServedEntity> b) {
        return withHeader(CustomersServedBatch.newBuilder(), b)
                .addAllItems(b.items().stream()
                        .map(c -> CustomersServedItem.newBuilder()
                                .setUnitId(c.unitId.toString())
                                .setPeriod(c.period)
                                .setCustomers(c.customers)
                                .build())
                        .toList())
                .build();
    }

    public static SurveyBatch surveyBatch(StoredBatch<SurveyResponseEntity> b) {
        return withHeader(SurveyBatch.newBuilder(), b)
                .setScaleMin(b.header().scaleMin)
                .setScaleMax(b.header().scaleMax)
                .addAllResponses(b.items().stream()
                        .map(r -> SurveyResponse.newBuilder()
                                .setUnitId(r.unitId.toString())
                                .setSegment(ProtoEnums.toProto(r.segment, CustomerSegment.class))
                                .setDate(r.responseDate.toString())
                                .setScore(r.score)
                                .build())
                        .toList())
                .build();
    }

    /** A new batch from the fields every batch message has (by their names in the three contracts) and its items. */
    private static <I> NewBatch<I> toNew(Message batch, Double scaleMin, Double scaleMax, List<I> items) {
        Descriptor fields = batch.getDescriptorForType();
        return new NewBatch<>(
                (String) batch.getField(fields.findFieldByName("batch_id")),
                (String) batch.getField(fields.findFieldByName("source")),
                Texts.emptyToNull((String) batch.getField(fields.findFieldByName("supersedes_batch_id"))),
                scaleMin,
                scaleMax,
                items);
    }

    /** Sets the fields every batch message has (by their names in the three contracts) from a stored batch. */
    private static <B extends Message.Builder> B withHeader(B builder, StoredBatch<?> b) {
        InputBatchEntity h = b.header();
        Descriptor fields = builder.getDescriptorForType();
        builder.setField(fields.findFieldByName("batch_id"), h.batchId)
                .setField(fields.findFieldByName("source"), h.source)
                .setField(fields.findFieldByName("supersedes_batch_id"), Texts.nullToEmpty(h.supersedesBatchId))
                .setField(fields.findFieldByName("superseded_by_batch_id"), Texts.nullToEmpty(b.supersededBy()))
                .setField(fields.findFieldByName("record_time"), timestamp(h.recordTime));
        return builder;
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
