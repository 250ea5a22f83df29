package org.sqm.scoring.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.sqm.commons.error.AlreadyExistsException;
import org.sqm.commons.error.Violations;
import org.sqm.scoring.domain.CatalogueOutcome;
import org.sqm.scoring.domain.DeductionRuleEntity;
import org.sqm.scoring.service.DeductionRuleService.NewDeductionRule;
import org.sqm.scoring.service.IndicatorService.NewIndicator;

/**
 * Loads a catalogue of indicators and deduction rules: creates every entry whose code is free and
 * leaves every other as it is, saying whether it matches. An invalid catalogue creates nothing. Each
 * entry is created in a short transaction of its own, so a load racing another one only finds the
 * other's entries.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.NEVER)
public class ScoringCatalogueLoad {

    private final IndicatorService indicators;
    private final DeductionRuleService rules;

    public ScoringCatalogueLoad(IndicatorService indicators, DeductionRuleService rules) {
        this.indicators = indicators;
        this.rules = rules;
    }

    /** The outcome of one entry. */
    public record Entry(String kind, String code, UUID id, CatalogueOutcome outcome) {}

    /** Loads the entries, indicators first, each in the catalogue's order. */
    public List<Entry> load(List<NewIndicator> newIndicators, List<NewDeductionRule> newRules) {
        Violations v = new Violations();
        checkEntries(
                newIndicators,
                "catalogue.indicators",
                NewIndicator::code,
                (i, path) -> {
                    IndicatorService.check(i, path, v);
                },
                v);
        checkEntries(
                newRules,
                "catalogue.deduction_rules",
                NewDeductionRule::code,
                (r, path) -> {
                    DeductionRuleService.check(r, path, v);
                },
                v);
        v.throwIfAny();
        List<Entry> entries = new ArrayList<>();
        for (NewIndicator i : newIndicators) {
            entries.add(entry(
                    "indicator",
                    i.code(),
                    () -> indicators.findByCode(i.code()).orElse(null),
                    () -> indicators.create(i, ""),
                    i::sameAs,
                    e -> e.id));
        }
        for (NewDeductionRule r : newRules) {
            entries.add(entry(
                    "deduction_rule",
                    r.code(),
                    () -> rules.findByCode(r.code()).orElse(null),
                    () -> rules.create(r, ""),
                    e -> e.description.equals(r.description().strip()) && e.pointsMillis == r.pointsMillis(),
                    (DeductionRuleEntity e) -> e.id));
        }
        return entries;
    }

    private static <T> void checkEntries(
            List<T> entries, String path, Function<T, String> code, BiConsumer<T, String> check, Violations v) {
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            String at = path + "[" + i + "]";
            check.accept(entries.get(i), at);
            Integer first = code.apply(entries.get(i)) == null ? null : seen.putIfAbsent(code.apply(entries.get(i)), i);
            v.check(first == null, at + ".code", "repeats the code of " + path + "[" + first + "]");
        }
    }

    /** Creates the entry unless its code is taken; a racing load that took it first counts as taken. */
    private static <E> Entry entry(
            String kind, String code, Supplier<E> stored, Supplier<E> create, Predicate<E> same, Function<E, UUID> id) {
        E existing = stored.get();
        if (existing == null) {
            try {
                return new Entry(kind, code, id.apply(create.get()), CatalogueOutcome.CREATED);
            } catch (AlreadyExistsException e) {
                existing = stored.get();
            }
        }
        return new Entry(
                kind,
                code,
                id.apply(existing),
                same.test(existing) ? CatalogueOutcome.UNCHANGED : CatalogueOutcome.DIFFERENT);
    }
}
