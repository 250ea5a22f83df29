package org.sqm.inspection.mapping;

import static org.sqm.commons.convert.ProtoTime.timestamp;

import org.sqm.commons.convert.ProtoEnums;
import org.sqm.commons.convert.ProtoTime;
import org.sqm.commons.convert.Texts;
import org.sqm.commons.persistence.Etags;
import org.sqm.inspection.domain.FindingEntity;
import org.sqm.inspection.domain.RectificationOrderEntity;
import org.sqm.inspection.service.RectificationOrders;
import org.sqm.proto.inspection.v1.Finding;
import org.sqm.proto.inspection.v1.FindingSeverity;
import org.sqm.proto.inspection.v1.RectificationMove;
import org.sqm.proto.inspection.v1.RectificationOrder;
import org.sqm.proto.inspection.v1.RectificationStatus;

/** Translates rectification orders and their findings to the contract. */
public final class RectificationMapper {

    private RectificationMapper() {}

    /** An order with its history, as a read or a change answers it. */
    public static RectificationOrder toProto(RectificationOrders.OrderView view) {
        return UnitSide.shown(toProto(view.order()).toBuilder()
                .addAllHistory(MoveMapper.history(
                        view.history(), RectificationMove.getDefaultInstance(), RectificationStatus.class))
                .build());
    }

    /** An order as a list shows it, without its history. */
    public static RectificationOrder toProto(RectificationOrderEntity o) {
        RectificationOrder.Builder b = RectificationOrder.newBuilder()
                .setId(o.id.toString())
                .setFinding(toProto(o.finding))
                .setOwnerUnitId(o.ownerUnitId.toString())
                .setDescription(o.description)
                .setDueTime(timestamp(o.dueTime))
                .setStatus(ProtoEnums.toProto(o.status, RectificationStatus.class))
                .setOverdue(o.overdue)
                .setReopenCount(o.reopenCount)
                .setCompletionNote(Texts.nullToEmpty(o.completionNote))
                .setVerificationNote(Texts.nullToEmpty(o.verificationNote))
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

    /** The new values of an update (AIP-134); which of them apply is the mask's business. */
    public static RectificationOrders.OrderChange toChange(RectificationOrder order, String actor) {
        return new RectificationOrders.OrderChange(
                order.getId(),
                order.getEtag(),
                order.getOwnerUnitId(),
                order.getDescription(),
                ProtoTime.instantOrNull("order.due_time", order.hasDueTime(), order.getDueTime()),
                actor);
    }

    public static org.sqm.inspection.domain.RectificationStatus toDomain(RectificationStatus status) {
        return ProtoEnums.toDomain(status, org.sqm.inspection.domain.RectificationStatus.class);
    }

    static Finding toProto(FindingEntity f) {
        return Finding.newBuilder()
                .setId(f.id.toString())
                .setInspectionId(f.inspectionId.toString())
                .setUnitId(f.unitId.toString())
                .setElementCode(f.elementCode)
                .setElementTitle(f.elementTitle)
                .setLevelCode(Texts.nullToEmpty(f.levelCode))
                .setPoints(f.points)
                .setSeverity(ProtoEnums.toProto(f.severity, FindingSeverity.class))
                .setEvidenceNotes(Texts.nullToEmpty(f.evidenceNotes))
                .build();
    }
}
