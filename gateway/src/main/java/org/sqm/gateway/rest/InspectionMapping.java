package org.sqm.gateway.rest;

import static org.sqm.gateway.rest.Paging.emptyToNull;
import static org.sqm.gateway.rest.Paging.enumName;
import static org.sqm.gateway.rest.Paging.nz;

import java.util.List;
import org.sqm.gateway.rest.InspectionViews.AssignedView;
import org.sqm.gateway.rest.InspectionViews.AttachmentBody;
import org.sqm.gateway.rest.InspectionViews.ComparedView;
import org.sqm.gateway.rest.InspectionViews.ComparisonView;
import org.sqm.gateway.rest.InspectionViews.ContactBody;
import org.sqm.gateway.rest.InspectionViews.ElementView;
import org.sqm.gateway.rest.InspectionViews.FindingView;
import org.sqm.gateway.rest.InspectionViews.InspectionView;
import org.sqm.gateway.rest.InspectionViews.InspectorView;
import org.sqm.gateway.rest.InspectionViews.InterviewBody;
import org.sqm.gateway.rest.InspectionViews.OrderView;
import org.sqm.gateway.rest.InspectionViews.PlanView;
import org.sqm.gateway.rest.InspectionViews.RatingBody;
import org.sqm.gateway.rest.InspectionViews.RatingView;
import org.sqm.gateway.rest.InspectionViews.ResultRatingView;
import org.sqm.gateway.rest.InspectionViews.ResultView;
import org.sqm.proto.inspection.v1.Attachment;
import org.sqm.proto.inspection.v1.AuthorityLevel;
import org.sqm.proto.inspection.v1.InspectedElement;
import org.sqm.proto.inspection.v1.Inspection;
import org.sqm.proto.inspection.v1.InspectionComparison;
import org.sqm.proto.inspection.v1.InspectionKind;
import org.sqm.proto.inspection.v1.InspectionPlan;
import org.sqm.proto.inspection.v1.InspectionResult;
import org.sqm.proto.inspection.v1.Inspector;
import org.sqm.proto.inspection.v1.Interview;
import org.sqm.proto.inspection.v1.IntervieweeGroup;
import org.sqm.proto.inspection.v1.Rating;
import org.sqm.proto.inspection.v1.RectificationOrder;

/** Inspection-service messages to REST views and REST bodies to messages. */
final class InspectionMapping {

    static final String KIND = "INSPECTION_KIND_";
    static final String AUTHORITY = "AUTHORITY_LEVEL_";

    private InspectionMapping() {}

    static InspectionKind kind(InspectionViews.Kind kind) {
        return kind == null ? InspectionKind.INSPECTION_KIND_UNSPECIFIED : InspectionKind.valueOf(KIND + kind.name());
    }

    static AuthorityLevel authority(InspectionViews.Authority level) {
        return level == null
                ? AuthorityLevel.AUTHORITY_LEVEL_UNSPECIFIED
                : AuthorityLevel.valueOf(AUTHORITY + level.name());
    }

    static InspectorView inspector(Inspector i) {
        return new InspectorView(
                i.getId(),
                i.getName(),
                i.getCertificateNumber(),
                enumName(i.getAuthorityLevel(), AUTHORITY),
                Times.toRest(i.getValidFrom()),
                Times.toRest(i.getValidUntil()),
                i.getQualifiedKindsList().stream().map(k -> enumName(k, KIND)).toList(),
                emptyToNull(i.getPseudonym()),
                Times.toRest(i.getCreateTime()));
    }

    static PlanView plan(InspectionPlan p) {
        var t = p.getTargets();
        return new PlanView(
                p.getId(),
                p.getName(),
                enumName(p.getKind(), KIND),
                enumName(p.getAuthorityLevel(), AUTHORITY),
                p.getStandardCode(),
                new InspectionViews.TargetsBody(
                        t.getUnitIdsCount() == 0 ? null : t.getUnitIdsList(),
                        emptyToNull(t.getParentUnitId()),
                        t.getUnitType() == org.sqm.proto.standards.v1.UnitType.UNIT_TYPE_UNSPECIFIED
                                ? null
                                : UnitType.valueOf(enumName(t.getUnitType(), "UNIT_TYPE_"))),
                enumName(p.getCadence(), "CADENCE_"),
                p.getExplicitDatesCount() == 0 ? null : p.getExplicitDatesList(),
                p.getStartDate(),
                p.getEndDate(),
                p.getTimeZone(),
                Times.toRest(p.getCreateTime()));
    }

    static InspectionView inspection(Inspection i) {
        return new InspectionView(
                i.getId(),
                i.getUnitId(),
                enumName(i.getKind(), KIND),
                enumName(i.getAuthorityLevel(), AUTHORITY),
                emptyToNull(i.getPlanId()),
                i.getStandardId(),
                i.getStandardCode(),
                i.getStandardVersion(),
                Times.toRest(i.getWindowStart()),
                Times.toRest(i.getWindowEnd()),
                enumName(i.getStatus(), "INSPECTION_STATUS_"),
                i.getMissed(),
                i.getInspectorsList().stream()
                        .map(a -> new AssignedView(
                                a.getInspectorId(), a.getDisplayName(), enumName(a.getAuthorityLevel(), AUTHORITY)))
                        .toList(),
                i.hasMysteryShopping()
                        ? new ContactBody(
                                InspectionViews.ContactMode.valueOf(
                                        enumName(i.getMysteryShopping().getMode(), "CONTACT_MODE_")),
                                Times.toRest(i.getMysteryShopping().getContactTime()),
                                i.getMysteryShopping().getScenario())
                        : null,
                i.getElementsCount() == 0
                        ? null
                        : i.getElementsList().stream()
                                .map(InspectionMapping::element)
                                .toList(),
                i.getRatingsCount() == 0
                        ? null
                        : i.getRatingsList().stream()
                                .map(InspectionMapping::rating)
                                .toList(),
                i.getRatedCount(),
                emptyToNull(i.getStatusNote()),
                Times.toRest(i.getCreateTime()),
                i.hasStartTime() ? Times.toRest(i.getStartTime()) : null,
                i.hasSubmitTime() ? Times.toRest(i.getSubmitTime()) : null,
                i.hasFinalizeTime() ? Times.toRest(i.getFinalizeTime()) : null);
    }

    static ElementView element(InspectedElement e) {
        return new ElementView(
                e.getCode(),
                e.getTitle(),
                e.getCriterionCode(),
                e.getSubCriterionCode(),
                e.getWeight(),
                e.getMandatory(),
                e.getCritical());
    }

    static RatingView rating(Rating r) {
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
                                        InspectionViews.IntervieweeGroup.valueOf(
                                                enumName(n.getGroup(), "INTERVIEWEE_GROUP_")),
                                        n.getNote()))
                                .toList(),
                r.getMeetsRequirement(),
                r.getPoints(),
                r.hasUpdateTime() ? Times.toRest(r.getUpdateTime()) : null);
    }

    static Rating rating(RatingBody b) {
        if (b == null) {
            throw new org.sqm.gateway.error.InvalidRequestException("ratings", "must not hold null");
        }
        Rating.Builder r = Rating.newBuilder()
                .setElementCode(nz(b.elementCode()))
                .setLevelCode(nz(b.levelCode()))
                .setNotApplicable(Boolean.TRUE.equals(b.notApplicable()))
                .setJustification(nz(b.justification()))
                .setEvidenceNotes(nz(b.evidenceNotes()))
                .setObservations(nz(b.observations()));
        if (b.score() != null) {
            r.setScore(b.score());
        }
        for (AttachmentBody a : b.attachments() == null ? List.<AttachmentBody>of() : b.attachments()) {
            r.addAttachments(Attachment.newBuilder()
                    .setUri(a == null ? "" : nz(a.uri()))
                    .setSha256(a == null ? "" : nz(a.sha256())));
        }
        for (InterviewBody n : b.interviews() == null ? List.<InterviewBody>of() : b.interviews()) {
            Interview.Builder interview = Interview.newBuilder().setNote(n == null ? "" : nz(n.note()));
            if (n != null && n.group() != null) {
                interview.setGroup(IntervieweeGroup.valueOf(
                        "INTERVIEWEE_GROUP_" + n.group().name()));
            }
            r.addInterviews(interview);
        }
        return r.build();
    }

    static ResultView result(InspectionResult r) {
        return new ResultView(
                r.getInspectionId(),
                r.getUnitId(),
                enumName(r.getKind(), KIND),
                enumName(r.getAuthorityLevel(), AUTHORITY),
                r.getStandardId(),
                r.getStandardCode(),
                r.getStandardVersion(),
                Times.toRest(r.getWindowStart()),
                Times.toRest(r.getFinalizeTime()),
                r.getRatingsList().stream()
                        .map(x -> new ResultRatingView(
                                element(x.getElement()),
                                x.getRated(),
                                emptyToNull(x.getLevelCode()),
                                x.getPoints(),
                                x.getNotApplicable(),
                                x.getMeetsRequirement()))
                        .toList());
    }

    static ComparisonView comparison(InspectionComparison c) {
        return new ComparisonView(
                c.getInspectionId(),
                emptyToNull(c.getPreviousInspectionId()),
                c.getElementsList().stream()
                        .map(e -> new ComparedView(
                                e.getElementCode(),
                                e.getTitle(),
                                e.hasCurrent() ? rating(e.getCurrent()) : null,
                                e.hasPrevious() ? rating(e.getPrevious()) : null,
                                enumName(e.getChange(), "RATING_CHANGE_")))
                        .toList());
    }

    static OrderView order(RectificationOrder o) {
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
                        enumName(f.getSeverity(), "FINDING_SEVERITY_"),
                        emptyToNull(f.getEvidenceNotes())),
                o.getOwnerUnitId(),
                o.getDescription(),
                Times.toRest(o.getDueTime()),
                enumName(o.getStatus(), "RECTIFICATION_STATUS_"),
                o.getOverdue(),
                o.getReopenCount(),
                emptyToNull(o.getCompletionNote()),
                emptyToNull(o.getVerificationNote()),
                Times.toRest(o.getCreateTime()),
                o.hasDoneTime() ? Times.toRest(o.getDoneTime()) : null,
                o.hasVerifyTime() ? Times.toRest(o.getVerifyTime()) : null);
    }
}
