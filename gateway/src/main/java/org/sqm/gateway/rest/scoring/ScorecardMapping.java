package org.sqm.gateway.rest.scoring;

import static org.sqm.commons.convert.ProtoEnums.shortName;
import static org.sqm.commons.convert.Texts.emptyToNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.longrunning.Operation;
import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;
import com.google.rpc.BadRequest;
import com.google.rpc.ErrorInfo;
import com.google.rpc.Help;
import com.google.rpc.LocalizedMessage;
import com.google.rpc.PreconditionFailure;
import com.google.rpc.QuotaFailure;
import com.google.rpc.ResourceInfo;
import com.google.rpc.RetryInfo;
import io.grpc.Status;
import java.util.ArrayList;
import java.util.List;
import org.sqm.commons.convert.ProtoEnums;
import org.sqm.gateway.rest.http.Times;
import org.sqm.gateway.rest.scoring.ScorecardViews.ChildView;
import org.sqm.gateway.rest.scoring.ScorecardViews.ComponentScoreView;
import org.sqm.gateway.rest.scoring.ScorecardViews.DeductionView;
import org.sqm.gateway.rest.scoring.ScorecardViews.InputView;
import org.sqm.gateway.rest.scoring.ScorecardViews.OperationErrorView;
import org.sqm.gateway.rest.scoring.ScorecardViews.OperationView;
import org.sqm.gateway.rest.scoring.ScorecardViews.RecomputeMetadataView;
import org.sqm.gateway.rest.scoring.ScorecardViews.RecomputeResultView;
import org.sqm.gateway.rest.scoring.ScorecardViews.ScorecardView;
import org.sqm.gateway.rest.scoring.ScorecardViews.SubPeriodView;
import org.sqm.gateway.rest.scoring.ScorecardViews.TrendPointView;
import org.sqm.gateway.rest.scoring.ScorecardViews.TrendView;
import org.sqm.gateway.rest.scoring.ScorecardViews.UnscoredUnitView;
import org.sqm.gateway.rest.standards.UnitViews.UnitType;
import org.sqm.proto.scoring.v1.ChildScore;
import org.sqm.proto.scoring.v1.ComponentScore;
import org.sqm.proto.scoring.v1.RecomputeScorecardsMetadata;
import org.sqm.proto.scoring.v1.RecomputeScorecardsResponse;
import org.sqm.proto.scoring.v1.ScoreTrend;
import org.sqm.proto.scoring.v1.Scorecard;
import org.sqm.proto.scoring.v1.ScorecardStatus;
import org.sqm.proto.scoring.v1.SubPeriodScore;

/** Translates scorecards, trends and recompute operations from their protobuf shapes to REST's. */
public final class ScorecardMapping {

    /** The prefix of every operation's name; the REST path carries the rest. */
    static final String OPERATIONS = "operations/";

    /** The error details an operation's error may carry, printable as JSON with their {@code @type}. */
    private static final JsonFormat.Printer DETAILS = JsonFormat.printer()
            .omittingInsignificantWhitespace()
            .usingTypeRegistry(JsonFormat.TypeRegistry.newBuilder()
                    .add(List.of(
                            ErrorInfo.getDescriptor(),
                            BadRequest.getDescriptor(),
                            PreconditionFailure.getDescriptor(),
                            QuotaFailure.getDescriptor(),
                            ResourceInfo.getDescriptor(),
                            RetryInfo.getDescriptor(),
                            Help.getDescriptor(),
                            LocalizedMessage.getDescriptor()))
                    .build());

    private ScorecardMapping() {}

    public static ScorecardView view(Scorecard s) {
        return new ScorecardView(
                s.getId(),
                s.getUnitId(),
                s.getUnitCode(),
                emptyToNull(s.getUnitName()),
                ProtoEnums.toDomain(s.getUnitType(), UnitType.class),
                emptyToNull(s.getParentUnitId()),
                s.getLevel(),
                s.getPeriod(),
                shortName(s.getStatus()),
                emptyToNull(s.getModelId()),
                emptyToNull(s.getModelCode()),
                s.getModelVersion(),
                s.getComponentsList().stream().map(ScorecardMapping::view).toList(),
                s.getChildrenList().stream().map(ScorecardMapping::view).toList(),
                s.getSubPeriodsList().stream().map(ScorecardMapping::view).toList(),
                s.hasWeightedScore() ? s.getWeightedScore() : null,
                s.getBaseScore(),
                s.getDeductionsList().stream()
                        .map(d -> new DeductionView(
                                d.getViolationId(),
                                d.getRuleCode(),
                                d.getPoints(),
                                Times.textOrNull(d.hasOccurredTime(), d.getOccurredTime())))
                        .toList(),
                s.getDeductionPoints(),
                s.getDeductionCapped(),
                s.hasScore() ? s.getScore() : null,
                emptyToNull(s.getGrade()),
                s.getInsufficientDataReasonsList(),
                emptyToNull(s.getInputsFingerprint()),
                emptyToNull(s.getExplanation()),
                emptyToNull(s.getOperation()),
                Times.textOrNull(s.hasComputeTime(), s.getComputeTime()));
    }

    private static ComponentScoreView view(ComponentScore c) {
        return new ComponentScoreView(
                c.getCode(),
                c.getName(),
                c.hasSource() ? ScoringModelMapping.view(c.getSource()) : null,
                c.getWeightBasisPoints(),
                c.getPresent(),
                emptyToNull(c.getMissingReason()),
                c.hasRawValue() ? c.getRawValue() : null,
                c.hasMappedValue() ? c.getMappedValue() : null,
                emptyToNull(c.getMappingRule()),
                c.getEffectiveWeightPercent(),
                c.getContribution(),
                c.getInputsList().stream()
                        .map(i -> new InputView(
                                shortName(i.getKind()), i.getId(), i.getValue(), emptyToNull(i.getDetail())))
                        .toList());
    }

    private static ChildView view(ChildScore c) {
        return new ChildView(
                c.getUnitId(),
                c.getUnitCode(),
                emptyToNull(c.getScorecardId()),
                c.hasScore() ? c.getScore() : null,
                c.getPresent(),
                emptyToNull(c.getMissingReason()),
                c.getCustomersServed(),
                c.getEffectiveWeightPercent(),
                c.getContribution());
    }

    private static SubPeriodView view(SubPeriodScore p) {
        return new SubPeriodView(
                p.getPeriod(),
                emptyToNull(p.getScorecardId()),
                p.hasScore() ? p.getScore() : null,
                p.getPresent(),
                emptyToNull(p.getMissingReason()));
    }

    public static TrendView view(ScoreTrend t) {
        return new TrendView(
                t.getUnitId(),
                t.getPointsList().stream()
                        .map(p -> {
                            boolean scorecard = p.getStatus() != ScorecardStatus.SCORECARD_STATUS_UNSPECIFIED;
                            return new TrendPointView(
                                    p.getPeriod(),
                                    shortName(p.getStatus()),
                                    p.hasScore() ? p.getScore() : null,
                                    emptyToNull(p.getGrade()),
                                    emptyToNull(p.getModelId()),
                                    scorecard ? p.getModelVersion() : null,
                                    emptyToNull(p.getScorecardId()),
                                    p.hasSatisfactionIndex() ? p.getSatisfactionIndex() : null);
                        })
                        .toList(),
                t.hasLatestScorecard() ? view(t.getLatestScorecard()) : null);
    }

    /** The id in an operation's REST path: its name without "operations/". */
    static String operationId(Operation o) {
        return o.getName().startsWith(OPERATIONS) ? o.getName().substring(OPERATIONS.length()) : o.getName();
    }

    static OperationView view(Operation o, ObjectMapper json) {
        RecomputeScorecardsMetadata m = unpack(o.hasMetadata(), o.getMetadata(), RecomputeScorecardsMetadata.class);
        RecomputeScorecardsResponse r =
                o.hasResponse() ? unpack(true, o.getResponse(), RecomputeScorecardsResponse.class) : null;
        return new OperationView(
                o.getName(),
                o.getDone(),
                m == null
                        ? null
                        : new RecomputeMetadataView(
                                m.getPeriod(),
                                emptyToNull(m.getStage()),
                                m.getUnitsTotal(),
                                m.getUnitsDone(),
                                m.getProgressPercent(),
                                Times.textOrNull(m.hasStartTime(), m.getStartTime()),
                                Times.textOrNull(m.hasEndTime(), m.getEndTime()),
                                m.getCancelRequested()),
                r == null
                        ? null
                        : new RecomputeResultView(
                                r.getPeriod(),
                                r.getScored(),
                                r.getInsufficientData(),
                                r.getUnscoredUnitsList().stream()
                                        .map(u -> new UnscoredUnitView(
                                                u.getUnitId(), u.getUnitCode(), u.getPeriod(), u.getReason()))
                                        .toList(),
                                r.getUnscored(),
                                r.getModelIdsList()),
                o.hasError() ? error(o.getError(), json) : null);
    }

    private static OperationErrorView error(com.google.rpc.Status status, ObjectMapper json) {
        String reason = null;
        List<JsonNode> details = new ArrayList<>();
        for (Any detail : status.getDetailsList()) {
            if (detail.is(ErrorInfo.class)) {
                reason = unpack(true, detail, ErrorInfo.class).getReason();
            }
            details.add(detail(detail, json));
        }
        return new OperationErrorView(
                Status.fromCodeValue(status.getCode()).getCode().name(),
                emptyToNull(status.getMessage()),
                reason,
                details);
    }

    /** A detail as proto JSON with its {@code @type}; one of a type we do not know shows only its type. */
    private static JsonNode detail(Any detail, ObjectMapper json) {
        try {
            return json.readTree(DETAILS.print(detail));
        } catch (InvalidProtocolBufferException | JsonProcessingException e) {
            return json.createObjectNode().put("@type", detail.getTypeUrl());
        }
    }

    /** The message an Any holds; null when unset or of another type (an operation of another kind). */
    private static <T extends Message> T unpack(boolean has, Any any, Class<T> type) {
        if (!has || !any.is(type)) {
            return null;
        }
        try {
            return any.unpack(type);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("scoring-service sent an unreadable " + type.getSimpleName(), e);
        }
    }
}
