package org.sqm.scoring.mapping;

import static org.sqm.commons.convert.ProtoTime.timestamp;

import org.sqm.proto.scoring.v1.DeductionRule;
import org.sqm.scoring.domain.DeductionRuleEntity;
import org.sqm.scoring.service.DeductionRuleService.NewDeductionRule;

/** Translates between the deduction rule contract and its entity. */
public final class DeductionRuleMapper {

    private DeductionRuleMapper() {}

    public static DeductionRule toProto(DeductionRuleEntity entity) {
        return DeductionRule.newBuilder()
                .setId(entity.id.toString())
                .setCode(entity.code)
                .setDescription(entity.description)
                .setPointsMillis(entity.pointsMillis)
                .setCreateTime(timestamp(entity.createTime))
                .build();
    }

    public static NewDeductionRule toNewDeductionRule(DeductionRule rule) {
        return new NewDeductionRule(rule.getCode(), rule.getDescription(), rule.getPointsMillis());
    }
}
