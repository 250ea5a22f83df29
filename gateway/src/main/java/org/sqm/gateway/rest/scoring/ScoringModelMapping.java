package org.sqm.gateway.rest.scoring;

import static org.sqm.commons.convert.ProtoEnums.toDomain;
import static org.sqm.commons.convert.ProtoEnums.toProto;
import static org.sqm.commons.convert.Texts.emptyToNull;
import static org.sqm.commons.convert.Texts.nullToEmpty;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.sqm.commons.convert.ProtoEnums;
import org.sqm.gateway.error.InvalidRequestException;
import org.sqm.gateway.rest.http.Times;
import org.sqm.gateway.rest.inspections.InspectionViews.Authority;
import org.sqm.gateway.rest.inspections.InspectionViews.Kind;
import org.sqm.gateway.rest.scoring.ScoringModelViews.AuthorityWeightBody;
import org.sqm.gateway.rest.scoring.ScoringModelViews.ComponentBody;
import org.sqm.gateway.rest.scoring.ScoringModelViews.GradeBandBody;
import org.sqm.gateway.rest.scoring.ScoringModelViews.IndexDropBody;
import org.sqm.gateway.rest.scoring.ScoringModelViews.IndicatorSourceBody;
import org.sqm.gateway.rest.scoring.ScoringModelViews.InspectionScoreBody;
import org.sqm.gateway.rest.scoring.ScoringModelViews.MappingBody;
import org.sqm.gateway.rest.scoring.ScoringModelViews.MissingSourcePolicy;
import org.sqm.gateway.rest.scoring.ScoringModelViews.NoSettings;
import org.sqm.gateway.rest.scoring.ScoringModelViews.RateAboveQuartileBody;
import org.sqm.gateway.rest.scoring.ScoringModelViews.RollUpBody;
import org.sqm.gateway.rest.scoring.ScoringModelViews.RollUpWeighting;
import org.sqm.gateway.rest.scoring.ScoringModelViews.SatisfactionSourceBody;
import org.sqm.gateway.rest.scoring.ScoringModelViews.ScoringModelBody;
import org.sqm.gateway.rest.scoring.ScoringModelViews.ScoringModelView;
import org.sqm.gateway.rest.scoring.ScoringModelViews.SourceBody;
import org.sqm.gateway.rest.scoring.ScoringModelViews.SpotCheckSpecBody;
import org.sqm.gateway.rest.scoring.ScoringModelViews.SpotCheckTriggerBody;
import org.sqm.gateway.rest.scoring.ScoringModelViews.TargetBody;
import org.sqm.gateway.rest.scoring.ScoringViews.Segment;
import org.sqm.gateway.rest.standards.UnitViews.UnitType;
import org.sqm.proto.inspection.v1.AuthorityLevel;
import org.sqm.proto.inspection.v1.InspectionKind;
import org.sqm.proto.scoring.v1.AuthorityWeight;
import org.sqm.proto.scoring.v1.CallBackCoverageSource;
import org.sqm.proto.scoring.v1.ComplaintRateAboveUpperQuartile;
import org.sqm.proto.scoring.v1.ComplaintRateSource;
import org.sqm.proto.scoring.v1.ComplaintTimelinessSource;
import org.sqm.proto.scoring.v1.ComponentSource;
import org.sqm.proto.scoring.v1.DirectMapping;
import org.sqm.proto.scoring.v1.GradeBand;
import org.sqm.proto.scoring.v1.IndicatorSource;
import org.sqm.proto.scoring.v1.InspectionScoreSource;
import org.sqm.proto.scoring.v1.RollUp;
import org.sqm.proto.scoring.v1.SatisfactionIndexDrop;
import org.sqm.proto.scoring.v1.SatisfactionIndexSource;
import org.sqm.proto.scoring.v1.ScoreComponent;
import org.sqm.proto.scoring.v1.ScoreMapping;
import org.sqm.proto.scoring.v1.ScoringModel;
import org.sqm.proto.scoring.v1.SpotCheckSpec;
import org.sqm.proto.scoring.v1.SpotCheckTrigger;
import org.sqm.proto.scoring.v1.TargetMapping;

/**
 * Translates scoring models between their REST and protobuf shapes. Absent numbers are 0 and absent
 * enums UNSPECIFIED, as in proto3, so scoring-service names what is missing; only what the proto
 * cannot hold (two sources on one component) is refused here.
 */
final class ScoringModelMapping {

    private ScoringModelMapping() {}

    static ScoringModel.Builder scoringModel(ScoringModelBody b) {
        ScoringModel.Builder m = ScoringModel.newBuilder()
                .setCode(nullToEmpty(b.code()))
                .setName(nullToEmpty(b.name()))
                .setDescription(nullToEmpty(b.description()))
                .setUnitType(toProto(b.unitType(), org.sqm.proto.standards.v1.UnitType.class))
                .addAllComponents(components(b.components()))
                .setMissingSourcePolicy(missingSourcePolicy(b.missingSourcePolicy()))
                .addAllDeductionRuleCodes(texts("deductionRuleCodes", b.deductionRuleCodes()))
                .setBaseScore(b.baseScore() == null ? 0 : b.baseScore())
                .addAllGradeBands(gradeBands(b.gradeBands()))
                .addAllSpotCheckTriggers(spotCheckTriggers(b.spotCheckTriggers()));
        if (b.rollUp() != null) {
            m.setRollUp(rollUp(b.rollUp()));
        }
        if (b.deductionCapPoints() != null) {
            m.setDeductionCapPoints(b.deductionCapPoints());
        }
        return m;
    }

    static org.sqm.proto.scoring.v1.MissingSourcePolicy missingSourcePolicy(MissingSourcePolicy policy) {
        return toProto(policy, org.sqm.proto.scoring.v1.MissingSourcePolicy.class);
    }

    static RollUp rollUp(RollUpBody b) {
        return RollUp.newBuilder()
                .setWeighting(toProto(b.weighting(), org.sqm.proto.scoring.v1.RollUpWeighting.class))
                .build();
    }

    static List<ScoreComponent> components(List<ComponentBody> components) {
        List<ScoreComponent> out = new ArrayList<>();
        for (int i = 0; components != null && i < components.size(); i++) {
            out.add(component("components[" + i + "]", components.get(i)));
        }
        return out;
    }

    static List<GradeBand> gradeBands(List<GradeBandBody> bands) {
        List<GradeBand> out = new ArrayList<>();
        for (int i = 0; bands != null && i < bands.size(); i++) {
            GradeBandBody band = present("gradeBands[" + i + "]", bands.get(i));
            out.add(GradeBand.newBuilder()
                    .setGrade(nullToEmpty(band.grade()))
                    .setMinScore(band.minScore() == null ? 0 : band.minScore())
                    .build());
        }
        return out;
    }

    static List<SpotCheckTrigger> spotCheckTriggers(List<SpotCheckTriggerBody> triggers) {
        List<SpotCheckTrigger> out = new ArrayList<>();
        for (int i = 0; triggers != null && i < triggers.size(); i++) {
            String field = "spotCheckTriggers[" + i + "]";
            SpotCheckTriggerBody t = present(field, triggers.get(i));
            SpotCheckTrigger.Builder trigger = SpotCheckTrigger.newBuilder().setCode(nullToEmpty(t.code()));
            // No condition stays unset: scoring-service names it as required.
            one(
                    field,
                    "complaintRateAboveUpperQuartile or satisfactionIndexDrop",
                    t.complaintRateAboveUpperQuartile(),
                    t.satisfactionIndexDrop());
            if (t.complaintRateAboveUpperQuartile() != null) {
                trigger.setComplaintRateAboveUpperQuartile(ComplaintRateAboveUpperQuartile.newBuilder()
                        .setConsecutiveMonths(
                                zero(t.complaintRateAboveUpperQuartile().consecutiveMonths()))
                        .setMinUnits(zero(t.complaintRateAboveUpperQuartile().minUnits())));
            } else if (t.satisfactionIndexDrop() != null) {
                Double points = t.satisfactionIndexDrop().points();
                trigger.setSatisfactionIndexDrop(SatisfactionIndexDrop.newBuilder()
                        .setPoints(points == null ? 0 : points)
                        .setMinSample(zero(t.satisfactionIndexDrop().minSample())));
            }
            if (t.spotCheck() != null) {
                trigger.setSpotCheck(SpotCheckSpec.newBuilder()
                        .setStandardCode(nullToEmpty(t.spotCheck().standardCode()))
                        .setAuthorityLevel(toProto(t.spotCheck().authorityLevel(), AuthorityLevel.class))
                        .setWindowDays(zero(t.spotCheck().windowDays())));
            }
            out.add(trigger.build());
        }
        return out;
    }

    static SpotCheckTriggerBody view(SpotCheckTrigger t) {
        return new SpotCheckTriggerBody(
                t.getCode(),
                t.hasComplaintRateAboveUpperQuartile()
                        ? new RateAboveQuartileBody(
                                t.getComplaintRateAboveUpperQuartile().getConsecutiveMonths(),
                                t.getComplaintRateAboveUpperQuartile().getMinUnits())
                        : null,
                t.hasSatisfactionIndexDrop()
                        ? new IndexDropBody(
                                t.getSatisfactionIndexDrop().getPoints(),
                                t.getSatisfactionIndexDrop().getMinSample())
                        : null,
                t.hasSpotCheck()
                        ? new SpotCheckSpecBody(
                                t.getSpotCheck().getStandardCode(),
                                toDomain(t.getSpotCheck().getAuthorityLevel(), Authority.class),
                                t.getSpotCheck().getWindowDays())
                        : null);
    }

    static List<String> texts(String field, List<String> texts) {
        if (texts == null) {
            return List.of();
        }
        for (int i = 0; i < texts.size(); i++) {
            present(field + "[" + i + "]", texts.get(i));
        }
        return texts;
    }

    private static ScoreComponent component(String field, ComponentBody c) {
        present(field, c);
        ScoreComponent.Builder component = ScoreComponent.newBuilder()
                .setCode(nullToEmpty(c.code()))
                .setName(nullToEmpty(c.name()))
                .setWeightBasisPoints(c.weightBasisPoints() == null ? 0 : c.weightBasisPoints());
        // An absent or empty source or mapping stays unset: scoring-service names it as required.
        if (c.source() != null) {
            source(field + ".source", c.source()).ifPresent(component::setSource);
        }
        if (c.mapping() != null) {
            mapping(field + ".mapping", c.mapping()).ifPresent(component::setMapping);
        }
        return component.build();
    }

    private static Optional<ComponentSource> source(String field, SourceBody s) {
        boolean any = one(
                field,
                "inspectionScore, satisfactionIndex, indicator, complaintTimeliness, complaintRate or callBackCoverage",
                s.inspectionScore(),
                s.satisfactionIndex(),
                s.indicator(),
                s.complaintTimeliness(),
                s.complaintRate(),
                s.callBackCoverage());
        if (!any) {
            return Optional.empty();
        }
        ComponentSource.Builder source = ComponentSource.newBuilder();
        if (s.inspectionScore() != null) {
            InspectionScoreBody i = s.inspectionScore();
            InspectionScoreSource.Builder inspection = InspectionScoreSource.newBuilder()
                    .setKind(toProto(i.kind(), InspectionKind.class))
                    .setFailedCountsAsZero(Boolean.TRUE.equals(i.failedCountsAsZero()));
            List<AuthorityWeightBody> weights = i.authorityWeights() == null ? List.of() : i.authorityWeights();
            for (int w = 0; w < weights.size(); w++) {
                AuthorityWeightBody weight =
                        present(field + ".inspectionScore.authorityWeights[" + w + "]", weights.get(w));
                inspection.addAuthorityWeights(AuthorityWeight.newBuilder()
                        .setLevel(toProto(weight.level(), AuthorityLevel.class))
                        .setWeightBasisPoints(weight.weightBasisPoints() == null ? 0 : weight.weightBasisPoints()));
            }
            source.setInspectionScore(inspection);
        } else if (s.satisfactionIndex() != null) {
            source.setSatisfactionIndex(SatisfactionIndexSource.newBuilder()
                    .setSegment(ScoringMapping.segment(s.satisfactionIndex().segment()))
                    .setMinSample(zero(s.satisfactionIndex().minSample())));
        } else if (s.indicator() != null) {
            source.setIndicator(IndicatorSource.newBuilder()
                    .setIndicatorCode(nullToEmpty(s.indicator().indicatorCode()))
                    .setMinSample(zero(s.indicator().minSample())));
        } else if (s.complaintTimeliness() != null) {
            source.setComplaintTimeliness(ComplaintTimelinessSource.getDefaultInstance());
        } else if (s.complaintRate() != null) {
            source.setComplaintRate(ComplaintRateSource.getDefaultInstance());
        } else {
            source.setCallBackCoverage(CallBackCoverageSource.getDefaultInstance());
        }
        return Optional.of(source.build());
    }

    private static Optional<ScoreMapping> mapping(String field, MappingBody m) {
        if (!one(field, "direct or target", m.direct(), m.target())) {
            return Optional.empty();
        }
        if (m.direct() != null) {
            return Optional.of(ScoreMapping.newBuilder()
                    .setDirect(DirectMapping.getDefaultInstance())
                    .build());
        }
        return Optional.of(ScoreMapping.newBuilder()
                .setTarget(TargetMapping.newBuilder()
                        .setTarget(m.target().target() == null ? 0 : m.target().target())
                        .setFloor(m.target().floor() == null ? 0 : m.target().floor()))
                .build());
    }

    static ScoringModelView view(ScoringModel m) {
        return new ScoringModelView(
                m.getId(),
                m.getCode(),
                m.getVersion(),
                m.getName(),
                emptyToNull(m.getDescription()),
                toDomain(m.getUnitType(), UnitType.class),
                ProtoEnums.shortName(m.getState()),
                m.getComponentsList().stream().map(ScoringModelMapping::view).toList(),
                m.hasRollUp() ? new RollUpBody(toDomain(m.getRollUp().getWeighting(), RollUpWeighting.class)) : null,
                toDomain(m.getMissingSourcePolicy(), MissingSourcePolicy.class),
                m.getDeductionRuleCodesList(),
                m.hasDeductionCapPoints() ? m.getDeductionCapPoints() : null,
                m.getBaseScore(),
                m.getGradeBandsList().stream()
                        .map(g -> new GradeBandBody(g.getGrade(), g.getMinScore()))
                        .toList(),
                m.getSpotCheckTriggersCount() == 0
                        ? null
                        : m.getSpotCheckTriggersList().stream()
                                .map(ScoringModelMapping::view)
                                .toList(),
                m.getEtag(),
                Times.textOrNull(m.hasCreateTime(), m.getCreateTime()),
                Times.textOrNull(m.hasPublishTime(), m.getPublishTime()),
                Times.textOrNull(m.hasRetireTime(), m.getRetireTime()));
    }

    private static ComponentBody view(ScoreComponent c) {
        return new ComponentBody(
                c.getCode(),
                c.getName(),
                c.getWeightBasisPoints(),
                c.hasSource() ? view(c.getSource()) : null,
                c.hasMapping() ? view(c.getMapping()) : null);
    }

    static SourceBody view(ComponentSource s) {
        NoSettings none = new NoSettings();
        return switch (s.getSourceCase()) {
            case INSPECTION_SCORE -> new SourceBody(
                    new InspectionScoreBody(
                            toDomain(s.getInspectionScore().getKind(), Kind.class),
                            s.getInspectionScore().getAuthorityWeightsList().stream()
                                    .map(w -> new AuthorityWeightBody(
                                            toDomain(w.getLevel(), Authority.class), w.getWeightBasisPoints()))
                                    .toList(),
                            s.getInspectionScore().getFailedCountsAsZero()),
                    null,
                    null,
                    null,
                    null,
                    null);
            case SATISFACTION_INDEX -> new SourceBody(
                    null,
                    new SatisfactionSourceBody(
                            toDomain(s.getSatisfactionIndex().getSegment(), Segment.class),
                            s.getSatisfactionIndex().getMinSample()),
                    null,
                    null,
                    null,
                    null);
            case INDICATOR -> new SourceBody(
                    null,
                    null,
                    new IndicatorSourceBody(
                            s.getIndicator().getIndicatorCode(),
                            s.getIndicator().getMinSample()),
                    null,
                    null,
                    null);
            case COMPLAINT_TIMELINESS -> new SourceBody(null, null, null, none, null, null);
            case COMPLAINT_RATE -> new SourceBody(null, null, null, null, none, null);
            case CALL_BACK_COVERAGE -> new SourceBody(null, null, null, null, null, none);
            case SOURCE_NOT_SET -> new SourceBody(null, null, null, null, null, null);
        };
    }

    private static MappingBody view(ScoreMapping m) {
        return switch (m.getMappingCase()) {
            case DIRECT -> new MappingBody(new NoSettings(), null);
            case TARGET -> new MappingBody(
                    null,
                    new TargetBody(m.getTarget().getTarget(), m.getTarget().getFloor()));
            case MAPPING_NOT_SET -> new MappingBody(null, null);
        };
    }

    /**
     * Whether one of a oneof's REST fields is set; more than one is a 400, since the proto holds one
     * and would silently keep the last.
     */
    private static boolean one(String field, String names, Object... values) {
        long set = Stream.of(values).filter(Objects::nonNull).count();
        if (set > 1) {
            throw new InvalidRequestException(field, "must set exactly one of " + names);
        }
        return set == 1;
    }

    private static <T> T present(String field, T value) {
        if (value == null) {
            throw new InvalidRequestException(field, "must not be null");
        }
        return value;
    }

    private static int zero(Integer value) {
        return value == null ? 0 : value;
    }
}
