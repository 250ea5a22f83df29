package org.sqm.scoring.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.sqm.commons.convert.Texts;
import org.sqm.commons.error.Violations;
import org.sqm.scoring.domain.BatchKind;
import org.sqm.scoring.domain.IndicatorEntity;
import org.sqm.scoring.domain.IndicatorKind;
import org.sqm.scoring.domain.InputBatchEntity;
import org.sqm.scoring.domain.MeasurementEntity;
import org.sqm.scoring.domain.Period;
import org.sqm.scoring.repository.IndicatorRepository;

/**
 * Measurement batches: a rate's numerator and denominator, or a mean and its sample size, per unit,
 * indicator and period; at most one current value per unit, indicator and period. Records through
 * {@link BatchIntake}, which asks standards-service, so it opens no transaction itself.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.NEVER)
public class MeasurementBatches {

    static final String FIELD = "measurement_batch";

    private final BatchIntake intake;
    private final BatchStore store;
    private final IndicatorRepository indicators;

    public MeasurementBatches(BatchIntake intake, BatchStore store, IndicatorRepository indicators) {
        this.intake = intake;
        this.store = store;
        this.indicators = indicators;
    }

    /** A measurement as a caller sends it; unused numbers are 0. */
    public record Item(
            String unitId,
            String indicatorCode,
            String period,
            long numerator,
            long denominator,
            double mean,
            long sampleSize) {}

    /** What a list of measurements is filtered by; null for a filter not set. */
    public record Filter(String unitId, String indicatorCode, String period, boolean showSuperseded) {}

    public StoredBatch<MeasurementEntity> record(NewBatch<Item> batch) {
        return intake.record(new Rules(), batch);
    }

    public StoredBatch<MeasurementEntity> get(String batchId) {
        return store.get(BatchKind.MEASUREMENTS, FIELD, MeasurementEntity.class, batchId);
    }

    public BatchStore.ItemPage<MeasurementEntity> list(Filter filter, int pageSize, String pageToken) {
        new Violations()
                .optionalId("unit_id", filter.unitId())
                .check(filter.period() == null || Period.parse(filter.period()).isPresent(), "period", Period.FORMAT)
                .throwIfAny();
        Map<String, Object> where = new LinkedHashMap<>();
        where.put("i.unit_id = ?", filter.unitId() == null ? null : UUID.fromString(filter.unitId()));
        where.put("i.indicator_code = ?", filter.indicatorCode());
        where.put("i.period = ?", filter.period());
        String listCall = String.join(
                "|",
                "measurements",
                Texts.nullToEmpty(filter.unitId()),
                Texts.nullToEmpty(filter.indicatorCode()),
                Texts.nullToEmpty(filter.period()),
                String.valueOf(filter.showSuperseded()));
        return store.page(
                MeasurementEntity.class, "measurement", where, filter.showSuperseded(), listCall, pageSize, pageToken);
    }

    /** The rules of one measurement batch; it remembers the indicators it read. */
    private final class Rules extends BatchRules<Item, MeasurementEntity> {

        private final Map<String, IndicatorEntity> known = new HashMap<>();

        Rules() {
            super(
                    BatchKind.MEASUREMENTS,
                    FIELD,
                    "items",
                    "measurement",
                    MeasurementEntity.class,
                    "uk_measurement_current",
                    Item::unitId);
        }

        @Override
        protected boolean checkItem(NewBatch<Item> batch, Item item, String path, LocalDate today, Violations v) {
            boolean code = Texts.notBlank(item.indicatorCode());
            boolean period = Period.check(path + ".period", item.period(), today, v) != null;
            boolean counts = item.numerator() >= 0 && item.denominator() >= 0 && item.sampleSize() >= 0;
            boolean ordered = item.numerator() <= item.denominator();
            boolean finite = Double.isFinite(item.mean());
            v.check(code, path + ".indicator_code", "is required")
                    .check(item.numerator() >= 0, path + ".numerator", "must not be negative")
                    .check(item.denominator() >= 0, path + ".denominator", "must not be negative")
                    .check(item.sampleSize() >= 0, path + ".sample_size", "must not be negative")
                    .check(!counts || ordered, path + ".numerator", "must not be above the denominator")
                    .check(finite, path + ".mean", "must be a finite number");
            return code && period && counts && ordered && finite;
        }

        @Override
        protected List<String> key(Item item) {
            return List.of(UUID.fromString(item.unitId()).toString(), item.indicatorCode(), item.period());
        }

        @Override
        protected List<String> storedKey(MeasurementEntity item) {
            return List.of(item.unitId.toString(), item.indicatorCode, item.period);
        }

        @Override
        protected List<String> fingerprint(Item item) {
            return List.of(
                    item.unitId(),
                    item.indicatorCode(),
                    item.period(),
                    String.valueOf(item.numerator()),
                    String.valueOf(item.denominator()),
                    String.valueOf(item.mean()),
                    String.valueOf(item.sampleSize()));
        }

        @Override
        protected void checkStored(List<Item> items, String itemsPath, Violations v) {
            indicators
                    .findByCodes(
                            items.stream().map(Item::indicatorCode).distinct().toList())
                    .forEach(i -> known.put(i.code, i));
            for (int i = 0; i < items.size(); i++) {
                Item item = items.get(i);
                String path = itemsPath + "[" + i + "]";
                IndicatorEntity indicator = known.get(item.indicatorCode());
                v.check(indicator != null, path + ".indicator_code", "names no indicator");
                if (indicator != null && indicator.kind == IndicatorKind.RATE) {
                    v.check(item.denominator() >= 1, path + ".denominator", "must be at least 1 for a rate")
                            .check(item.mean() == 0, path + ".mean", "is only for MEAN indicators")
                            .check(item.sampleSize() == 0, path + ".sample_size", "is only for MEAN indicators");
                } else if (indicator != null) {
                    v.check(item.sampleSize() >= 1, path + ".sample_size", "must be at least 1 for a mean")
                            .check(item.numerator() == 0, path + ".numerator", "is only for RATE indicators")
                            .check(item.denominator() == 0, path + ".denominator", "is only for RATE indicators");
                }
            }
        }

        @Override
        protected void checkUnit(Item item, Units.Unit unit, String path, Violations v) {
            String wanted = known.get(item.indicatorCode()).unitType;
            v.check(
                    wanted == null || wanted.equals(unit.type()),
                    path + ".unit_id",
                    "is a " + unit.type() + " unit; " + item.indicatorCode() + " is measured for " + wanted + " units");
        }

        @Override
        protected MeasurementEntity toEntity(Item item, InputBatchEntity batch) {
            MeasurementEntity m = new MeasurementEntity();
            m.period(Period.parse(item.period()).orElseThrow());
            m.indicatorCode = item.indicatorCode();
            m.numerator = item.numerator();
            m.denominator = item.denominator();
            m.mean = item.mean();
            m.sampleSize = item.sampleSize();
            return m;
        }
    }
}
