package org.sqm.scoring.mapping;

import static org.sqm.commons.convert.ProtoTime.timestamp;

import org.sqm.commons.convert.ProtoEnums;
import org.sqm.commons.paging.PageTokens;
import org.sqm.proto.scoring.v1.ListTriggeredSpotChecksResponse;
import org.sqm.proto.scoring.v1.TriggerFigure;
import org.sqm.proto.scoring.v1.TriggeredSpotCheckStatus;
import org.sqm.scoring.domain.TriggeredSpotCheck;

/** Translates fired spot-check triggers to the contract. */
public final class SpotCheckMapper {

    private SpotCheckMapper() {}

    public static org.sqm.proto.scoring.v1.TriggeredSpotCheck toProto(TriggeredSpotCheck t) {
        var b = org.sqm.proto.scoring.v1.TriggeredSpotCheck.newBuilder()
                .setId(t.id().toString())
                .setUnitId(t.unitId().toString())
                .setPeriod(t.period())
                .setModelId(t.modelId().toString())
                .setTriggerCode(t.triggerCode())
                .setReason(t.reason())
                .addAllFigures(t.figures().stream()
                        .map(f -> TriggerFigure.newBuilder()
                                .setName(f.name())
                                .setPeriod(f.period())
                                .setValue(f.value())
                                .build())
                        .toList())
                .setStatus(ProtoEnums.fromShortName(t.status(), TriggeredSpotCheckStatus.class))
                .setInspectionId(
                        t.inspectionId() == null ? "" : t.inspectionId().toString())
                .setFireTime(timestamp(t.fireTime()));
        if (t.requestTime() != null) {
            b.setRequestTime(timestamp(t.requestTime()));
        }
        return b.build();
    }

    public static ListTriggeredSpotChecksResponse toProto(PageTokens.Page<TriggeredSpotCheck> page) {
        return ListTriggeredSpotChecksResponse.newBuilder()
                .addAllTriggeredSpotChecks(
                        page.items().stream().map(SpotCheckMapper::toProto).toList())
                .setNextPageToken(page.nextPageToken())
                .build();
    }
}
