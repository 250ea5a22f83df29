package org.sqm.standards.mapping;

import static org.sqm.commons.convert.ProtoTime.timestamp;

import org.sqm.commons.convert.ProtoEnums;
import org.sqm.commons.persistence.Etags;
import org.sqm.proto.standards.v1.Unit;
import org.sqm.proto.standards.v1.UnitState;
import org.sqm.proto.standards.v1.UnitType;
import org.sqm.proto.standards.v1.UpdateUnitRequest;
import org.sqm.standards.domain.UnitEntity;
import org.sqm.standards.service.UnitService.NewUnit;
import org.sqm.standards.service.UnitService.UnitChange;

/** Translates between the unit contract and the unit entity. */
public final class UnitMapper {

    private UnitMapper() {}

    public static Unit toProto(UnitEntity entity) {
        Unit.Builder unit = Unit.newBuilder()
                .setId(entity.id.toString())
                .setCode(entity.code)
                .setName(entity.name)
                .setType(ProtoEnums.toProto(entity.type, UnitType.class))
                .setCreateTime(timestamp(entity.createTime))
                .setState(ProtoEnums.toProto(entity.state, UnitState.class))
                .setEtag(Etags.of(entity.version))
                .setUpdateTime(timestamp(entity.updateTime));
        if (entity.parentId != null) {
            unit.setParentId(entity.parentId.toString());
        }
        if (entity.calendarId != null) {
            unit.setCalendarId(entity.calendarId.toString());
        }
        return unit.build();
    }

    public static NewUnit toNewUnit(Unit unit) {
        return new NewUnit(
                unit.getCode(), unit.getName(), toDomain(unit.getType()), unit.getParentId(), unit.getCalendarId());
    }

    public static UnitChange toChange(UpdateUnitRequest request) {
        Unit unit = request.getUnit();
        return new UnitChange(
                unit.getId(),
                unit.getEtag(),
                request.getUpdateMask().getPathsList(),
                unit.getName(),
                toDomain(unit.getType()),
                unit.getParentId(),
                unit.getCalendarId());
    }

    private static org.sqm.standards.domain.UnitType toDomain(UnitType type) {
        return ProtoEnums.toDomain(type, org.sqm.standards.domain.UnitType.class);
    }
}
