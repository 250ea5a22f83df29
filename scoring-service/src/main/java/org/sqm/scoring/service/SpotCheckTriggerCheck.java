package org.sqm.scoring.service;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.sqm.commons.convert.ProtoEnums;
import org.sqm.commons.error.Violations;
import org.sqm.proto.scoring.v1.ComplaintRateAboveUpperQuartile;
import org.sqm.proto.scoring.v1.SatisfactionIndexDrop;
import org.sqm.proto.scoring.v1.SpotCheckSpec;
import org.sqm.proto.scoring.v1.SpotCheckTrigger;

/**
 * The rules a scoring model's spot-check triggers must meet, every broken one named by its field path,
 * e.g. {@code scoring_model.spot_check_triggers[0].spot_check.window_days}.
 */
final class SpotCheckTriggerCheck {

    static final int MAX_TRIGGERS = 10;
    static final int MAX_CONSECUTIVE_MONTHS = 12;
    static final double MAX_POINTS = 100;
    static final int MAX_WINDOW_DAYS = 90;

    private SpotCheckTriggerCheck() {}

    static void check(List<SpotCheckTrigger> triggers, String path, Violations v) {
        v.check(triggers.size() <= MAX_TRIGGERS, path, "must hold at most " + MAX_TRIGGERS + " triggers");
        Map<String, Integer> codes = new HashMap<>();
        for (int i = 0; i < triggers.size(); i++) {
            SpotCheckTrigger t = triggers.get(i);
            String at = path + "[" + i + "]";
            v.requirePattern(
                    at + ".code",
                    t.getCode(),
                    DeductionRuleService.CODE,
                    "must be 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit");
            Integer first = t.getCode().isBlank() ? null : codes.putIfAbsent(t.getCode(), i);
            v.check(first == null, at + ".code", "repeats the code of " + path + "[" + first + "]");
            switch (t.getConditionCase()) {
                case COMPLAINT_RATE_ABOVE_UPPER_QUARTILE -> quartile(
                        t.getComplaintRateAboveUpperQuartile(), at + ".complaint_rate_above_upper_quartile", v);
                case SATISFACTION_INDEX_DROP -> drop(t.getSatisfactionIndexDrop(), at + ".satisfaction_index_drop", v);
                default -> v.check(
                        false,
                        at + ".condition",
                        "is required: complaint_rate_above_upper_quartile or satisfaction_index_drop");
            }
            if (t.hasSpotCheck()) {
                spec(t.getSpotCheck(), at + ".spot_check", v);
            } else {
                v.check(false, at + ".spot_check", "is required: the standard, authority and window to request");
            }
        }
    }

    private static void quartile(ComplaintRateAboveUpperQuartile q, String path, Violations v) {
        v.check(
                        q.getConsecutiveMonths() >= 1 && q.getConsecutiveMonths() <= MAX_CONSECUTIVE_MONTHS,
                        path + ".consecutive_months",
                        "must be between 1 and " + MAX_CONSECUTIVE_MONTHS)
                .check(q.getMinUnits() >= 0, path + ".min_units", "must be at least 0 (0 means 4)");
    }

    private static void drop(SatisfactionIndexDrop d, String path, Violations v) {
        v.check(
                        d.getPoints() > 0 && d.getPoints() <= MAX_POINTS,
                        path + ".points",
                        "must be above 0 and at most " + (int) MAX_POINTS)
                .check(d.getMinSample() >= 0, path + ".min_sample", "must be at least 0 (0 means 30)");
    }

    private static void spec(SpotCheckSpec s, String path, Violations v) {
        v.requirePattern(
                        path + ".standard_code",
                        s.getStandardCode(),
                        DeductionRuleService.CODE,
                        "must be 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit")
                .requireEnum(path + ".authority_level", ProtoEnums.shortName(s.getAuthorityLevel()) != null)
                .check(
                        s.getWindowDays() >= 1 && s.getWindowDays() <= MAX_WINDOW_DAYS,
                        path + ".window_days",
                        "must be between 1 and " + MAX_WINDOW_DAYS);
    }
}
