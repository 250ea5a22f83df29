package org.sqm.complaint.mapping;

import static org.sqm.commons.convert.ProtoTime.instantOrNull;
import static org.sqm.commons.convert.ProtoTime.timestamp;
import static org.sqm.commons.convert.Texts.nullToEmpty;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.sqm.commons.convert.ProtoEnums;
import org.sqm.commons.convert.ProtoTime;
import org.sqm.commons.persistence.Etags;
import org.sqm.complaint.domain.ComplaintCategoryEntity;
import org.sqm.complaint.domain.ComplaintEntity;
import org.sqm.complaint.domain.ComplaintEventEntity;
import org.sqm.complaint.domain.ComplaintStatus;
import org.sqm.complaint.repository.ComplaintRepository;
import org.sqm.complaint.service.ComplaintDetail;
import org.sqm.complaint.service.ComplaintIntake.NewComplaint;
import org.sqm.proto.common.v1.CustomerSegment;
import org.sqm.proto.common.v1.Severity;
import org.sqm.proto.complaint.v1.Complainant;
import org.sqm.proto.complaint.v1.Complaint;
import org.sqm.proto.complaint.v1.ComplaintCategory;
import org.sqm.proto.complaint.v1.ComplaintChannel;
import org.sqm.proto.complaint.v1.ComplaintEvent;
import org.sqm.proto.complaint.v1.ComplaintStatistics;
import org.sqm.proto.complaint.v1.Deadline;
import org.sqm.proto.complaint.v1.DeadlineKind;
import org.sqm.proto.complaint.v1.SegmentCount;

/** Translates between the complaint contract and the complaint entity. */
public final class ComplaintMapper {

    private ComplaintMapper() {}

    /**
     * The complaint as the contract shows it.
     *
     * @param full whether to include the confidential complainant
     */
    public static Complaint toProto(ComplaintDetail detail, boolean full) {
        return toProto(detail.complaint(), full, detail.history(), detail.used());
    }

    /** A complaint in a list: no complainant, no history, no measurement. */
    public static Complaint toListItem(ComplaintEntity e) {
        return toProto(e, false, List.of(), Map.of());
    }

    private static Complaint toProto(
            ComplaintEntity e,
            boolean full,
            List<ComplaintEventEntity> history,
            Map<org.sqm.complaint.domain.DeadlineKind, Duration> used) {
        Instant now = Instant.now();
        boolean running = e.status == ComplaintStatus.RECEIVED
                || e.status == ComplaintStatus.ACKNOWLEDGED
                || e.status == ComplaintStatus.INVESTIGATING
                || e.status == ComplaintStatus.RESOLVED;
        Complaint.Builder c = Complaint.newBuilder()
                .setId(e.id.toString())
                .setReference(e.reference)
                .setUnitId(e.unitId.toString())
                .setChannel(ProtoEnums.toProto(e.channel, ComplaintChannel.class))
                .setDescription(e.description)
                .setReceiveTime(timestamp(e.receiveTime))
                .setCreateTime(timestamp(e.createTime))
                .setCategory(e.category)
                .setSeverity(ProtoEnums.toProto(e.severity, Severity.class))
                .setRemedySought(nullToEmpty(e.remedySought))
                .setStatus(status(e.status))
                .setEtag(Etags.of(e.version))
                .setEscalatedToUnitId(e.escalatedToUnitId == null ? "" : e.escalatedToUnitId.toString())
                .setEscalationLevel(e.escalationLevel)
                .setRootCause(nullToEmpty(e.rootCause))
                .setRemedy(nullToEmpty(e.remedy))
                .setDeadlineSource(nullToEmpty(e.deadlineSource))
                .setSatisfaction(e.satisfaction == null ? 0 : e.satisfaction)
                .setCallBackOutcome(nullToEmpty(e.callBackOutcome))
                .setCustomerSegment(ProtoEnums.toProto(e.customerSegment, CustomerSegment.class))
                .setResolvedAtFirstContact(e.firstContactResolution);
        if (e.resolutionBusinessSeconds != null) {
            c.setResolutionBusinessTime(ProtoTime.duration(Duration.ofSeconds(e.resolutionBusinessSeconds)));
        }
        if (e.resolveTime != null) {
            c.setResolveTime(timestamp(e.resolveTime));
        }
        if (full) {
            c.setComplainant(Complainant.newBuilder()
                    .setName(nullToEmpty(e.complainantName))
                    .setEmail(nullToEmpty(e.complainantEmail))
                    .setPhone(nullToEmpty(e.complainantPhone)));
        }
        for (ComplaintEntity.Deadline d : e.deadlines.stream()
                .sorted(Comparator.comparing((ComplaintEntity.Deadline x) -> x.kind))
                .toList()) {
            Deadline.Builder deadline = Deadline.newBuilder()
                    .setKind(ProtoEnums.toProto(d.kind, DeadlineKind.class))
                    .setAllowed(ProtoTime.duration(Duration.ofSeconds(d.allowedSeconds)))
                    .setDueTime(timestamp(d.dueTime))
                    .setBreached(
                            running
                                    ? d.isBreached(now)
                                    : d.breached || (d.metTime != null && d.metTime.isAfter(d.dueTime)));
            if (d.metTime != null) {
                deadline.setMetTime(timestamp(d.metTime));
            }
            Duration usedTime = used.get(d.kind);
            if (usedTime != null) {
                deadline.setUsed(ProtoTime.duration(usedTime));
            }
            c.addDeadlines(deadline);
        }
        for (ComplaintEventEntity ev : history) {
            ComplaintEvent.Builder event = ComplaintEvent.newBuilder()
                    .setTime(timestamp(ev.time))
                    .setActor(ev.actor)
                    .setAction(ev.action)
                    .setNote(nullToEmpty(ev.note));
            if (ev.fromStatus != null) {
                event.setFromStatus(status(ev.fromStatus));
            }
            if (ev.toStatus != null) {
                event.setToStatus(status(ev.toStatus));
            }
            c.addHistory(event);
        }
        return c.build();
    }

    private static org.sqm.proto.complaint.v1.ComplaintStatus status(ComplaintStatus status) {
        return ProtoEnums.toProto(status, org.sqm.proto.complaint.v1.ComplaintStatus.class);
    }

    public static NewComplaint toNewComplaint(Complaint c) {
        return new NewComplaint(
                c.getUnitId(),
                ProtoEnums.toDomain(c.getChannel(), org.sqm.complaint.domain.ComplaintChannel.class),
                c.getCategory(),
                ProtoEnums.toDomain(c.getSeverity(), org.sqm.complaint.domain.Severity.class),
                c.getDescription(),
                c.getRemedySought(),
                c.getComplainant().getName(),
                c.getComplainant().getEmail(),
                c.getComplainant().getPhone(),
                instantOrNull(c.hasReceiveTime(), c.getReceiveTime()),
                ProtoEnums.toDomain(c.getCustomerSegment(), org.sqm.complaint.domain.CustomerSegment.class));
    }

    public static ComplaintStatistics toProto(ComplaintRepository.Statistics s) {
        return ComplaintStatistics.newBuilder()
                .setReceived(s.received())
                .setResolved(s.resolved())
                .setResolvedWithinDeadline(s.resolvedWithinDeadline())
                .setShareResolvedWithinDeadline(share(s.resolvedWithinDeadline(), s.resolved()))
                .setMedianResolutionTime(ProtoTime.durationOfSeconds(s.medianSeconds()))
                .setP90ResolutionTime(ProtoTime.durationOfSeconds(s.p90Seconds()))
                .setSatisfactionResponses(s.satisfactionResponses())
                .setMeanSatisfaction(s.meanSatisfaction() == null ? 0 : s.meanSatisfaction())
                .setReopened(s.reopened())
                .setReopenRate(share(s.reopened(), s.resolved()))
                .setEscalated(s.escalated())
                .setCallBacksRequired(s.callBacksRequired())
                .setCallBacksDone(s.callBacksDone())
                .setCallBackCoverage(share(s.callBacksDone(), s.callBacksRequired()))
                .setFirstContactResolutions(s.firstContactResolutions())
                .setFirstContactResolutionRate(share(s.firstContactResolutions(), s.received()))
                .addAllReceivedBySegment(s.receivedBySegment().stream()
                        .filter(count -> count.received() > 0)
                        .map(count -> SegmentCount.newBuilder()
                                .setSegment(ProtoEnums.toProto(count.segment(), CustomerSegment.class))
                                .setReceived(count.received())
                                .build())
                        .toList())
                .build();
    }

    public static ComplaintCategory toProto(ComplaintCategoryEntity c) {
        return ComplaintCategory.newBuilder().setCode(c.code).setName(c.name).build();
    }

    private static double share(long part, long whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }
}
