package org.sqm.standards.service;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.sqm.commons.error.Violations;
import org.sqm.standards.domain.BusinessCalendar;
import org.sqm.standards.domain.StandardContent;
import org.sqm.standards.domain.StandardContent.Criterion;
import org.sqm.standards.domain.StandardContent.Element;
import org.sqm.standards.domain.StandardContent.RatingLevel;
import org.sqm.standards.domain.StandardContent.RatingScale;
import org.sqm.standards.domain.StandardContent.ScaleKind;
import org.sqm.standards.domain.StandardContent.ServiceLevelTarget;
import org.sqm.standards.domain.StandardContent.SubCriterion;
import org.sqm.standards.service.StandardService.StandardDraft;

/**
 * The rules a standard must follow: {@link #shape} for every draft (each field well-formed),
 * {@link #completeness} on top of it for publication (a whole, usable standard).
 */
final class StandardValidator {

    static final Pattern NODE_CODE = Pattern.compile("[A-Za-z0-9]{1,16}(\\.[A-Za-z0-9]{1,16}){0,5}");
    static final Pattern LEVEL_CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,39}");
    static final int MAX_WEIGHT = 100;
    static final Pattern CATEGORY = Pattern.compile("[A-Z][A-Z0-9_]{0,39}");

    private StandardValidator() {}

    /** Adds a violation for every malformed field of the draft; {@code p} is the field prefix. */
    static void shape(StandardDraft draft, String p, Violations v) {
        v.requireText(p + ".title", draft.title(), 300);
        v.maxLength(p + ".description", draft.description(), 10_000);
        LocalDate from = date(draft.effectiveFrom(), p + ".effective_from", v);
        LocalDate until = date(draft.effectiveUntil(), p + ".effective_until", v);
        v.check(
                from == null || until == null || until.isAfter(from),
                p + ".effective_until",
                "must be after effective_from");
        distinctKnown(draft.unitTypes(), p + ".unit_types", v);
        distinctKnown(draft.channels(), p + ".channels", v);
        StandardContent content = draft.content();
        RatingScale scale = content.ratingScale();
        if (scale != null) {
            Set<String> levelCodes = new HashSet<>();
            for (int i = 0; i < scale.levels().size(); i++) {
                RatingLevel level = scale.levels().get(i);
                String f = p + ".rating_scale.levels[" + i + "]";
                v.requirePattern(f + ".code", level.code(), LEVEL_CODE, "must be 1 to 40 capitals, digits or '_'");
                v.check(level.code() == null || levelCodes.add(level.code()), f + ".code", "is used twice");
                v.requireText(f + ".label", level.label(), 100);
                v.check(level.points() >= 0 && level.points() <= 100, f + ".points", "must be between 0 and 100");
            }
        }
        targets(content.serviceLevelTargets(), p, v);
        Set<String> codes = new HashSet<>();
        for (int c = 0; c < content.criteria().size(); c++) {
            Criterion criterion = content.criteria().get(c);
            String fc = p + ".criteria[" + c + "]";
            node(fc, criterion.code(), criterion.title(), 300, criterion.description(), criterion.weight(), codes, v);
            for (int s = 0; s < criterion.subCriteria().size(); s++) {
                SubCriterion sub = criterion.subCriteria().get(s);
                String fs = fc + ".sub_criteria[" + s + "]";
                node(fs, sub.code(), sub.title(), 300, sub.description(), sub.weight(), codes, v);
                for (int e = 0; e < sub.elements().size(); e++) {
                    Element element = sub.elements().get(e);
                    String fe = fs + ".elements[" + e + "]";
                    node(fe, element.code(), element.title(), 1000, element.guidance(), element.weight(), codes, v);
                }
            }
        }
    }

    /** Validates the service-level target rules of a draft. */
    static void targets(List<ServiceLevelTarget> targets, String p, Violations v) {
        for (int i = 0; i < targets.size(); i++) {
            ServiceLevelTarget t = targets.get(i);
            String f = p + ".service_level_targets[" + i + "]";
            v.check(
                    t.category() == null || CATEGORY.matcher(t.category()).matches(),
                    f + ".category",
                    "must be 1 to 40 capitals, digits or '_'");
            boolean any = false;
            for (String[] d : new String[][] {
                {"acknowledge_within", t.acknowledgeWithin()},
                {"first_response_within", t.firstResponseWithin()},
                {"resolve_within", t.resolveWithin()},
                {"call_back_within", t.callBackWithin()}
            }) {
                if (d[1] != null) {
                    any = true;
                    Duration duration = null;
                    try {
                        duration = Duration.parse(d[1]);
                    } catch (DateTimeException e) {
                        v.check(false, f + "." + d[0], "must be an ISO-8601 duration such as PT8H");
                    }
                    v.check(
                            duration == null
                                    || (!duration.isNegative()
                                            && duration.compareTo(BusinessCalendar.MAX_DURATION) <= 0),
                            f + "." + d[0],
                            "must be between zero and 366 days");
                }
            }
            v.check(any, f, "needs at least one deadline");
            for (int j = 0; j < i; j++) {
                ServiceLevelTarget o = targets.get(j);
                v.check(
                        !(o.unitType() == t.unitType()
                                && o.channel() == t.channel()
                                && java.util.Objects.equals(o.category(), t.category())
                                && o.severity() == t.severity()),
                        f,
                        "matches exactly the same cases as rule " + j);
            }
        }
    }

    /** Adds a violation for everything a published standard needs and the draft lacks. */
    static void completeness(StandardDraft draft, String p, Violations v) {
        v.check(
                draft.effectiveFrom() != null && !draft.effectiveFrom().isEmpty(),
                p + ".effective_from",
                "is required to publish");
        RatingScale scale = draft.content().ratingScale();
        if (scale == null || scale.kind() == null) {
            v.check(false, p + ".rating_scale.kind", "is required to publish: LEVELS or NUMERIC");
        } else if (scale.kind() == ScaleKind.LEVELS) {
            List<RatingLevel> levels = scale.levels();
            v.check(levels.size() >= 2, p + ".rating_scale.levels", "needs at least two levels");
            v.check(
                    levels.stream().anyMatch(RatingLevel::meetsRequirement),
                    p + ".rating_scale.levels",
                    "needs a level that meets the requirement");
            v.check(
                    levels.stream().anyMatch(l -> !l.meetsRequirement()),
                    p + ".rating_scale.levels",
                    "needs a level that does not meet the requirement");
        } else {
            v.check(scale.levels().isEmpty(), p + ".rating_scale.levels", "must be empty for a numeric scale");
            v.check(scale.maxScore() > scale.minScore(), p + ".rating_scale.max_score", "must be above min_score");
            v.check(
                    scale.passScore() >= scale.minScore() && scale.passScore() <= scale.maxScore(),
                    p + ".rating_scale.pass_score",
                    "must lie between min_score and max_score");
        }
        List<Criterion> criteria = draft.content().criteria();
        v.check(!criteria.isEmpty(), p + ".criteria", "needs at least one criterion to publish");
        for (int c = 0; c < criteria.size(); c++) {
            Criterion criterion = criteria.get(c);
            String fc = p + ".criteria[" + c + "]";
            v.check(!criterion.subCriteria().isEmpty(), fc + ".sub_criteria", "needs at least one sub-criterion");
            for (int s = 0; s < criterion.subCriteria().size(); s++) {
                v.check(
                        !criterion.subCriteria().get(s).elements().isEmpty(),
                        fc + ".sub_criteria[" + s + "].elements",
                        "needs at least one element");
            }
        }
    }

    private static void node(
            String f,
            String code,
            String title,
            int titleMax,
            String text,
            int weight,
            Set<String> codes,
            Violations v) {
        v.requirePattern(f + ".code", code, NODE_CODE, "must be letters and digits in dotted parts, e.g. 4.3.2");
        v.check(code == null || code.isEmpty() || codes.add(code), f + ".code", "is used twice in the standard");
        v.requireText(f + ".title", title, titleMax);
        v.maxLength(f + (f.endsWith("]") && f.contains("elements[") ? ".guidance" : ".description"), text, 10_000);
        v.check(weight >= 1 && weight <= MAX_WEIGHT, f + ".weight", "must be between 1 and " + MAX_WEIGHT);
    }

    private static LocalDate date(String value, String field, Violations v) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeException e) {
            v.check(false, field, "must be a date YYYY-MM-DD");
            return null;
        }
    }

    private static <T> void distinctKnown(List<T> values, String field, Violations v) {
        Set<T> seen = new HashSet<>();
        for (int i = 0; i < values.size(); i++) {
            T value = values.get(i);
            v.check(value != null, field + "[" + i + "]", "is not one of the documented values");
            v.check(value == null || seen.add(value), field + "[" + i + "]", "is listed twice");
        }
    }
}
