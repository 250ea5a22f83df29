package org.sqm.inspection.mapping;

import static org.sqm.commons.convert.ProtoTime.timestamp;

import java.util.ArrayList;
import org.sqm.commons.convert.ProtoEnums;
import org.sqm.commons.persistence.Etags;
import org.sqm.inspection.domain.InspectionPlanEntity;
import org.sqm.inspection.service.PlanCreation;
import org.sqm.proto.inspection.v1.AuthorityLevel;
import org.sqm.proto.inspection.v1.Cadence;
import org.sqm.proto.inspection.v1.InspectionKind;
import org.sqm.proto.inspection.v1.InspectionPlan;
import org.sqm.proto.inspection.v1.PlanTargets;
import org.sqm.proto.standards.v1.UnitType;

/** Translates between the plan contract and the plan entity. */
public final class PlanMapper {

    private PlanMapper() {}

    public static PlanCreation.NewPlan toNewPlan(InspectionPlan plan) {
        PlanTargets t = plan.getTargets();
        return new PlanCreation.NewPlan(
                plan.getName(),
                ProtoEnums.toDomain(plan.getKind(), org.sqm.inspection.domain.InspectionKind.class),
                ProtoEnums.toDomain(plan.getAuthorityLevel(), org.sqm.inspection.domain.AuthorityLevel.class),
                plan.getStandardCode(),
                new ArrayList<>(t.getUnitIdsList()),
                t.getParentUnitId(),
                ProtoEnums.shortName(t.getUnitType()),
                ProtoEnums.toDomain(plan.getCadence(), org.sqm.inspection.domain.Cadence.class),
                new ArrayList<>(plan.getExplicitDatesList()),
                plan.getStartDate(),
                plan.getEndDate(),
                plan.getTimeZone(),
                plan.getSampleSize());
    }

    public static InspectionPlan toProto(InspectionPlanEntity e) {
        PlanTargets.Builder targets = PlanTargets.newBuilder()
                .addAllUnitIds(e.targetUnitIds.stream().map(Object::toString).toList());
        if (e.targetParentId != null) {
            targets.setParentUnitId(e.targetParentId.toString())
                    .setUnitType(ProtoEnums.fromShortName(e.targetUnitType, UnitType.class));
        }
        return InspectionPlan.newBuilder()
                .setId(e.id.toString())
                .setName(e.name)
                .setKind(ProtoEnums.toProto(e.kind, InspectionKind.class))
                .setAuthorityLevel(ProtoEnums.toProto(e.authorityLevel, AuthorityLevel.class))
                .setStandardCode(e.standardCode)
                .setTargets(targets)
                .setCadence(ProtoEnums.toProto(e.cadence, Cadence.class))
                .addAllExplicitDates(
                        e.explicitDates.stream().map(Object::toString).toList())
                .setStartDate(e.startDate.toString())
                .setEndDate(e.endDate.toString())
                .setTimeZone(e.timeZone)
                .setSampleSize(e.sampleSize)
                .setCreateTime(timestamp(e.createTime))
                .setEtag(Etags.of(e.version))
                .build();
    }
}
