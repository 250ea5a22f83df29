package org.sqm.gateway.rest.scoring;

import static org.sqm.commons.convert.Texts.emptyToNull;

import org.sqm.commons.convert.ProtoEnums;
import org.sqm.gateway.rest.http.Times;
import org.sqm.gateway.rest.scoring.CertificationViews.CertificationEventView;
import org.sqm.gateway.rest.scoring.CertificationViews.CertificationView;
import org.sqm.proto.scoring.v1.Certification;
import org.sqm.proto.scoring.v1.CertificationEvent;

/** Certifications from scoring-service's contract into the REST views. */
public final class CertificationMapping {

    private CertificationMapping() {}

    /** The view with its history. */
    static CertificationView view(Certification c) {
        return view(c, true);
    }

    /** The view of a list, without history. */
    public static CertificationView listed(Certification c) {
        return view(c, false);
    }

    private static CertificationView view(Certification c, boolean withHistory) {
        return new CertificationView(
                c.getId(),
                c.getUnitId(),
                c.getRulesCode(),
                c.getRulesId(),
                ProtoEnums.shortName(c.getStatus()),
                Times.text(c.getGrantTime()),
                Times.text(c.getValidUntil()),
                Times.text(c.getNextReviewDueTime()),
                c.getNextReviewIsReassessment(),
                emptyToNull(c.getPlannedInspectionId()),
                c.getLatestDecisionId(),
                c.getActionPlanOrderIdsList(),
                Times.textOrNull(c.hasActionPlanDueTime(), c.getActionPlanDueTime()),
                withHistory
                        ? c.getHistoryList().stream()
                                .map(CertificationMapping::event)
                                .toList()
                        : null,
                c.getEtag());
    }

    private static CertificationEventView event(CertificationEvent e) {
        return new CertificationEventView(
                Times.text(e.getTime()),
                e.getAction(),
                ProtoEnums.shortName(e.getFromStatus()),
                ProtoEnums.shortName(e.getToStatus()),
                e.getReason(),
                e.getActor(),
                emptyToNull(e.getDecisionId()),
                emptyToNull(e.getPlannedInspectionId()));
    }
}
