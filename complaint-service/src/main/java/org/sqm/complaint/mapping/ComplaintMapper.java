package org.sqm.complaint.mapping;

import static org.sqm.commons.grpc.ProtoTime.instantOrNull;
import static org.sqm.commons.grpc.ProtoTime.timestamp;

import org.sqm.complaint.domain.ComplaintEntity;
import org.sqm.complaint.service.ComplaintService.NewComplaint;
import org.sqm.proto.complaint.v1.Complaint;
import org.sqm.proto.complaint.v1.ComplaintChannel;

/** Translates between the complaint contract and the complaint entity. */
public final class ComplaintMapper {

    private static final String CHANNEL_PREFIX = "COMPLAINT_CHANNEL_";

    private ComplaintMapper() {}

    public static Complaint toProto(ComplaintEntity entity) {
        return Complaint.newBuilder()
                .setId(entity.id.toString())
                .setReference(entity.reference)
                .setUnitId(entity.unitId.toString())
                .setChannel(ComplaintChannel.valueOf(CHANNEL_PREFIX + entity.channel.name()))
                .setDescription(entity.description)
                .setReceiveTime(timestamp(entity.receiveTime))
                .setCreateTime(timestamp(entity.createTime))
                .build();
    }

    public static NewComplaint toNewComplaint(Complaint complaint) {
        return new NewComplaint(
                complaint.getUnitId(),
                toDomain(complaint.getChannel()),
                complaint.getDescription(),
                instantOrNull(complaint.hasReceiveTime(), complaint.getReceiveTime()));
    }

    /** The domain channel, or null for UNSPECIFIED and for numbers this version does not know. */
    static org.sqm.complaint.domain.ComplaintChannel toDomain(ComplaintChannel channel) {
        if (channel == ComplaintChannel.COMPLAINT_CHANNEL_UNSPECIFIED || channel == ComplaintChannel.UNRECOGNIZED) {
            return null;
        }
        return org.sqm.complaint.domain.ComplaintChannel.valueOf(channel.name().substring(CHANNEL_PREFIX.length()));
    }
}
