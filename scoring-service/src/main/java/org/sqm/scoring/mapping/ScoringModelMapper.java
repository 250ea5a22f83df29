package org.sqm.scoring.mapping;

import org.sqm.commons.convert.ProtoEnums;
import org.sqm.commons.paging.PageTokens;
import org.sqm.proto.scoring.v1.ListScoringModelsRequest;
import org.sqm.proto.scoring.v1.ListScoringModelsResponse;
import org.sqm.proto.scoring.v1.ScoringModel;
import org.sqm.proto.scoring.v1.ScoringModelState;
import org.sqm.proto.standards.v1.UnitType;
import org.sqm.scoring.domain.ScoringModelEntity;
import org.sqm.scoring.service.ScoringModelDocument;
import org.sqm.scoring.service.ScoringModelService.Filter;

/**
 * Translates between the scoring model contract and its entity. The model's tree is stored as the
 * contract's own message ({@link ScoringModelDocument}), so an entity becomes a message by reading it.
 */
public final class ScoringModelMapper {

    private ScoringModelMapper() {}

    public static ScoringModel toProto(ScoringModelEntity e) {
        return ScoringModelDocument.toProto(e);
    }

    public static Filter toFilter(ListScoringModelsRequest request) {
        return new Filter(
                request.getCode(),
                ProtoEnums.shortName(request.getUnitType()),
                request.getUnitType() != UnitType.UNRECOGNIZED,
                ProtoEnums.toDomain(request.getState(), org.sqm.scoring.domain.ScoringModelState.class),
                request.getState() != ScoringModelState.UNRECOGNIZED);
    }

    public static ListScoringModelsResponse toProto(PageTokens.Page<ScoringModelEntity> page) {
        return ListScoringModelsResponse.newBuilder()
                .addAllScoringModels(
                        page.items().stream().map(ScoringModelMapper::toProto).toList())
                .setNextPageToken(page.nextPageToken())
                .build();
    }
}
