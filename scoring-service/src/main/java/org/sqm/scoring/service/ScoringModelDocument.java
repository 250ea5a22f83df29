package org.sqm.scoring.service;

import static org.sqm.commons.convert.ProtoTime.timestamp;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import org.sqm.commons.convert.ProtoEnums;
import org.sqm.commons.convert.Texts;
import org.sqm.commons.persistence.Etags;
import org.sqm.proto.scoring.v1.GradeBand;
import org.sqm.proto.scoring.v1.ScoreComponent;
import org.sqm.proto.scoring.v1.ScoringModel;
import org.sqm.proto.scoring.v1.ScoringModelState;
import org.sqm.proto.standards.v1.UnitType;
import org.sqm.scoring.domain.ScoringModelEntity;

/**
 * A scoring model version as the contract's {@code ScoringModel} message. The tree a model scores on
 * (components with their sources and mappings, roll-up, policy, deductions, bands) is the contract's
 * own: it is validated, stored (as proto JSON) and handed to the scorecard engine as that message, so
 * no second copy of the tree can drift from the contract.
 */
public final class ScoringModelDocument {

    private static final JsonFormat.Printer PRINTER = JsonFormat.printer().omittingInsignificantWhitespace();
    private static final JsonFormat.Parser PARSER = JsonFormat.parser();

    private ScoringModelDocument() {}

    /**
     * The model as a caller means it: output-only fields cleared, names, description and grades
     * stripped of surrounding blanks (as they are stored), so equal meanings are equal messages.
     */
    public static ScoringModel normalised(ScoringModel model) {
        ScoringModel.Builder b = model.toBuilder()
                .clearId()
                .clearVersion()
                .clearState()
                .clearEtag()
                .clearCreateTime()
                .clearPublishTime()
                .clearRetireTime()
                .setName(model.getName().strip())
                .setDescription(model.getDescription().strip());
        for (ScoreComponent.Builder c : b.getComponentsBuilderList()) {
            c.setName(c.getName().strip());
        }
        for (GradeBand.Builder band : b.getGradeBandsBuilderList()) {
            band.setGrade(band.getGrade().strip());
        }
        return b.build();
    }

    /** The stored document of a model: its proto JSON with only what it scores on. */
    public static String definition(ScoringModel model) {
        ScoringModel.Builder d = ScoringModel.newBuilder()
                .addAllComponents(model.getComponentsList())
                .setMissingSourcePolicyValue(model.getMissingSourcePolicyValue())
                .addAllDeductionRuleCodes(model.getDeductionRuleCodesList())
                .setBaseScore(model.getBaseScore())
                .addAllGradeBands(model.getGradeBandsList())
                .addAllSpotCheckTriggers(model.getSpotCheckTriggersList());
        if (model.hasRollUp()) {
            d.setRollUp(model.getRollUp());
        }
        if (model.hasDeductionCapPoints()) {
            d.setDeductionCapPoints(model.getDeductionCapPoints());
        }
        return json(d.build());
    }

    /** The proto JSON of a message, without insignificant whitespace. */
    public static String json(ScoringModel model) {
        try {
            return PRINTER.print(model);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("a scoring model always prints", e);
        }
    }

    /** The version as the contract's message, every output-only field included. */
    public static ScoringModel toProto(ScoringModelEntity e) {
        ScoringModel.Builder b = parse(e.id, e.definition);
        b.setId(e.id.toString())
                .setCode(e.code)
                .setVersion(e.versionNumber)
                .setName(e.name)
                .setDescription(Texts.nullToEmpty(e.description))
                .setUnitType(ProtoEnums.fromShortName(e.unitType, UnitType.class))
                .setState(ProtoEnums.toProto(e.state, ScoringModelState.class))
                .setEtag(Etags.of(e.revision))
                .setCreateTime(timestamp(e.createTime));
        if (e.publishTime != null) {
            b.setPublishTime(timestamp(e.publishTime));
        }
        if (e.retireTime != null) {
            b.setRetireTime(timestamp(e.retireTime));
        }
        return b.build();
    }

    /** The stored definition of a version (what it scores on, no output-only field). */
    public static ScoringModel.Builder parse(Object id, String definition) {
        ScoringModel.Builder b = ScoringModel.newBuilder();
        try {
            PARSER.merge(definition, b);
        } catch (InvalidProtocolBufferException ex) {
            throw new IllegalStateException("scoring model " + id + " holds an unreadable definition", ex);
        }
        return b;
    }

    /** Whether a stored version says what {@code model} says (its code, output-only fields aside). */
    public static boolean sameAs(ScoringModel model, ScoringModelEntity stored) {
        return normalised(model).equals(normalised(toProto(stored)));
    }
}
