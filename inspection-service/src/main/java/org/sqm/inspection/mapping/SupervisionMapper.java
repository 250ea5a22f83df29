package org.sqm.inspection.mapping;

import static org.sqm.commons.convert.ProtoTime.timestamp;

import org.sqm.commons.convert.ProtoEnums;
import org.sqm.commons.convert.ProtoTime;
import org.sqm.commons.convert.Texts;
import org.sqm.commons.persistence.Etags;
import org.sqm.inspection.domain.SupervisionOrderEntity;
import org.sqm.inspection.domain.SupervisionReportEntity;
import org.sqm.inspection.service.SupervisionIssue;
import org.sqm.inspection.service.SupervisionView;
import org.sqm.proto.inspection.v1.AuthorityLevel;
import org.sqm.proto.inspection.v1.SupervisionMove;
import org.sqm.proto.inspection.v1.SupervisionOrder;
import org.sqm.proto.inspection.v1.SupervisionReport;
import org.sqm.proto.inspection.v1.SupervisionStatus;

/** Translates supervision orders between the contract and the domain. */
public final class SupervisionMapper {

    private SupervisionMapper() {}

    public static SupervisionIssue.NewSupervisionOrder toNew(SupervisionOrder o) {
        return new SupervisionIssue.NewSupervisionOrder(
                o.getUnitId(),
                ProtoEnums.toDomain(o.getAuthorityLevel(), org.sqm.inspection.domain.AuthorityLevel.class),
                o.getIssuer(),
                o.getRegulator(),
                o.getProblem(),
                ProtoTime.instantOrNull("order.due_time", o.hasDueTime(), o.getDueTime()),
                ProtoTime.durationOrNull("order.report_interval", o.hasReportInterval(), o.getReportInterval()));
    }

    public static org.sqm.inspection.domain.SupervisionStatus toDomain(SupervisionStatus status) {
        return ProtoEnums.toDomain(status, org.sqm.inspection.domain.SupervisionStatus.class);
    }

    public static SupervisionOrder toProto(SupervisionView view) {
        SupervisionOrderEntity o = view.order();
        SupervisionOrder.Builder b = SupervisionOrder.newBuilder()
                .setId(o.id.toString())
                .setUnitId(o.unitId.toString())
                .setAuthorityLevel(ProtoEnums.toProto(o.authorityLevel, AuthorityLevel.class))
                .setIssuer(o.issuer)
                .setRegulator(o.regulator)
                .setProblem(o.problem)
                .setIssueTime(timestamp(o.issueTime))
                .setDueTime(timestamp(o.dueTime))
                .setReportInterval(ProtoTime.duration(java.time.Duration.ofSeconds(o.reportIntervalSeconds)))
                .setStatus(ProtoEnums.toProto(o.status, SupervisionStatus.class))
                .setCause(Texts.nullToEmpty(o.cause))
                .setCompletionNote(Texts.nullToEmpty(o.completionNote))
                .setOverdue(o.overdue)
                .addAllReports(
                        view.reports().stream().map(SupervisionMapper::report).toList())
                .setReportsSubmitted(o.reportsSubmitted)
                .setLateReports(o.lateReports)
                .setMissingReports(view.missingReports())
                .setReportOverdue(o.reportOverdue)
                .addAllHistory(MoveMapper.history(
                        view.history(), SupervisionMove.getDefaultInstance(), SupervisionStatus.class))
                .setUpdateTime(timestamp(o.updateTime))
                .setEtag(Etags.of(o.version));
        if (o.causeTime != null) {
            b.setCauseTime(timestamp(o.causeTime));
        }
        if (o.doneTime != null) {
            b.setDoneTime(timestamp(o.doneTime));
        }
        if (o.nextReportDueTime != null) {
            b.setNextReportDueTime(timestamp(o.nextReportDueTime));
        }
        return b.build();
    }

    private static SupervisionReport report(SupervisionReportEntity r) {
        return SupervisionReport.newBuilder()
                .setNumber(r.number)
                .setDueTime(timestamp(r.dueTime))
                .setSubmitTime(timestamp(r.submitTime))
                .setNote(r.note)
                .setLate(r.late)
                .setActor(r.actor)
                .build();
    }
}
