package org.sqm.scoring.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;
import org.sqm.proto.scoring.v1.ComponentSource;
import org.sqm.proto.scoring.v1.ScoringModel;
import org.sqm.scoring.repository.DeductionRuleRepository;
import org.sqm.scoring.repository.IndicatorRepository;
import org.sqm.scoring.service.ScoringModelCheck.KnownCodes;

/** Which of the indicators and deduction rules that scoring models name exist; one read transaction. */
@ApplicationScoped
@Transactional
public class ScoringModelReferences {

    private final IndicatorRepository indicators;
    private final DeductionRuleRepository rules;

    public ScoringModelReferences(IndicatorRepository indicators, DeductionRuleRepository rules) {
        this.indicators = indicators;
        this.rules = rules;
    }

    /** The codes the models name that are stored. */
    public KnownCodes known(Collection<ScoringModel> models) {
        Set<String> indicatorCodes = models.stream()
                .flatMap(m -> m.getComponentsList().stream())
                .filter(c -> c.getSource().getSourceCase() == ComponentSource.SourceCase.INDICATOR)
                .map(c -> c.getSource().getIndicator().getIndicatorCode())
                .collect(Collectors.toSet());
        Set<String> ruleCodes = models.stream()
                .flatMap(m -> m.getDeductionRuleCodesList().stream())
                .collect(Collectors.toSet());
        return new KnownCodes(
                indicators.findByCodes(indicatorCodes).stream().map(i -> i.code).collect(Collectors.toSet()),
                rules.findByCodes(ruleCodes).stream().map(r -> r.code).collect(Collectors.toSet()));
    }
}
