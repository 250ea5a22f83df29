package org.sqm.inspection.mapping;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Message;
import com.google.protobuf.ProtocolMessageEnum;
import java.util.List;
import org.sqm.commons.convert.ProtoEnums;
import org.sqm.commons.convert.ProtoTime;
import org.sqm.commons.convert.Texts;
import org.sqm.inspection.domain.MoveEntity;

/**
 * The history of moves in the contract. InspectionMove, RectificationMove and SupervisionMove share
 * their fields (time, actor, action, from_status, to_status, note) and differ only in the status
 * enum, so one mapping fills all three by field name.
 */
final class MoveMapper {

    private MoveMapper() {}

    /** The moves as messages of {@code prototype}'s type, statuses of {@code statuses}. */
    static <M extends Message, E extends Enum<E> & ProtocolMessageEnum> List<M> history(
            List<MoveEntity> moves, M prototype, Class<E> statuses) {
        return moves.stream().map(m -> move(m, prototype, statuses)).toList();
    }

    @SuppressWarnings("unchecked") // a builder of M's type builds an M
    private static <M extends Message, E extends Enum<E> & ProtocolMessageEnum> M move(
            MoveEntity m, M prototype, Class<E> statuses) {
        Message.Builder b = prototype.newBuilderForType();
        Descriptor d = b.getDescriptorForType();
        b.setField(d.findFieldByName("time"), ProtoTime.timestamp(m.time));
        b.setField(d.findFieldByName("actor"), m.actor);
        b.setField(d.findFieldByName("action"), m.action);
        if (m.fromStatus != null) {
            b.setField(
                    d.findFieldByName("from_status"),
                    ProtoEnums.fromShortName(m.fromStatus, statuses).getValueDescriptor());
        }
        b.setField(
                d.findFieldByName("to_status"),
                ProtoEnums.fromShortName(m.toStatus, statuses).getValueDescriptor());
        b.setField(d.findFieldByName("note"), Texts.nullToEmpty(m.note));
        return (M) b.build();
    }
}
