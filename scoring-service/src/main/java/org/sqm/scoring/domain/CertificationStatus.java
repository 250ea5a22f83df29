package org.sqm.scoring.domain;

/** Where a certification is: valid, not valid for now, or ended for good. */
public enum CertificationStatus {
    ACTIVE,
    SUSPENDED,
    LAPSED;

    /** Whether the certification still counts: a live one can be reviewed, suspended or reinstated. */
    public boolean live() {
        return this != LAPSED;
    }
}
