package org.sqm.scoring.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.sqm.commons.error.AlreadyExistsException;
import org.sqm.commons.error.Violations;
import org.sqm.proto.scoring.v1.AccreditationRules;
import org.sqm.proto.scoring.v1.ScoringModel;
import org.sqm.scoring.domain.AccreditationRulesEntity;
import org.sqm.scoring.domain.CatalogueOutcome;
import org.sqm.scoring.domain.DeductionRuleEntity;
import org.sqm.scoring.domain.ScoringModelEntity;
import org.sqm.scoring.service.DeductionRuleService.NewDeductionRule;
import org.sqm.scoring.service.IndicatorService.NewIndicator;
import org.sqm.scoring.service.ScoringModelCheck.KnownCodes;

/**
 * Loads a catalogue of indicators, deduction rules, scoring models and accreditation rules: creates
 * every entry whose code is free (a scoring model as version 1, published; accreditation rules as
 * version 1) and leaves every other as it is, saying whether it matches. An invalid catalogue creates nothing. Each entry is created in a short transaction of its
 * own, so a load racing another one only finds the other's entries.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.NEVER)
public class ScoringCatalogueLoad {

    private final IndicatorService indicators;
    private final DeductionRuleService rules;
    private final ScoringModelService models;
    private final ScoringModelReferences references;
    private final AccreditationRulesService accreditation;

    public ScoringCatalogueLoad(
            IndicatorService indicators,
            DeductionRuleService rules,
            ScoringModelService models,
            ScoringModelReferences references,
            AccreditationRulesService accreditation) {
        this.indicators = indicators;
        this.rules = rules;
        this.models = models;
        this.references = references;
        this.accreditation = accreditation;
    }

    /** The outcome of one entry. */
    public record Entry(String kind, String code, UUID id, CatalogueOutcome outcome) {}

    /**
     * Loads the entries, indicators first, then deduction rules, then scoring models, then accreditation
     * rules, each in the catalogue's order.
     */
    public List<Entry> load(
            List<NewIndicator> newIndicators,
            List<NewDeductionRule> newRules,
            List<ScoringModel> newModels,
            List<AccreditationRules> newAccreditationRules) {
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
        KnownCodes known = known(newIndicators, newRules, newModels);
        checkEntries(
                newModels,
                "catalogue.scoring_models",
                ScoringModel::getCode,
                (m, path) -> {
                    ScoringModelCheck.check(ScoringModelDocument.normalised(m), path, known, v);
                },
                v);
        List<AccreditationRules> accreditationRules = newAccreditationRules.stream()
                .map(AccreditationRulesDocument::normalised)
                .toList();
        checkEntries(
                accreditationRules,
                "catalogue.accreditation_rules",
                AccreditationRules::getCode,
                (r, path) -> {
                    AccreditationRulesDocument.check(r, path, v);
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
        for (ScoringModel m : newModels) {
            entries.add(entry(
                    "scoring_model",
                    m.getCode(),
                    () -> models.latest(m.getCode()).orElse(null),
                    () -> models.createPublished(m),
                    e -> ScoringModelDocument.sameAs(m, e),
                    (ScoringModelEntity e) -> e.id));
        }
        for (AccreditationRules r : accreditationRules) {
            entries.add(entry(
                    "accreditation_rules",
                    r.getCode(),
                    () -> accreditation.latest(r.getCode()).orElse(null),
                    () -> accreditation.createFirst(r),
                    e -> AccreditationRulesDocument.sameAs(r, e),
                    (AccreditationRulesEntity e) -> e.id));
        }
        return entries;
    }

    /** The codes a model of the catalogue may name: those stored and those the catalogue brings. */
    private KnownCodes known(
            List<NewIndicator> newIndicators, List<NewDeductionRule> newRules, List<ScoringModel> newModels) {
        KnownCodes stored = references.known(newModels);
        Set<String> indicatorCodes = new HashSet<>(stored.indicators());
        newIndicators.forEach(i -> indicatorCodes.add(i.code()));
        Set<String> ruleCodes = new HashSet<>(stored.deductionRules());
        newRules.forEach(r -> ruleCodes.add(r.code()));
        return new KnownCodes(indicatorCodes, ruleCodes);
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
                if (existing == null) {
                    throw e;
                }
            }
        }
        return new Entry(
                kind,
                code,
                id.apply(existing),
                same.test(existing) ? CatalogueOutcome.UNCHANGED : CatalogueOutcome.DIFFERENT);
    }
}
