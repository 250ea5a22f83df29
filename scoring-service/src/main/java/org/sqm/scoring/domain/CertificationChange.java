package org.sqm.scoring.domain;

/** What happened to a certification: a decision's effect, the watch's, or a change by hand. */
public enum CertificationChange {
    GRANT,
    REVIEW_PASSED,
    REVIEW_FAILED,
    RENEW,
    REASSESSMENT_FAILED,
    SUSPEND,
    REINSTATE,
    LAPSE
}
