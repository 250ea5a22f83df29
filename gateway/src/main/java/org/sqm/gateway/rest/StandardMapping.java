package org.sqm.gateway.rest;

import static org.sqm.gateway.rest.Paging.emptyToNull;
import static org.sqm.gateway.rest.Paging.nz;

import java.util.ArrayList;
import java.util.List;
import org.sqm.gateway.rest.StandardViews.Criterion;
import org.sqm.gateway.rest.StandardViews.Element;
import org.sqm.gateway.rest.StandardViews.RatingLevel;
import org.sqm.gateway.rest.StandardViews.RatingScale;
import org.sqm.gateway.rest.StandardViews.ScaleKind;
import org.sqm.gateway.rest.StandardViews.ServiceChannel;
import org.sqm.gateway.rest.StandardViews.ServiceLevelTarget;
import org.sqm.gateway.rest.StandardViews.Severity;
import org.sqm.gateway.rest.StandardViews.StandardView;
import org.sqm.gateway.rest.StandardViews.SubCriterion;
import org.sqm.proto.standards.v1.RatingScaleKind;
import org.sqm.proto.standards.v1.Standard;

/** Translates standards between their REST and protobuf shapes. */
final class StandardMapping {

    private static final String CHANNEL = "SERVICE_CHANNEL_";
    private static final String KIND = "RATING_SCALE_KIND_";
    private static final String STATUS = "STANDARD_STATUS_";
    private static final String TYPE = "UNIT_TYPE_";
    private static final String SEVERITY = "SEVERITY_";

    private StandardMapping() {}

    static StandardView toView(Standard s) {
        return new StandardView(
                s.getId(),
                s.getCode(),
                s.getVersion(),
                s.getTitle(),
                emptyToNull(s.getDescription()),
                s.getStatus().name().substring(STATUS.length()),
                emptyToNull(s.getEffectiveFrom()),
                emptyToNull(s.getEffectiveUntil()),
                s.getUnitTypesList().stream()
                        .map(t -> UnitType.valueOf(t.name().substring(TYPE.length())))
                        .toList(),
                s.getChannelsList().stream()
                        .map(c -> ServiceChannel.valueOf(c.name().substring(CHANNEL.length())))
                        .toList(),
                s.hasRatingScale() ? toView(s.getRatingScale()) : null,
                s.getCriteriaList().stream().map(StandardMapping::toView).toList(),
                s.getServiceLevelTargetsList().stream()
                        .map(StandardMapping::toView)
                        .toList(),
                s.getElementCount(),
                s.getEtag(),
                Times.toRest(s.getCreateTime()),
                Times.toRest(s.getUpdateTime()),
                s.hasPublishTime() ? Times.toRest(s.getPublishTime()) : null,
                s.hasRetireTime() ? Times.toRest(s.getRetireTime()) : null);
    }

    private static RatingScale toView(org.sqm.proto.standards.v1.RatingScale r) {
        return new RatingScale(
                r.getKind() == RatingScaleKind.RATING_SCALE_KIND_UNSPECIFIED
                        ? null
                        : ScaleKind.valueOf(r.getKind().name().substring(KIND.length())),
                r.getLevelsList().stream()
                        .map(l -> new RatingLevel(l.getCode(), l.getLabel(), l.getPoints(), l.getMeetsRequirement()))
                        .toList(),
                r.getAllowNotApplicable(),
                r.getMinScore(),
                r.getMaxScore(),
                r.getPassScore());
    }

    private static Criterion toView(org.sqm.proto.standards.v1.Criterion c) {
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

    static List<org.sqm.proto.standards.v1.UnitType> unitTypes(List<UnitType> types) {
        return types == null
                ? List.of()
                : types.stream()
                        .map(t -> t == null
                                ? org.sqm.proto.standards.v1.UnitType.UNIT_TYPE_UNSPECIFIED
                                : org.sqm.proto.standards.v1.UnitType.valueOf(TYPE + t.name()))
                        .toList();
    }

    static List<org.sqm.proto.standards.v1.ServiceChannel> channels(List<ServiceChannel> channels) {
        return channels == null
                ? List.of()
                : channels.stream()
                        .map(c -> c == null
                                ? org.sqm.proto.standards.v1.ServiceChannel.SERVICE_CHANNEL_UNSPECIFIED
                                : org.sqm.proto.standards.v1.ServiceChannel.valueOf(CHANNEL + c.name()))
                        .toList();
    }

    static org.sqm.proto.standards.v1.RatingScale ratingScale(RatingScale r) {
        var scale = org.sqm.proto.standards.v1.RatingScale.newBuilder()
                .setAllowNotApplicable(r.allowNotApplicable())
                .setMinScore(r.minScore())
                .setMaxScore(r.maxScore())
                .setPassScore(r.passScore());
        if (r.kind() != null) {
            scale.setKind(RatingScaleKind.valueOf(KIND + r.kind().name()));
        }
        if (r.levels() != null) {
            for (RatingLevel l : r.levels()) {
                if (l != null) {
                    scale.addLevels(org.sqm.proto.standards.v1.RatingLevel.newBuilder()
                            .setCode(nz(l.code()))
                            .setLabel(nz(l.label()))
                            .setPoints(l.points())
                            .setMeetsRequirement(l.meetsRequirement()));
                }
            }
        }
        return scale.build();
    }

    static List<org.sqm.proto.standards.v1.Criterion> criteria(List<Criterion> criteria) {
        if (criteria == null) {
            return List.of();
        }
        return criteria.stream()
                .map(c -> {
                    var criterion = org.sqm.proto.standards.v1.Criterion.newBuilder();
                    if (c != null) {
                        criterion
                                .setCode(nz(c.code()))
                                .setTitle(nz(c.title()))
                                .setDescription(nz(c.description()))
                                .setWeight(c.weight());
                        for (SubCriterion s : c.subCriteria() == null ? List.<SubCriterion>of() : c.subCriteria()) {
                            var sub = org.sqm.proto.standards.v1.SubCriterion.newBuilder();
                            if (s != null) {
                                sub.setCode(nz(s.code()))
                                        .setTitle(nz(s.title()))
                                        .setDescription(nz(s.description()))
                                        .setWeight(s.weight());
                                for (Element e : s.elements() == null ? List.<Element>of() : s.elements()) {
                                    var element = org.sqm.proto.standards.v1.Element.newBuilder();
                                    if (e != null) {
                                        element.setCode(nz(e.code()))
                                                .setTitle(nz(e.title()))
                                                .setGuidance(nz(e.guidance()))
                                                .setWeight(e.weight())
                                                .setMandatory(e.mandatory())
                                                .setCritical(e.critical());
                                    }
                                    sub.addElements(element);
                                }
                            }
                            criterion.addSubCriteria(sub);
                        }
                    }
                    return criterion.build();
                })
                .toList();
    }

    static ServiceLevelTarget toView(org.sqm.proto.standards.v1.ServiceLevelTarget t) {
        return new ServiceLevelTarget(
                t.getUnitType() == org.sqm.proto.standards.v1.UnitType.UNIT_TYPE_UNSPECIFIED
                        ? null
                        : UnitType.valueOf(t.getUnitType().name().substring(TYPE.length())),
                t.getChannel() == org.sqm.proto.standards.v1.ServiceChannel.SERVICE_CHANNEL_UNSPECIFIED
                        ? null
                        : ServiceChannel.valueOf(t.getChannel().name().substring(CHANNEL.length())),
                emptyToNull(t.getCategory()),
                t.getSeverity() == org.sqm.proto.common.v1.Severity.SEVERITY_UNSPECIFIED
                        ? null
                        : Severity.valueOf(t.getSeverity().name().substring(SEVERITY.length())),
                t.hasAcknowledgeWithin() ? Times.toRest(t.getAcknowledgeWithin()) : null,
                t.hasFirstResponseWithin() ? Times.toRest(t.getFirstResponseWithin()) : null,
                t.hasResolveWithin() ? Times.toRest(t.getResolveWithin()) : null,
                t.hasCallBackWithin() ? Times.toRest(t.getCallBackWithin()) : null);
    }

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
                rule.setCategory(nz(t.category()));
                if (t.unitType() != null) {
                    rule.setUnitType(org.sqm.proto.standards.v1.UnitType.valueOf(
                            TYPE + t.unitType().name()));
                }
                if (t.channel() != null) {
                    rule.setChannel(org.sqm.proto.standards.v1.ServiceChannel.valueOf(
                            CHANNEL + t.channel().name()));
                }
                if (t.severity() != null) {
                    rule.setSeverity(severity(t.severity()));
                }
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

    static org.sqm.proto.common.v1.Severity severity(Severity severity) {
        return org.sqm.proto.common.v1.Severity.valueOf(SEVERITY + severity.name());
    }
}
