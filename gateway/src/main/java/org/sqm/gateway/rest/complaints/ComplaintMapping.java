package org.sqm.gateway.rest.complaints;

import static org.sqm.commons.convert.Texts.emptyToNull;
import static org.sqm.commons.convert.Texts.nullToEmpty;

import java.util.LinkedHashMap;
import java.util.Map;
import org.sqm.commons.convert.ProtoEnums;
import org.sqm.gateway.rest.complaints.ComplaintViews.Channel;
import org.sqm.gateway.rest.complaints.ComplaintViews.ComplaintBody;
import org.sqm.gateway.rest.complaints.ComplaintViews.ComplaintView;
import org.sqm.gateway.rest.complaints.ComplaintViews.CustomerSegment;
import org.sqm.gateway.rest.complaints.ComplaintViews.DeadlineView;
import org.sqm.gateway.rest.complaints.ComplaintViews.EventView;
import org.sqm.gateway.rest.complaints.ComplaintViews.StatisticsView;
import org.sqm.gateway.rest.complaints.ComplaintViews.UnitStatisticsView;
import org.sqm.gateway.rest.http.Times;
import org.sqm.gateway.rest.standards.StandardViews.Severity;
import org.sqm.proto.complaint.v1.Complainant;
import org.sqm.proto.complaint.v1.Complaint;
import org.sqm.proto.complaint.v1.ComplaintChannel;
import org.sqm.proto.complaint.v1.ComplaintStatistics;
import org.sqm.proto.complaint.v1.SegmentCount;
import org.sqm.proto.complaint.v1.UnitComplaintStatistics;

/** Translates complaints and their statistics between their REST and protobuf shapes. */
public final class ComplaintMapping {

    /** The key of the complaints whose customer segment is not known. */
    static final String UNKNOWN_SEGMENT = "UNKNOWN";

    private ComplaintMapping() {}

    static Complaint.Builder complaint(ComplaintBody body) {
        Complaint.Builder c = Complaint.newBuilder()
                .setUnitId(nullToEmpty(body.unitId()))
                .setChannel(ProtoEnums.toProto(body.channel(), ComplaintChannel.class))
                .setCategory(nullToEmpty(body.category()))
                .setSeverity(ProtoEnums.toProto(body.severity(), org.sqm.proto.common.v1.Severity.class))
                .setDescription(nullToEmpty(body.description()))
                .setRemedySought(nullToEmpty(body.remedySought()));
        if (body.complainant() != null) {
            c.setComplainant(Complainant.newBuilder()
                    .setName(nullToEmpty(body.complainant().name()))
                    .setEmail(nullToEmpty(body.complainant().email()))
                    .setPhone(nullToEmpty(body.complainant().phone())));
        }
        if (body.receiveTime() != null) {
            c.setReceiveTime(Times.timestamp("receiveTime", body.receiveTime()));
        }
        c.setCustomerSegment(ProtoEnums.toProto(body.customerSegment(), org.sqm.proto.common.v1.CustomerSegment.class));
        return c;
    }

    public static ComplaintView view(Complaint c) {
        return new ComplaintView(
                c.getId(),
                c.getReference(),
                c.getUnitId(),
                ProtoEnums.toDomain(c.getChannel(), Channel.class),
                c.getCategory(),
                ProtoEnums.toDomain(c.getSeverity(), Severity.class),
                c.getDescription(),
                emptyToNull(c.getRemedySought()),
                c.hasComplainant()
                        ? new ComplaintViews.Complainant(
                                c.getComplainant().getName(),
                                emptyToNull(c.getComplainant().getEmail()),
                                emptyToNull(c.getComplainant().getPhone()))
                        : null,
                ProtoEnums.shortName(c.getStatus()),
                c.getEtag(),
                c.getDeadlinesList().stream()
                        .map(d -> new DeadlineView(
                                ProtoEnums.shortName(d.getKind()),
                                Times.text(d.getAllowed()),
                                Times.text(d.getDueTime()),
                                Times.textOrNull(d.hasMetTime(), d.getMetTime()),
                                d.getBreached(),
                                Times.textOrNull(d.hasUsed(), d.getUsed())))
                        .toList(),
                c.getHistoryCount() == 0
                        ? null
                        : c.getHistoryList().stream()
                                .map(e -> new EventView(
                                        Times.text(e.getTime()),
                                        e.getActor(),
                                        e.getAction(),
                                        ProtoEnums.shortName(e.getFromStatus()),
                                        ProtoEnums.shortName(e.getToStatus()),
                                        emptyToNull(e.getNote())))
                                .toList(),
                emptyToNull(c.getEscalatedToUnitId()),
                c.getEscalationLevel(),
                emptyToNull(c.getRootCause()),
                emptyToNull(c.getRemedy()),
                Times.textOrNull(c.hasResolveTime(), c.getResolveTime()),
                emptyToNull(c.getDeadlineSource()),
                Times.text(c.getReceiveTime()),
                Times.text(c.getCreateTime()),
                c.getSatisfaction() == 0 ? null : c.getSatisfaction(),
                emptyToNull(c.getCallBackOutcome()),
                Times.textOrNull(c.hasResolutionBusinessTime(), c.getResolutionBusinessTime()),
                ProtoEnums.toDomain(c.getCustomerSegment(), CustomerSegment.class),
                c.getResolvedAtFirstContact());
    }

    static StatisticsView view(ComplaintStatistics s) {
        return new StatisticsView(
                s.getReceived(),
                s.getResolved(),
                s.getResolvedWithinDeadline(),
                s.getShareResolvedWithinDeadline(),
                Times.text(s.getMedianResolutionTime()),
                Times.text(s.getP90ResolutionTime()),
                s.getSatisfactionResponses(),
                s.getMeanSatisfaction(),
                s.getReopened(),
                s.getReopenRate(),
                s.getEscalated(),
                s.getCallBacksRequired(),
                s.getCallBacksDone(),
                s.getCallBackCoverage(),
                s.getFirstContactResolutions(),
                s.getFirstContactResolutionRate(),
                bySegment(s));
    }

    /** A unit's line of the period feed. */
    static UnitStatisticsView view(UnitComplaintStatistics unit) {
        return new UnitStatisticsView(unit.getUnitId(), view(unit.getStatistics()));
    }

    /** The complaints received per segment, in the service's order, UNKNOWN for "not known". */
    private static Map<String, Long> bySegment(ComplaintStatistics s) {
        Map<String, Long> bySegment = new LinkedHashMap<>();
        for (SegmentCount count : s.getReceivedBySegmentList()) {
            String segment = ProtoEnums.shortName(count.getSegment());
            bySegment.put(segment == null ? UNKNOWN_SEGMENT : segment, count.getReceived());
        }
        return bySegment;
    }
}
