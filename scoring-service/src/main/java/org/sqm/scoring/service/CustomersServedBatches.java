package org.sqm.scoring.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.sqm.commons.convert.Texts;
import org.sqm.commons.error.Violations;
import org.sqm.scoring.domain.BatchKind;
import org.sqm.scoring.domain.CustomersServedEntity;
import org.sqm.scoring.domain.InputBatchEntity;
import org.sqm.scoring.domain.Period;

/**
 * Customers served per unit and period, in batches; at most one current count per unit and period.
 * Records through {@link BatchIntake}, which asks standards-service, so it opens no transaction itself.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.NEVER)
public class CustomersServedBatches {

    static final String FIELD = "customers_served_batch";

    private final BatchIntake intake;
    private final BatchStore store;

    public CustomersServedBatches(BatchIntake intake, BatchStore store) {
        this.intake = intake;
        this.store = store;
    }

    /** A count as a caller sends it. */
    public record Item(String unitId, String period, long customers) {}

    public StoredBatch<CustomersServedEntity> record(NewBatch<Item> batch) {
        return intake.record(RULES, batch);
    }

    public StoredBatch<CustomersServedEntity> get(String batchId) {
        return store.get(BatchKind.CUSTOMERS_SERVED, FIELD, CustomersServedEntity.class, batchId);
    }

    /** One page of counts of a unit and a period (null: any), current ones only unless {@code showSuperseded}. */
    public BatchStore.ItemPage<CustomersServedEntity> list(
            String unitId, String period, boolean showSuperseded, int pageSize, String pageToken) {
        new Violations()
                .optionalId("unit_id", unitId)
                .check(period == null || Period.parse(period).isPresent(), "period", Period.FORMAT)
                .throwIfAny();
        Map<String, Object> where = new LinkedHashMap<>();
        where.put("i.unit_id = ?", unitId == null ? null : UUID.fromString(unitId));
        where.put("i.period = ?", period);
        String listCall = String.join(
                "|", "customers-served", Texts.nullToEmpty(unitId), Texts.nullToEmpty(period), "" + showSuperseded);
        return store.page(
                CustomersServedEntity.class, "customers_served", where, showSuperseded, listCall, pageSize, pageToken);
    }

    private static final BatchRules<Item, CustomersServedEntity> RULES =
            new BatchRules<>(
                    BatchKind.CUSTOMERS_SERVED,
                    FIELD,
                    "items",
                    "customers_served",
                    CustomersServedEntity.class,
                    "uk_customers_served_current",
                    Item::unitId) {

                @Override
                protected boolean checkItem(
                        NewBatch<Item> batch, Item item, String path, LocalDate today, Violations v) {
                    boolean period = Period.check(path + ".period", item.period(), today, v) != null;
                    v.check(item.customers() >= 0, path + ".customers", "must not be negative");
                    return period && item.customers() >= 0;
                }

                @Override
                protected List<String> key(Item item) {
                    return List.of(UUID.fromString(item.unitId()).toString(), item.period());
                }

                @Override
                protected List<String> storedKey(CustomersServedEntity item) {
                    return List.of(item.unitId.toString(), item.period);
                }

                @Override
                protected List<String> fingerprint(Item item) {
                    return List.of(item.unitId(), item.period(), String.valueOf(item.customers()));
                }

                @Override
                protected CustomersServedEntity toEntity(Item item, InputBatchEntity batch) {
                    Period period = Period.parse(item.period()).orElseThrow();
                    CustomersServedEntity c = new CustomersServedEntity();
                    c.period = period.text();
                    c.periodStart = period.start();
                    c.periodEnd = period.end();
                    c.customers = item.customers();
                    return c;
                }
            };
}
