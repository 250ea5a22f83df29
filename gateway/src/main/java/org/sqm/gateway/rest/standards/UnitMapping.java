package org.sqm.gateway.rest.standards;

import static org.sqm.commons.convert.Texts.emptyToNull;
import static org.sqm.commons.convert.Texts.nullToEmpty;

import org.sqm.commons.convert.ProtoEnums;
import org.sqm.gateway.rest.http.Times;
import org.sqm.gateway.rest.standards.UnitViews.UnitBody;
import org.sqm.gateway.rest.standards.UnitViews.UnitType;
import org.sqm.gateway.rest.standards.UnitViews.UnitView;
import org.sqm.proto.standards.v1.Unit;

/** Translates units between their REST and protobuf shapes. */
public final class UnitMapping {

    private UnitMapping() {}

    static Unit.Builder unit(UnitBody body) {
        return Unit.newBuilder()
                .setCode(nullToEmpty(body.code()))
                .setName(nullToEmpty(body.name()))
                .setType(type(body.type()))
                .setParentId(nullToEmpty(body.parentId()))
                .setCalendarId(nullToEmpty(body.calendarId()));
    }

    static org.sqm.proto.standards.v1.UnitType type(UnitType type) {
        return ProtoEnums.toProto(type, org.sqm.proto.standards.v1.UnitType.class);
    }

    public static UnitView view(Unit unit) {
        return new UnitView(
                unit.getId(),
                unit.getCode(),
                unit.getName(),
                ProtoEnums.toDomain(unit.getType(), UnitType.class),
                emptyToNull(unit.getParentId()),
                Times.text(unit.getCreateTime()),
                ProtoEnums.shortName(unit.getState()),
                emptyToNull(unit.getEtag()),
                Times.textOrNull(unit.hasUpdateTime(), unit.getUpdateTime()),
                emptyToNull(unit.getCalendarId()));
    }
}
