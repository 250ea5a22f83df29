package org.sqm.inspection.mapping;

import static org.sqm.commons.convert.ProtoTime.instantOrNull;
import static org.sqm.commons.convert.ProtoTime.timestamp;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.sqm.commons.persistence.Etags;
import org.sqm.inspection.domain.InspectorEntity;
import org.sqm.inspection.domain.RatingEntity;
import org.sqm.inspection.domain.StandardSnapshot;
import org.sqm.inspection.service.InspectionService;
import org.sqm.proto.inspection.v1.AssignedInspector;
import org.sqm.proto.inspection.v1.Attachment;
import org.sqm.proto.inspection.v1.AuthorityLevel;
import org.sqm.proto.inspection.v1.ComparedElement;
import org.sqm.proto.inspection.v1.ContactMode;
import org.sqm.proto.inspection.v1.InspectedElement;
import org.sqm.proto.inspection.v1.Inspection;
import org.sqm.proto.inspection.v1.InspectionComparison;
import org.sqm.proto.inspection.v1.InspectionKind;
import org.sqm.proto.inspection.v1.InspectionResult;
import org.sqm.proto.inspection.v1.InspectionStatus;
import org.sqm.proto.inspection.v1.Interview;
import org.sqm.proto.inspection.v1.IntervieweeGroup;
import org.sqm.proto.inspection.v1.MysteryShoppingContact;
import org.sqm.proto.inspection.v1.Rating;
import org.sqm.proto.inspection.v1.RatingChange;
import org.sqm.proto.inspection.v1.ResultRating;

/** Translates between the inspection contract and the domain. */
public final class InspectionMapper {

    private InspectionMapper() {}

    public static InspectionService.NewInspection toNewInspection(Inspection i) {
        return new InspectionService.NewInspection(
                i.getUnitId(),
                Enums.toDomain(i.getKind(), "INSPECTION_KIND_", org.sqm.inspection.domain.InspectionKind.class),
                Enums.toDomain(
                        i.getAuthorityLevel(), "AUTHORITY_LEVEL_", org.sqm.inspection.domain.AuthorityLevel.class),
                i.getStandardCode(),
                i.getStandardId(),
                instantOrNull(i.hasWindowStart(), i.getWindowStart()),
                instantOrNull(i.hasWindowEnd(), i.getWindowEnd()));
    }

    public static InspectionService.NewRating toNewRating(Rating r) {
        return new InspectionService.NewRating(
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
                                Enums.toDomain(
                                        n.getGroup(),
                                        "INTERVIEWEE_GROUP_",
                                        org.sqm.inspection.domain.IntervieweeGroup.class),
                                n.getNote()))
                        .toList());
    }

    public static org.sqm.inspection.domain.InspectionAction toDomain(
            org.sqm.proto.inspection.v1.InspectionAction action) {
        return Enums.toDomain(action, "INSPECTION_ACTION_", org.sqm.inspection.domain.InspectionAction.class);
    }

    public static org.sqm.inspection.domain.ContactMode toDomain(ContactMode mode) {
        return Enums.toDomain(mode, "CONTACT_MODE_", org.sqm.inspection.domain.ContactMode.class);
    }

    public static org.sqm.inspection.domain.InspectionStatus toDomain(InspectionStatus status) {
        return Enums.toDomain(status, "INSPECTION_STATUS_", org.sqm.inspection.domain.InspectionStatus.class);
    }

    public static org.sqm.inspection.domain.InspectionKind toDomain(InspectionKind kind) {
        return Enums.toDomain(kind, "INSPECTION_KIND_", org.sqm.inspection.domain.InspectionKind.class);
    }

    public static org.sqm.inspection.domain.AuthorityLevel toDomain(AuthorityLevel level) {
        return Enums.toDomain(level, "AUTHORITY_LEVEL_", org.sqm.inspection.domain.AuthorityLevel.class);
    }

    public static Inspection toProto(InspectionService.InspectionView view) {
        var e = view.inspection();
        boolean shopping = e.kind == org.sqm.inspection.domain.InspectionKind.MYSTERY_SHOPPING;
        Inspection.Builder b = Inspection.newBuilder()
                .setId(e.id.toString())
                .setUnitId(e.unitId.toString())
                .setKind(Enums.toProto(e.kind, "INSPECTION_KIND_", InspectionKind.class))
                .setAuthorityLevel(Enums.toProto(e.authorityLevel, "AUTHORITY_LEVEL_", AuthorityLevel.class))
                .setPlanId(e.planId == null ? "" : e.planId.toString())
                .setStandardId(view.standard().id().toString())
                .setStandardCode(view.standard().code())
                .setStandardVersion(view.standard().version())
                .setWindowStart(timestamp(e.windowStart))
                .setWindowEnd(timestamp(e.windowEnd))
                .setStatus(Enums.toProto(e.status, "INSPECTION_STATUS_", InspectionStatus.class))
                .setMissed(e.missed)
                .addAllInspectors(view.inspectors().stream()
                        .map(i -> inspector(i, shopping))
                        .toList())
                .addAllElements(view.standard().elements().stream()
                        .map(InspectionMapper::element)
                        .toList())
                .addAllRatings(
                        view.ratings().stream().map(InspectionMapper::rating).toList())
                .setStatusNote(e.statusNote == null ? "" : e.statusNote)
                .setCreateTime(timestamp(e.createTime))
                .setEtag(Etags.of(e.version))
                .setRatedCount(view.ratedCount());
        if (e.contactTime != null) {
            b.setMysteryShopping(MysteryShoppingContact.newBuilder()
                    .setMode(Enums.toProto(e.contactMode, "CONTACT_MODE_", ContactMode.class))
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
        return b.build();
    }

    /** Mystery shoppers stay anonymous: their inspections show the pseudonym, never the name. */
    private static AssignedInspector inspector(InspectorEntity i, boolean shopping) {
        return AssignedInspector.newBuilder()
                .setInspectorId(i.id.toString())
                .setDisplayName(shopping && i.pseudonym != null ? i.pseudonym : i.name)
                .setAuthorityLevel(Enums.toProto(i.authorityLevel, "AUTHORITY_LEVEL_", AuthorityLevel.class))
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
                .setLevelCode(r.levelCode == null ? "" : r.levelCode)
                .setNotApplicable(r.notApplicable)
                .setJustification(r.justification == null ? "" : r.justification)
                .setEvidenceNotes(r.evidenceNotes == null ? "" : r.evidenceNotes)
                .addAllAttachments(r.attachments.stream()
                        .map(a -> Attachment.newBuilder()
                                .setUri(a.uri())
                                .setSha256(a.sha256())
                                .build())
                        .toList())
                .setObservations(r.observations == null ? "" : r.observations)
                .addAllInterviews(r.interviews.stream()
                        .map(n -> Interview.newBuilder()
                                .setGroup(Enums.toProto(n.group(), "INTERVIEWEE_GROUP_", IntervieweeGroup.class))
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

    public static InspectionResult toResult(InspectionService.InspectionView view) {
        var e = view.inspection();
        Map<String, RatingEntity> byCode =
                view.ratings().stream().collect(Collectors.toMap(r -> r.elementCode, Function.identity()));
        InspectionResult.Builder b = InspectionResult.newBuilder()
                .setInspectionId(e.id.toString())
                .setUnitId(e.unitId.toString())
                .setKind(Enums.toProto(e.kind, "INSPECTION_KIND_", InspectionKind.class))
                .setAuthorityLevel(Enums.toProto(e.authorityLevel, "AUTHORITY_LEVEL_", AuthorityLevel.class))
                .setStandardId(view.standard().id().toString())
                .setStandardCode(view.standard().code())
                .setStandardVersion(view.standard().version())
                .setWindowStart(timestamp(e.windowStart))
                .setFinalizeTime(timestamp(e.finalizeTime));
        for (StandardSnapshot.Element el : view.standard().elements()) {
            RatingEntity r = byCode.get(el.code());
            ResultRating.Builder rr =
                    ResultRating.newBuilder().setElement(element(el)).setRated(r != null);
            if (r != null) {
                rr.setLevelCode(r.levelCode == null ? "" : r.levelCode)
                        .setPoints(r.points)
                        .setNotApplicable(r.notApplicable)
                        .setMeetsRequirement(r.meetsRequirement);
            }
            b.addRatings(rr);
        }
        return b.build();
    }

    public static InspectionComparison toProto(InspectionService.Comparison c) {
        InspectionComparison.Builder b = InspectionComparison.newBuilder()
                .setInspectionId(c.inspectionId().toString())
                .setPreviousInspectionId(
                        c.previousId() == null ? "" : c.previousId().toString());
        for (InspectionService.ComparedElement row : c.elements()) {
            ComparedElement.Builder r = ComparedElement.newBuilder()
                    .setElementCode(row.element().code())
                    .setTitle(row.element().title())
                    .setChange(RatingChange.valueOf("RATING_CHANGE_" + row.change()));
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
