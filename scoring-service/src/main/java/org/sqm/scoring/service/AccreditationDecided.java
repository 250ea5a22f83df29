package org.sqm.scoring.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.sqm.proto.inspection.v1.AuthorityLevel;
import org.sqm.proto.scoring.v1.AccreditationOutcome;
import org.sqm.proto.scoring.v1.CertificationAction;

/**
 * A new accreditation decision, fired (a synchronous CDI event) by the decision's transaction after
 * its row is written and before it commits; the certification cycle observes it, grants, reviews or
 * renews the unit's certification in the same transaction, and answers with what it did through
 * {@link #certified}. Remote calls (planning the next review in inspection-service) are made after
 * the commit, never inside it.
 */
public final class AccreditationDecided {

    /** The decision's facts. */
    public record Facts(
            UUID decisionId,
            UUID unitId,
            UUID rulesId,
            String rulesCode,
            String standardCode,
            AccreditationOutcome outcome,
            UUID inspectionId,
            Instant decideTime,
            String actor,
            List<UUID> actionPlanOrderIds,
            Instant actionPlanDueTime,
            int validityMonths,
            int reviewIntervalMonths,
            int reviewWindowDays,
            int reviewGraceDays,
            AuthorityLevel assessmentAuthority) {}

    private final Facts facts;
    private UUID certificationId;
    private CertificationAction action = CertificationAction.CERTIFICATION_ACTION_UNSPECIFIED;

    public AccreditationDecided(Facts facts) {
        this.facts = facts;
    }

    public Facts facts() {
        return facts;
    }

    /** Records what the decision did to a certification; the decision stores it with itself. */
    public void certified(UUID certificationId, CertificationAction action) {
        this.certificationId = certificationId;
        this.action = action;
    }

    /** The certification the decision changed, or null when it changed none. */
    public UUID certificationId() {
        return certificationId;
    }

    /** What the decision did to it. */
    public CertificationAction action() {
        return action;
    }
}
