package org.sqm.gateway.rest.inspections;

import static org.sqm.commons.convert.ProtoEnums.shortName;
import static org.sqm.commons.convert.ProtoEnums.toProto;
import static org.sqm.commons.convert.Texts.emptyToNull;
import static org.sqm.commons.convert.Texts.nullToEmpty;

import org.sqm.gateway.rest.http.Times;
import org.sqm.gateway.rest.inspections.InspectionViews.SupervisionOrderBody;
import org.sqm.gateway.rest.inspections.InspectionViews.SupervisionOrderView;
import org.sqm.gateway.rest.inspections.InspectionViews.SupervisionReportView;
import org.sqm.proto.inspection.v1.AuthorityLevel;
import org.sqm.proto.inspection.v1.SupervisionOrder;

/** Supervision orders: REST bodies to messages and messages to REST views. */
public final class SupervisionMapping {

    private SupervisionMapping() {}

    static SupervisionOrder.Builder order(SupervisionOrderBody body) {
        SupervisionOrder.Builder o = SupervisionOrder.newBuilder()
                .setUnitId(nullToEmpty(body.unitId()))
                .setAuthorityLevel(toProto(body.authorityLevel(), AuthorityLevel.class))
                .setIssuer(nullToEmpty(body.issuer()))
                .setRegulator(Boolean.TRUE.equals(body.regulator()))
                .setProblem(nullToEmpty(body.problem()));
        if (body.dueTime() != null) {
            o.setDueTime(Times.timestamp("dueTime", body.dueTime()));
        }
        if (body.reportInterval() != null) {
            o.setReportInterval(Times.duration("reportInterval", body.reportInterval()));
        }
        return o;
    }

    public static SupervisionOrderView view(SupervisionOrder o) {
        return new SupervisionOrderView(
                o.getId(),
                o.getUnitId(),
                shortName(o.getAuthorityLevel()),
                o.getIssuer(),
                o.getRegulator(),
                o.getProblem(),
                Times.text(o.getIssueTime()),
                Times.text(o.getDueTime()),
                Times.text(o.getReportInterval()),
                shortName(o.getStatus()),
                emptyToNull(o.getCause()),
                Times.textOrNull(o.hasCauseTime(), o.getCauseTime()),
                emptyToNull(o.getCompletionNote()),
                Times.textOrNull(o.hasDoneTime(), o.getDoneTime()),
                o.getOverdue(),
                o.getReportsCount() == 0
                        ? null
                        : o.getReportsList().stream()
                                .map(r -> new SupervisionReportView(
                                        r.getNumber(),
                                        Times.text(r.getDueTime()),
                                        Times.text(r.getSubmitTime()),
                                        r.getNote(),
                                        r.getLate(),
                                        r.getActor()))
                                .toList(),
                o.getReportsSubmitted(),
                o.getLateReports(),
                o.getMissingReports(),
                Times.textOrNull(o.hasNextReportDueTime(), o.getNextReportDueTime()),
                o.getReportOverdue(),
                InspectionMapping.history(o.getHistoryList(), InspectionMapping::view),
                Times.text(o.getUpdateTime()));
    }
}
