package org.sqm.gateway.rest.standards;

import static org.sqm.commons.convert.Texts.emptyToNull;
import static org.sqm.commons.convert.Texts.nullToEmpty;

import java.util.ArrayList;
import java.util.List;
import org.sqm.commons.convert.ProtoEnums;
import org.sqm.gateway.rest.http.Times;
import org.sqm.gateway.rest.standards.StandardViews.Criterion;
import org.sqm.gateway.rest.standards.StandardViews.Element;
import org.sqm.gateway.rest.standards.StandardViews.RatingLevel;
import org.sqm.gateway.rest.standards.StandardViews.RatingScale;
import org.sqm.gateway.rest.standards.StandardViews.ScaleKind;
import org.sqm.gateway.rest.standards.StandardViews.ServiceChannel;
import org.sqm.gateway.rest.standards.StandardViews.ServiceLevelTarget;
import org.sqm.gateway.rest.standards.StandardViews.ServiceLevelView;
import org.sqm.gateway.rest.standards.StandardViews.Severity;
import org.sqm.gateway.rest.standards.StandardViews.StandardBody;
import org.sqm.gateway.rest.standards.StandardViews.StandardView;
import org.sqm.gateway.rest.standards.StandardViews.SubCriterion;
import org.sqm.gateway.rest.standards.UnitViews.UnitType;
import org.sqm.proto.standards.v1.RatingScaleKind;
import org.sqm.proto.standards.v1.ServiceLevel;
import org.sqm.proto.standards.v1.Standard;

/** Translates standards and service levels between their REST and protobuf shapes. */
final class StandardMapping {

    private StandardMapping() {}

    static Standard.Builder standard(StandardBody body) {
        Standard.Builder standard = Standard.newBuilder()
                .setCode(nullToEmpty(body.code()))
                .setTitle(nullToEmpty(body.title()))
                .setDescription(nullToEmpty(body.description()))
                .setEffectiveFrom(nullToEmpty(body.effectiveFrom()))
                .setEffectiveUntil(nullToEmpty(body.effectiveUntil()))
                .addAllUnitTypes(unitTypes(body.unitTypes()))
                .addAllChannels(channels(body.channels()))
                .addAllCriteria(criteria(body.criteria()))
                .addAllServiceLevelTargets(targets(body.serviceLevelTargets()));
        if (body.ratingScale() != null) {
            standard.setRatingScale(ratingScale(body.ratingScale()));
        }
        return standard;
    }

    static StandardView view(Standard s) {
        return new StandardView(
                s.getId(),
                s.getCode(),
                s.getVersion(),
                s.getTitle(),
                emptyToNull(s.getDescription()),
                ProtoEnums.shortName(s.getStatus()),
                emptyToNull(s.getEffectiveFrom()),
                emptyToNull(s.getEffectiveUntil()),
                s.getUnitTypesList().stream()
                        .map(t -> ProtoEnums.toDomain(t, UnitType.class))
                        .toList(),
                s.getChannelsList().stream()
                        .map(c -> ProtoEnums.toDomain(c, ServiceChannel.class))
                        .toList(),
                s.hasRatingScale() ? view(s.getRatingScale()) : null,
                s.getCriteriaList().stream().map(StandardMapping::view).toList(),
                s.getServiceLevelTargetsList().stream()
                        .map(StandardMapping::view)
                        .toList(),
                s.getElementCount(),
                s.getEtag(),
                Times.text(s.getCreateTime()),
                Times.text(s.getUpdateTime()),
                Times.textOrNull(s.hasPublishTime(), s.getPublishTime()),
                Times.textOrNull(s.hasRetireTime(), s.getRetireTime()));
    }

    static ServiceLevelView view(ServiceLevel level) {
        return new ServiceLevelView(
                view(level.getTarget()),
                level.getCalendarId(),
                level.getCalendarCode(),
                level.getCalendarTimeZone(),
                level.getCalendarUnitId(),
                level.getStandardId(),
                level.getStandardCode(),
                level.getStandardVersion(),
                level.getRuleIndex(),
                level.getSpecificity());
    }

    private static RatingScale view(org.sqm.proto.standards.v1.RatingScale r) {
        return new RatingScale(
                ProtoEnums.toDomain(r.getKind(), ScaleKind.class),
                r.getLevelsList().stream()
                        .map(l -> new RatingLevel(l.getCode(), l.getLabel(), l.getPoints(), l.getMeetsRequirement()))
                        .toList(),
                r.getAllowNotApplicable(),
                r.getMinScore(),
                r.getMaxScore(),
                r.getPassScore());
    }

    private static Criterion view(org.sqm.proto.standards.v1.Criterion c) {
        return new Criterion(
                c.getCode(),
                c.getTitle(),
                emptyToNull(c.getDescription()),
                c.getWeight(),
                c.getSubCriteriaList().stream()
                        .map(s -> new SubCriterion(
                                s.getCode(),
                                s.getTitle(),
                                emptyToNull(s.getDescription()),
                                s.getWeight(),
                                s.getElementsList().stream()
                                        .map(e -> new Element(
                                                e.getCode(),
                                                e.getTitle(),
                                                emptyToNull(e.getGuidance()),
                                                e.getWeight(),
                                                e.getMandatory(),
                                                e.getCritical()))
                                        .toList()))
                        .toList());
    }

    static ServiceLevelTarget view(org.sqm.proto.standards.v1.ServiceLevelTarget t) {
        return new ServiceLevelTarget(
                ProtoEnums.toDomain(t.getUnitType(), UnitType.class),
                ProtoEnums.toDomain(t.getChannel(), ServiceChannel.class),
                emptyToNull(t.getCategory()),
                ProtoEnums.toDomain(t.getSeverity(), Severity.class),
                Times.textOrNull(t.hasAcknowledgeWithin(), t.getAcknowledgeWithin()),
                Times.textOrNull(t.hasFirstResponseWithin(), t.getFirstResponseWithin()),
                Times.textOrNull(t.hasResolveWithin(), t.getResolveWithin()),
                Times.textOrNull(t.hasCallBackWithin(), t.getCallBackWithin()));
    }

    /** The unit types; a null item stays UNSPECIFIED, which the backend reports by its index. */
    static List<org.sqm.proto.standards.v1.UnitType> unitTypes(List<UnitType> types) {
        return types == null
                ? List.of()
                : types.stream()
                        .map(t -> ProtoEnums.toProto(t, org.sqm.proto.standards.v1.UnitType.class))
                        .toList();
    }

    /** The channels; a null item stays UNSPECIFIED, which the backend reports by its index. */
    static List<org.sqm.proto.standards.v1.ServiceChannel> channels(List<ServiceChannel> channels) {
        return channels == null
                ? List.of()
                : channels.stream()
                        .map(c -> ProtoEnums.toProto(c, org.sqm.proto.standards.v1.ServiceChannel.class))
                        .toList();
    }

    static org.sqm.proto.standards.v1.RatingScale ratingScale(RatingScale r) {
        var scale = org.sqm.proto.standards.v1.RatingScale.newBuilder()
                .setKind(ProtoEnums.toProto(r.kind(), RatingScaleKind.class))
                .setAllowNotApplicable(r.allowNotApplicable())
                .setMinScore(r.minScore())
                .setMaxScore(r.maxScore())
                .setPassScore(r.passScore());
        if (r.levels() != null) {
            for (RatingLevel l : r.levels()) {
                if (l != null) {
                    scale.addLevels(org.sqm.proto.standards.v1.RatingLevel.newBuilder()
                            .setCode(nullToEmpty(l.code()))
                            .setLabel(nullToEmpty(l.label()))
                            .setPoints(l.points())
                            .setMeetsRequirement(l.meetsRequirement()));
                }
            }
        }
        return scale.build();
    }

    /** The criteria tree; a null node stays an empty node, which the backend reports by its path. */
    static List<org.sqm.proto.standards.v1.Criterion> criteria(List<Criterion> criteria) {
        if (criteria == null) {
            return List.of();
        }
        return criteria.stream()
                .map(c -> {
                    var criterion = org.sqm.proto.standards.v1.Criterion.newBuilder();
                    if (c != null) {
                        criterion
                                .setCode(nullToEmpty(c.code()))
                                .setTitle(nullToEmpty(c.title()))
                                .setDescription(nullToEmpty(c.description()))
                                .setWeight(c.weight());
                        for (SubCriterion s : c.subCriteria() == null ? List.<SubCriterion>of() : c.subCriteria()) {
                            criterion.addSubCriteria(subCriterion(s));
                        }
                    }
                    return criterion.build();
                })
                .toList();
    }

    private static org.sqm.proto.standards.v1.SubCriterion subCriterion(SubCriterion s) {
        var sub = org.sqm.proto.standards.v1.SubCriterion.newBuilder();
        if (s != null) {
            sub.setCode(nullToEmpty(s.code()))
                    .setTitle(nullToEmpty(s.title()))
                    .setDescription(nullToEmpty(s.description()))
                    .setWeight(s.weight());
            for (Element e : s.elements() == null ? List.<Element>of() : s.elements()) {
                var element = org.sqm.proto.standards.v1.Element.newBuilder();
                if (e != null) {
                    element.setCode(nullToEmpty(e.code()))
                            .setTitle(nullToEmpty(e.title()))
                            .setGuidance(nullToEmpty(e.guidance()))
                            .setWeight(e.weight())
                            .setMandatory(e.mandatory())
                            .setCritical(e.critical());
                }
                sub.addElements(element);
            }
        }
        return sub.build();
    }

    /** The service-level rules; a bad duration is a 400 naming it, e.g. serviceLevelTargets[0].resolveWithin. */
    static List<org.sqm.proto.standards.v1.ServiceLevelTarget> targets(List<ServiceLevelTarget> targets) {
        if (targets == null) {
            return List.of();
        }
        List<org.sqm.proto.standards.v1.ServiceLevelTarget> out = new ArrayList<>();
        for (int i = 0; i < targets.size(); i++) {
            ServiceLevelTarget t = targets.get(i);
            var rule = org.sqm.proto.standards.v1.ServiceLevelTarget.newBuilder();
            if (t != null) {
                String f = "serviceLevelTargets[" + i + "].";
                rule.setCategory(nullToEmpty(t.category()))
                        .setUnitType(ProtoEnums.toProto(t.unitType(), org.sqm.proto.standards.v1.UnitType.class))
                        .setChannel(ProtoEnums.toProto(t.channel(), org.sqm.proto.standards.v1.ServiceChannel.class))
                        .setSeverity(ProtoEnums.toProto(t.severity(), org.sqm.proto.common.v1.Severity.class));
                if (t.acknowledgeWithin() != null) {
                    rule.setAcknowledgeWithin(Times.duration(f + "acknowledgeWithin", t.acknowledgeWithin()));
                }
                if (t.firstResponseWithin() != null) {
                    rule.setFirstResponseWithin(Times.duration(f + "firstResponseWithin", t.firstResponseWithin()));
                }
                if (t.resolveWithin() != null) {
                    rule.setResolveWithin(Times.duration(f + "resolveWithin", t.resolveWithin()));
                }
                if (t.callBackWithin() != null) {
                    rule.setCallBackWithin(Times.duration(f + "callBackWithin", t.callBackWithin()));
                }
            }
            out.add(rule.build());
        }
        return out;
    }
}
