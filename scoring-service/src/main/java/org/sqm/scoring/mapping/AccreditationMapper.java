package org.sqm.scoring.mapping;

import org.sqm.commons.convert.ProtoEnums;
import org.sqm.commons.paging.PageTokens;
import org.sqm.proto.scoring.v1.AccreditationDecision;
import org.sqm.proto.scoring.v1.AccreditationRules;
import org.sqm.proto.scoring.v1.CertificationAction;
import org.sqm.proto.scoring.v1.ListAccreditationDecisionsResponse;
import org.sqm.proto.scoring.v1.ListAccreditationRulesResponse;
import org.sqm.scoring.domain.AccreditationDecisionEntity;
import org.sqm.scoring.domain.AccreditationRulesEntity;
import org.sqm.scoring.service.AccreditationRulesDocument;

/** Accreditation rule versions and decisions as the contract's messages. */
public final class AccreditationMapper {

    private AccreditationMapper() {}

    public static AccreditationRules toProto(AccreditationRulesEntity e) {
        return AccreditationRulesDocument.toProto(e);
    }

    public static AccreditationDecision toProto(AccreditationDecisionEntity e) {
        AccreditationDecision.Builder d = AccreditationRulesDocument.parse(
                        e.decision, AccreditationDecision.newBuilder())
                .setId(e.id.toString());
        if (e.certificationId != null) {
            d.setCertificationId(e.certificationId.toString());
        }
        if (e.certificationAction != null) {
            d.setCertificationAction(ProtoEnums.fromShortName(e.certificationAction, CertificationAction.class));
        }
        return d.build();
    }

    public static ListAccreditationRulesResponse rulesPage(PageTokens.Page<AccreditationRulesEntity> page) {
        return ListAccreditationRulesResponse.newBuilder()
                .addAllRules(
                        page.items().stream().map(AccreditationMapper::toProto).toList())
                .setNextPageToken(page.nextPageToken())
                .build();
    }

    public static ListAccreditationDecisionsResponse decisionsPage(PageTokens.Page<AccreditationDecisionEntity> page) {
        return ListAccreditationDecisionsResponse.newBuilder()
                .addAllDecisions(
                        page.items().stream().map(AccreditationMapper::toProto).toList())
                .setNextPageToken(page.nextPageToken())
                .build();
    }
}
