package org.sqm.scoring.mapping;

import static org.sqm.commons.convert.ProtoTime.timestamp;

import java.util.Arrays;
import org.sqm.commons.convert.ProtoEnums;
import org.sqm.commons.paging.PageTokens;
import org.sqm.proto.scoring.v1.Certification;
import org.sqm.proto.scoring.v1.CertificationEvent;
import org.sqm.proto.scoring.v1.CertificationStatus;
import org.sqm.proto.scoring.v1.ListCertificationsRequest;
import org.sqm.proto.scoring.v1.ListCertificationsResponse;
import org.sqm.scoring.domain.CertificationEntity;
import org.sqm.scoring.domain.CertificationEventEntity;
import org.sqm.scoring.service.Certifications;

/** Translates between the certification contract and the certifications with their history. */
public final class CertificationMapper {

    private CertificationMapper() {}

    public static Certification toProto(Certifications.View view) {
        CertificationEntity c = view.certification();
        Certification.Builder b = Certification.newBuilder()
                .setId(c.id.toString())
                .setUnitId(c.unitId.toString())
                .setRulesCode(c.rulesCode)
                .setRulesId(c.rulesId.toString())
                .setStatus(ProtoEnums.toProto(c.status, CertificationStatus.class))
                .setGrantTime(timestamp(c.grantTime))
                .setValidUntil(timestamp(c.validUntil))
                .setNextReviewDueTime(timestamp(c.nextReviewDueTime))
                .setNextReviewIsReassessment(c.nextReviewIsReassessment)
                .setPlannedInspectionId(c.plannedInspectionId == null ? "" : c.plannedInspectionId.toString())
                .setLatestDecisionId(c.latestDecisionId.toString())
                .addAllActionPlanOrderIds(Arrays.stream(c.actionPlanOrderIds)
                        .map(Object::toString)
                        .toList())
                .setEtag(view.etag());
        if (c.actionPlanDueTime != null) {
            b.setActionPlanDueTime(timestamp(c.actionPlanDueTime));
        }
        view.history().forEach(e -> b.addHistory(toProto(e)));
        return b.build();
    }

    static CertificationEvent toProto(CertificationEventEntity e) {
        return CertificationEvent.newBuilder()
                .setTime(timestamp(e.time))
                .setAction(e.action.name())
                .setFromStatus(ProtoEnums.toProto(e.fromStatus, CertificationStatus.class))
                .setToStatus(ProtoEnums.toProto(e.toStatus, CertificationStatus.class))
                .setReason(e.reason)
                .setActor(e.actor)
                .setDecisionId(e.decisionId == null ? "" : e.decisionId.toString())
                .setPlannedInspectionId(e.plannedInspectionId == null ? "" : e.plannedInspectionId.toString())
                .build();
    }

    public static ListCertificationsResponse toProto(PageTokens.Page<Certifications.View> page) {
        return ListCertificationsResponse.newBuilder()
                .addAllCertifications(
                        page.items().stream().map(CertificationMapper::toProto).toList())
                .setNextPageToken(page.nextPageToken())
                .build();
    }

    public static Certifications.Filter toFilter(ListCertificationsRequest request) {
        org.sqm.scoring.domain.CertificationStatus status =
                ProtoEnums.toDomain(request.getStatus(), org.sqm.scoring.domain.CertificationStatus.class);
        return new Certifications.Filter(request.getUnitId(), status, request.getStatusValue() == 0 || status != null);
    }
}
