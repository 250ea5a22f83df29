package org.sqm.scoring.service;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sqm.commons.convert.ProtoEnums;
import org.sqm.commons.error.Violations;
import org.sqm.proto.common.v1.CustomerSegment;
import org.sqm.proto.scoring.v1.AuthorityWeight;
import org.sqm.proto.scoring.v1.ComponentSource;
import org.sqm.proto.scoring.v1.GradeBand;
import org.sqm.proto.scoring.v1.InspectionScoreSource;
import org.sqm.proto.scoring.v1.ScoreComponent;
import org.sqm.proto.scoring.v1.ScoreMapping;
import org.sqm.proto.scoring.v1.ScoringModel;

/**
 * The rules a scoring model version must meet, every broken one named by its field path (e.g.
 * {@code scoring_model.components[1].weight_basis_points}) so a caller learns all of them at once.
 */
public final class ScoringModelCheck {

    static final int TOTAL_BASIS_POINTS = 10_000;
    static final int MAX_COMPONENTS = 20;
    static final int MAX_AUTHORITY_LEVELS = 4;
    static final int MAX_DEDUCTION_RULES = 50;
    static final int MAX_GRADE_BANDS = 20;
    static final double MAX_BASE_SCORE = 1000;

    private ScoringModelCheck() {}

    /**
     * The indicator and deduction rule codes a model may name.
     *
     * @param indicators     the indicator codes that exist (at least those the model names)
     * @param deductionRules the deduction rule codes that exist (at least those the model names)
     */
    public record KnownCodes(Set<String> indicators, Set<String> deductionRules) {}

    /** Checks a model's fields, {@code path} being the field that holds it, e.g. {@code scoring_model}. */
    public static void check(ScoringModel m, String path, KnownCodes known, Violations v) {
        v.requirePattern(
                        path + ".code",
                        m.getCode(),
                        DeductionRuleService.CODE,
                        "must be 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit")
                .requireText(path + ".name", m.getName(), 200)
                .maxLength(path + ".description", m.getDescription(), 2000)
                .requireEnum(path + ".unit_type", ProtoEnums.shortName(m.getUnitType()) != null);
        v.check(
                m.getComponentsCount() > 0 || m.hasRollUp(),
                path + ".components",
                "is required: 1 to " + MAX_COMPONENTS + " components, or a roll_up");
        components(m.getComponentsList(), path + ".components", known, v);
        if (m.hasRollUp()) {
            v.check(
                            m.getComponentsCount() == 0,
                            path + ".roll_up",
                            "must not be set together with components: a model scores on components or rolls up"
                                    + " its children's scores")
                    .requireEnum(
                            path + ".roll_up.weighting",
                            ProtoEnums.shortName(m.getRollUp().getWeighting()) != null);
        }
        v.requireEnum(path + ".missing_source_policy", ProtoEnums.shortName(m.getMissingSourcePolicy()) != null);
        deductions(m, path, known, v);
        v.check(
                m.getBaseScore() > 0 && m.getBaseScore() <= MAX_BASE_SCORE,
                path + ".base_score",
                "must be above 0 and at most " + (int) MAX_BASE_SCORE);
        gradeBands(m.getGradeBandsList(), path + ".grade_bands", v);
        SpotCheckTriggerCheck.check(m.getSpotCheckTriggersList(), path + ".spot_check_triggers", v);
    }

    private static void components(List<ScoreComponent> components, String path, KnownCodes known, Violations v) {
        if (components.isEmpty()) {
            return;
        }
        v.check(components.size() <= MAX_COMPONENTS, path, "must hold at most " + MAX_COMPONENTS + " components");
        Map<String, Integer> codes = new HashMap<>();
        long total = 0;
        for (int i = 0; i < components.size(); i++) {
            ScoreComponent c = components.get(i);
            String at = path + "[" + i + "]";
            v.requirePattern(
                    at + ".code",
                    c.getCode(),
                    DeductionRuleService.CODE,
                    "must be 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit");
            Integer first = c.getCode().isBlank() ? null : codes.putIfAbsent(c.getCode(), i);
            v.check(first == null, at + ".code", "repeats the code of " + path + "[" + first + "]")
                    .requireText(at + ".name", c.getName(), 200)
                    .check(
                            c.getWeightBasisPoints() >= 1 && c.getWeightBasisPoints() <= TOTAL_BASIS_POINTS,
                            at + ".weight_basis_points",
                            "must be between 1 and " + TOTAL_BASIS_POINTS);
            total += c.getWeightBasisPoints();
            source(c.getSource(), at + ".source", known, v);
            mapping(c.getMapping(), at + ".mapping", v);
        }
        v.check(
                total == TOTAL_BASIS_POINTS,
                path,
                "the weights must add up to " + TOTAL_BASIS_POINTS + " basis points; they add up to " + total);
    }

    private static void source(ComponentSource source, String path, KnownCodes known, Violations v) {
        switch (source.getSourceCase()) {
            case INSPECTION_SCORE -> inspectionScore(source.getInspectionScore(), path + ".inspection_score", v);
            case SATISFACTION_INDEX -> v.check(
                            source.getSatisfactionIndex().getSegment() != CustomerSegment.UNRECOGNIZED,
                            path + ".satisfaction_index.segment",
                            "must be one of the customer segments, or unset for all segments")
                    .check(
                            source.getSatisfactionIndex().getMinSample() >= 0,
                            path + ".satisfaction_index.min_sample",
                            "must be at least 0");
            case INDICATOR -> {
                String code = source.getIndicator().getIndicatorCode();
                if (code.isBlank()) {
                    v.check(false, path + ".indicator.indicator_code", "is required");
                } else {
                    v.check(
                            known.indicators().contains(code),
                            path + ".indicator.indicator_code",
                            "names no indicator: '" + code + "'");
                }
                v.check(
                        source.getIndicator().getMinSample() >= 0,
                        path + ".indicator.min_sample",
                        "must be at least 0");
            }
            case COMPLAINT_TIMELINESS, COMPLAINT_RATE, CALL_BACK_COVERAGE -> {
                // No settings.
            }
            default -> v.check(
                    false,
                    path,
                    "is required: one of inspection_score, satisfaction_index, indicator, complaint_timeliness,"
                            + " complaint_rate, call_back_coverage");
        }
    }

    private static void inspectionScore(InspectionScoreSource s, String path, Violations v) {
        v.requireEnum(path + ".kind", ProtoEnums.shortName(s.getKind()) != null);
        List<AuthorityWeight> weights = s.getAuthorityWeightsList();
        String at = path + ".authority_weights";
        v.check(
                !weights.isEmpty() && weights.size() <= MAX_AUTHORITY_LEVELS,
                at,
                "must hold 1 to " + MAX_AUTHORITY_LEVELS + " authority levels");
        Map<String, Integer> levels = new HashMap<>();
        long total = 0;
        for (int j = 0; j < weights.size(); j++) {
            AuthorityWeight w = weights.get(j);
            String level = ProtoEnums.shortName(w.getLevel());
            v.requireEnum(at + "[" + j + "].level", level != null);
            Integer first = level == null ? null : levels.putIfAbsent(level, j);
            v.check(first == null, at + "[" + j + "].level", "repeats the level of " + at + "[" + first + "]")
                    .check(
                            w.getWeightBasisPoints() >= 1 && w.getWeightBasisPoints() <= TOTAL_BASIS_POINTS,
                            at + "[" + j + "].weight_basis_points",
                            "must be between 1 and " + TOTAL_BASIS_POINTS);
            total += w.getWeightBasisPoints();
        }
        if (!weights.isEmpty()) {
            v.check(
                    total == TOTAL_BASIS_POINTS,
                    at,
                    "the weights must add up to " + TOTAL_BASIS_POINTS + " basis points; they add up to " + total);
        }
    }

    private static void mapping(ScoreMapping mapping, String path, Violations v) {
        switch (mapping.getMappingCase()) {
            case DIRECT -> {
                // Nothing to set.
            }
            case TARGET -> {
                double target = mapping.getTarget().getTarget();
                double floor = mapping.getTarget().getFloor();
                v.check(Double.isFinite(target), path + ".target.target", "must be a finite number")
                        .check(Double.isFinite(floor), path + ".target.floor", "must be a finite number")
                        .check(
                                target != floor,
                                path + ".target.target",
                                "must differ from floor: the target scores 100, the floor 0");
            }
            default -> v.check(false, path, "is required: direct or target");
        }
    }

    private static void deductions(ScoringModel m, String path, KnownCodes known, Violations v) {
        List<String> codes = m.getDeductionRuleCodesList();
        String at = path + ".deduction_rule_codes";
        v.check(codes.size() <= MAX_DEDUCTION_RULES, at, "must name at most " + MAX_DEDUCTION_RULES + " rules");
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < codes.size(); i++) {
            Integer first = seen.putIfAbsent(codes.get(i), i);
            v.check(
                            known.deductionRules().contains(codes.get(i)),
                            at + "[" + i + "]",
                            "names no deduction rule: '" + codes.get(i) + "'")
                    .check(first == null, at + "[" + i + "]", "repeats " + at + "[" + first + "]");
        }
        if (m.hasDeductionCapPoints()) {
            v.check(
                    m.getDeductionCapPoints() >= 0 && Double.isFinite(m.getDeductionCapPoints()),
                    path + ".deduction_cap_points",
                    "must be a number of at least 0, or unset for no cap");
        }
    }

    private static void gradeBands(List<GradeBand> bands, String path, Violations v) {
        v.check(
                !bands.isEmpty() && bands.size() <= MAX_GRADE_BANDS,
                path,
                "must hold 1 to " + MAX_GRADE_BANDS + " grade bands");
        Map<String, Integer> grades = new HashMap<>();
        for (int i = 0; i < bands.size(); i++) {
            GradeBand band = bands.get(i);
            String at = path + "[" + i + "]";
            Integer first = band.getGrade().isBlank() ? null : grades.putIfAbsent(band.getGrade(), i);
            v.requireText(at + ".grade", band.getGrade(), 50)
                    .check(first == null, at + ".grade", "repeats the grade of " + path + "[" + first + "]");
            double min = band.getMinScore();
            if (!(min >= 0 && Double.isFinite(min))) {
                v.check(false, at + ".min_score", "must be a number of at least 0");
            } else if (i > 0 && !(min < bands.get(i - 1).getMinScore())) {
                v.check(
                        false,
                        at + ".min_score",
                        "must be below the min_score of " + path + "[" + (i - 1) + "]: bands go by descending"
                                + " min_score");
            } else if (i == bands.size() - 1) {
                v.check(min == 0, at + ".min_score", "must be 0: the last band takes every score down to 0");
            }
        }
    }
}
