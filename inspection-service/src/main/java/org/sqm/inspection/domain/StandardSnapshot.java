package org.sqm.inspection.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A published standard version as inspections use it: its rating scale and its elements in order.
 * Stored as one JSON document per version; records, so a pinned version is a value.
 */
public record StandardSnapshot(UUID id, String code, int version, Scale scale, List<Element> elements) {

    public StandardSnapshot {
        elements = elements == null ? List.of() : List.copyOf(elements);
    }

    /** The rating scale. */
    public record Scale(
            boolean numeric,
            List<Level> levels,
            boolean allowNotApplicable,
            int minScore,
            int maxScore,
            int passScore) {
        public Scale {
            levels = levels == null ? List.of() : List.copyOf(levels);
        }

        public Optional<Level> level(String code) {
            return levels.stream().filter(l -> l.code().equals(code)).findFirst();
        }
    }

    /** A level of a LEVELS scale, best first. */
    public record Level(String code, String label, int points, boolean meetsRequirement) {}

    /** An assessable element with where it sits in the tree. */
    public record Element(
            String code,
            String title,
            String criterionCode,
            String subCriterionCode,
            int weight,
            boolean mandatory,
            boolean critical) {}

    public Optional<Element> element(String code) {
        return elements.stream().filter(e -> e.code().equals(code)).findFirst();
    }

    public int position(String code) {
        for (int i = 0; i < elements.size(); i++) {
            if (elements.get(i).code().equals(code)) {
                return i;
            }
        }
        return -1;
    }

    /** "CSE v2". */
    public String label() {
        return code + " v" + version;
    }

    /**
     * How serious a failing rating is: a critical element is CRITICAL; otherwise the best failing
     * level (when the scale has more than one) or a score at least halfway from the minimum to the pass
     * score is MINOR (partial compliance), anything lower MAJOR.
     */
    public FindingSeverity severity(Element element, String levelCode, Integer score) {
        if (element.critical()) {
            return FindingSeverity.CRITICAL;
        }
        if (scale.numeric()) {
            return score != null && 2 * (score - scale.minScore()) >= scale.passScore() - scale.minScore()
                    ? FindingSeverity.MINOR
                    : FindingSeverity.MAJOR;
        }
        List<Level> failing =
                scale.levels().stream().filter(l -> !l.meetsRequirement()).toList();
        return failing.size() > 1 && failing.get(0).code().equals(levelCode)
                ? FindingSeverity.MINOR
                : FindingSeverity.MAJOR;
    }
}
