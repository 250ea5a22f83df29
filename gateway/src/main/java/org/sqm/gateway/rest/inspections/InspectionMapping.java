package org.sqm.gateway.rest.inspections;

import static org.sqm.commons.convert.ProtoEnums.shortName;
import static org.sqm.commons.convert.ProtoEnums.toDomain;
import static org.sqm.commons.convert.ProtoEnums.toProto;
import static org.sqm.commons.convert.Texts.emptyToNull;
import static org.sqm.commons.convert.Texts.nullToEmpty;

import com.google.protobuf.ProtocolMessageEnum;
import com.google.protobuf.Timestamp;
import java.util.List;
import java.util.function.Function;
import org.sqm.commons.convert.ProtoEnums;
import org.sqm.gateway.error.InvalidRequestException;
import org.sqm.gateway.rest.http.Times;
import org.sqm.gateway.rest.inspections.InspectionViews.AssignedView;
import org.sqm.gateway.rest.inspections.InspectionViews.AttachmentBody;
import org.sqm.gateway.rest.inspections.InspectionViews.ComparedView;
import org.sqm.gateway.rest.inspections.InspectionViews.ComparisonView;
import org.sqm.gateway.rest.inspections.InspectionViews.ContactBody;
import org.sqm.gateway.rest.inspections.InspectionViews.CriterionScoreView;
import org.sqm.gateway.rest.inspections.InspectionViews.ElementView;
import org.sqm.gateway.rest.inspections.InspectionViews.FindingView;
import org.sqm.gateway.rest.inspections.InspectionViews.InspectionBody;
import org.sqm.gateway.rest.inspections.InspectionViews.InspectionView;
import org.sqm.gateway.rest.inspections.InspectionViews.InspectorBody;
import org.sqm.gateway.rest.inspections.InspectionViews.InspectorView;
import org.sqm.gateway.rest.inspections.InspectionViews.InterviewBody;
import org.sqm.gateway.rest.inspections.InspectionViews.MoveView;
import org.sqm.gateway.rest.inspections.InspectionViews.OrderView;
import org.sqm.gateway.rest.inspections.InspectionViews.PlanBody;
import org.sqm.gateway.rest.inspections.InspectionViews.PlanView;
import org.sqm.gateway.rest.inspections.InspectionViews.RatingBody;
import org.sqm.gateway.rest.inspections.InspectionViews.RatingView;
import org.sqm.gateway.rest.inspections.InspectionViews.ResultRatingView;
import org.sqm.gateway.rest.inspections.InspectionViews.ResultView;
import org.sqm.gateway.rest.inspections.InspectionViews.ScoreView;
import org.sqm.gateway.rest.inspections.InspectionViews.TargetsBody;
import org.sqm.gateway.rest.standards.UnitViews.UnitType;
import org.sqm.proto.inspection.v1.Attachment;
import org.sqm.proto.inspection.v1.AuthorityLevel;
import org.sqm.proto.inspection.v1.Cadence;
import org.sqm.proto.inspection.v1.ContactMode;
import org.sqm.proto.inspection.v1.InspectedElement;
import org.sqm.proto.inspection.v1.Inspection;
import org.sqm.proto.inspection.v1.InspectionComparison;
import org.sqm.proto.inspection.v1.InspectionKind;
import org.sqm.proto.inspection.v1.InspectionMove;
import org.sqm.proto.inspection.v1.InspectionPlan;
import org.sqm.proto.inspection.v1.InspectionResult;
import org.sqm.proto.inspection.v1.InspectionScore;
import org.sqm.proto.inspection.v1.Inspector;
import org.sqm.proto.inspection.v1.Interview;
import org.sqm.proto.inspection.v1.IntervieweeGroup;
import org.sqm.proto.inspection.v1.MysteryShoppingContact;
import org.sqm.proto.inspection.v1.PlanTargets;
import org.sqm.proto.inspection.v1.Rating;
import org.sqm.proto.inspection.v1.RectificationMove;
import org.sqm.proto.inspection.v1.RectificationOrder;
import org.sqm.proto.inspection.v1.SupervisionMove;

/** Inspection-service messages to REST views and REST bodies to messages. */
public final class InspectionMapping {

    private InspectionMapping() {}

    static Inspector.Builder inspector(InspectorBody body) {
        Inspector.Builder i = Inspector.newBuilder()
                .setName(nullToEmpty(body.name()))
                .setCertificateNumber(nullToEmpty(body.certificateNumber()))
                .setAuthorityLevel(toProto(body.authorityLevel(), AuthorityLevel.class))
                .setPseudonym(nullToEmpty(body.pseudonym()))
                .setSubject(nullToEmpty(body.subject()));
        if (body.validFrom() != null) {
            i.setValidFrom(Times.timestamp("validFrom", body.validFrom()));
        }
        if (body.validUntil() != null) {
            i.setValidUntil(Times.timestamp("validUntil", body.validUntil()));
        }
        if (body.qualifiedKinds() != null) {
            body.qualifiedKinds().forEach(k -> i.addQualifiedKinds(toProto(k, InspectionKind.class)));
        }
        return i;
    }

    static InspectorView view(Inspector i) {
        return new InspectorView(
                i.getId(),
                i.getName(),
                i.getCertificateNumber(),
                shortName(i.getAuthorityLevel()),
                Times.text(i.getValidFrom()),
                Times.text(i.getValidUntil()),
                i.getQualifiedKindsList().stream().map(ProtoEnums::shortName).toList(),
                emptyToNull(i.getPseudonym()),
                emptyToNull(i.getSubject()),
                Times.text(i.getCreateTime()));
    }

    static InspectionPlan.Builder plan(PlanBody body) {
        PlanTargets.Builder targets = PlanTargets.newBuilder();
        if (body.targets() != null) {
            targets.setParentUnitId(nullToEmpty(body.targets().parentUnitId()))
                    .setUnitType(toProto(body.targets().unitType(), org.sqm.proto.standards.v1.UnitType.class));
            if (body.targets().unitIds() != null) {
                body.targets().unitIds().forEach(id -> targets.addUnitIds(nullToEmpty(id)));
            }
        }
        InspectionPlan.Builder p = InspectionPlan.newBuilder()
                .setName(nullToEmpty(body.name()))
                .setKind(toProto(body.kind(), InspectionKind.class))
                .setAuthorityLevel(toProto(body.authorityLevel(), AuthorityLevel.class))
                .setStandardCode(nullToEmpty(body.standardCode()))
                .setTargets(targets)
                .setCadence(toProto(body.cadence(), Cadence.class))
                .setStartDate(nullToEmpty(body.startDate()))
                .setEndDate(nullToEmpty(body.endDate()))
                .setTimeZone(nullToEmpty(body.timeZone()))
                .setSampleSize(body.sampleSize() == null ? 0 : body.sampleSize());
        if (body.explicitDates() != null) {
            body.explicitDates().forEach(d -> p.addExplicitDates(nullToEmpty(d)));
        }
        return p;
    }

    static PlanView view(InspectionPlan p) {
        var t = p.getTargets();
        return new PlanView(
                p.getId(),
                p.getName(),
                shortName(p.getKind()),
                shortName(p.getAuthorityLevel()),
                p.getStandardCode(),
                new TargetsBody(
                        t.getUnitIdsCount() == 0 ? null : t.getUnitIdsList(),
                        emptyToNull(t.getParentUnitId()),
                        toDomain(t.getUnitType(), UnitType.class)),
                shortName(p.getCadence()),
                p.getExplicitDatesCount() == 0 ? null : p.getExplicitDatesList(),
                p.getStartDate(),
                p.getEndDate(),
                p.getTimeZone(),
                p.getSampleSize(),
                Times.text(p.getCreateTime()));
    }

    static Inspection.Builder inspection(InspectionBody body) {
        Inspection.Builder i = Inspection.newBuilder()
                .setUnitId(nullToEmpty(body.unitId()))
                .setKind(toProto(body.kind(), InspectionKind.class))
                .setAuthorityLevel(toProto(body.authorityLevel(), AuthorityLevel.class))
                .setStandardCode(nullToEmpty(body.standardCode()))
                .setStandardId(nullToEmpty(body.standardId()));
        if (body.windowStart() != null) {
            i.setWindowStart(Times.timestamp("windowStart", body.windowStart()));
        }
        if (body.windowEnd() != null) {
            i.setWindowEnd(Times.timestamp("windowEnd", body.windowEnd()));
        }
        if (body.origin() != null) {
            i.setOrigin(InspectionOrigins.proto(body.origin()));
        }
        return i;
    }

    public static InspectionView view(Inspection i) {
        return new InspectionView(
                i.getId(),
                i.getUnitId(),
                shortName(i.getKind()),
                shortName(i.getAuthorityLevel()),
                emptyToNull(i.getPlanId()),
                i.getStandardId(),
                i.getStandardCode(),
                i.getStandardVersion(),
                Times.text(i.getWindowStart()),
                Times.text(i.getWindowEnd()),
                shortName(i.getStatus()),
                i.getMissed(),
                i.getInspectorsList().stream()
                        .map(a -> new AssignedView(
                                a.getInspectorId(), a.getDisplayName(), shortName(a.getAuthorityLevel())))
                        .toList(),
                i.hasMysteryShopping() ? view(i.getMysteryShopping()) : null,
                i.getElementsCount() == 0
                        ? null
                        : i.getElementsList().stream()
                                .map(InspectionMapping::view)
                                .toList(),
                i.getRatingsCount() == 0
                        ? null
                        : i.getRatingsList().stream()
                                .map(InspectionMapping::view)
                                .toList(),
                i.getRatedCount(),
                emptyToNull(i.getStatusNote()),
                Times.text(i.getCreateTime()),
                Times.textOrNull(i.hasStartTime(), i.getStartTime()),
                Times.textOrNull(i.hasSubmitTime(), i.getSubmitTime()),
                Times.textOrNull(i.hasFinalizeTime(), i.getFinalizeTime()),
                i.hasScore() ? view(i.getScore()) : null,
                history(i.getHistoryList(), InspectionMapping::view),
                i.hasOrigin() ? InspectionOrigins.view(i.getOrigin()) : null);
    }

    static ScoreView view(InspectionScore s) {
        return new ScoreView(
                s.hasScore() ? s.getScore() : null,
                s.getCountedElements(),
                s.getCountedWeight(),
                s.getCriteriaList().stream()
                        .map(c -> new CriterionScoreView(
                                c.getCriterionCode(),
                                c.hasScore() ? c.getScore() : null,
                                c.getCountedElements(),
                                c.getCountedWeight()))
                        .toList(),
                s.getFailed(),
                s.getFailedElementCodesList());
    }

    /** The moves as views; null (left out of the JSON) when the answer carries none, as lists do. */
    static <M> List<MoveView> history(List<M> moves, Function<M, MoveView> view) {
        return moves.isEmpty() ? null : moves.stream().map(view).toList();
    }

    private static MoveView move(
            Timestamp time,
            String actor,
            String action,
            ProtocolMessageEnum from,
            ProtocolMessageEnum to,
            String note) {
        return new MoveView(Times.text(time), actor, action, shortName(from), shortName(to), emptyToNull(note));
    }

    static MoveView view(InspectionMove m) {
        return move(m.getTime(), m.getActor(), m.getAction(), m.getFromStatus(), m.getToStatus(), m.getNote());
    }

    static MoveView view(RectificationMove m) {
        return move(m.getTime(), m.getActor(), m.getAction(), m.getFromStatus(), m.getToStatus(), m.getNote());
    }

    static MoveView view(SupervisionMove m) {
        return move(m.getTime(), m.getActor(), m.getAction(), m.getFromStatus(), m.getToStatus(), m.getNote());
    }

    static MysteryShoppingContact contact(ContactBody body) {
        MysteryShoppingContact.Builder c = MysteryShoppingContact.newBuilder()
                .setMode(toProto(body.mode(), ContactMode.class))
                .setScenario(nullToEmpty(body.scenario()));
        if (body.contactTime() != null) {
            c.setContactTime(Times.timestamp("contactTime", body.contactTime()));
        }
        return c.build();
    }

    private static ContactBody view(MysteryShoppingContact c) {
        return new ContactBody(
                toDomain(c.getMode(), InspectionViews.ContactMode.class),
                Times.text(c.getContactTime()),
                c.getScenario());
    }

    private static ElementView view(InspectedElement e) {
        return new ElementView(
                e.getCode(),
                e.getTitle(),
                e.getCriterionCode(),
                e.getSubCriterionCode(),
                e.getWeight(),
                e.getMandatory(),
                e.getCritical());
    }

    private static RatingView view(Rating r) {
        return new RatingView(
                r.getElementCode(),
                emptyToNull(r.getLevelCode()),
                r.hasScore() ? r.getScore() : null,
                r.getNotApplicable(),
                emptyToNull(r.getJustification()),
                emptyToNull(r.getEvidenceNotes()),
                r.getAttachmentsCount() == 0
                        ? null
                        : r.getAttachmentsList().stream()
                                .map(a -> new AttachmentBody(a.getUri(), a.getSha256()))
                                .toList(),
                emptyToNull(r.getObservations()),
                r.getInterviewsCount() == 0
                        ? null
                        : r.getInterviewsList().stream()
                                .map(n -> new InterviewBody(
                                        toDomain(n.getGroup(), InspectionViews.IntervieweeGroup.class), n.getNote()))
                                .toList(),
                r.getMeetsRequirement(),
                r.getPoints(),
                Times.textOrNull(r.hasUpdateTime(), r.getUpdateTime()));
    }

    static Rating rating(RatingBody b) {
        if (b == null) {
            throw new InvalidRequestException("ratings", "must not hold null");
        }
        Rating.Builder r = Rating.newBuilder()
                .setElementCode(nullToEmpty(b.elementCode()))
                .setLevelCode(nullToEmpty(b.levelCode()))
                .setNotApplicable(Boolean.TRUE.equals(b.notApplicable()))
                .setJustification(nullToEmpty(b.justification()))
                .setEvidenceNotes(nullToEmpty(b.evidenceNotes()))
                .setObservations(nullToEmpty(b.observations()));
        if (b.score() != null) {
            r.setScore(b.score());
        }
        for (AttachmentBody a : b.attachments() == null ? List.<AttachmentBody>of() : b.attachments()) {
            r.addAttachments(Attachment.newBuilder()
                    .setUri(a == null ? "" : nullToEmpty(a.uri()))
                    .setSha256(a == null ? "" : nullToEmpty(a.sha256())));
        }
        for (InterviewBody n : b.interviews() == null ? List.<InterviewBody>of() : b.interviews()) {
            r.addInterviews(Interview.newBuilder()
                    .setNote(n == null ? "" : nullToEmpty(n.note()))
                    .setGroup(toProto(n == null ? null : n.group(), IntervieweeGroup.class)));
        }
        return r.build();
    }

    static ResultView view(InspectionResult r) {
        return new ResultView(
                r.getInspectionId(),
                r.getUnitId(),
                shortName(r.getKind()),
                shortName(r.getAuthorityLevel()),
                r.getStandardId(),
                r.getStandardCode(),
                r.getStandardVersion(),
                Times.text(r.getWindowStart()),
                Times.text(r.getFinalizeTime()),
                r.getRatingsList().stream()
                        .map(x -> new ResultRatingView(
                                view(x.getElement()),
                                x.getRated(),
                                emptyToNull(x.getLevelCode()),
                                x.getPoints(),
                                x.getNotApplicable(),
                                x.getMeetsRequirement()))
                        .toList(),
                r.hasScore() ? view(r.getScore()) : null);
    }

    static ComparisonView view(InspectionComparison c) {
        return new ComparisonView(
                c.getInspectionId(),
                emptyToNull(c.getPreviousInspectionId()),
                c.getElementsList().stream()
                        .map(e -> new ComparedView(
                                e.getElementCode(),
                                e.getTitle(),
                                e.hasCurrent() ? view(e.getCurrent()) : null,
                                e.hasPrevious() ? view(e.getPrevious()) : null,
                                shortName(e.getChange())))
                        .toList());
    }

    public static OrderView view(RectificationOrder o) {
        var f = o.getFinding();
        return new OrderView(
                o.getId(),
                new FindingView(
                        f.getId(),
                        f.getInspectionId(),
                        f.getUnitId(),
                        f.getElementCode(),
                        f.getElementTitle(),
                        emptyToNull(f.getLevelCode()),
                        f.getPoints(),
                        shortName(f.getSeverity()),
                        emptyToNull(f.getEvidenceNotes())),
                o.getOwnerUnitId(),
                o.getDescription(),
                Times.text(o.getDueTime()),
                shortName(o.getStatus()),
                o.getOverdue(),
                o.getReopenCount(),
                emptyToNull(o.getCompletionNote()),
                emptyToNull(o.getVerificationNote()),
                Times.text(o.getCreateTime()),
                Times.textOrNull(o.hasDoneTime(), o.getDoneTime()),
                Times.textOrNull(o.hasVerifyTime(), o.getVerifyTime()),
                history(o.getHistoryList(), InspectionMapping::view));
    }
}
