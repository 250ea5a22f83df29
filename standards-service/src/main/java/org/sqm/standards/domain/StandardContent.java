package org.sqm.standards.domain;

import java.util.List;

/**
 * The body of a standard version: its rating scale and its tree of criteria, sub-criteria and
 * elements. Stored as one JSON document; records, so that a version's content is a value.
 */
public record StandardContent(
        RatingScale ratingScale, List<Criterion> criteria, List<ServiceLevelTarget> serviceLevelTargets) {

    public StandardContent {
        criteria = criteria == null ? List.of() : List.copyOf(criteria);
        serviceLevelTargets = serviceLevelTargets == null ? List.of() : List.copyOf(serviceLevelTargets);
    }

    /**
     * Deadlines for complaint handling as ISO-8601 business durations (null: not set); null match
     * fields match anything.
     */
    public record ServiceLevelTarget(
            UnitType unitType,
            ServiceChannel channel,
            String category,
            Severity severity,
            String acknowledgeWithin,
            String firstResponseWithin,
            String resolveWithin,
            String callBackWithin) {

        /** How many match fields are set: the more, the more specific. */
        public int specificity() {
            return (unitType != null ? 1 : 0)
                    + (channel != null ? 1 : 0)
                    + (category != null ? 1 : 0)
                    + (severity != null ? 1 : 0);
        }

        /** Whether the rule applies to a case. */
        public boolean matches(UnitType type, ServiceChannel caseChannel, String caseCategory, Severity caseSeverity) {
            return (unitType == null || unitType == type)
                    && (channel == null || channel == caseChannel)
                    && (category == null || category.equals(caseCategory))
                    && (severity == null || severity == caseSeverity);
        }
    }

    /** How elements are rated. */
    public enum ScaleKind {
        LEVELS,
        NUMERIC
    }

    /** The rating scale; {@code kind} null while a draft has not chosen one. */
    public record RatingScale(
            ScaleKind kind,
            List<RatingLevel> levels,
            boolean allowNotApplicable,
            int minScore,
            int maxScore,
            int passScore) {
        public RatingScale {
            levels = levels == null ? List.of() : List.copyOf(levels);
        }
    }

    /** One level of a rating scale. */
    public record RatingLevel(String code, String label, int points, boolean meetsRequirement) {}

    /** A main area of the standard. */
    public record Criterion(String code, String title, String description, int weight, List<SubCriterion> subCriteria) {
        public Criterion {
            subCriteria = subCriteria == null ? List.of() : List.copyOf(subCriteria);
        }
    }

    /** A part of a criterion. */
    public record SubCriterion(String code, String title, String description, int weight, List<Element> elements) {
        public SubCriterion {
            elements = elements == null ? List.of() : List.copyOf(elements);
        }
    }

    /** One assessable requirement. */
    public record Element(
            String code, String title, String guidance, int weight, boolean mandatory, boolean critical) {}

    /** How many elements the tree holds. */
    public int elementCount() {
        return criteria.stream()
                .flatMap(c -> c.subCriteria().stream())
                .mapToInt(s -> s.elements().size())
                .sum();
    }
}
