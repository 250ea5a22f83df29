package org.sqm.standards.mapping;

import static org.sqm.commons.convert.ProtoTime.timestamp;
import static org.sqm.commons.convert.Texts.emptyToNull;
import static org.sqm.commons.convert.Texts.nullToEmpty;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.sqm.commons.convert.ProtoEnums;
import org.sqm.commons.convert.ProtoTime;
import org.sqm.commons.error.Violations;
import org.sqm.commons.persistence.Etags;
import org.sqm.proto.common.v1.Severity;
import org.sqm.proto.standards.v1.Criterion;
import org.sqm.proto.standards.v1.Element;
import org.sqm.proto.standards.v1.RatingLevel;
import org.sqm.proto.standards.v1.RatingScale;
import org.sqm.proto.standards.v1.RatingScaleKind;
import org.sqm.proto.standards.v1.ServiceChannel;
import org.sqm.proto.standards.v1.ServiceLevelTarget;
import org.sqm.proto.standards.v1.Standard;
import org.sqm.proto.standards.v1.StandardStatus;
import org.sqm.proto.standards.v1.SubCriterion;
import org.sqm.proto.standards.v1.UnitType;
import org.sqm.standards.domain.StandardContent;
import org.sqm.standards.domain.StandardEntity;
import org.sqm.standards.service.StandardService.StandardDraft;

/** Translates between the standard contract and the standard entity and its content. */
public final class StandardMapper {

    private StandardMapper() {}

    /** The whole version; {@code withTree} false leaves out rating scale and criteria (lists). */
    public static Standard toProto(StandardEntity e, boolean withTree) {
        Standard.Builder s = Standard.newBuilder()
                .setId(e.id.toString())
                .setCode(e.code)
                .setVersion(e.versionNumber)
                .setTitle(e.title)
                .setDescription(nullToEmpty(e.description))
                .setStatus(ProtoEnums.toProto(e.status, StandardStatus.class))
                .setEffectiveFrom(Objects.toString(e.effectiveFrom, ""))
                .setEffectiveUntil(Objects.toString(e.effectiveUntil, ""))
                .addAllUnitTypes(e.unitTypes.stream()
                        .map(t -> ProtoEnums.toProto(t, UnitType.class))
                        .toList())
                .addAllChannels(e.channels.stream()
                        .map(c -> ProtoEnums.toProto(c, ServiceChannel.class))
                        .toList())
                .setEtag(Etags.of(e.revision))
                .setCreateTime(timestamp(e.createTime))
                .setUpdateTime(timestamp(e.updateTime))
                .setElementCount(e.content.elementCount());
        if (e.publishTime != null) {
            s.setPublishTime(timestamp(e.publishTime));
        }
        if (e.retireTime != null) {
            s.setRetireTime(timestamp(e.retireTime));
        }
        if (withTree) {
            if (e.content.ratingScale() != null) {
                s.setRatingScale(toProto(e.content.ratingScale()));
            }
            e.content.criteria().forEach(c -> s.addCriteria(toProto(c)));
            e.content.serviceLevelTargets().forEach(t -> s.addServiceLevelTargets(toProto(t)));
        }
        return s.build();
    }

    /** A target rule as the contract states it. */
    public static ServiceLevelTarget toProto(StandardContent.ServiceLevelTarget t) {
        ServiceLevelTarget.Builder b = ServiceLevelTarget.newBuilder()
                .setCategory(nullToEmpty(t.category()))
                .setUnitType(ProtoEnums.toProto(t.unitType(), UnitType.class))
                .setChannel(ProtoEnums.toProto(t.channel(), ServiceChannel.class))
                .setSeverity(ProtoEnums.toProto(t.severity(), Severity.class));
        if (t.acknowledgeWithin() != null) {
            b.setAcknowledgeWithin(duration(t.acknowledgeWithin()));
        }
        if (t.firstResponseWithin() != null) {
            b.setFirstResponseWithin(duration(t.firstResponseWithin()));
        }
        if (t.resolveWithin() != null) {
            b.setResolveWithin(duration(t.resolveWithin()));
        }
        if (t.callBackWithin() != null) {
            b.setCallBackWithin(duration(t.callBackWithin()));
        }
        return b.build();
    }

    private static com.google.protobuf.Duration duration(String iso) {
        return ProtoTime.duration(Duration.parse(iso));
    }

    private static String iso(boolean has, com.google.protobuf.Duration d) {
        Duration duration = ProtoTime.durationOrNull("service_level_targets", has, d);
        return duration == null ? null : duration.toString();
    }

    /** The caller's target rules; an unknown enum number is an invalid field. */
    private static List<StandardContent.ServiceLevelTarget> targets(List<ServiceLevelTarget> targets) {
        Violations v = new Violations();
        List<StandardContent.ServiceLevelTarget> out = new ArrayList<>();
        for (int i = 0; i < targets.size(); i++) {
            ServiceLevelTarget t = targets.get(i);
            String f = "standard.service_level_targets[" + i + "]";
            v.check(t.getUnitType() != UnitType.UNRECOGNIZED, f + ".unit_type", "is not one of the documented values");
            v.check(
                    t.getChannel() != ServiceChannel.UNRECOGNIZED,
                    f + ".channel",
                    "is not one of the documented values");
            v.check(t.getSeverity() != Severity.UNRECOGNIZED, f + ".severity", "is not one of the documented values");
            out.add(new StandardContent.ServiceLevelTarget(
                    ProtoEnums.toDomain(t.getUnitType(), org.sqm.standards.domain.UnitType.class),
                    ProtoEnums.toDomain(t.getChannel(), org.sqm.standards.domain.ServiceChannel.class),
                    emptyToNull(t.getCategory()),
                    ProtoEnums.toDomain(t.getSeverity(), org.sqm.standards.domain.Severity.class),
                    iso(t.hasAcknowledgeWithin(), t.getAcknowledgeWithin()),
                    iso(t.hasFirstResponseWithin(), t.getFirstResponseWithin()),
                    iso(t.hasResolveWithin(), t.getResolveWithin()),
                    iso(t.hasCallBackWithin(), t.getCallBackWithin())));
        }
        v.throwIfAny();
        return out;
    }

    private static RatingScale toProto(StandardContent.RatingScale scale) {
        RatingScale.Builder r = RatingScale.newBuilder()
                .setAllowNotApplicable(scale.allowNotApplicable())
                .setMinScore(scale.minScore())
                .setMaxScore(scale.maxScore())
                .setPassScore(scale.passScore())
                .setKind(ProtoEnums.toProto(scale.kind(), RatingScaleKind.class));
        scale.levels()
                .forEach(l -> r.addLevels(RatingLevel.newBuilder()
                        .setCode(nullToEmpty(l.code()))
                        .setLabel(nullToEmpty(l.label()))
                        .setPoints(l.points())
                        .setMeetsRequirement(l.meetsRequirement())));
        return r.build();
    }

    private static Criterion toProto(StandardContent.Criterion c) {
        Criterion.Builder b = Criterion.newBuilder()
                .setCode(nullToEmpty(c.code()))
                .setTitle(nullToEmpty(c.title()))
                .setDescription(nullToEmpty(c.description()))
                .setWeight(c.weight());
        for (StandardContent.SubCriterion s : c.subCriteria()) {
            SubCriterion.Builder sb = SubCriterion.newBuilder()
                    .setCode(nullToEmpty(s.code()))
                    .setTitle(nullToEmpty(s.title()))
                    .setDescription(nullToEmpty(s.description()))
                    .setWeight(s.weight());
            for (StandardContent.Element el : s.elements()) {
                sb.addElements(Element.newBuilder()
                        .setCode(nullToEmpty(el.code()))
                        .setTitle(nullToEmpty(el.title()))
                        .setGuidance(nullToEmpty(el.guidance()))
                        .setWeight(el.weight())
                        .setMandatory(el.mandatory())
                        .setCritical(el.critical()));
            }
            b.addSubCriteria(sb);
        }
        return b.build();
    }

    /** The caller's standard as a draft; unknown enum numbers become null entries. */
    public static StandardDraft toDraft(Standard s) {
        return new StandardDraft(
                s.getCode(),
                s.getTitle(),
                s.getDescription(),
                s.getEffectiveFrom(),
                s.getEffectiveUntil(),
                s.getUnitTypesList().stream()
                        .map(t -> ProtoEnums.toDomain(t, org.sqm.standards.domain.UnitType.class))
                        .collect(Collectors.toList()),
                s.getChannelsList().stream()
                        .map(c -> ProtoEnums.toDomain(c, org.sqm.standards.domain.ServiceChannel.class))
                        .collect(Collectors.toList()),
                new StandardContent(
                        s.hasRatingScale() ? toDomain(s.getRatingScale()) : null,
                        s.getCriteriaList().stream()
                                .map(StandardMapper::toDomain)
                                .toList(),
                        targets(s.getServiceLevelTargetsList())));
    }

    private static StandardContent.RatingScale toDomain(RatingScale r) {
        return new StandardContent.RatingScale(
                ProtoEnums.toDomain(r.getKind(), StandardContent.ScaleKind.class),
                r.getLevelsList().stream()
                        .map(l -> new StandardContent.RatingLevel(
                                l.getCode(), l.getLabel(), l.getPoints(), l.getMeetsRequirement()))
                        .toList(),
                r.getAllowNotApplicable(),
                r.getMinScore(),
                r.getMaxScore(),
                r.getPassScore());
    }

    private static StandardContent.Criterion toDomain(Criterion c) {
        return new StandardContent.Criterion(
                c.getCode(),
                c.getTitle(),
                emptyToNull(c.getDescription()),
                c.getWeight(),
                c.getSubCriteriaList().stream()
                        .map(s -> new StandardContent.SubCriterion(
                                s.getCode(),
                                s.getTitle(),
                                emptyToNull(s.getDescription()),
                                s.getWeight(),
                                s.getElementsList().stream()
                                        .map(e -> new StandardContent.Element(
                                                e.getCode(),
                                                e.getTitle(),
                                                emptyToNull(e.getGuidance()),
                                                e.getWeight(),
                                                e.getMandatory(),
                                                e.getCritical()))
                                        .toList()))
                        .toList());
    }
}
