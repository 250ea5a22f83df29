package org.sqm.inspection.mapping;

import static org.sqm.commons.convert.ProtoTime.timestamp;

import java.util.ArrayList;
import org.sqm.commons.persistence.Etags;
import org.sqm.inspection.domain.InspectionPlanEntity;
import org.sqm.inspection.service.PlanService;
import org.sqm.proto.inspection.v1.AuthorityLevel;
import org.sqm.proto.inspection.v1.Cadence;
import org.sqm.proto.inspection.v1.InspectionKind;
import org.sqm.proto.inspection.v1.InspectionPlan;
import org.sqm.proto.inspection.v1.PlanTargets;
import org.sqm.proto.standards.v1.UnitType;

/** Translates between the plan contract and the plan entity. */
public final class PlanMapper {

    private PlanMapper() {}

    public static PlanService.NewPlan toNewPlan(InspectionPlan plan) {
        PlanTargets t = plan.getTargets();
        return new PlanService.NewPlan(
                plan.getName(),
                Enums.toDomain(plan.getKind(), "INSPECTION_KIND_", org.sqm.inspection.domain.InspectionKind.class),
                Enums.toDomain(
                        plan.getAuthorityLevel(), "AUTHORITY_LEVEL_", org.sqm.inspection.domain.AuthorityLevel.class),
                plan.getStandardCode(),
                new ArrayList<>(t.getUnitIdsList()),
                t.getParentUnitId(),
                t.getUnitType() == UnitType.UNIT_TYPE_UNSPECIFIED || t.getUnitType() == UnitType.UNRECOGNIZED
                        ? null
                        : t.getUnitType().name().substring("UNIT_TYPE_".length()),
                Enums.toDomain(plan.getCadence(), "CADENCE_", org.sqm.inspection.domain.Cadence.class),
                new ArrayList<>(plan.getExplicitDatesList()),
                plan.getStartDate(),
                plan.getEndDate(),
                plan.getTimeZone());
    }

    public static InspectionPlan toProto(InspectionPlanEntity e) {
        PlanTargets.Builder targets = PlanTargets.newBuilder()
                .addAllUnitIds(e.targetUnitIds.stream().map(Object::toString).toList());
        if (e.targetParentId != null) {
            targets.setParentUnitId(e.targetParentId.toString())
                    .setUnitType(UnitType.valueOf("UNIT_TYPE_" + e.targetUnitType));
        }
        return InspectionPlan.newBuilder()
                .setId(e.id.toString())
                .setName(e.name)
                .setKind(Enums.toProto(e.kind, "INSPECTION_KIND_", InspectionKind.class))
                .setAuthorityLevel(Enums.toProto(e.authorityLevel, "AUTHORITY_LEVEL_", AuthorityLevel.class))
                .setStandardCode(e.standardCode)
                .setTargets(targets)
                .setCadence(Enums.toProto(e.cadence, "CADENCE_", Cadence.class))
                .addAllExplicitDates(
                        e.explicitDates.stream().map(Object::toString).toList())
                .setStartDate(e.startDate.toString())
                .setEndDate(e.endDate.toString())
                .setTimeZone(e.timeZone)
                .setCreateTime(timestamp(e.createTime))
                .setEtag(Etags.of(e.version))
                .build();
    }
}
