package org.sqm.scoring.service;

import static org.sqm.commons.convert.ProtoTime.timestamp;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.sqm.commons.error.Violations;
import org.sqm.proto.inspection.v1.AuthorityLevel;
import org.sqm.proto.scoring.v1.AccreditationRules;
import org.sqm.scoring.domain.AccreditationRulesEntity;

/**
 * Accreditation rules as the contract's {@code AccreditationRules} message: normalised, checked
 * (every bad field and every contradiction named at once), stored as proto JSON and read back.
 */
public final class AccreditationRulesDocument {

    private static final JsonFormat.Printer PRINTER = JsonFormat.printer().omittingInsignificantWhitespace();
    private static final JsonFormat.Parser PARSER = JsonFormat.parser();
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final String CODE_RULE = "must be 1 to 64 characters of letters, digits, '-', '_' and '.'";
    private static final int MAX_LEVELS = 10;

    private AccreditationRulesDocument() {}

    /** The rules as a caller means them: output-only fields cleared, texts stripped of surrounding blanks. */
    public static AccreditationRules normalised(AccreditationRules rules) {
        AccreditationRules.Builder b = rules.toBuilder()
                .clearId()
                .clearVersion()
                .clearCreateTime()
                .setCode(rules.getCode().strip())
                .setName(rules.getName().strip())
                .setStandardCode(rules.getStandardCode().strip())
                .clearNonComplianceLevelCodes()
                .clearPartialComplianceLevelCodes()
                .clearCompliancePlusLevelCodes();
        rules.getNonComplianceLevelCodesList().forEach(c -> b.addNonComplianceLevelCodes(c.strip()));
        rules.getPartialComplianceLevelCodesList().forEach(c -> b.addPartialComplianceLevelCodes(c.strip()));
        rules.getCompliancePlusLevelCodesList().forEach(c -> b.addCompliancePlusLevelCodes(c.strip()));
        return b.build();
    }

    /** Adds a violation under {@code path} (e.g. "rules") for every bad field and every contradiction. */
    public static void check(AccreditationRules r, String path, Violations v) {
        String at = path + ".";
        v.requirePattern(at + "code", r.getCode(), CODE, CODE_RULE);
        v.requireText(at + "name", r.getName(), 200);
        v.requirePattern(at + "standard_code", r.getStandardCode(), CODE, CODE_RULE);
        Map<String, String> listOf = new HashMap<>();
        levels(at + "non_compliance_level_codes", r.getNonComplianceLevelCodesList(), 1, listOf, v);
        levels(at + "partial_compliance_level_codes", r.getPartialComplianceLevelCodesList(), 1, listOf, v);
        levels(at + "compliance_plus_level_codes", r.getCompliancePlusLevelCodesList(), 0, listOf, v);
        v.check(r.getMaxNonCompliances() >= 0, at + "max_non_compliances", "must be at least 0");
        v.check(
                !r.hasMaxPartialsPerCriterion() || r.getMaxPartialsPerCriterion() >= 0,
                at + "max_partials_per_criterion",
                "must be at least 0, or unset for no limit per criterion");
        v.check(
                !r.hasMaxPartialsTotal() || r.getMaxPartialsTotal() >= 0,
                at + "max_partials_total",
                "must be at least 0, or unset for no total limit");
        v.check(
                !r.hasMaxPartialsPerCriterion()
                        || !r.hasMaxPartialsTotal()
                        || r.getMaxPartialsTotal() < 0
                        || r.getMaxPartialsPerCriterion() <= r.getMaxPartialsTotal(),
                at + "max_partials_per_criterion",
                "must not exceed max_partials_total (" + r.getMaxPartialsTotal()
                        + "): one criterion cannot be allowed more partial compliances than the whole assessment");
        boolean dueInRange = between(r.getActionPlanDueMonths(), 1, 24);
        boolean validityInRange = between(r.getValidityMonths(), 1, 120);
        boolean reviewValid = r.getReviewIntervalMonths() >= 1;
        v.check(dueInRange, at + "action_plan_due_months", "must be 1 to 24");
        v.check(validityInRange, at + "validity_months", "must be 1 to 120");
        v.check(reviewValid, at + "review_interval_months", "must be at least 1");
        v.check(
                !reviewValid || !validityInRange || r.getReviewIntervalMonths() < r.getValidityMonths(),
                at + "review_interval_months",
                "must be shorter than validity_months (" + r.getValidityMonths() + ")");
        v.check(
                !dueInRange || !reviewValid || r.getActionPlanDueMonths() < r.getReviewIntervalMonths(),
                at + "action_plan_due_months",
                "must be shorter than review_interval_months (" + r.getReviewIntervalMonths()
                        + "): the action plan is due before the next review");
        v.check(between(r.getReviewWindowDays(), 1, 180), at + "review_window_days", "must be 1 to 180");
        v.check(r.getReviewGraceDays() >= 0, at + "review_grace_days", "must be at least 0");
        v.requireEnum(
                at + "assessment_authority_level",
                r.getAssessmentAuthorityLevel() != AuthorityLevel.AUTHORITY_LEVEL_UNSPECIFIED
                        && r.getAssessmentAuthorityLevel() != AuthorityLevel.UNRECOGNIZED);
    }

    private static void levels(String field, List<String> codes, int min, Map<String, String> listOf, Violations v) {
        v.check(
                codes.size() >= min && codes.size() <= MAX_LEVELS,
                field,
                min == 0
                        ? "must have at most " + MAX_LEVELS + " level codes"
                        : "must have 1 to " + MAX_LEVELS + " level codes");
        String list = field.substring(field.lastIndexOf('.') + 1);
        for (int i = 0; i < codes.size(); i++) {
            String code = codes.get(i);
            String at = field + "[" + i + "]";
            if (!CODE.matcher(code).matches()) {
                v.check(false, at, CODE_RULE);
                continue;
            }
            String earlier = listOf.putIfAbsent(code, list);
            if (earlier != null) {
                v.check(
                        false,
                        at,
                        earlier.equals(list)
                                ? code + " is repeated"
                                : code + " is also in " + earlier + ": a level counts as one thing only");
            }
        }
    }

    /** Whether a code (of rules, a standard or a level) has the form codes have. */
    public static boolean wellFormedCode(String code) {
        return CODE.matcher(code).matches();
    }

    private static boolean between(int value, int min, int max) {
        return value >= min && value <= max;
    }

    /** The stored document: the rules without id, code, version, name and time. */
    public static String definition(AccreditationRules rules) {
        return json(rules.toBuilder()
                .clearId()
                .clearCode()
                .clearVersion()
                .clearName()
                .clearCreateTime()
                .build());
    }

    /** The proto JSON of a message, without insignificant whitespace. */
    public static String json(Message message) {
        try {
            return PRINTER.print(message);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("a stored message always prints", e);
        }
    }

    /** Reads a stored proto JSON document into {@code builder}. */
    public static <B extends Message.Builder> B parse(String json, B builder) {
        try {
            PARSER.merge(json, builder);
            return builder;
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("a stored document always parses", e);
        }
    }

    /** The version as the contract's message, every output-only field included. */
    public static AccreditationRules toProto(AccreditationRulesEntity e) {
        return parse(e.definition, AccreditationRules.newBuilder())
                .setId(e.id.toString())
                .setCode(e.code)
                .setVersion(e.versionNumber)
                .setName(e.name)
                .setStandardCode(e.standardCode)
                .setCreateTime(timestamp(e.createTime))
                .build();
    }

    /** Whether a stored version says what {@code rules} says. */
    public static boolean sameAs(AccreditationRules rules, AccreditationRulesEntity e) {
        return normalised(toProto(e)).equals(normalised(rules));
    }
}
