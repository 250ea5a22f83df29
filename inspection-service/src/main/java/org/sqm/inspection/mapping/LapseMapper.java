package org.sqm.inspection.mapping;

import org.sqm.commons.convert.ProtoEnums;
import org.sqm.commons.convert.ProtoTime;
import org.sqm.proto.inspection.v1.LapseKind;
import org.sqm.proto.inspection.v1.OrderKind;
import org.sqm.proto.inspection.v1.OrderLapse;

/** Translates order lapses to the feed contract. */
public final class LapseMapper {

    private LapseMapper() {}

    public static OrderLapse toProto(org.sqm.inspection.domain.OrderLapse lapse) {
        return OrderLapse.newBuilder()
                .setLapseId(lapse.lapseId())
                .setKind(ProtoEnums.toProto(lapse.kind(), LapseKind.class))
                .setOrderKind(ProtoEnums.toProto(lapse.orderKind(), OrderKind.class))
                .setOrderId(lapse.orderId().toString())
                .setUnitId(lapse.unitId().toString())
                .setDueTime(ProtoTime.timestamp(lapse.dueTime()))
                .setOccurredTime(ProtoTime.timestamp(lapse.occurredTime()))
                .setDescription(lapse.description())
                .build();
    }
}
