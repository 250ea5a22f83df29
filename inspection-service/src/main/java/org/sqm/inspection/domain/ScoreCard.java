package org.sqm.inspection.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The score of a finalized inspection, computed once from its ratings and its pinned version and
 * stored with it. Each counted element (rated, not "not applicable") contributes its share of the
 * scale's maximum: a level's points over the best level's points, or (score - min) / (max - min) on a
 * numeric scale. A score is 100 times the mean of the shares weighted by the element weights, rounded
 * half up to two decimals; not-applicable and unrated elements are out of numerator and denominator.
 *
 * @param score              0 to 100, null when no element counts
 * @param failedElementCodes the critical elements rated below "meets requirement", in standard order
 */
public record ScoreCard(
        BigDecimal score,
        int countedElements,
        int countedWeight,
        List<CriterionScore> criteria,
        boolean failed,
        List<String> failedElementCodes) {

    public ScoreCard {
        criteria = criteria == null ? List.of() : List.copyOf(criteria);
        failedElementCodes = failedElementCodes == null ? List.of() : List.copyOf(failedElementCodes);
    }

    /** The score of one criterion, computed the same way over its elements; score null when none counts. */
    public record CriterionScore(String criterionCode, BigDecimal score, int countedElements, int countedWeight) {}

    /** Scores the ratings of an inspection against its pinned version. */
    public static ScoreCard of(StandardSnapshot standard, Collection<RatingEntity> ratings) {
        StandardSnapshot.Scale scale = standard.scale();
        int floor = scale.numeric() ? scale.minScore() : 0;
        int top = scale.numeric()
                ? scale.maxScore()
                : scale.levels().stream()
                        .mapToInt(StandardSnapshot.Level::points)
                        .max()
                        .orElse(0);
        long range = (long) top - floor;
        Map<String, RatingEntity> byCode =
                ratings.stream().collect(Collectors.toMap(r -> r.elementCode, Function.identity()));
        Sum total = new Sum();
        Map<String, Sum> byCriterion = new LinkedHashMap<>();
        List<String> failed = new ArrayList<>();
        for (StandardSnapshot.Element element : standard.elements()) {
            Sum criterion = byCriterion.computeIfAbsent(element.criterionCode(), c -> new Sum());
            RatingEntity r = byCode.get(element.code());
            if (r == null || r.notApplicable) {
                continue;
            }
            if (element.critical() && !r.meetsRequirement) {
                failed.add(element.code());
            }
            total.add(element.weight(), r.points - floor);
            criterion.add(element.weight(), r.points - floor);
        }
        List<CriterionScore> criteria = byCriterion.entrySet().stream()
                .map(c -> new CriterionScore(
                        c.getKey(), c.getValue().score(range), c.getValue().elements, (int) c.getValue().weight))
                .toList();
        return new ScoreCard(
                total.score(range), total.elements, (int) total.weight, criteria, !failed.isEmpty(), failed);
    }

    /** A running weighted sum of points above the scale's floor. */
    private static final class Sum {
        private int elements;
        private long weight;
        private long weightedPoints;

        void add(int elementWeight, int points) {
            elements++;
            weight += elementWeight;
            weightedPoints += (long) elementWeight * points;
        }

        /** 100 * sum(w * points) / (range * sum(w)), half up to two decimals; null when nothing counts. */
        BigDecimal score(long range) {
            if (elements == 0 || weight <= 0 || range <= 0) {
                return null;
            }
            return BigDecimal.valueOf(100 * weightedPoints)
                    .divide(BigDecimal.valueOf(range * weight), 2, RoundingMode.HALF_UP);
        }
    }
}
