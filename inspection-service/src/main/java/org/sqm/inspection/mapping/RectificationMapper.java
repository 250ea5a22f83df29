package org.sqm.inspection.mapping;

import static org.sqm.commons.convert.ProtoTime.timestamp;

import org.sqm.commons.persistence.Etags;
import org.sqm.inspection.domain.FindingEntity;
import org.sqm.inspection.domain.RectificationOrderEntity;
import org.sqm.proto.inspection.v1.Finding;
import org.sqm.proto.inspection.v1.FindingSeverity;
import org.sqm.proto.inspection.v1.RectificationOrder;
import org.sqm.proto.inspection.v1.RectificationStatus;

/** Translates rectification orders and their findings to the contract. */
public final class RectificationMapper {

    private RectificationMapper() {}

    public static RectificationOrder toProto(RectificationOrderEntity o) {
        RectificationOrder.Builder b = RectificationOrder.newBuilder()
                .setId(o.id.toString())
                .setFinding(toProto(o.finding))
                .setOwnerUnitId(o.ownerUnitId.toString())
                .setDescription(o.description)
                .setDueTime(timestamp(o.dueTime))
                .setStatus(Enums.toProto(o.status, "RECTIFICATION_STATUS_", RectificationStatus.class))
                .setOverdue(o.overdue)
                .setReopenCount(o.reopenCount)
                .setCompletionNote(o.completionNote == null ? "" : o.completionNote)
                .setVerificationNote(o.verificationNote == null ? "" : o.verificationNote)
                .setCreateTime(timestamp(o.createTime))
                .setEtag(Etags.of(o.version));
        if (o.doneTime != null) {
            b.setDoneTime(timestamp(o.doneTime));
        }
        if (o.verifyTime != null) {
            b.setVerifyTime(timestamp(o.verifyTime));
        }
        return b.build();
    }

    public static org.sqm.inspection.domain.RectificationAction toDomain(
            org.sqm.proto.inspection.v1.RectificationAction action) {
        return Enums.toDomain(action, "RECTIFICATION_ACTION_", org.sqm.inspection.domain.RectificationAction.class);
    }

    public static org.sqm.inspection.domain.RectificationStatus toDomain(RectificationStatus status) {
        return Enums.toDomain(status, "RECTIFICATION_STATUS_", org.sqm.inspection.domain.RectificationStatus.class);
    }

    static Finding toProto(FindingEntity f) {
        return Finding.newBuilder()
                .setId(f.id.toString())
                .setInspectionId(f.inspectionId.toString())
                .setUnitId(f.unitId.toString())
                .setElementCode(f.elementCode)
                .setElementTitle(f.elementTitle)
                .setLevelCode(f.levelCode == null ? "" : f.levelCode)
                .setPoints(f.points)
                .setSeverity(Enums.toProto(f.severity, "FINDING_SEVERITY_", FindingSeverity.class))
                .setEvidenceNotes(f.evidenceNotes == null ? "" : f.evidenceNotes)
                .build();
    }
}
