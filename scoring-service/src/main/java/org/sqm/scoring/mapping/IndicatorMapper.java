package org.sqm.scoring.mapping;

import static org.sqm.commons.convert.ProtoTime.timestamp;

import org.sqm.commons.convert.ProtoEnums;
import org.sqm.proto.scoring.v1.Indicator;
import org.sqm.proto.scoring.v1.IndicatorDirection;
import org.sqm.proto.scoring.v1.IndicatorKind;
import org.sqm.proto.standards.v1.UnitType;
import org.sqm.scoring.domain.IndicatorEntity;
import org.sqm.scoring.service.IndicatorService.NewIndicator;

/** Translates between the indicator contract and its entity. */
public final class IndicatorMapper {

    private IndicatorMapper() {}

    public static Indicator toProto(IndicatorEntity e) {
        return Indicator.newBuilder()
                .setId(e.id.toString())
                .setCode(e.code)
                .setName(e.name)
                .setCounted(e.counted)
                .setKind(ProtoEnums.toProto(e.kind, IndicatorKind.class))
                .setDirection(ProtoEnums.toProto(e.direction, IndicatorDirection.class))
                .setUnitType(ProtoEnums.fromShortName(e.unitType, UnitType.class))
                .setCreateTime(timestamp(e.createTime))
                .build();
    }

    public static NewIndicator toNewIndicator(Indicator i) {
        return new NewIndicator(
                i.getCode(),
                i.getName(),
                i.getCounted(),
                ProtoEnums.toDomain(i.getKind(), org.sqm.scoring.domain.IndicatorKind.class),
                ProtoEnums.toDomain(i.getDirection(), org.sqm.scoring.domain.IndicatorDirection.class),
                ProtoEnums.shortName(i.getUnitType()),
                i.getUnitType() != UnitType.UNRECOGNIZED);
    }
}
