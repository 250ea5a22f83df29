package org.sqm.complaint.mapping;

import static org.sqm.commons.grpc.ProtoTime.instantOrNull;
import static org.sqm.commons.grpc.ProtoTime.timestamp;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.sqm.commons.persistence.Etags;
import org.sqm.complaint.domain.ComplaintEntity;
import org.sqm.complaint.domain.ComplaintEventEntity;
import org.sqm.complaint.domain.ComplaintStatus;
import org.sqm.complaint.service.ComplaintService.NewComplaint;
import org.sqm.proto.common.v1.Severity;
import org.sqm.proto.complaint.v1.Complainant;
import org.sqm.proto.complaint.v1.Complaint;
import org.sqm.proto.complaint.v1.ComplaintAction;
import org.sqm.proto.complaint.v1.ComplaintChannel;
import org.sqm.proto.complaint.v1.ComplaintEvent;
import org.sqm.proto.complaint.v1.Deadline;
import org.sqm.proto.complaint.v1.DeadlineKind;

/** Translates between the complaint contract and the complaint entity. */
public final class ComplaintMapper {

    private static final String CHANNEL_PREFIX = "COMPLAINT_CHANNEL_";
    private static final String STATUS_PREFIX = "COMPLAINT_STATUS_";

    private ComplaintMapper() {}

    /**
     * The complaint as the contract shows it.
     *
     * @param full    whether to include the confidential complainant
     * @param history the events to include (empty in lists)
     * @param used    the business time used per deadline, where known
     */
    public static Complaint toProto(
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
                .setChannel(ComplaintChannel.valueOf(CHANNEL_PREFIX + e.channel.name()))
                .setDescription(e.description)
                .setReceiveTime(timestamp(e.receiveTime))
                .setCreateTime(timestamp(e.createTime))
                .setCategory(e.category)
                .setSeverity(Severity.valueOf("SEVERITY_" + e.severity.name()))
                .setRemedySought(nz(e.remedySought))
                .setStatus(status(e.status))
                .setEtag(Etags.of(e.version))
                .setEscalatedToUnitId(e.escalatedToUnitId == null ? "" : e.escalatedToUnitId.toString())
                .setEscalationLevel(e.escalationLevel)
                .setRootCause(nz(e.rootCause))
                .setRemedy(nz(e.remedy))
                .setDeadlineSource(nz(e.deadlineSource))
                .setSatisfaction(e.satisfaction == null ? 0 : e.satisfaction)
                .setCallBackOutcome(nz(e.callBackOutcome));
        if (e.resolutionBusinessSeconds != null) {
            c.setResolutionBusinessTime(
                    com.google.protobuf.Duration.newBuilder().setSeconds(e.resolutionBusinessSeconds));
        }
        if (e.resolveTime != null) {
            c.setResolveTime(timestamp(e.resolveTime));
        }
        if (full) {
            c.setComplainant(Complainant.newBuilder()
                    .setName(nz(e.complainantName))
                    .setEmail(nz(e.complainantEmail))
                    .setPhone(nz(e.complainantPhone)));
        }
        for (ComplaintEntity.Deadline d :
                e.deadlines.stream().sorted((a, b) -> a.kind.compareTo(b.kind)).toList()) {
            Deadline.Builder deadline = Deadline.newBuilder()
                    .setKind(DeadlineKind.valueOf("DEADLINE_KIND_" + d.kind.name()))
                    .setAllowed(com.google.protobuf.Duration.newBuilder().setSeconds(d.allowedSeconds))
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
                deadline.setUsed(com.google.protobuf.Duration.newBuilder()
                        .setSeconds(usedTime.getSeconds())
                        .setNanos(usedTime.getNano()));
            }
            c.addDeadlines(deadline);
        }
        for (ComplaintEventEntity ev : history) {
            ComplaintEvent.Builder event = ComplaintEvent.newBuilder()
                    .setTime(timestamp(ev.time))
                    .setActor(ev.actor)
                    .setAction(ev.action)
                    .setNote(nz(ev.note));
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
        return org.sqm.proto.complaint.v1.ComplaintStatus.valueOf(STATUS_PREFIX + status.name());
    }

    public static NewComplaint toNewComplaint(Complaint c) {
        return new NewComplaint(
                c.getUnitId(),
                toDomain(c.getChannel()),
                c.getCategory(),
                toDomain(c.getSeverity()),
                c.getDescription(),
                c.getRemedySought(),
                c.getComplainant().getName(),
                c.getComplainant().getEmail(),
                c.getComplainant().getPhone(),
                instantOrNull(c.hasReceiveTime(), c.getReceiveTime()));
    }

    /** The domain channel, or null for UNSPECIFIED and for numbers this version does not know. */
    public static org.sqm.complaint.domain.ComplaintChannel toDomain(ComplaintChannel channel) {
        if (channel == ComplaintChannel.COMPLAINT_CHANNEL_UNSPECIFIED || channel == ComplaintChannel.UNRECOGNIZED) {
            return null;
        }
        return org.sqm.complaint.domain.ComplaintChannel.valueOf(channel.name().substring(CHANNEL_PREFIX.length()));
    }

    public static org.sqm.complaint.domain.Severity toDomain(Severity severity) {
        if (severity == Severity.SEVERITY_UNSPECIFIED || severity == Severity.UNRECOGNIZED) {
            return null;
        }
        return org.sqm.complaint.domain.Severity.valueOf(severity.name().substring("SEVERITY_".length()));
    }

    public static ComplaintStatus toDomain(org.sqm.proto.complaint.v1.ComplaintStatus status) {
        if (status == org.sqm.proto.complaint.v1.ComplaintStatus.COMPLAINT_STATUS_UNSPECIFIED
                || status == org.sqm.proto.complaint.v1.ComplaintStatus.UNRECOGNIZED) {
            return null;
        }
        return ComplaintStatus.valueOf(status.name().substring(STATUS_PREFIX.length()));
    }

    public static org.sqm.complaint.domain.ComplaintAction toDomain(ComplaintAction action) {
        if (action == ComplaintAction.COMPLAINT_ACTION_UNSPECIFIED || action == ComplaintAction.UNRECOGNIZED) {
            return null;
        }
        return org.sqm.complaint.domain.ComplaintAction.valueOf(action.name().substring("COMPLAINT_ACTION_".length()));
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
