package org.sqm.inspection.mapping;

import static org.sqm.commons.convert.ProtoTime.instantOrNull;
import static org.sqm.commons.convert.ProtoTime.timestamp;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.sqm.commons.convert.ProtoEnums;
import org.sqm.commons.convert.Texts;
import org.sqm.commons.persistence.Etags;
import org.sqm.inspection.domain.InspectorEntity;
import org.sqm.inspection.domain.RatingEntity;
import org.sqm.inspection.domain.ScoreCard;
import org.sqm.inspection.domain.StandardSnapshot;
import org.sqm.inspection.service.InspectionCreation;
import org.sqm.inspection.service.InspectionRating;
import org.sqm.inspection.service.InspectionResults;
import org.sqm.inspection.service.InspectionView;
import org.sqm.proto.inspection.v1.AssignedInspector;
import org.sqm.proto.inspection.v1.Attachment;
import org.sqm.proto.inspection.v1.AuthorityLevel;
import org.sqm.proto.inspection.v1.ComparedElement;
import org.sqm.proto.inspection.v1.ContactMode;
import org.sqm.proto.inspection.v1.CriterionScore;
import org.sqm.proto.inspection.v1.InspectedElement;
import org.sqm.proto.inspection.v1.Inspection;
import org.sqm.proto.inspection.v1.InspectionComparison;
import org.sqm.proto.inspection.v1.InspectionKind;
import org.sqm.proto.inspection.v1.InspectionMove;
import org.sqm.proto.inspection.v1.InspectionOrigin;
import org.sqm.proto.inspection.v1.InspectionResult;
import org.sqm.proto.inspection.v1.InspectionScore;
import org.sqm.proto.inspection.v1.InspectionStatus;
import org.sqm.proto.inspection.v1.Interview;
import org.sqm.proto.inspection.v1.IntervieweeGroup;
import org.sqm.proto.inspection.v1.MysteryShoppingContact;
import org.sqm.proto.inspection.v1.OriginFigure;
import org.sqm.proto.inspection.v1.Rating;
import org.sqm.proto.inspection.v1.RatingChange;
import org.sqm.proto.inspection.v1.ResultRating;

/** Translates between the inspection contract and the domain. */
public final class InspectionMapper {

    private InspectionMapper() {}

    public static InspectionCreation.NewInspection toNewInspection(Inspection i) {
        return new InspectionCreation.NewInspection(
                i.getUnitId(),
                ProtoEnums.toDomain(i.getKind(), org.sqm.inspection.domain.InspectionKind.class),
                ProtoEnums.toDomain(i.getAuthorityLevel(), org.sqm.inspection.domain.AuthorityLevel.class),
                i.getStandardCode(),
                i.getStandardId(),
                instantOrNull(i.hasWindowStart(), i.getWindowStart()),
                instantOrNull(i.hasWindowEnd(), i.getWindowEnd()),
                i.hasOrigin() ? toDomain(i.getOrigin()) : null);
    }

    static org.sqm.inspection.domain.InspectionOrigin toDomain(InspectionOrigin o) {
        return new org.sqm.inspection.domain.InspectionOrigin(
                o.getRequestedBy(),
                o.getReference(),
                o.getReason(),
                o.getFiguresList().stream()
                        .map(f -> new org.sqm.inspection.domain.InspectionOrigin.Figure(
                                f.getName(), f.getPeriod(), f.getValue()))
                        .toList());
    }

    static InspectionOrigin toProto(org.sqm.inspection.domain.InspectionOrigin o) {
        return InspectionOrigin.newBuilder()
                .setRequestedBy(o.requestedBy())
                .setReference(o.reference())
                .setReason(o.reason())
                .addAllFigures(o.figures().stream()
                        .map(f -> OriginFigure.newBuilder()
                                .setName(f.name())
                                .setPeriod(Texts.nullToEmpty(f.period()))
                                .setValue(f.value())
                                .build())
                        .toList())
                .build();
    }

    public static InspectionRating.NewRating toNewRating(Rating r) {
        return new InspectionRating.NewRating(
                r.getElementCode(),
                r.getLevelCode(),
                r.hasScore() ? r.getScore() : null,
                r.getNotApplicable(),
                r.getJustification(),
                r.getEvidenceNotes(),
                r.getAttachmentsList().stream()
                        .map(a -> new RatingEntity.Attachment(a.getUri(), a.getSha256()))
                        .toList(),
                r.getObservations(),
                r.getInterviewsList().stream()
                        .map(n -> new RatingEntity.Interview(
                                ProtoEnums.toDomain(n.getGroup(), org.sqm.inspection.domain.IntervieweeGroup.class),
                                n.getNote()))
                        .toList());
    }

    public static org.sqm.inspection.domain.ContactMode toDomain(ContactMode mode) {
        return ProtoEnums.toDomain(mode, org.sqm.inspection.domain.ContactMode.class);
    }

    public static org.sqm.inspection.domain.InspectionStatus toDomain(InspectionStatus status) {
        return ProtoEnums.toDomain(status, org.sqm.inspection.domain.InspectionStatus.class);
    }

    public static org.sqm.inspection.domain.InspectionKind toDomain(InspectionKind kind) {
        return ProtoEnums.toDomain(kind, org.sqm.inspection.domain.InspectionKind.class);
    }

    public static org.sqm.inspection.domain.AuthorityLevel toDomain(AuthorityLevel level) {
        return ProtoEnums.toDomain(level, org.sqm.inspection.domain.AuthorityLevel.class);
    }

    public static Inspection toProto(InspectionView view) {
        var e = view.inspection();
        boolean shopping = e.kind == org.sqm.inspection.domain.InspectionKind.MYSTERY_SHOPPING;
        Inspection.Builder b = Inspection.newBuilder()
                .setId(e.id.toString())
                .setUnitId(e.unitId.toString())
                .setKind(ProtoEnums.toProto(e.kind, InspectionKind.class))
                .setAuthorityLevel(ProtoEnums.toProto(e.authorityLevel, AuthorityLevel.class))
                .setPlanId(e.planId == null ? "" : e.planId.toString())
                .setStandardId(view.standard().id().toString())
                .setStandardCode(view.standard().code())
                .setStandardVersion(view.standard().version())
                .setWindowStart(timestamp(e.windowStart))
                .setWindowEnd(timestamp(e.windowEnd))
                .setStatus(ProtoEnums.toProto(e.status, InspectionStatus.class))
                .setMissed(e.missed)
                .addAllInspectors(view.inspectors().stream()
                        .map(i -> inspector(i, shopping))
                        .toList())
                .addAllElements(view.standard().elements().stream()
                        .map(InspectionMapper::element)
                        .toList())
                .addAllRatings(
                        view.ratings().stream().map(InspectionMapper::rating).toList())
                .setStatusNote(Texts.nullToEmpty(e.statusNote))
                .setCreateTime(timestamp(e.createTime))
                .setEtag(Etags.of(e.version))
                .setRatedCount(view.ratedCount())
                .addAllHistory(MoveMapper.history(
                        view.history(), InspectionMove.getDefaultInstance(), InspectionStatus.class));
        if (e.scoreCard != null) {
            b.setScore(score(e.scoreCard));
        }
        if (e.origin != null) {
            b.setOrigin(toProto(e.origin));
        }
        if (e.contactTime != null) {
            b.setMysteryShopping(MysteryShoppingContact.newBuilder()
                    .setMode(ProtoEnums.toProto(e.contactMode, ContactMode.class))
                    .setContactTime(timestamp(e.contactTime))
                    .setScenario(e.contactScenario));
        }
        if (e.startTime != null) {
            b.setStartTime(timestamp(e.startTime));
        }
        if (e.submitTime != null) {
            b.setSubmitTime(timestamp(e.submitTime));
        }
        if (e.finalizeTime != null) {
            b.setFinalizeTime(timestamp(e.finalizeTime));
        }
        return UnitSide.shown(b.build());
    }

    /** Mystery shoppers stay anonymous: their inspections show the pseudonym, never the name. */
    private static AssignedInspector inspector(InspectorEntity i, boolean shopping) {
        return AssignedInspector.newBuilder()
                .setInspectorId(i.id.toString())
                .setDisplayName(shopping && i.pseudonym != null ? i.pseudonym : i.name)
                .setAuthorityLevel(ProtoEnums.toProto(i.authorityLevel, AuthorityLevel.class))
                .build();
    }

    static InspectedElement element(StandardSnapshot.Element el) {
        return InspectedElement.newBuilder()
                .setCode(el.code())
                .setTitle(el.title())
                .setCriterionCode(el.criterionCode())
                .setSubCriterionCode(el.subCriterionCode())
                .setWeight(el.weight())
                .setMandatory(el.mandatory())
                .setCritical(el.critical())
                .build();
    }

    static Rating rating(RatingEntity r) {
        Rating.Builder b = Rating.newBuilder()
                .setElementCode(r.elementCode)
                .setLevelCode(Texts.nullToEmpty(r.levelCode))
                .setNotApplicable(r.notApplicable)
                .setJustification(Texts.nullToEmpty(r.justification))
                .setEvidenceNotes(Texts.nullToEmpty(r.evidenceNotes))
                .addAllAttachments(r.attachments.stream()
                        .map(a -> Attachment.newBuilder()
                                .setUri(a.uri())
                                .setSha256(a.sha256())
                                .build())
                        .toList())
                .setObservations(Texts.nullToEmpty(r.observations))
                .addAllInterviews(r.interviews.stream()
                        .map(n -> Interview.newBuilder()
                                .setGroup(ProtoEnums.toProto(n.group(), IntervieweeGroup.class))
                                .setNote(n.note())
                                .build())
                        .toList())
                .setMeetsRequirement(r.meetsRequirement)
                .setPoints(r.points)
                .setUpdateTime(timestamp(r.updateTime));
        if (r.score != null) {
            b.setScore(r.score);
        }
        return b.build();
    }

    public static InspectionResult toResult(InspectionView view) {
        Map<String, RatingEntity> byCode =
                view.ratings().stream().collect(Collectors.toMap(r -> r.elementCode, Function.identity()));
        InspectionResult.Builder b = scoreResult(view);
        for (StandardSnapshot.Element el : view.standard().elements()) {
            RatingEntity r = byCode.get(el.code());
            ResultRating.Builder rr =
                    ResultRating.newBuilder().setElement(element(el)).setRated(r != null);
            if (r != null) {
                rr.setLevelCode(Texts.nullToEmpty(r.levelCode))
                        .setPoints(r.points)
                        .setNotApplicable(r.notApplicable)
                        .setMeetsRequirement(r.meetsRequirement);
            }
            b.addRatings(rr);
        }
        return b.build();
    }

    /** A result without its ratings: the inspection, its standard version, times and score. */
    public static InspectionResult.Builder scoreResult(InspectionView view) {
        var e = view.inspection();
        InspectionResult.Builder b = InspectionResult.newBuilder()
                .setInspectionId(e.id.toString())
                .setUnitId(e.unitId.toString())
                .setKind(ProtoEnums.toProto(e.kind, InspectionKind.class))
                .setAuthorityLevel(ProtoEnums.toProto(e.authorityLevel, AuthorityLevel.class))
                .setStandardId(view.standard().id().toString())
                .setStandardCode(view.standard().code())
                .setStandardVersion(view.standard().version())
                .setWindowStart(timestamp(e.windowStart))
                .setFinalizeTime(timestamp(e.finalizeTime));
        if (e.scoreCard != null) {
            b.setScore(score(e.scoreCard));
        }
        return b;
    }

    static InspectionScore score(ScoreCard card) {
        InspectionScore.Builder b = InspectionScore.newBuilder()
                .setCountedElements(card.countedElements())
                .setCountedWeight(card.countedWeight())
                .setFailed(card.failed())
                .addAllFailedElementCodes(card.failedElementCodes());
        if (card.score() != null) {
            b.setScore(card.score().doubleValue());
        }
        for (ScoreCard.CriterionScore c : card.criteria()) {
            CriterionScore.Builder cb = CriterionScore.newBuilder()
                    .setCriterionCode(c.criterionCode())
                    .setCountedElements(c.countedElements())
                    .setCountedWeight(c.countedWeight());
            if (c.score() != null) {
                cb.setScore(c.score().doubleValue());
            }
            b.addCriteria(cb);
        }
        return b.build();
    }

    public static InspectionComparison toProto(InspectionResults.Comparison c) {
        InspectionComparison.Builder b = InspectionComparison.newBuilder()
                .setInspectionId(c.inspectionId().toString())
                .setPreviousInspectionId(
                        c.previousId() == null ? "" : c.previousId().toString());
        for (InspectionResults.ComparedElement row : c.elements()) {
            ComparedElement.Builder r = ComparedElement.newBuilder()
                    .setElementCode(row.element().code())
                    .setTitle(row.element().title())
                    .setChange(ProtoEnums.fromShortName(row.change(), RatingChange.class));
            if (row.current() != null) {
                r.setCurrent(rating(row.current()));
            }
            if (row.previous() != null) {
                r.setPrevious(rating(row.previous()));
            }
            b.addElements(r);
        }
        return b.build();
    }
}
