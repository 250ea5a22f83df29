package org.sqm.inspection.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Worked examples of the inspection score, each expectation computed by hand in the comment above it.
 * The CSE levels: COMPLIANCE_PLUS 100 points, COMPLIANT 80, PARTIAL_COMPLIANCE 40, NON_COMPLIANCE 0 (the
 * first two meet the requirement); a level's share is its points over the best level's 100.
 */
class ScoreCardTest {

    static final StandardSnapshot.Scale LEVELS = new StandardSnapshot.Scale(
            false,
            List.of(
                    new StandardSnapshot.Level("COMPLIANCE_PLUS", "Compliance Plus", 100, true),
                    new StandardSnapshot.Level("COMPLIANT", "Compliant", 80, true),
                    new StandardSnapshot.Level("PARTIAL_COMPLIANCE", "Partial", 40, false),
                    new StandardSnapshot.Level("NON_COMPLIANCE", "Non-Compliance", 0, false)),
            true,
            0,
            0,
            0);

    /** Elements 1.1.1 (weight 1) and 1.1.2 (weight 2) of criterion 1, 2.1.1 (weight 3, critical) of criterion 2. */
    static StandardSnapshot standard(StandardSnapshot.Scale scale) {
        return new StandardSnapshot(
                UUID.randomUUID(),
                "CSE",
                1,
                scale,
                List.of(
                        new StandardSnapshot.Element("1.1.1", "Insight", "1", "1.1", 1, true, false),
                        new StandardSnapshot.Element("1.1.2", "Culture", "1", "1.1", 2, false, false),
                        new StandardSnapshot.Element("2.1.1", "Access", "2", "2.1", 3, true, true)));
    }

    /** Ratings as InspectionRating stores them: "code=LEVEL", "code=N/A" or, on a numeric scale, "code=7". */
    static List<RatingEntity> rated(StandardSnapshot.Scale scale, String... ratings) {
        List<RatingEntity> list = new ArrayList<>();
        for (String spec : ratings) {
            String[] parts = spec.split("=");
            RatingEntity r = new RatingEntity();
            r.elementCode = parts[0];
            if (parts[1].equals("N/A")) {
                r.notApplicable = true;
                r.meetsRequirement = true;
            } else if (scale.numeric()) {
                r.score = Integer.parseInt(parts[1]);
                r.points = r.score;
                r.meetsRequirement = r.score >= scale.passScore();
            } else {
                StandardSnapshot.Level level = scale.level(parts[1]).orElseThrow();
                r.levelCode = level.code();
                r.points = level.points();
                r.meetsRequirement = level.meetsRequirement();
            }
            list.add(r);
        }
        return list;
    }

    static ScoreCard score(StandardSnapshot.Scale scale, String... ratings) {
        return ScoreCard.of(standard(scale), rated(scale, ratings));
    }

    @Test
    void allCompliantScoresTheCompliantShareOfTheBestLevel() {
        // Every element COMPLIANT: 80 / 100 = 0.8 each, whatever the weights: (1*0.8 + 2*0.8 + 3*0.8) / 6 = 0.8.
        ScoreCard card = score(LEVELS, "1.1.1=COMPLIANT", "1.1.2=COMPLIANT", "2.1.1=COMPLIANT");
        assertEquals(new BigDecimal("80.00"), card.score());
        assertEquals(3, card.countedElements());
        assertEquals(6, card.countedWeight());
        assertEquals(
                List.of(
                        new ScoreCard.CriterionScore("1", new BigDecimal("80.00"), 2, 3),
                        new ScoreCard.CriterionScore("2", new BigDecimal("80.00"), 1, 3)),
                card.criteria());
        assertFalse(card.failed());
        assertEquals(List.of(), card.failedElementCodes());
    }

    @Test
    void notApplicableLeavesNumeratorAndDenominator() {
        // 1.1.1 COMPLIANCE_PLUS (1 * 100), 1.1.2 N/A (out), 2.1.1 PARTIAL (3 * 40):
        // (100 + 120) / (1 + 3) = 55. Criterion 1: only 1.1.1, 100. Criterion 2: 40.
        ScoreCard card = score(LEVELS, "1.1.1=COMPLIANCE_PLUS", "1.1.2=N/A", "2.1.1=PARTIAL_COMPLIANCE");
        assertEquals(new BigDecimal("55.00"), card.score());
        assertEquals(2, card.countedElements());
        assertEquals(4, card.countedWeight());
        assertEquals(new BigDecimal("100.00"), card.criteria().get(0).score());
        assertEquals(1, card.criteria().get(0).countedElements());
        assertEquals(new BigDecimal("40.00"), card.criteria().get(1).score());
        // The critical 2.1.1 is below "meets requirement" (PARTIAL does not meet it).
        assertTrue(card.failed());
        assertEquals(List.of("2.1.1"), card.failedElementCodes());
    }

    @Test
    void aCriticalNonComplianceFailsTheInspectionWhateverTheScore() {
        // 1.1.1 COMPLIANCE_PLUS (1 * 100), 1.1.2 COMPLIANCE_PLUS (2 * 100), 2.1.1 NON_COMPLIANCE (3 * 0):
        // 300 / 6 = 50; 2.1.1 is critical and non-compliant, so the inspection fails.
        ScoreCard card = score(LEVELS, "1.1.1=COMPLIANCE_PLUS", "1.1.2=COMPLIANCE_PLUS", "2.1.1=NON_COMPLIANCE");
        assertEquals(new BigDecimal("50.00"), card.score());
        assertTrue(card.failed());
        assertEquals(List.of("2.1.1"), card.failedElementCodes());
        assertEquals(new BigDecimal("100.00"), card.criteria().get(0).score());
        assertEquals(new BigDecimal("0.00"), card.criteria().get(1).score());
    }

    @Test
    void aNonCriticalFailureOnlyCostsPoints() {
        // 1.1.1 NON_COMPLIANCE (1 * 0), 1.1.2 COMPLIANT (2 * 80), 2.1.1 COMPLIANT (3 * 80): 400 / 6 = 66.666... ->
        // 66.67.
        ScoreCard card = score(LEVELS, "1.1.1=NON_COMPLIANCE", "1.1.2=COMPLIANT", "2.1.1=COMPLIANT");
        assertEquals(new BigDecimal("66.67"), card.score());
        // Criterion 1: (0 + 160) / 3 = 53.333... -> 53.33.
        assertEquals(new BigDecimal("53.33"), card.criteria().get(0).score());
        assertFalse(card.failed());
    }

    @Test
    void aNumericScaleIsNormalisedFromItsMinimumToItsMaximum() {
        // Scores 0 to 10, pass 6: 1.1.1 = 10 (1 * 10), 1.1.2 = 5 (2 * 5), 2.1.1 = 7 (3 * 7):
        // 41 / (10 * 6) = 0.68333... -> 68.33. Nothing critical below 6.
        StandardSnapshot.Scale numeric = new StandardSnapshot.Scale(true, List.of(), true, 0, 10, 6);
        ScoreCard card = score(numeric, "1.1.1=10", "1.1.2=5", "2.1.1=7");
        assertEquals(new BigDecimal("68.33"), card.score());
        // Criterion 1: (10 + 10) / (10 * 3) = 66.666... -> 66.67; criterion 2: 7 / 10 = 70.
        assertEquals(new BigDecimal("66.67"), card.criteria().get(0).score());
        assertEquals(new BigDecimal("70.00"), card.criteria().get(1).score());
        assertFalse(card.failed());
    }

    @Test
    void aNumericScaleWithAFloorCountsFromTheFloor() {
        // Scores 1 to 5, pass 3: 1.1.1 = 5 (share (5-1)/4 = 1), 2.1.1 = 2 (share (2-1)/4 = 0.25, critical and below
        // the pass score), 1.1.2 unrated (optional, out): (1 * 1 + 3 * 0.25) / 4 = 0.4375 -> 43.75.
        StandardSnapshot.Scale numeric = new StandardSnapshot.Scale(true, List.of(), false, 1, 5, 3);
        ScoreCard card = score(numeric, "1.1.1=5", "2.1.1=2");
        assertEquals(new BigDecimal("43.75"), card.score());
        assertEquals(2, card.countedElements());
        assertEquals(4, card.countedWeight());
        assertTrue(card.failed());
        assertEquals(List.of("2.1.1"), card.failedElementCodes());
    }

    @Test
    void nothingCountedMeansNoScore() {
        // Every rating not applicable: nothing in the denominator, so no score (not 0, not 100).
        ScoreCard card = score(LEVELS, "1.1.1=N/A", "2.1.1=N/A");
        assertNull(card.score());
        assertEquals(0, card.countedElements());
        assertNull(card.criteria().get(0).score());
        assertFalse(card.failed());
    }
}
