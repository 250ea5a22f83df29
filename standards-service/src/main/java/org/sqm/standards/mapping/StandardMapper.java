package org.sqm.standards.mapping;

import static org.sqm.commons.convert.ProtoTime.timestamp;

import com.google.protobuf.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
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

    private static final String CHANNEL_PREFIX = "SERVICE_CHANNEL_";
    private static final String KIND_PREFIX = "RATING_SCALE_KIND_";

    private StandardMapper() {}

    /** The whole version; {@code withTree} false leaves out rating scale and criteria (lists). */
    public static Standard toProto(StandardEntity e, boolean withTree) {
        Standard.Builder s = Standard.newBuilder()
                .setId(e.id.toString())
                .setCode(e.code)
                .setVersion(e.versionNumber)
                .setTitle(e.title)
                .setDescription(e.description == null ? "" : e.description)
                .setStatus(StandardStatus.valueOf("STANDARD_STATUS_" + e.status.name()))
                .setEffectiveFrom(e.effectiveFrom == null ? "" : e.effectiveFrom.toString())
                .setEffectiveUntil(e.effectiveUntil == null ? "" : e.effectiveUntil.toString())
                .addAllUnitTypes(e.unitTypes.stream()
                        .map(t -> UnitType.valueOf("UNIT_TYPE_" + t.name()))
                        .toList())
                .addAllChannels(e.channels.stream()
                        .map(c -> ServiceChannel.valueOf(CHANNEL_PREFIX + c.name()))
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
        ServiceLevelTarget.Builder b = ServiceLevelTarget.newBuilder().setCategory(nz(t.category()));
        if (t.unitType() != null) {
            b.setUnitType(UnitType.valueOf("UNIT_TYPE_" + t.unitType().name()));
        }
        if (t.channel() != null) {
            b.setChannel(ServiceChannel.valueOf(CHANNEL_PREFIX + t.channel().name()));
        }
        if (t.severity() != null) {
            b.setSeverity(Severity.valueOf("SEVERITY_" + t.severity().name()));
        }
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

    private static Duration duration(String iso) {
        java.time.Duration d = java.time.Duration.parse(iso);
        return Duration.newBuilder()
                .setSeconds(d.getSeconds())
                .setNanos(d.getNano())
                .build();
    }

    private static String iso(boolean has, Duration d) {
        java.time.Duration duration = org.sqm.commons.convert.ProtoTime.durationOrNull("service_level_targets", has, d);
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
                    UnitMapper.toDomain(t.getUnitType()),
                    toDomain(t.getChannel()),
                    emptyToNull(t.getCategory()),
                    toDomain(t.getSeverity()),
                    iso(t.hasAcknowledgeWithin(), t.getAcknowledgeWithin()),
                    iso(t.hasFirstResponseWithin(), t.getFirstResponseWithin()),
                    iso(t.hasResolveWithin(), t.getResolveWithin()),
                    iso(t.hasCallBackWithin(), t.getCallBackWithin())));
        }
        v.throwIfAny();
        return out;
    }

    /** The domain severity, or null for "any" (unset) and unknown numbers. */
    public static org.sqm.standards.domain.Severity toDomain(Severity severity) {
        if (severity == Severity.SEVERITY_UNSPECIFIED || severity == Severity.UNRECOGNIZED) {
            return null;
        }
        return org.sqm.standards.domain.Severity.valueOf(severity.name().substring("SEVERITY_".length()));
    }

    private static RatingScale toProto(StandardContent.RatingScale scale) {
        RatingScale.Builder r = RatingScale.newBuilder()
                .setAllowNotApplicable(scale.allowNotApplicable())
                .setMinScore(scale.minScore())
                .setMaxScore(scale.maxScore())
                .setPassScore(scale.passScore());
        if (scale.kind() != null) {
            r.setKind(RatingScaleKind.valueOf(KIND_PREFIX + scale.kind().name()));
        }
        scale.levels()
                .forEach(l -> r.addLevels(RatingLevel.newBuilder()
                        .setCode(nz(l.code()))
                        .setLabel(nz(l.label()))
                        .setPoints(l.points())
                        .setMeetsRequirement(l.meetsRequirement())));
        return r.build();
    }

    private static Criterion toProto(StandardContent.Criterion c) {
        Criterion.Builder b = Criterion.newBuilder()
                .setCode(nz(c.code()))
                .setTitle(nz(c.title()))
                .setDescription(nz(c.description()))
                .setWeight(c.weight());
        for (StandardContent.SubCriterion s : c.subCriteria()) {
            SubCriterion.Builder sb = SubCriterion.newBuilder()
                    .setCode(nz(s.code()))
                    .setTitle(nz(s.title()))
                    .setDescription(nz(s.description()))
                    .setWeight(s.weight());
            for (StandardContent.Element el : s.elements()) {
                sb.addElements(Element.newBuilder()
                        .setCode(nz(el.code()))
                        .setTitle(nz(el.title()))
                        .setGuidance(nz(el.guidance()))
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
                s.getUnitTypesList().stream().map(UnitMapper::toDomain).collect(Collectors.toList()),
                s.getChannelsList().stream().map(StandardMapper::toDomain).collect(Collectors.toList()),
                new StandardContent(
                        s.hasRatingScale() ? toDomain(s.getRatingScale()) : null,
                        s.getCriteriaList().stream()
                                .map(StandardMapper::toDomain)
                                .toList(),
                        targets(s.getServiceLevelTargetsList())));
    }

    private static StandardContent.RatingScale toDomain(RatingScale r) {
        StandardContent.ScaleKind kind =
                switch (r.getKind()) {
                    case RATING_SCALE_KIND_LEVELS -> StandardContent.ScaleKind.LEVELS;
                    case RATING_SCALE_KIND_NUMERIC -> StandardContent.ScaleKind.NUMERIC;
                    default -> null;
                };
        return new StandardContent.RatingScale(
                kind,
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

    public static org.sqm.standards.domain.ServiceChannel toDomain(ServiceChannel channel) {
        if (channel == ServiceChannel.SERVICE_CHANNEL_UNSPECIFIED || channel == ServiceChannel.UNRECOGNIZED) {
            return null;
        }
        return org.sqm.standards.domain.ServiceChannel.valueOf(channel.name().substring(CHANNEL_PREFIX.length()));
    }

    /** The domain status for a filter, or null for "any". */
    public static org.sqm.standards.domain.StandardStatus toDomain(StandardStatus status) {
        return switch (status) {
            case STANDARD_STATUS_DRAFT -> org.sqm.standards.domain.StandardStatus.DRAFT;
            case STANDARD_STATUS_PUBLISHED -> org.sqm.standards.domain.StandardStatus.PUBLISHED;
            case STANDARD_STATUS_RETIRED -> org.sqm.standards.domain.StandardStatus.RETIRED;
            default -> null;
        };
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
